package io.stackbench.scenario.run;

import io.stackbench.scenario.load.Addresses;
import io.stackbench.scenario.model.ExpectationSpec;
import io.stackbench.scenario.model.NodeSpec;
import io.stackbench.scenario.model.Scenario;
import io.stackbench.scenario.model.SegmentSpec;
import io.stackbench.scenario.model.StepSpec;
import io.stackbench.scenario.peer.ArpResponderPeer;
import io.stackbench.scenario.peer.DadAttackerPeer;
import io.stackbench.scenario.peer.NaSpooferPeer;
import io.stackbench.scenario.peer.RawPeer;
import io.stackbench.scenario.peer.RouterPeer;
import io.stackbench.scenario.peer.PeerHost;
import io.stackbench.scenario.peer.ScriptOutcome;
import io.stackbench.scenario.peer.ScriptedPeer;
import io.stackbench.scenario.peer.TcpPeer;
import io.stackbench.sim.capture.Capture;
import io.stackbench.sim.capture.CaptureInterface;
import io.stackbench.sim.capture.CapturedFrame;
import io.stackbench.sim.capture.InterfaceStatistics;
import io.stackbench.sim.capture.NameRecord;
import io.stackbench.sim.engine.SimTime;
import io.stackbench.sim.engine.SimulationLimitException;
import io.stackbench.sim.engine.Simulator;
import io.stackbench.sim.net.Nic;
import io.stackbench.sim.net.NicStackHost;
import io.stackbench.sim.net.Segment;
import io.stackbench.sim.random.DeterministicRandom;
import io.stackbench.sim.spi.EchoListener;
import io.stackbench.sim.spi.HostedStack;
import io.stackbench.sim.spi.SendListener;
import io.stackbench.sim.spi.StackConfigurationException;
import io.stackbench.sim.spi.StackEvent;
import io.stackbench.sim.spi.StackSnapshot;
import io.stackbench.sim.spi.TcpConnection;
import io.stackbench.sim.spi.TcpHandler;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Builds a scenario's network in a fresh simulator, runs its timeline to the end, and judges its
 * expectations. One runner call is one independent simulation, so runs can go in parallel.
 */
public final class ScenarioRunner {

    private final Supplier<HostedStack> stackFactory;
    private final Function<String, Predicate<byte[]>> filterCompiler;

    /**
     * @param stackFactory makes one instance of the stack under test per stack node
     * @param filterCompiler compiles a display filter into a frame predicate
     */
    public ScenarioRunner(Supplier<HostedStack> stackFactory, Function<String, Predicate<byte[]>> filterCompiler) {
        this.stackFactory = stackFactory;
        this.filterCompiler = filterCompiler;
    }

    public RunResult run(Scenario scenario) {
        return new Run(scenario).execute();
    }

    /** The state of one run. */
    private final class Run {
        private final Scenario scenario;
        private final Simulator simulator = new Simulator();
        private final List<CapturedFrame> frames = new ArrayList<>();
        private final List<StackEvent> events = new ArrayList<>();
        private final Map<String, Segment> segments = new LinkedHashMap<>();
        private final Map<String, HostedStack> stacks = new LinkedHashMap<>();
        private final Map<String, HostedStack> allStacks = new LinkedHashMap<>();
        private final Map<String, NicStackHost> hosts = new LinkedHashMap<>();
        private final Map<String, ScriptedPeer> peers = new LinkedHashMap<>();
        private final Map<String, Nic> nics = new LinkedHashMap<>();
        private final Map<String, String> bootErrors = new TreeMap<>();
        private final Map<String, List<PingAttempt>> pings = new LinkedHashMap<>();
        private final Map<String, StackSnapshot> snapshots = new LinkedHashMap<>();
        /** Datagrams received by each bound port, keyed by {@link ExpectationJudge#udpKey}. */
        private final Map<String, List<UdpDelivery>> udpDeliveries = new LinkedHashMap<>();
        /** What each listening port and each tcp-connect step saw, keyed by {@link ExpectationJudge#tcpKey}. */
        private final Map<String, TcpRecord> tcpRecords = new LinkedHashMap<>();
        private String cause;

