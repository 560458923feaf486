package io.stackbench.scenario.peer;

import static org.assertj.core.api.Assertions.assertThat;

import io.stackbench.scenario.load.Addresses;
import io.stackbench.scenario.model.NodeSpec;
import io.stackbench.scenario.model.TcpScript;
import io.stackbench.sim.engine.SimTime;
import io.stackbench.sim.engine.Simulator;
import io.stackbench.sim.net.FrameRecorder;
import io.stackbench.sim.net.LinkProfile;
import io.stackbench.sim.net.MacAddress;
import io.stackbench.sim.net.Nic;
import io.stackbench.sim.net.Segment;
import io.stackbench.sim.random.DeterministicRandom;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.pcap4j.packet.ArpPacket;
import org.pcap4j.packet.EthernetPacket;
import org.pcap4j.packet.IcmpV6NeighborAdvertisementPacket;
import org.pcap4j.packet.IpV4Packet;
import org.pcap4j.packet.TcpPacket;
import org.pcap4j.packet.namednumber.ArpOperation;

/**
 * The script semantics of the tcp-peer: timing windows, the order of segments, failures and what
 * entries after a failure report. A plain interface takes the place of the stack and replies
 * with segments built in the test, so these cases need no TCP implementation. The link has 1 µs latency.
 */
class TcpPeerTest {

    private static final MacAddress STACK_MAC = MacAddress.parse("02:00:00:00:00:0a");
    private static final MacAddress PEER_MAC = MacAddress.parse("02:00:00:00:00:0b");
    private static final InetAddress STACK_IP = Addresses.parse("10.0.0.1");
    private static final InetAddress PEER_IP = Addresses.parse("10.0.0.2");
    private static final long PEER_ISN = 1_000_000;
    private static final long STACK_ISN = 7000;
    private static final long LATENCY = 1_000;

    private final Simulator simulator = new Simulator();
    private final Segment segment = new Segment(simulator, "lan", 0, new LinkProfile(LATENCY, 0, LinkProfile.ETHERNET_MTU,
            LinkProfile.DEFAULT_QUEUE_LIMIT_BYTES, 0.0), DeterministicRandom.forComponent(1, "segment:lan"), FrameRecorder.NONE);
    private final List<byte[]> toStack = new ArrayList<>();
    private final TcpFrames stackFrames = new TcpFrames(STACK_MAC);
    /** What the stand-in stack does with each frame it receives. */
    private Consumer<TcpPacket> stackBehaviour = tcp -> { };
    private Nic stackNic;
    private TcpPeer peer;

    private void start(List<TcpScript.Entry> script) {
        stackNic = segment.attach("a", "eth0", STACK_MAC, (nic, frame) -> {
            toStack.add(frame);
            try {
                TcpPacket tcp = EthernetPacket.newPacket(frame, 0, frame.length).get(TcpPacket.class);
                if (tcp != null) {
                    stackBehaviour.accept(tcp);
                }
            } catch (org.pcap4j.packet.IllegalRawDataException e) {
                throw new AssertionError(e);
            }
        });
        NodeSpec.TcpPeer spec = new NodeSpec.TcpPeer("p", "lan", PEER_MAC, PEER_IP, Addresses.parse("2001:db8::b"), "a", PEER_ISN, script);
        Nic nic = segment.attach("p", "eth0", PEER_MAC, (n, frame) -> peer.receive(frame));
        peer = new TcpPeer(new PeerHost("p", nic, simulator, DeterministicRandom.forComponent(1, "peer:p")), spec, STACK_MAC);
        simulator.scheduleAt(0, peer::start);
    }

    /** Sends a segment from the stand-in stack to the peer. */
    private void stackSends(int flags, long seq, long ack, byte[] payload) {
        stackNic.transmit(stackFrames.tcp(PEER_MAC, STACK_IP, PEER_IP, 80, 40_000, seq, ack, flags, 1000, List.of(), payload));
    }

    private static TcpScript.Entry send(String path, long at, int flags, InetAddress to) {
        return new TcpScript.Entry(path, TcpScript.Action.SEND, at, 0, 0, to, to == null ? 0 : 80, to == null ? 0 : 40_000, null, flags, null,
                null, -1, List.of(), null, -1);
    }

