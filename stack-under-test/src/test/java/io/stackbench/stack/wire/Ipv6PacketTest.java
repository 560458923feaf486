package io.stackbench.stack.wire;

import static io.stackbench.stack.wire.Fixtures.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class Ipv6PacketTest {

    /** fe80::5054:ff:fe12:3456 pings fe80::1: a 40-byte header and a 12-byte ICMPv6 echo request. */
    private static final byte[] PACKET = hex("""
            6e012345       # version 6, traffic class 0xe0, flow label 0x12345
            000c           # payload length 12
            3a             # next header ICMPv6
            40             # hop limit 64
            fe800000000000005054 00fffe123456   # source fe80::5054:ff:fe12:3456
            fe800000000000000000 000000000001   # destination fe80::1
            8000 0df4 1234 0001 70696e67        # payload: ICMPv6 echo request "ping"
            """);

    private static final Ipv6Address HOST = Ipv6Address.parse("fe80::5054:ff:fe12:3456");
    private static final Ipv6Address ROUTER = Ipv6Address.parse("fe80::1");

    private static final Ipv6Repr REPR = new Ipv6Repr(HOST, ROUTER, IpProtocol.ICMPV6, 64, 0xe0, 0x12345, 12);

    /** Next Header 59 and nothing after the header: the one packet that may have payload length 0. */
    private static final byte[] EMPTY = hex("""
            60000000       # version 6, traffic class 0, flow label 0
            0000           # payload length 0
            3b             # next header: No Next Header
            ff             # hop limit 255
            fe800000000000005054 00fffe123456   # source
            ff020000000000000000 000000000001   # destination ff02::1
            """);

    @Test
    void readsFieldsFromFixture() {
        Ipv6Packet packet = new Ipv6Packet(PACKET);

        assertThat(packet.version()).isEqualTo(6);
        assertThat(packet.trafficClass()).isEqualTo(0xe0);
        assertThat(packet.flowLabel()).isEqualTo(0x12345);
        assertThat(packet.payloadLength()).isEqualTo(12);
        assertThat(packet.nextHeader()).isEqualTo(IpProtocol.ICMPV6);
        assertThat(packet.hopLimit()).isEqualTo(64);
        assertThat(packet.sourceAddress()).isEqualTo(HOST);
        assertThat(packet.destinationAddress()).isEqualTo(ROUTER);
        assertThat(packet.payloadOffset()).isEqualTo(40);
    }

    @Test
    void parsesFixture() throws MalformedPacketException {
        assertThat(Ipv6Repr.parse(new Ipv6Packet(PACKET))).isEqualTo(REPR);
    }

    @Test
    void parsesEmptyPayloadWithNoNextHeader() throws MalformedPacketException {
        Ipv6Repr repr = Ipv6Repr.parse(new Ipv6Packet(EMPTY));

        assertThat(repr.nextHeader()).isEqualTo(IpProtocol.IPV6_NONXT);
        assertThat(repr.payloadLength()).isZero();
        assertThat(repr.bufferLength()).isEqualTo(40);
    }

    @Test
    void settersKeepNeighbouringFields() {
        Ipv6Packet packet = new Ipv6Packet(PACKET.clone());

        packet.setTrafficClass(0x01);
        packet.setFlowLabel(0xfffff);
        packet.setVersion(6);

        assertThat(packet.version()).isEqualTo(6);
        assertThat(packet.trafficClass()).isEqualTo(0x01);
        assertThat(packet.flowLabel()).isEqualTo(0xfffff);
        assertThat(packet.payloadLength()).isEqualTo(12);
    }

    @Test
    void ignoresTrailingEthernetPadding() throws MalformedPacketException {
        byte[] padded = Arrays.copyOf(PACKET, 64);

        assertThat(Ipv6Repr.parse(new Ipv6Packet(padded))).isEqualTo(REPR);
    }

    @Test
    void viewAtOffsetReadsOnlyItsRange() throws MalformedPacketException {
        byte[] frame = new byte[14 + PACKET.length];
        System.arraycopy(PACKET, 0, frame, 14, PACKET.length);

        Ipv6Packet packet = new Ipv6Packet(frame, 14, PACKET.length);

        assertThat(Ipv6Repr.parse(packet)).isEqualTo(REPR);
        assertThat(packet.payloadOffset()).isEqualTo(54);
    }

    @Test
    void emitsIntoPoisonedBuffer() {
        byte[] buffer = Fixtures.poisoned(REPR.bufferLength());

        REPR.emit(new Ipv6Packet(buffer));

        assertThat(Arrays.copyOf(buffer, 40)).containsExactly(Arrays.copyOf(PACKET, 40));
        assertThat(Arrays.copyOfRange(buffer, 40, 52)).containsOnly(Fixtures.POISON);
    }

    @Test
    void emitsEmptyPacketIntoPoisonedBuffer() {
        Ipv6Repr empty = new Ipv6Repr(HOST, Ipv6Address.ALL_NODES, IpProtocol.IPV6_NONXT, 255, 0, 0, 0);
        byte[] buffer = Fixtures.poisoned(empty.bufferLength());

        empty.emit(new Ipv6Packet(buffer));

        assertThat(buffer).containsExactly(EMPTY);
    }

    @Test
    void emitRejectsViewShorterThanHeader() {
        assertThatIllegalArgumentException().isThrownBy(() -> REPR.emit(new Ipv6Packet(new byte[39])))
                .withMessageContaining("IPv6 packet view of 39 bytes is too short");
    }

    @Test
    void reprRejectsEmptyPayloadWithOtherNextHeader() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Ipv6Repr(HOST, ROUTER, IpProtocol.ICMPV6, 64, 0, 0, 0))
                .withMessageContaining("payload length 0 requires next header IPV6_NONXT");
    }

    @Test
    void reprRejectsFieldsOutOfRange() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Ipv6Repr(HOST, ROUTER, IpProtocol.UDP, 64, 0, 0x100000, 8))
                .withMessageContaining("flowLabel 1048576 is not between 0 and 1048575");
        assertThatIllegalArgumentException().isThrownBy(() -> new Ipv6Repr(HOST, ROUTER, IpProtocol.UDP, 256, 0, 0, 8));
        assertThatIllegalArgumentException().isThrownBy(() -> new Ipv6Repr(HOST, ROUTER, IpProtocol.UDP, 64, 256, 0, 8));
        assertThatIllegalArgumentException().isThrownBy(() -> new Ipv6Repr(HOST, ROUTER, IpProtocol.UDP, 64, 0, 0, 65536));
    }

    @Test
    void rejectsShorterThanHeader() {
        assertRejected(Arrays.copyOf(PACKET, 39), "ipv6.truncated");
    }

    @Test
    void rejectsVersionNotSix() {
        assertRejected(Fixtures.with(PACKET, 0, 0x4e), "ipv6.bad-version");
    }

    @Test
    void rejectsPayloadLengthBeyondBuffer() {
        assertRejected(Arrays.copyOf(PACKET, 51), "ipv6.truncated");
    }

    @Test
    void rejectsPayloadLengthZeroWithIcmpv6() {
        byte[] zero = Fixtures.with(PACKET, 5, 0);

        assertRejected(zero, "ipv6.bad-length");
    }

    @Test
    void rejectsPayloadLengthZeroWithHopByHop() {
        // RFC 2675 §3: Payload Length 0 with a Hop-by-Hop header announces a jumbogram.
        byte[] zero = Fixtures.with(Fixtures.with(PACKET, 5, 0), 6, 0);

        assertRejected(zero, "ipv6.bad-length");
    }

    @Test
    void emitThenParseRoundTrips() {
        qt().withFixedSeed(8200L).forAll(WireGenerators.ipv6Reprs()).checkAssert(repr -> {
            byte[] buffer = Fixtures.poisoned(repr.bufferLength());

            repr.emit(new Ipv6Packet(buffer));

            assertThat(WireRoundTrips.parseIpv6(buffer)).isEqualTo(repr);
        });
    }

    private static void assertRejected(byte[] packet, String counterName) {
        assertThatThrownBy(() -> Ipv6Repr.parse(new Ipv6Packet(packet)))
                .isInstanceOfSatisfying(MalformedPacketException.class,
                        e -> assertThat(e.counterName()).isEqualTo(counterName));
    }
}