        Run(Scenario scenario) {
            this.scenario = scenario;
            simulator.setEventBudget(scenario.eventBudget());
        }

        RunResult execute() {
            build();
            scheduleSteps();
            scheduleSnapshots();

            String abortReason = null;
            try {
                simulator.runUntil(scenario.durationNanos());
            } catch (SimulationLimitException e) {
                abortReason = "run stopped at " + SimTime.format(e.simulatedTime()) + ": " + e.getMessage();
            }
            for (Map.Entry<String, HostedStack> stack : stacks.entrySet()) {
                snapshots.putIfAbsent(stack.getKey() + "@end", stack.getValue().snapshot());
            }

            Capture capture = buildCapture();
            List<ExpectationResult> results = new ExpectationJudge(scenario, capture, events, bootErrors, pings, snapshots, udpDeliveries,
                    tcpRecords, filterCompiler).judge(scriptResults());
            long delivered = segments.values().stream().mapToLong(Segment::framesDelivered).sum();
            return new RunResult(scenario, capture, List.copyOf(events), bootErrors, pings, results, abortReason, simulator.eventsRun(),
                    delivered);
        }

        private void build() {
            int index = 0;
            for (SegmentSpec spec : scenario.segments()) {
                Segment segment = new Segment(simulator, spec.name(), index++, spec.profile(),
                        DeterministicRandom.forComponent(scenario.seed(), "segment:" + spec.name()),
                        (seg, time, frame, comment) -> frames.add(new CapturedFrame(seg.index(), time, snap(frame), frame.length, comment, 0)));
                segments.put(spec.name(), segment);
            }
            for (NodeSpec node : scenario.nodes()) {
                Segment segment = segments.get(node.segment());
                if (node instanceof NodeSpec.Stack spec) {
                    HostedStack stack = stackFactory.get();
                    Nic nic = segment.attach(spec.name(), "eth0", spec.mac(), (n, frame) -> stack.receive(0, frame));
                    NicStackHost host = new NicStackHost(spec.name(), spec.boot(), simulator,
                            DeterministicRandom.forComponent(scenario.seed(), "node:" + spec.name()), nic, events::add, () -> cause);
                    stacks.put(spec.name(), stack);
                    allStacks.put(spec.name(), stack);
                    hosts.put(spec.name(), host);
                    nics.put(spec.name(), nic);
                    simulator.scheduleAt(0, () -> boot(spec.name(), stack, host));
                } else {
                    ScriptedPeer[] peer = new ScriptedPeer[1];
                    Nic nic = segment.attach(node.name(), "eth0", node.mac(), (n, frame) -> peer[0].receive(frame));
                    PeerHost host = new PeerHost(node.name(), nic, simulator, DeterministicRandom.forComponent(scenario.seed(), "peer:" + node.name()));
                    peer[0] = createPeer(node, host);
                    peers.put(node.name(), peer[0]);
                    nics.put(node.name(), nic);
                    simulator.scheduleAt(0, peer[0]::start);
                }
            }
        }

        /** Returns the verdicts of the tcp-peer scripts, in node order. */
        private List<ExpectationResult> scriptResults() {
            List<ExpectationResult> results = new ArrayList<>();
            for (ScriptedPeer peer : peers.values()) {
                if (peer instanceof TcpPeer tcpPeer) {
                    for (ScriptOutcome outcome : tcpPeer.outcomes(simulator.now())) {
                        results.add(new ExpectationResult(outcome.path(), outcome.description(), outcome.passed(), outcome.actual()));
                    }
                }
            }
            return results;
        }