    private static TcpScript.Entry expect(String path, long after, long within, int flags, Long seq, Long ack) {
        return new TcpScript.Entry(path, TcpScript.Action.EXPECT, -1, after, within, null, 0, 0, null, flags,
                seq == null ? null : new TcpScript.Number(seq, false), ack == null ? null : new TcpScript.Number(ack, false), -1, List.of(),
                null, -1);
    }

    private static TcpScript.Entry nothing(String path, long within) {
        return new TcpScript.Entry(path, TcpScript.Action.EXPECT_NOTHING, -1, 0, within, null, 0, 0, null, 0, null, null, -1, List.of(), null,
                -1);
    }

    private List<ScriptOutcome> run(long until) {
        simulator.runUntil(until);
        return peer.outcomes(until);
    }

    /** Makes the stand-in stack reply to a SYN with a SYN-ACK after {@code delay}. */
    private void answerSynAfter(long delay) {
        stackBehaviour = tcp -> {
            if (tcp.getHeader().getSyn()) {
                long ack = tcp.getHeader().getSequenceNumberAsLong() + 1;
                simulator.scheduleAfter(delay, () -> stackSends(TcpScript.SYN | TcpScript.ACK, STACK_ISN, ack, new byte[0]));
            }
        };
    }

    @Test
    void handshakeMatches() {
        answerSynAfter(0);
        start(List.of(send("/s/0", SimTime.SECOND, TcpScript.SYN, STACK_IP),
                expect("/s/1", 0, 10 * SimTime.MILLISECOND, TcpScript.SYN | TcpScript.ACK, 0L, 1L),
                send("/s/2", -1, TcpScript.ACK, null)));

        List<ScriptOutcome> outcomes = run(2 * SimTime.SECOND);

        assertThat(outcomes).hasSize(1);
        assertThat(outcomes.get(0).passed()).as("%s", outcomes.get(0)).isTrue();
        assertThat(outcomes.get(0).path()).isEqualTo("/s/1");
        assertThat(outcomes.get(0).description()).isEqualTo("p receives [S.] seq 0 ack 1 within 0.01s");
        assertThat(outcomes.get(0).actual()).isEqualTo("[S.] seq 0 ack 1 win 1000 length 0, 10.0.0.1 80 > 10.0.0.2 40000, at 1.000002s");
        TcpPacket ack = lastTcpToStack();
        assertThat(ack.getHeader().getAck()).isTrue();
        assertThat(ack.getHeader().getSequenceNumberAsLong()).as("seq after the SYN").isEqualTo(PEER_ISN + 1);
        assertThat(ack.getHeader().getAcknowledgmentNumberAsLong()).as("ack of the SYN-ACK").isEqualTo(STACK_ISN + 1);
    }

    @Test
    void wrongAckFailsAndStopsTheScript() {
        answerSynAfter(0);
        start(List.of(send("/s/0", SimTime.SECOND, TcpScript.SYN, STACK_IP),
                expect("/s/1", 0, 10 * SimTime.MILLISECOND, TcpScript.SYN | TcpScript.ACK, 0L, 2L),
                send("/s/2", -1, TcpScript.ACK, null),
                nothing("/s/3", SimTime.SECOND)));

        List<ScriptOutcome> outcomes = run(3 * SimTime.SECOND);

        assertThat(outcomes).extracting(ScriptOutcome::passed).containsExactly(false, false);
        assertThat(outcomes.get(0).actual()).endsWith("at 1.000002s: ack 1 instead of 2");
        assertThat(outcomes.get(1).actual()).isEqualTo("not run, because the script stopped at /s/1");
        assertThat(toStack).as("frames after the failure").hasSize(1);
    }

    @Test
    void segmentAfterTheWindowFails() {
        answerSynAfter(20 * SimTime.MILLISECOND);
        start(List.of(send("/s/0", SimTime.SECOND, TcpScript.SYN, STACK_IP),
                expect("/s/1", 0, 10 * SimTime.MILLISECOND, TcpScript.SYN | TcpScript.ACK, null, null)));

        List<ScriptOutcome> outcomes = run(2 * SimTime.SECOND);

        assertThat(outcomes.get(0).passed()).isFalse();
        assertThat(outcomes.get(0).actual()).isEqualTo("no segment arrived in [1s, 1.01s]");
    }

