package io.stackbench.stack.ipv4;

import static io.stackbench.stack.StackFixture.OUR_ADDRESS;
import static io.stackbench.stack.StackFixture.OUR_MAC;
import static io.stackbench.stack.StackFixture.PEER_ADDRESS;
import static io.stackbench.stack.StackFixture.PEER_MAC;
import static org.assertj.core.api.Assertions.assertThat;

import io.stackbench.sim.net.MacAddress;
import io.stackbench.stack.Frames;
import io.stackbench.stack.SentFrame;
import io.stackbench.stack.StackFixture;
import io.stackbench.stack.wire.EtherType;
import io.stackbench.stack.wire.Icmpv4Repr;
import io.stackbench.stack.wire.Icmpv4UnreachableCode;
import io.stackbench.stack.wire.IpProtocol;
import io.stackbench.stack.wire.Ipv4Address;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Which datagrams the host accepts and how it rejects the rest: RFC 1122 §3.2.1. */
class Ipv4InputTest {

    /** Offsets in the IPv4 header (RFC 791 §3.1). */
    private static final int VERSION_IHL = 0;
    private static final int TOTAL_LENGTH = 2;
    private static final int HEADER_CHECKSUM = 10;
    private static final int SOURCE = 12;

    /** Returns a 32-byte UDP datagram from the peer to port 9 (discard) of our address. */
    private static byte[] udpToUs() {
        return Frames.ipv4(PEER_ADDRESS, OUR_ADDRESS, IpProtocol.UDP, Frames.udp(40000, 9, new byte[4]));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "our address,       192.0.2.2,       02:00:00:00:00:02",
            "subnet broadcast,  192.0.2.255,     ff:ff:ff:ff:ff:ff",
            "limited broadcast, 255.255.255.255, ff:ff:ff:ff:ff:ff",
    })
    void acceptsDestination(String name, String destination, String destinationMac) {
        StackFixture fixture = StackFixture.started();
        byte[] packet = Frames.ipv4(PEER_ADDRESS, Ipv4Address.parse(destination), IpProtocol.UDP, Frames.udp(40000, 9, new byte[4]));

        fixture.receive(Frames.ipv4Frame(MacAddress.parse(destinationMac), PEER_MAC, packet));

        assertThat(fixture.counter("rx.ipv4")).isEqualTo(1);
        assertThat(fixture.counter("udp.closed-port")).isEqualTo(1);
        assertThat(dropCounters(fixture)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "other host on the subnet,      192.0.2.3",
            "off-link host,                 198.51.100.7",
            "network address of the subnet, 192.0.2.0",
            "broadcast of another subnet,   198.51.100.255",
            "unspecified address,           0.0.0.0",
    })
    void dropsOtherDestination(String name, String destination) {
        StackFixture fixture = StackFixture.started();
        byte[] packet = Frames.ipv4(PEER_ADDRESS, Ipv4Address.parse(destination), IpProtocol.UDP, Frames.udp(40000, 9, new byte[4]));

        fixture.receive(Frames.ipv4Frame(MacAddress.BROADCAST, PEER_MAC, packet));

        assertThat(fixture.counter("drop.ipv4.not-for-us")).isEqualTo(1);
        assertThat(fixture.counter("rx.ipv4")).isZero();
        assertThat(fixture.takeSent()).isEmpty();
    }

    static Stream<Arguments> malformedDatagrams() {
        return Stream.of(
                malformed("bad header checksum", "ipv4.bad-checksum",
                        p -> Frames.with(p, HEADER_CHECKSUM, p[HEADER_CHECKSUM] ^ 0x01)),
                malformed("version 6 behind EtherType IPv4", "ethernet.ip-version-mismatch",
                        p -> fixed(Frames.with(p, VERSION_IHL, 0x65))),
                malformed("version 0", "ethernet.ip-version-mismatch", p -> fixed(Frames.with(p, VERSION_IHL, 0x05))),
                malformed("IHL 4, a header shorter than 20 bytes", "ipv4.bad-header-length",
                        p -> Frames.with(p, VERSION_IHL, 0x44)),
                malformed("IHL 0", "ipv4.bad-header-length", p -> Frames.with(p, VERSION_IHL, 0x40)),
                malformed("datagram of 19 bytes", "ipv4.truncated", p -> Arrays.copyOf(p, 19)),
                malformed("datagram of 1 byte", "ipv4.truncated", p -> Arrays.copyOf(p, 1)),
                malformed("total length one byte beyond the frame", "ipv4.truncated",
                        p -> fixed(withTotalLength(p, p.length + 1))),
                malformed("total length 65535", "ipv4.truncated", p -> fixed(withTotalLength(p, 0xffff))),
                malformed("total length shorter than the header", "ipv4.bad-length", p -> fixed(withTotalLength(p, 19))),
                malformed("IHL 15 beyond the total length", "ipv4.bad-length",
                        p -> fixed(Frames.withTrailer(Frames.with(p, VERSION_IHL, 0x4f), 40, 0))),
                malformed("source 255.255.255.255", "ipv4.bad-source", p -> fixed(withSource(p, "255.255.255.255"))),
                malformed("source our subnet broadcast", "ipv4.bad-source", p -> fixed(withSource(p, "192.0.2.255"))),
                malformed("source multicast 224.0.0.1", "ipv4.bad-source", p -> fixed(withSource(p, "224.0.0.1"))));
    }

    private static Arguments malformed(String name, String dropCounter, UnaryOperator<byte[]> damage) {
        return Arguments.of(name, dropCounter, damage);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedDatagrams")
    void malformedDatagramIsCountedDrop(String name, String dropCounter, UnaryOperator<byte[]> damage) {
        StackFixture fixture = StackFixture.started();
        fixture.learnPeer();
        SortedMap<String, Long> before = fixture.snapshot().counters();

        // Unpadded, so the datagram ends exactly where the case makes it end.
        fixture.receive(Frames.ethernet(OUR_MAC, PEER_MAC, EtherType.IPV4, damage.apply(udpToUs())));

        assertThat(fixture.takeSent()).isEmpty();
        assertThat(changedCounters(before, fixture.snapshot().counters()))
                .containsExactlyInAnyOrderEntriesOf(Map.of("rx.frames", 1L, "drop." + dropCounter, 1L));
    }

    @Test
    void undamagedDatagramIsAccepted() {
        StackFixture fixture = StackFixture.started();

        fixture.receive(Frames.ethernet(OUR_MAC, PEER_MAC, EtherType.IPV4, udpToUs()));

        // The control case for the table above.
        assertThat(fixture.counter("rx.ipv4")).isEqualTo(1);
        assertThat(dropCounters(fixture)).isEmpty();
    }

    @Test
    void trailingEthernetPaddingIsIgnored() {
        StackFixture fixture = StackFixture.started();
        fixture.learnPeer();
        byte[] data = "ping".getBytes(StandardCharsets.US_ASCII);
        byte[] echo = Frames.icmpv4(new Icmpv4Repr.EchoRequest(0x0101, 1, data));
        byte[] frame = Frames.ethernet(OUR_MAC, PEER_MAC, EtherType.IPV4, Frames.ipv4(PEER_ADDRESS, OUR_ADDRESS, IpProtocol.ICMP, echo));

        // 46 bytes of frame, then 40 bytes that are not zero: the ICMP checksum fails if they are counted.
        fixture.receive(Frames.withTrailer(frame, 40, 0x5a));

        List<SentFrame> sent = fixture.takeSent();
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).icmpv4()).isEqualTo(new Icmpv4Repr.EchoReply(0x0101, 1, data));
    }

    @Test
    void datagramWithOptionsIsAccepted() {
        StackFixture fixture = StackFixture.started();
        fixture.learnPeer();
        byte[] echo = Frames.icmpv4(new Icmpv4Repr.EchoRequest(0x0202, 2, new byte[6]));

        fixture.receive(Frames.ipv4Frame(OUR_MAC, PEER_MAC, withNopOptions(Frames.ipv4(PEER_ADDRESS, OUR_ADDRESS, IpProtocol.ICMP, echo))));

        assertThat(fixture.takeSent()).singleElement()
                .satisfies(reply -> assertThat(reply.icmpv4()).isEqualTo(new Icmpv4Repr.EchoReply(0x0202, 2, new byte[6])));
    }

    @Test
    void udpToClosedPortGetsPortUnreachable() {
        StackFixture fixture = StackFixture.started();
        fixture.learnPeer();
        byte[] datagram = Frames.ipv4(PEER_ADDRESS, OUR_ADDRESS, IpProtocol.UDP, Frames.udp(40000, 9, new byte[20]));

        fixture.receive(Frames.ipv4Frame(OUR_MAC, PEER_MAC, datagram));

        // RFC 1122 §4.1.3.1 and RFC 792: the error carries the IP header and the first 8 data bytes.
        List<SentFrame> sent = fixture.takeSent();
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).ethernet().destination()).isEqualTo(PEER_MAC);
        assertThat(sent.get(0).ipv4().destination()).isEqualTo(PEER_ADDRESS);
        assertThat(sent.get(0).icmpv4()).isEqualTo(new Icmpv4Repr.DestinationUnreachable(
                Icmpv4UnreachableCode.PORT_UNREACHABLE, 0, Arrays.copyOf(datagram, 28)));
    }

    @Test
    void portUnreachableQuotesWholeShortDatagramWithOptions() {
        StackFixture fixture = StackFixture.started();
        fixture.learnPeer();
        byte[] datagram = withNopOptions(Frames.ipv4(PEER_ADDRESS, OUR_ADDRESS, IpProtocol.UDP, Frames.udp(40000, 9, new byte[0])));

        fixture.receive(Frames.ipv4Frame(OUR_MAC, PEER_MAC, datagram));

        // RFC 792: the quote is the whole 24-byte header with its options and then 8 data bytes, here the UDP header.
        Icmpv4Repr error = fixture.takeSent().get(0).icmpv4();
        assertThat(error).isInstanceOf(Icmpv4Repr.DestinationUnreachable.class);
        assertThat(((Icmpv4Repr.DestinationUnreachable) error).originalDatagram()).containsExactly(datagram);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "limited broadcast, 255.255.255.255",
            "subnet broadcast,  192.0.2.255",
    })
    void udpToBroadcastGetsNoPortUnreachable(String name, String destination) {
        StackFixture fixture = StackFixture.started();
        fixture.learnPeer();
        byte[] datagram = Frames.ipv4(PEER_ADDRESS, Ipv4Address.parse(destination), IpProtocol.UDP, Frames.udp(40000, 9, new byte[4]));

        fixture.receive(Frames.ipv4Frame(MacAddress.BROADCAST, PEER_MAC, datagram));

        // RFC 1122 §3.2.2: no ICMP error about a datagram sent to an IP broadcast address.
        assertThat(fixture.takeSent()).isEmpty();
        assertThat(fixture.counter("udp.closed-port")).isEqualTo(1);
    }

    @Test
    void unknownProtocolGetsProtocolUnreachable() {
        StackFixture fixture = StackFixture.started();
        fixture.learnPeer();
        byte[] datagram = Frames.ipv4(PEER_ADDRESS, OUR_ADDRESS, new IpProtocol(253), new byte[12]);

        fixture.receive(Frames.ipv4Frame(OUR_MAC, PEER_MAC, datagram));

        assertThat(fixture.takeSent()).singleElement().satisfies(frame -> assertThat(frame.icmpv4()).isEqualTo(
                new Icmpv4Repr.DestinationUnreachable(Icmpv4UnreachableCode.PROTOCOL_UNREACHABLE,
                        0, Arrays.copyOf(datagram, 28))));
        assertThat(fixture.counter("drop.ipv4.unknown-protocol")).isEqualTo(1);
    }

    /** Returns the datagram with four option bytes (three NOPs and End of Option List) after its header. */
    private static byte[] withNopOptions(byte[] packet) {
        byte[] longer = new byte[packet.length + 4];
        System.arraycopy(packet, 0, longer, 0, 20);
        longer[20] = 1;
        longer[21] = 1;
        longer[22] = 1;
        longer[23] = 0;
        System.arraycopy(packet, 20, longer, 24, packet.length - 20);
        longer[VERSION_IHL] = 0x46;
        return fixed(withTotalLength(longer, longer.length));
    }

    private static byte[] fixed(byte[] packet) {
        return Frames.withFixedChecksum(packet);
    }

    private static byte[] withTotalLength(byte[] packet, int totalLength) {
        byte[] copy = packet.clone();
        Frames.writeU16(copy, TOTAL_LENGTH, totalLength);
        return copy;
    }

    private static byte[] withSource(byte[] packet, String source) {
        byte[] copy = packet.clone();
        Ipv4Address.parse(source).write(copy, SOURCE);
        return copy;
    }

    private static SortedMap<String, Long> dropCounters(StackFixture fixture) {
        return fixture.snapshot().counters().subMap("drop.", "drop/");
    }

    private static SortedMap<String, Long> changedCounters(SortedMap<String, Long> before, SortedMap<String, Long> after) {
        SortedMap<String, Long> changed = new TreeMap<>();
        after.forEach((name, value) -> {
            long delta = value - before.getOrDefault(name, 0L);
            if (delta != 0) {
                changed.put(name, delta);
            }
        });
        return changed;
    }
}