        private ScriptedPeer createPeer(NodeSpec node, PeerHost host) {
            if (node instanceof NodeSpec.ArpResponder spec) {
                return new ArpResponderPeer(host, spec);
            } else if (node instanceof NodeSpec.Router spec) {
                return new RouterPeer(host, spec);
            } else if (node instanceof NodeSpec.DadAttacker spec) {
                return new DadAttackerPeer(host, spec);
            } else if (node instanceof NodeSpec.NaSpoofer spec) {
                return new NaSpooferPeer(host, spec);
            } else if (node instanceof NodeSpec.Raw spec) {
                NodeSpec target = spec.retargetNode() == null ? null
                        : scenario.nodes().stream().filter(n -> n.name().equals(spec.retargetNode())).findFirst().orElse(null);
                return new RawPeer(host, spec, target == null ? null : target.mac());
            } else if (node instanceof NodeSpec.TcpPeer spec) {
                NodeSpec stack = scenario.nodes().stream().filter(n -> n.name().equals(spec.stack())).findFirst().orElseThrow();
                return new TcpPeer(host, spec, stack.mac());
            }
            throw new IllegalStateException("no peer for node kind of " + node);
        }

        private void boot(String name, HostedStack stack, NicStackHost host) {
            try {
                stack.start(host);
            } catch (StackConfigurationException e) {
                bootErrors.put(name, e.getMessage());
                events.add(new StackEvent(simulator.now(), name, "boot.failed", e.getMessage()));
                stacks.remove(name);
                nics.get(name).setUp(false);
            }
        }

        private void scheduleSteps() {
            int index = 0;
            for (StepSpec step : scenario.steps()) {
                int stepIndex = index++;
                if (step instanceof StepSpec.Ping ping) {
                    List<PingAttempt> attempts = new ArrayList<>();
                    pings.put(ping.id(), attempts);
                    for (int seq = 0; seq < ping.count(); seq++) {
                        int sequence = seq;
                        long at = ping.atNanos() + seq * ping.intervalNanos();
                        if (at > scenario.durationNanos()) {
                            break;
                        }
                        simulator.scheduleAt(at, () -> sendEcho(ping, stepIndex, sequence, attempts));
                    }
                } else if (step instanceof StepSpec.Link link) {
                    simulator.scheduleAt(link.atNanos(), () -> setLink(link));
                } else if (step instanceof StepSpec.LinkProfileStep change) {
                    simulator.scheduleAt(change.atNanos(), () -> changeProfile(change));
                } else if (step instanceof StepSpec.Restart restart) {
                    simulator.scheduleAt(restart.atNanos(), () -> restart(restart));
                } else if (step instanceof StepSpec.RouterChange change) {
                    simulator.scheduleAt(change.atNanos(), () -> ((RouterPeer) peers.get(change.node())).change(change.advertisement(), change.send()));
                } else if (step instanceof StepSpec.RouterSend send) {
                    simulator.scheduleAt(send.atNanos(), () -> ((RouterPeer) peers.get(send.node())).send(send.variant(), "step " + send.id()));
                } else if (step instanceof StepSpec.UdpBind bind) {
                    simulator.scheduleAt(bind.atNanos(), () -> udpBind(bind));
                } else if (step instanceof StepSpec.TcpListen listen) {
                    simulator.scheduleAt(listen.atNanos(), () -> tcpListen(listen));
                } else if (step instanceof StepSpec.TcpConnect connect) {
                    simulator.scheduleAt(connect.atNanos(), () -> tcpConnect(connect));
                } else if (step instanceof StepSpec.TcpSend send) {
                    simulator.scheduleAt(send.atNanos(), () -> tcpSend(send));
                } else if (step instanceof StepSpec.TcpClose close) {
                    simulator.scheduleAt(close.atNanos(), () -> tcpClose(close));
                } else if (step instanceof StepSpec.UdpSend send) {
                    for (int n = 0; n < send.count(); n++) {
                        int number = n;
                        long at = send.atNanos() + n * send.intervalNanos();
                        if (at > scenario.durationNanos()) {
                            break;
                        }
                        simulator.scheduleAt(at, () -> udpSend(send, number));
                    }
                }
            }
        }