    @Test
    void segmentAtWindowEndMatches() {
        // The SYN arrives 1 µs after 1s and the SYN-ACK takes another 1 µs: 8 µs of delay puts it at 1.00001s exactly.
        answerSynAfter(8 * SimTime.MICROSECOND);
        start(List.of(send("/s/0", SimTime.SECOND, TcpScript.SYN, STACK_IP),
                expect("/s/1", 0, 10 * SimTime.MICROSECOND, TcpScript.SYN | TcpScript.ACK, null, null)));

        List<ScriptOutcome> outcomes = run(2 * SimTime.SECOND);

        assertThat(outcomes.get(0).passed()).as("%s", outcomes.get(0)).isTrue();
        assertThat(outcomes.get(0).actual()).endsWith("at 1.00001s");
    }

    @Test
    void segmentBeforeTheWindowFails() {
        answerSynAfter(0);
        start(List.of(send("/s/0", SimTime.SECOND, TcpScript.SYN, STACK_IP),
                expect("/s/1", 100 * SimTime.MILLISECOND, 10 * SimTime.MILLISECOND, TcpScript.SYN | TcpScript.ACK, null, null)));

        List<ScriptOutcome> outcomes = run(2 * SimTime.SECOND);

        assertThat(outcomes.get(0).passed()).isFalse();
        assertThat(outcomes.get(0).actual()).endsWith("at 1.000002s: it arrived before the window opened at 1.1s");
    }

    @Test
    void unexpectedSegmentBeforeSendFails() {
        answerSynAfter(0);
        start(List.of(send("/s/0", SimTime.SECOND, TcpScript.SYN, STACK_IP),
                send("/s/1", 2 * SimTime.SECOND, TcpScript.RST, null)));

        List<ScriptOutcome> outcomes = run(3 * SimTime.SECOND);

        assertThat(outcomes).hasSize(1);
        assertThat(outcomes.get(0).path()).isEqualTo("/s/1");
        assertThat(outcomes.get(0).actual()).isEqualTo("unexpected segment [S.] seq 0 ack 1 win 1000 length 0, 10.0.0.1 80 > 10.0.0.2 40000,"
                + " at 1.000002s arrived before this send; add an expect entry for it");
        assertThat(toStack).as("the RST was not sent").hasSize(1);
    }

    @Test
    void silencePassesAndSegmentFailsIt() {
        answerSynAfter(500 * SimTime.MILLISECOND);
        start(List.of(send("/s/0", SimTime.SECOND, TcpScript.SYN, STACK_IP),
                nothing("/s/1", 400 * SimTime.MILLISECOND),
                nothing("/s/2", 400 * SimTime.MILLISECOND)));

        List<ScriptOutcome> outcomes = run(3 * SimTime.SECOND);

        assertThat(outcomes).extracting(ScriptOutcome::passed).containsExactly(true, false);
        assertThat(outcomes.get(0).actual()).isEqualTo("no segment in [1s, 1.4s)");
        assertThat(outcomes.get(1).actual()).startsWith("segment [S.] seq 0 ack 1");
    }

    @Test
    void runEndingInsideAWindow() {
        start(List.of(send("/s/0", SimTime.SECOND, TcpScript.SYN, STACK_IP),
                nothing("/s/1", 2 * SimTime.SECOND),
                expect("/s/2", 0, SimTime.SECOND, TcpScript.ACK, null, null)));

        List<ScriptOutcome> outcomes = run(2 * SimTime.SECOND);

        assertThat(outcomes.get(0).passed()).isFalse();
        assertThat(outcomes.get(0).actual()).isEqualTo("the run ended at 2s with no segment, before the window closed at 3s; extend \"duration\"");
        assertThat(outcomes.get(1).actual()).isEqualTo("not reached: the run ended at 2s");
    }

    @Test
    void relativeAckWithoutStackSynFails() {
        TcpScript.Entry rst = new TcpScript.Entry("/s/0", TcpScript.Action.SEND, SimTime.SECOND, 0, 0, STACK_IP, 80, 40_000, null,
                TcpScript.RST | TcpScript.ACK, null, new TcpScript.Number(1, false), -1, List.of(), null, -1);
        start(List.of(rst));

        List<ScriptOutcome> outcomes = run(2 * SimTime.SECOND);

        assertThat(outcomes).hasSize(1);
        assertThat(outcomes.get(0).actual()).startsWith("ack 1 is relative, but the stack sent no SYN on this connection");
        assertThat(toStack).isEmpty();
    }

