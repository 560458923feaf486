package io.stackbench.bench;

import io.stackbench.sim.net.NicStackHost;
import io.stackbench.sim.engine.SimTime;
import io.stackbench.sim.engine.Simulator;
import io.stackbench.sim.net.MacAddress;
import io.stackbench.sim.net.Nic;
import io.stackbench.sim.net.Segment;
import io.stackbench.sim.random.DeterministicRandom;
import io.stackbench.stack.DualStack;
import io.stackbench.stack.wire.EtherType;
import io.stackbench.stack.wire.EthernetFrame;
import io.stackbench.stack.wire.EthernetHeader;
import io.stackbench.stack.wire.Icmpv6Packet;
import io.stackbench.stack.wire.Icmpv6Repr;
import io.stackbench.stack.wire.IpProtocol;
import io.stackbench.stack.wire.Ipv6Address;
import io.stackbench.stack.wire.Ipv6Packet;
import io.stackbench.stack.wire.Ipv6Repr;
import io.stackbench.stack.wire.NdpOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The IPv6 scale workload: N stacks and one router on a segment. The router sends one Router
 * Advertisement at 10 ms (prefix 2001:db8:1::/64, L and A set); every stack completes DAD and
 * SLAAC, then from 3 s stack i pings stack i+1 on its global address ten times, 100 ms apart.
 *
 * <p>The router's frame is built with the stack's own codecs, which is fine for a benchmark: the
 * scenarios check the stack against an independent router built with pcap4j.
 */
final class Ipv6Workload {

    static final Ipv6Address PREFIX = Ipv6Address.parse("2001:db8:1::");
    static final long ADVERTISEMENT_AT = SimTime.millis(10);
    static final long FIRST_PING_AT = SimTime.seconds(3);
    static final long END_TIME = FIRST_PING_AT + (ScaleRun.PINGS_PER_NODE - 1) * ScaleRun.PING_INTERVAL_NANOS + SimTime.seconds(1);
    static final MacAddress ROUTER_MAC = new MacAddress(0x0200_00ff_fffeL);

    private Ipv6Workload() {
    }

    static ScaleRun.Result run(int nodes) {
        long setupStart = System.nanoTime();
        Simulator simulator = new Simulator();
        CountingRecorder recorder = new CountingRecorder();
        Segment segment = new Segment(simulator, "lan", 0, ScaleRun.LINK, DeterministicRandom.forComponent(1, "segment:lan"), recorder);
        ScaleRun.EchoTally tally = new ScaleRun.EchoTally();

        Nic router = segment.attach("router", "eth0", ROUTER_MAC, (n, frame) -> { });
        List<DualStack> stacks = new ArrayList<>(nodes);
        List<NicStackHost> hosts = new ArrayList<>(nodes);
        for (int i = 0; i < nodes; i++) {
            String name = "node" + i;
            DualStack stack = new DualStack();
            Nic nic = segment.attach(name, "eth0", ScaleRun.macOf(i), (n, frame) -> stack.receive(0, frame));
            hosts.add(new NicStackHost(name, List.of("--ipv6-only=true"), simulator, DeterministicRandom.forComponent(1, "node:" + name), nic, event -> { }, () -> null));
            stacks.add(stack);
        }
        for (int i = 0; i < nodes; i++) {
            stacks.get(i).start(hosts.get(i));
        }
        simulator.scheduleAt(ADVERTISEMENT_AT, () -> router.transmit(advertisement()));
        for (int i = 0; i < nodes; i++) {
            DualStack stack = stacks.get(i);
            Ipv6Address successor = Ipv6Address.fromEui64(PREFIX, ScaleRun.macOf((i + 1) % nodes));
            int identifier = (i + 1) & 0xffff;
            for (int sequence = 0; sequence < ScaleRun.PINGS_PER_NODE; sequence++) {
                int seq = sequence;
                simulator.scheduleAt(FIRST_PING_AT + sequence * ScaleRun.PING_INTERVAL_NANOS,
                        () -> stack.sendEchoRequest(successor.toInetAddress(), identifier, seq, ScaleRun.PING_PAYLOAD_LENGTH, tally));
            }
        }

        long runStart = System.nanoTime();
        simulator.runUntil(END_TIME);
        long runEnd = System.nanoTime();
        return new ScaleRun.Result(nodes, runStart - setupStart, runEnd - runStart, simulator.eventsRun(), recorder.frames(),
                segment.framesDelivered(), tally.replies, tally.errors, tally.firstError);
    }

    /** Builds the router's advertisement: lifetime 1800 s, SLLA, prefix 2001:db8:1::/64 with L and A. */
    static byte[] advertisement() {
        Ipv6Address source = Ipv6Address.fromEui64(Ipv6Address.LINK_LOCAL_PREFIX, ROUTER_MAC);
        Icmpv6Repr ra = new Icmpv6Repr.RouterAdvertisement(0, 64, false, false, 1800, 0, 0, List.of(
                new NdpOption.SourceLinkLayerAddress(ROUTER_MAC),
                new NdpOption.PrefixInformation(64, true, true, 86_400, 14_400, PREFIX)));
        byte[] icmp = new byte[ra.bufferLength()];
        ra.emit(new Icmpv6Packet(icmp), source, Ipv6Address.ALL_NODES);
        Ipv6Repr ip = new Ipv6Repr(source, Ipv6Address.ALL_NODES, IpProtocol.ICMPV6, 255, 0, 0, icmp.length);
        byte[] frame = new byte[EthernetFrame.HEADER_LENGTH + ip.bufferLength()];
        new EthernetHeader(Ipv6Address.ALL_NODES.multicastMac(), ROUTER_MAC, EtherType.IPV6).emit(new EthernetFrame(frame));
        Ipv6Packet packet = new Ipv6Packet(frame, EthernetFrame.HEADER_LENGTH, ip.bufferLength());
        ip.emit(packet);
        System.arraycopy(icmp, 0, frame, EthernetFrame.HEADER_LENGTH + Ipv6Packet.HEADER_LENGTH, icmp.length);
        return frame;
    }
}