        private void sendEcho(StepSpec.Ping ping, int stepIndex, int sequence, List<PingAttempt> attempts) {
            HostedStack stack = stacks.get(ping.node());
            long sentAt = simulator.now();
            int slot = attempts.size();
            attempts.add(new PingAttempt(sequence, sentAt, "PENDING", -1, null));
            if (stack == null) {
                attempts.set(slot, new PingAttempt(sequence, sentAt, "ERROR", -1, "node " + ping.node() + " is not running"));
                return;
            }
            simulator.scheduleAfter(ping.timeoutNanos(), () -> {
                if (attempts.get(slot).outcome().equals("PENDING")) {
                    attempts.set(slot, new PingAttempt(sequence, sentAt, "LOST", -1, null));
                }
            });
            EchoListener listener = new EchoListener() {
                @Override
                public void onReply(InetAddress from, int seq, int payloadLength, int ttl) {
                    if (attempts.get(slot).outcome().equals("PENDING")) {
                        attempts.set(slot, new PingAttempt(sequence, sentAt, "REPLY", simulator.now() - sentAt, null));
                    }
                }

                @Override
                public void onError(int seq, String reason) {
                    if (attempts.get(slot).outcome().equals("PENDING")) {
                        attempts.set(slot, new PingAttempt(sequence, sentAt, "ERROR", -1, reason));
                    }
                }
            };
            cause = "step " + ping.id() + ": ping " + Addresses.format(ping.target()) + " seq " + sequence;
            try {
                stack.sendEchoRequest(ping.target(), 0x5342 + stepIndex, sequence, ping.size(), listener);
            } finally {
                cause = null;
            }
        }

        private void udpBind(StepSpec.UdpBind bind) {
            HostedStack stack = stacks.get(bind.node());
            if (stack == null) {
                udpFailed(bind.node(), "step " + bind.id() + ": cannot bind UDP port " + bind.port() + ": node is not running");
                return;
            }
            List<UdpDelivery> received = udpDeliveries.computeIfAbsent(ExpectationJudge.udpKey(bind.node(), bind.port()), key -> new ArrayList<>());
            try {
                stack.udpBind(bind.port(), (remote, remotePort, local, payload) ->
                        received.add(new UdpDelivery(simulator.now(), remote, remotePort, local, payload)));
                events.add(new StackEvent(simulator.now(), bind.node(), "bench.udp-bind", "step " + bind.id() + ": bound UDP port " + bind.port()));
            } catch (IllegalArgumentException | IllegalStateException e) {
                udpFailed(bind.node(), "step " + bind.id() + ": " + e.getMessage());
            }
        }

        private void udpSend(StepSpec.UdpSend send, int number) {
            HostedStack stack = stacks.get(send.node());
            String step = "step " + send.id() + ": UDP datagram " + number + " to " + Addresses.format(send.target()) + " port " + send.port();
            if (stack == null) {
                udpFailed(send.node(), step + " failed: node is not running");
                return;
            }
            SendListener listener = reason -> udpFailed(send.node(), step + " failed: " + reason);
            cause = step;
            try {
                stack.udpSend(send.fromPort(), send.target(), send.port(), send.payload().clone(), listener);
            } finally {
                cause = null;
            }
        }

