package io.stackbench.scenario.peer;

import io.stackbench.scenario.load.Addresses;
import io.stackbench.scenario.model.NodeSpec;
import io.stackbench.scenario.model.TcpScript;
import io.stackbench.sim.engine.SimTime;
import io.stackbench.sim.engine.Timer;
import io.stackbench.sim.net.MacAddress;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.pcap4j.packet.ArpPacket;
import org.pcap4j.packet.EthernetPacket;
import org.pcap4j.packet.IcmpV6NeighborSolicitationPacket;
import org.pcap4j.packet.IllegalRawDataException;
import org.pcap4j.packet.IpV4Packet;
import org.pcap4j.packet.IpV6Packet;
import org.pcap4j.packet.TcpPacket;
import org.pcap4j.packet.namednumber.ArpOperation;

/**
 * The {@code tcp-peer}: a TCP endpoint that follows a packetdrill-style script instead of running a
 * TCP implementation. It replies to ARP requests and Neighbour Solicitations for its own addresses.
 * It sends its unicast frames to the MAC of the stack node it names, so it never resolves the
 * stack's address. It runs its script entries in order:
 * <ul>
 *   <li>a send entry builds a segment with pcap4j and sends it at the entry's time;</li>
 *   <li>an expect entry takes the next segment the stack sent to the peer's addresses since the
 *       previous entry finished, which must arrive within [T, T + within] for the entry's time T
 *       and match it ({@link TcpSegmentMatcher});</li>
 *   <li>an {@code "expect": "nothing"} entry passes when no segment arrives in [T, T + within).</li>
 * </ul>
 * An entry's time is its {@code at}, or {@code after} the time the previous entry finished: when a
 * send went out, an expected segment arrived or a silent window closed. While the script runs,
 * every segment from the stack must be taken by an expect entry, so a segment still waiting when a
 * send entry is due fails that entry. The first failure stops the script. Segments that arrive after
 * the last entry are not checked.
 */
public final class TcpPeer implements ScriptedPeer {

    private static final int DEFAULT_WINDOW = 65_535;

    private final PeerHost host;
    private final NodeSpec.TcpPeer spec;
    private final MacAddress stackMac;
    private final TcpFrames frames;

    /** Segments from the stack that no expect entry has taken yet, oldest first. */
    private final Deque<ObservedSegment> inbox = new ArrayDeque<>();
    /** The connections seen so far, by {@link #key}. */
    private final Map<String, Connection> connections = new LinkedHashMap<>();
    /** The verdict on each entry that has one, by entry index. */
    private final Map<Integer, ScriptOutcome> outcomes = new TreeMap<>();

    /** The connection that the last send or the last expected segment used. */
    private Connection current;
    /** Index of the entry that runs next. */
    private int next;
    /** When the previous entry finished. */
    private long previousEnd;
    /** The window of the expect entry that waits for a segment, or null when none waits. */
    private long[] window;
    private Timer deadline;
    /** JSON path of the entry whose failure stopped the script, or null. */
    private String stoppedAt;

    /** One TCP connection as the peer tracks it, by its two ends. */
    private static final class Connection {
        final InetAddress stackAddress;
        final int stackPort;
        final int peerPort;
        /** The stack's ISN, learned from its SYN, or -1. */
        long stackIsn = -1;
        /** The sequence number after the last one the stack sent, or -1 before it sent anything. */
        long stackNext = -1;
        /** The sequence number after the last one the peer sent. */
        long peerNext;

        Connection(InetAddress stackAddress, int stackPort, int peerPort, long peerIsn) {
            this.stackAddress = stackAddress;
            this.stackPort = stackPort;
            this.peerPort = peerPort;
            this.peerNext = peerIsn;
        }
    }

    /**
     * @param stackMac the MAC of the stack node that the peer's unicast frames go to
     */
    public TcpPeer(PeerHost host, NodeSpec.TcpPeer spec, MacAddress stackMac) {
        this.host = host;
        this.spec = spec;
        this.stackMac = stackMac;
        this.frames = new TcpFrames(spec.mac());
    }

    @Override
    public void start() {
        if (spec.ipv6() != null) {
            host.nic().joinMulticast(Ipv6Frames.multicastMac(Ipv6Frames.solicitedNode(spec.ipv6())));
        }
        scheduleNext();
    }

    // ---- the script ----