    @Test
    void defaultsFollowTheConnection() {
        stackBehaviour = tcp -> { };
        start(List.of(send("/s/0", SimTime.SECOND, TcpScript.SYN, STACK_IP),
                send("/s/1", 2 * SimTime.SECOND, TcpScript.FIN, null)));

        run(3 * SimTime.SECOND);

        TcpPacket fin = lastTcpToStack();
        assertThat(fin.getHeader().getDstPort().valueAsInt()).isEqualTo(80);
        assertThat(fin.getHeader().getSrcPort().valueAsInt()).isEqualTo(40_000);
        assertThat(fin.getHeader().getSequenceNumberAsLong()).as("the SYN used one sequence number").isEqualTo(PEER_ISN + 1);
        assertThat(fin.getHeader().getWindowAsInt()).isEqualTo(65_535);
    }

    @Test
    void arpRequestForOwnAddressIsAnswered() {
        start(List.of(nothing("/s/0", SimTime.SECOND)));
        byte[] request = ArpResponderPeer.arpFrame(ArpOperation.REQUEST, org.pcap4j.util.MacAddress.ETHER_BROADCAST_ADDRESS,
                ArpResponderPeer.pcapMac(STACK_MAC), STACK_IP, org.pcap4j.util.MacAddress.getByAddress(new byte[6]), PEER_IP);
        simulator.scheduleAt(SimTime.MILLISECOND, () -> stackNic.transmit(request));

        run(SimTime.SECOND);

        assertThat(toStack).hasSize(1);
        ArpPacket reply = parse(toStack.get(0)).get(ArpPacket.class);
        assertThat(reply.getHeader().getOperation()).isEqualTo(ArpOperation.REPLY);
        assertThat(reply.getHeader().getSrcHardwareAddr().getAddress()).isEqualTo(PEER_MAC.toBytes());
        assertThat(reply.getHeader().getSrcProtocolAddr()).isEqualTo(PEER_IP);
    }

    @Test
    void neighborSolicitationForOwnAddressIsAnswered() {
        start(List.of(nothing("/s/0", SimTime.SECOND)));
        InetAddress target = Addresses.parse("2001:db8::b");
        byte[] ns = Ipv6Frames.neighborSolicitation(STACK_MAC, Ipv6Frames.multicastMac(Ipv6Frames.solicitedNode(target)),
                (java.net.Inet6Address) Addresses.parse("2001:db8::a"), Ipv6Frames.solicitedNode(target), (java.net.Inet6Address) target,
                STACK_MAC);
        simulator.scheduleAt(SimTime.MILLISECOND, () -> stackNic.transmit(ns));

        run(SimTime.SECOND);

        assertThat(toStack).hasSize(1);
        IcmpV6NeighborAdvertisementPacket na = parse(toStack.get(0)).get(IcmpV6NeighborAdvertisementPacket.class);
        assertThat(na.getHeader().getTargetAddress()).isEqualTo(target);
        assertThat(na.getHeader().getSolicitedFlag()).isTrue();
    }

    @Test
    void segmentToAnotherAddressIsNotTaken() {
        start(List.of(nothing("/s/0", SimTime.SECOND)));
        simulator.scheduleAt(SimTime.MILLISECOND, () -> stackNic.transmit(stackFrames.tcp(PEER_MAC, STACK_IP, Addresses.parse("10.0.0.3"), 80,
                40_000, 1, 1, TcpScript.ACK, 1000, List.of(), new byte[0])));

        List<ScriptOutcome> outcomes = run(2 * SimTime.SECOND);

        assertThat(outcomes.get(0).passed()).as("%s", outcomes.get(0)).isTrue();
    }

    private TcpPacket lastTcpToStack() {
        for (int i = toStack.size() - 1; i >= 0; i--) {
            EthernetPacket frame = parse(toStack.get(i));
            if (frame.get(TcpPacket.class) != null) {
                assertThat(frame.get(IpV4Packet.class).getHeader().getDstAddr()).isEqualTo(STACK_IP);
                return frame.get(TcpPacket.class);
            }
        }
        throw new AssertionError("no TCP segment reached the stack among " + toStack.size() + " frame(s): "
                + Arrays.toString(toStack.stream().map(f -> f.length).toArray()));
    }

    private static EthernetPacket parse(byte[] frame) {
        try {
            return EthernetPacket.newPacket(frame, 0, frame.length);
        } catch (org.pcap4j.packet.IllegalRawDataException e) {
            throw new AssertionError(e);
        }
    }
}