        private void tcpListen(StepSpec.TcpListen listen) {
            HostedStack stack = stacks.get(listen.node());
            String step = "step " + listen.id() + ": ";
            if (stack == null) {
                tcpFailed(listen.node(), step + "cannot listen on TCP port " + listen.port() + ": node is not running");
                return;
            }
            TcpRecord record = tcpRecords.computeIfAbsent(ExpectationJudge.tcpKey(listen.node(), listen.port(), null), key -> new TcpRecord());
            try {
                stack.tcpListen(listen.port(), new BenchTcpHandler(listen.node(), listen.handler(), record));
                events.add(new StackEvent(simulator.now(), listen.node(), "bench.tcp-listen", step + "TCP port " + listen.port() + " listens, handler "
                        + listen.handler()));
            } catch (IllegalArgumentException | IllegalStateException e) {
                tcpFailed(listen.node(), step + e.getMessage());
            }
        }

        private void tcpConnect(StepSpec.TcpConnect connect) {
            HostedStack stack = stacks.get(connect.node());
            String step = "step " + connect.id() + ": ";
            if (stack == null) {
                tcpFailed(connect.node(), step + "cannot connect: node is not running");
                return;
            }
            TcpRecord record = tcpRecords.computeIfAbsent(ExpectationJudge.tcpKey(connect.node(), 0, connect.id()), key -> new TcpRecord());
            cause = step + "connect to " + Addresses.format(connect.target()) + " port " + connect.port();
            try {
                record.connection = stack.tcpConnect(connect.target(), connect.port(), new BenchTcpHandler(connect.node(), "client", record));
            } catch (IllegalArgumentException | IllegalStateException e) {
                tcpFailed(connect.node(), step + e.getMessage());
            } finally {
                cause = null;
            }
        }

        private void tcpSend(StepSpec.TcpSend send) {
            TcpRecord record = recordOfConnection(send.connection());
            String node = nodeOfConnection(send.connection());
            if (record == null || record.connection == null) {
                tcpFailed(node, "step " + send.id() + ": connection " + send.connection() + " was not opened");
                return;
            }
            TcpOutbox outbox = record.outbox(record.connection);
            if (outbox.closeRequested() || record.connection.state().equals("CLOSED")) {
                tcpFailed(node, "step " + send.id() + ": cannot write to connection " + send.connection() + " in state "
                        + record.connection.state() + (outbox.closeRequested() ? " after its tcp-close step" : ""));
                return;
            }
            long count = send.text() != null ? send.text().length : send.length();
            cause = "step " + send.id() + ": send " + count + " bytes on " + send.connection();
            try {
                if (send.text() != null) {
                    outbox.addBytes(send.text().clone());
                } else {
                    outbox.addPattern(send.length());
                }
                outbox.flush(record.connection);
            } catch (IllegalStateException e) {
                tcpFailed(node, "step " + send.id() + ": " + e.getMessage());
            } finally {
                cause = null;
            }
        }

        private void tcpClose(StepSpec.TcpClose close) {
            TcpRecord record = recordOfConnection(close.connection());
            if (record == null || record.connection == null) {
                tcpFailed(nodeOfConnection(close.connection()), "step " + close.id() + ": connection " + close.connection() + " was not opened");
                return;
            }
            cause = "step " + close.id() + ": " + (close.abort() ? "abort " : "close ") + close.connection();
            try {
                if (close.abort()) {
                    record.outbox(record.connection).clear();
                    record.connection.abort();
                } else {
                    record.outbox(record.connection).requestClose(record.connection);
                }
            } finally {
                cause = null;
            }
        }

        private String nodeOfConnection(String connection) {
            for (StepSpec step : scenario.steps()) {
                if (step instanceof StepSpec.TcpConnect connect && connect.id().equals(connection)) {
                    return connect.node();
                }
                if (step instanceof StepSpec.TcpListen listen && listen.id().equals(connection)) {
                    return listen.node();
                }
            }
            return "?";
        }

        /** Returns the record of a tcp-connect step, or of a tcp-listen step's port, by the step's id. */
        private TcpRecord recordOfConnection(String connection) {
            for (StepSpec step : scenario.steps()) {
                if (step instanceof StepSpec.TcpListen listen && listen.id().equals(connection)) {
                    return tcpRecords.get(ExpectationJudge.tcpKey(listen.node(), listen.port(), null));
                }
            }
            return tcpRecords.get(ExpectationJudge.tcpKey(null, 0, connection));
        }