    private void scheduleNext() {
        if (next >= spec.script().size()) {
            return;
        }
        TcpScript.Entry entry = spec.script().get(next);
        long time = entry.atNanos() >= 0 ? entry.atNanos() : previousEnd + entry.afterNanos();
        host.simulator().scheduleAt(Math.max(time, host.simulator().now()), () -> run(entry, time));
    }

    private void run(TcpScript.Entry entry, long time) {
        if (entry.action() == TcpScript.Action.SEND) {
            if (!inbox.isEmpty()) {
                ObservedSegment unexpected = inbox.peek();
                fail(entry, "unexpected segment " + describe(unexpected) + " arrived before this send; add an expect entry for it");
                return;
            }
            String error = send(entry);
            if (error != null) {
                fail(entry, error);
                return;
            }
            finish(host.simulator().now());
            return;
        }
        window = new long[] {time, time + entry.withinNanos()};
        if (!inbox.isEmpty()) {
            judge(entry, inbox.poll());
            return;
        }
        // An expected segment may arrive at the window's last instant, so that timer fires 1 ns later. A
        // silent window ends at T + within, which lets a following entry at that time run on time.
        long closes = entry.action() == TcpScript.Action.EXPECT ? window[1] + 1 : window[1];
        deadline = host.simulator().scheduleAt(Math.max(closes, host.simulator().now()), () -> windowClosed(entry));
    }

    /** Runs when an expect entry's window closed without a segment. */
    private void windowClosed(TcpScript.Entry entry) {
        long end = window[1];
        window = null;
        String start = SimTime.format(end - entry.withinNanos());
        if (entry.action() == TcpScript.Action.EXPECT_NOTHING) {
            outcomes.put(next, new ScriptOutcome(entry.path(), entry.describe(spec.name()), true, "no segment in [" + start + ", "
                    + SimTime.format(end) + ")"));
            finish(end);
        } else {
            fail(entry, "no segment arrived in [" + start + ", " + SimTime.format(end) + "]");
        }
    }

    /** Compares {@code segment} with the waiting expect entry. */
    private void judge(TcpScript.Entry entry, ObservedSegment segment) {
        if (deadline != null) {
            deadline.cancel();
            deadline = null;
        }
        long[] range = window;
        window = null;
        Connection connection = connectionOf(segment);
        String arrived = describe(segment);
        if (entry.action() == TcpScript.Action.EXPECT_NOTHING) {
            fail(entry, "segment " + arrived);
            return;
        }
        List<String> problems = new ArrayList<>(TcpSegmentMatcher.mismatches(entry, segment, connection.stackIsn, spec.isn()));
        if (segment.arrivedNanos() < range[0]) {
            problems.add(0, "it arrived before the window opened at " + SimTime.format(range[0]));
        }
        current = connection;
        if (!problems.isEmpty()) {
            fail(entry, arrived + ": " + String.join("; ", problems));
            return;
        }
        outcomes.put(next, new ScriptOutcome(entry.path(), entry.describe(spec.name()), true, arrived));
        finish(segment.arrivedNanos());
    }

    private void finish(long end) {
        previousEnd = end;
        next++;
        scheduleNext();
    }

    private void fail(TcpScript.Entry entry, String actual) {
        outcomes.put(next, new ScriptOutcome(entry.path(), entry.describe(spec.name()), false, actual));
        stoppedAt = entry.path();
        next = spec.script().size();
    }

    /**
     * Returns the verdict on every expect entry and on every send that failed, in script order.
     * Entries the script did not reach fail, because what they check was never seen.
     *
     * @param endNanos the time the run ended
     */
    public List<ScriptOutcome> outcomes(long endNanos) {
        List<ScriptOutcome> all = new ArrayList<>();
        for (int i = 0; i < spec.script().size(); i++) {
            TcpScript.Entry entry = spec.script().get(i);
            ScriptOutcome outcome = outcomes.get(i);
            if (outcome != null) {
                all.add(outcome);
            } else if (entry.action() != TcpScript.Action.SEND) {
                all.add(unfinished(entry, i, endNanos));
            }
        }
        return all;
    }

    private ScriptOutcome unfinished(TcpScript.Entry entry, int index, long endNanos) {
        String description = entry.describe(spec.name());
        if (stoppedAt != null) {
            return new ScriptOutcome(entry.path(), description, false, "not run, because the script stopped at " + stoppedAt);
        }
        if (index == next && window != null) {
            if (entry.action() == TcpScript.Action.EXPECT_NOTHING && endNanos >= window[1]) {
                return new ScriptOutcome(entry.path(), description, true, "no segment in [" + SimTime.format(window[0]) + ", "
                        + SimTime.format(window[1]) + ")");
            }
            return new ScriptOutcome(entry.path(), description, false, "the run ended at " + SimTime.format(endNanos)
                    + " with no segment, before the window closed at " + SimTime.format(window[1]) + "; extend \"duration\"");
        }
        return new ScriptOutcome(entry.path(), description, false, "not reached: the run ended at " + SimTime.format(endNanos));
    }