        /** Records a failed TCP step as an event, which an event expectation of kind bench.tcp-failed can check. */
        private void tcpFailed(String node, String message) {
            events.add(new StackEvent(simulator.now(), node, "bench.tcp-failed", message));
        }

        /**
         * The bench's side of a TCP connection. {@code mode} is a tcp-listen handler (echo, sink, log),
         * all of which close when the peer closes, or "client" for a tcp-connect step, which closes only
         * on a tcp-close step.
         */
        private final class BenchTcpHandler implements TcpHandler {
            private final String node;
            private final String mode;
            private final TcpRecord record;

            BenchTcpHandler(String node, String mode, TcpRecord record) {
                this.node = node;
                this.mode = mode;
                this.record = record;
            }

            @Override
            public void onEstablished(TcpConnection connection) {
                record.connected(connection);
                if (record.connection == null) {
                    // A listening port's first connection, which steps can name by the tcp-listen step's id.
                    record.connection = connection;
                }
                String remote = Addresses.format(connection.remoteAddress());
                events.add(new StackEvent(simulator.now(), node, "bench.tcp-established", "TCP connection " + connection.localPort() + " <-> "
                        + remote + " " + connection.remotePort() + " ESTABLISHED"));
                if (mode.equals("log")) {
                    // The message of the MirageOS stackv4v6 example, which names the remote port.
                    events.add(new StackEvent(simulator.now(), node, "bench.tcp-log", "new tcp connection from IP " + remote + " on port "
                            + connection.remotePort()));
                }
            }

            @Override
            public void onData(TcpConnection connection, byte[] data) {
                record.received(data);
                if (mode.equals("echo")) {
                    TcpOutbox outbox = record.outbox(connection);
                    outbox.addBytes(data);
                    outbox.flush(connection);
                }
            }

            @Override
            public void onWritable(TcpConnection connection) {
                record.outbox(connection).flush(connection);
            }

            @Override
            public void onRemoteClose(TcpConnection connection) {
                if (!mode.equals("client")) {
                    record.outbox(connection).requestClose(connection);
                }
            }

            @Override
            public void onClosed(TcpConnection connection, String reason) {
                record.forget(connection);
                events.add(new StackEvent(simulator.now(), node, "bench.tcp-closed", "TCP connection " + connection.localPort() + " <-> "
                        + Addresses.format(connection.remoteAddress()) + " " + connection.remotePort() + ": " + reason));
            }
        }

        /** Records a failed UDP step as an event, which an event expectation of kind bench.udp-failed can check. */
        private void udpFailed(String node, String message) {
            events.add(new StackEvent(simulator.now(), node, "bench.udp-failed", message));
        }

        private void restart(StepSpec.Restart restart) {
            String name = restart.node();
            HostedStack stack = allStacks.get(name);
            NicStackHost old = hosts.get(name);
            stack.stop();
            events.add(new StackEvent(simulator.now(), name, "bench.restart", "step " + restart.id() + ": restart with "
                    + (restart.boot().isEmpty() ? "default arguments" : String.join(" ", restart.boot()))));
            bootErrors.remove(name);
            stacks.put(name, stack);
            nics.get(name).setUp(true);
            NicStackHost host = old.withBootArguments(restart.boot());
            hosts.put(name, host);
            cause = "step " + restart.id() + ": restart";
            try {
                boot(name, stack, host);
            } finally {
                cause = null;
            }
        }

        private void setLink(StepSpec.Link link) {
            Nic nic = nics.get(link.node());
            nic.setUp(link.up());
            HostedStack stack = stacks.get(link.node());
            if (stack != null) {
                stack.linkStateChanged(0, link.up());
            }
            events.add(new StackEvent(simulator.now(), link.node(), "bench.link", "step " + link.id() + ": link " + (link.up() ? "up" : "down")));
        }

        private void changeProfile(StepSpec.LinkProfileStep change) {
            Segment segment = segments.get(change.segment());
            segment.setProfile(change.change().applyTo(segment.profile()));
            events.add(new StackEvent(simulator.now(), segment.name(), "bench.link-profile",
                    "step " + change.id() + ": segment " + segment.name() + " now has " + change.change().describe()));
        }

        private void scheduleSnapshots() {
            for (ExpectationSpec expectation : scenario.expectations()) {
                String node = ExpectationJudge.snapshotNode(expectation);
                if (node == null) {
                    continue;
                }
                long at = ExpectationJudge.snapshotTime(expectation);
                if (at >= scenario.durationNanos()) {
                    continue;
                }
                String key = node + "@" + at;
                simulator.scheduleAt(at, () -> {
                    HostedStack stack = stacks.get(node);
                    if (stack != null) {
                        snapshots.putIfAbsent(key, stack.snapshot());
                    }
                });
            }
        }

        /** Returns the first snap length bytes of {@code frame}, or the frame itself when it is not longer. */
        private byte[] snap(byte[] frame) {
            int snapLength = scenario.snapLength();
            return snapLength == 0 || frame.length <= snapLength ? frame : Arrays.copyOf(frame, snapLength);
        }

        private Capture buildCapture() {
            List<CaptureInterface> interfaces = new ArrayList<>();
            for (Segment segment : segments.values()) {
                List<String> attached = new ArrayList<>();
                for (Nic nic : segment.nics()) {
                    attached.add(nic.nodeName() + " " + nic.mac());
                }
                interfaces.add(new CaptureInterface(segment.name(), "segment " + segment.name() + ": " + String.join(", ", attached), 1,
                        scenario.snapLength() == 0 ? CaptureInterface.DEFAULT_SNAP_LENGTH : scenario.snapLength()));
            }
            List<NameRecord> names = new ArrayList<>();
            for (NodeSpec node : scenario.nodes()) {
                if (node instanceof NodeSpec.Stack) {
                    StackSnapshot snapshot = snapshots.get(node.name() + "@end");
                    if (snapshot != null) {
                        for (StackSnapshot.Address address : snapshot.addresses()) {
                            names.add(new NameRecord(address.address(), node.name()));
                        }
                    }
                } else if (node instanceof NodeSpec.ArpResponder responder) {
                    for (NodeSpec.ArpEntry entry : responder.entries()) {
                        names.add(new NameRecord(entry.address(), node.name()));
                    }
                } else if (node instanceof NodeSpec.TcpPeer tcpPeer) {
                    for (InetAddress address : new InetAddress[] {tcpPeer.ipv4(), tcpPeer.ipv6()}) {
                        if (address != null) {
                            names.add(new NameRecord(address, node.name()));
                        }
                    }
                } else if (peers.get(node.name()) instanceof RouterPeer router) {
                    names.add(new NameRecord(router.address(), node.name()));
                }
            }
            String comment = "stackbench scenario " + scenario.id() + ", seed " + scenario.seed();
            return new Capture(comment, interfaces, List.copyOf(frames), NameRecord.canonical(names), statistics());
        }

        /**
         * Returns one Interface Statistics Block per segment, taken when the run ends (the scenario's
         * duration, or the time an exhausted event budget stopped it). Every frame put on the wire
         * counts as received, because the capture contains each of them, lost ones and the copies
         * made by duplication included, and every frame the link lost counts as dropped.
         */
        private List<InterfaceStatistics> statistics() {
            long end = simulator.now();
            List<InterfaceStatistics> statistics = new ArrayList<>();
            for (Segment segment : segments.values()) {
                statistics.add(new InterfaceStatistics(segment.index(), end, segment.framesOnWire(), segment.framesLost(), 0, end));
            }
            return statistics;
        }
    }
}