    // ---- sending ----

    /** Sends a send entry's segment, or returns why it cannot be built. */
    private String send(TcpScript.Entry entry) {
        InetAddress to = entry.to();
        int port = entry.port();
        int from = entry.from();
        if (current != null) {
            to = to != null ? to : current.stackAddress;
            port = port != 0 ? port : current.stackPort;
            from = from != 0 ? from : current.peerPort;
        }
        if (to == null || port == 0 || from == 0) {
            return "no connection to send on: give \"to\", \"port\" and \"from\"";
        }
        InetAddress source = to.getAddress().length == 4 ? spec.ipv4() : spec.ipv6();
        if (source == null) {
            return "the peer has no address of the family of " + Addresses.format(to);
        }
        Connection connection = connections.get(key(to, port, from));
        if (connection == null) {
            connection = new Connection(to, port, from, spec.isn());
            connections.put(key(to, port, from), connection);
        }

        long seq = entry.seq() != null ? entry.seq().resolve(spec.isn()) : connection.peerNext;
        long ack = 0;
        if (entry.ack() != null) {
            if (!entry.ack().absolute() && connection.stackIsn < 0) {
                return "ack " + entry.ack() + " is relative, but the stack sent no SYN on this connection to learn its ISN from;"
                        + " write {\"absolute\": N}";
            }
            ack = entry.ack().resolve(connection.stackIsn);
        } else if ((entry.flags() & TcpScript.ACK) != 0) {
            if (connection.stackNext < 0) {
                return "the stack sent nothing on this connection yet, so there is no next sequence number to acknowledge; write \"ack\"";
            }
            ack = connection.stackNext;
        }
        int window = entry.window() >= 0 ? entry.window() : DEFAULT_WINDOW;
        byte[] payload = entry.payload() == null ? new byte[0] : entry.payload();
        MacAddress destinationMac = entry.destinationMac() != null ? entry.destinationMac() : destinationMac(to);

        byte[] frame = frames.tcp(destinationMac, source, to, from, port, seq, ack, entry.flags(), window, entry.options(), payload);
        host.send(frame, describeSent(entry.flags(), seq, ack, window, entry.options(), payload.length, connection));

        long end = (seq + payload.length + ((entry.flags() & TcpScript.SYN) != 0 ? 1 : 0) + ((entry.flags() & TcpScript.FIN) != 0 ? 1 : 0))
                & 0xffff_ffffL;
        if (TcpScript.relative(end, connection.peerNext) > 0) {
            connection.peerNext = end;
        }
        current = connection;
        return null;
    }

    /** Returns the Ethernet destination for {@code to}: broadcast, the multicast MAC of a group, or the stack's MAC. */
    private MacAddress destinationMac(InetAddress to) {
        byte[] a = to.getAddress();
        if (a.length == 4 && (a[0] & a[1] & a[2] & a[3] & 0xff) == 0xff) {
            return MacAddress.BROADCAST;
        }
        if (a.length == 4 && to.isMulticastAddress()) {
            // RFC 1112 §6.4: 01:00:5e followed by the low 23 bits of the group.
            return new MacAddress(0x01005eL << 24 | (a[1] & 0x7fL) << 16 | (a[2] & 0xffL) << 8 | (a[3] & 0xffL));
        }
        return Ipv6Frames.destinationMac(to, stackMac);
    }

    private String describeSent(int flags, long seq, long ack, int window, List<TcpScript.Option> options, int length, Connection connection) {
        StringBuilder text = new StringBuilder(TcpScript.formatFlags(flags)).append(" seq ").append(TcpScript.relative(seq, spec.isn()));
        if ((flags & TcpScript.ACK) != 0 || ack != 0) {
            text.append(" ack ").append(connection.stackIsn < 0 ? ack + " (absolute)" : String.valueOf(TcpScript.relative(ack, connection.stackIsn)));
        }
        text.append(" win ").append(window);
        if (!options.isEmpty()) {
            text.append(" <").append(String.join(",", options.stream().map(TcpScript.Option::toString).toList())).append('>');
        }
        if (length > 0) {
            text.append(" length ").append(length);
        }
        return text.toString();
    }

    // ---- receiving ----

    @Override
    public void receive(byte[] frame) {
        EthernetPacket ethernet;
        try {
            ethernet = EthernetPacket.newPacket(frame, 0, frame.length);
        } catch (IllegalRawDataException e) {
            return;
        }
        ArpPacket arp = ethernet.get(ArpPacket.class);
        if (arp != null) {
            answerArp(arp);
            return;
        }
        IpV6Packet ipv6 = ethernet.get(IpV6Packet.class);
        IcmpV6NeighborSolicitationPacket ns = ethernet.get(IcmpV6NeighborSolicitationPacket.class);
        if (ipv6 != null && ns != null) {
            answerSolicitation(ethernet, ipv6, ns);
            return;
        }
        TcpPacket tcp = ethernet.get(TcpPacket.class);
        if (tcp == null) {
            return;
        }
        IpV4Packet ipv4 = ethernet.get(IpV4Packet.class);
        InetAddress source;
        InetAddress destination;
        if (ipv4 != null) {
            source = ipv4.getHeader().getSrcAddr();
            destination = ipv4.getHeader().getDstAddr();
        } else if (ipv6 != null) {
            source = ipv6.getHeader().getSrcAddr();
            destination = ipv6.getHeader().getDstAddr();
        } else {
            return;
        }
        if (!destination.equals(spec.ipv4()) && !destination.equals(spec.ipv6())) {
            return;
        }
        arrive(ObservedSegment.of(host.simulator().now(), source, destination, tcp));
    }

    private void arrive(ObservedSegment segment) {
        Connection connection = connectionOf(segment);
        if (segment.checksumValid()) {
            if ((segment.flags() & TcpScript.SYN) != 0) {
                connection.stackIsn = segment.seq();
            }
            long end = (segment.seq() + segment.length()) & 0xffff_ffffL;
            if (connection.stackNext < 0 || TcpScript.relative(end, connection.stackNext) > 0) {
                connection.stackNext = end;
            }
        }
        if (next >= spec.script().size()) {
            return;
        }
        if (window != null) {
            judge(spec.script().get(next), segment);
        } else {
            inbox.add(segment);
        }
    }

    private Connection connectionOf(ObservedSegment segment) {
        return connections.computeIfAbsent(key(segment.source(), segment.sourcePort(), segment.destinationPort()),
                k -> new Connection(segment.source(), segment.sourcePort(), segment.destinationPort(), spec.isn()));
    }

    private String describe(ObservedSegment segment) {
        Connection connection = connectionOf(segment);
        return segment.describe(connection.stackIsn, spec.isn());
    }

    private static String key(InetAddress stackAddress, int stackPort, int peerPort) {
        return Addresses.format(stackAddress) + " " + stackPort + " " + peerPort;
    }

    private void answerArp(ArpPacket arp) {
        ArpPacket.ArpHeader header = arp.getHeader();
        InetAddress target = header.getDstProtocolAddr();
        if (!header.getOperation().equals(ArpOperation.REQUEST) || spec.ipv4() == null || !target.equals(spec.ipv4())) {
            return;
        }
        byte[] reply = ArpResponderPeer.arpFrame(ArpOperation.REPLY, header.getSrcHardwareAddr(), ArpResponderPeer.pcapMac(spec.mac()),
                target, header.getSrcHardwareAddr(), header.getSrcProtocolAddr());
        host.send(reply, "ARP reply " + Addresses.format(target) + " is-at " + spec.mac());
    }

    private void answerSolicitation(EthernetPacket ethernet, IpV6Packet ip, IcmpV6NeighborSolicitationPacket ns) {
        Inet6Address target = ns.getHeader().getTargetAddress();
        // A DAD probe comes from the unspecified address. The peer does not defend its address against it.
        if (spec.ipv6() == null || !target.equals(spec.ipv6()) || ip.getHeader().getSrcAddr().equals(Ipv6Frames.UNSPECIFIED)) {
            return;
        }
        MacAddress toMac = MacAddress.read(ethernet.getHeader().getSrcAddr().getAddress(), 0);
        byte[] na = Ipv6Frames.neighborAdvertisement(spec.mac(), toMac, target, ip.getHeader().getSrcAddr(), target, false, true, true,
                spec.mac());
        host.send(na, "NA " + Addresses.format(target) + " is-at " + spec.mac());
    }
}
