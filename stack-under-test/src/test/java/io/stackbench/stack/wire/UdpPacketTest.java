package io.stackbench.stack.wire;

import static io.stackbench.stack.wire.Fixtures.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class UdpPacketTest {

    private static final Ipv4Address V4_SOURCE = Ipv4Address.parse("192.0.2.1");
    private static final Ipv4Address V4_DESTINATION = Ipv4Address.parse("192.0.2.2");
    private static final Ipv6Address V6_SOURCE = Ipv6Address.parse("2001:db8::1");
    private static final Ipv6Address V6_DESTINATION = Ipv6Address.parse("2001:db8::2");

    /** "hi!" from 192.0.2.1 port 49152 to 192.0.2.2 port 7 (echo). */
    private static final byte[] OVER_IPV4 = hex("""
            c000           # source port: 49152
            0007           # destination port: 7
            000b           # length: 8 + 3
            3263           # checksum over the IPv4 pseudo-header
            686921         # data: "hi!"
            """);

    /** The same datagram from 2001:db8::1 to 2001:db8::2. */
    private static final byte[] OVER_IPV6 = hex("""
            c000           # source port: 49152
            0007           # destination port: 7
            000b           # length: 8 + 3
            5af2           # checksum over the IPv6 pseudo-header
            686921         # data: "hi!"
            """);

    /** Two data bytes chosen so that the computed checksum is zero, which is sent as 0xffff. */
    private static final byte[] CHECKSUM_ALL_ONES = hex("""
            c000           # source port: 49152
            0007           # destination port: 7
            000a           # length: 8 + 2
            ffff           # checksum: computed 0x0000, sent as 0xffff (RFC 768)
            bbce           # data
            """);

    private static final UdpRepr REPR = new UdpRepr(49152, 7, "hi!".getBytes(StandardCharsets.US_ASCII));

    @Test
    void readsFieldsFromFixture() {
        UdpPacket packet = new UdpPacket(OVER_IPV4);

        assertThat(packet.sourcePort()).isEqualTo(49152);
        assertThat(packet.destinationPort()).isEqualTo(7);
        assertThat(packet.datagramLength()).isEqualTo(11);
        assertThat(packet.checksum()).isEqualTo(0x3263);
        assertThat(packet.payloadOffset()).isEqualTo(8);
        assertThat(packet.payloadLength()).isEqualTo(3);
    }

    @Test
    void parsesIpv4Fixture() throws MalformedPacketException {
        assertThat(UdpRepr.parse(new UdpPacket(OVER_IPV4), V4_SOURCE, V4_DESTINATION)).isEqualTo(REPR);
    }

    @Test
    void parsesIpv6Fixture() throws MalformedPacketException {
        assertThat(UdpRepr.parse(new UdpPacket(OVER_IPV6), V6_SOURCE, V6_DESTINATION)).isEqualTo(REPR);
    }

    @Test
    void ignoresBytesAfterLengthField() throws MalformedPacketException {
        byte[] padded = Arrays.copyOf(OVER_IPV4, 26);
        Arrays.fill(padded, OVER_IPV4.length, padded.length, (byte) 0x5a);

        assertThat(UdpRepr.parse(new UdpPacket(padded), V4_SOURCE, V4_DESTINATION)).isEqualTo(REPR);
    }

    @Test
    void acceptsZeroChecksumOverIpv4() throws MalformedPacketException {
        byte[] unchecked = Fixtures.with(Fixtures.with(OVER_IPV4, 6, 0), 7, 0);

        assertThat(UdpRepr.parse(new UdpPacket(unchecked), V4_SOURCE, V4_DESTINATION)).isEqualTo(REPR);
    }

    @Test
    void rejectsZeroChecksumOverIpv6() {
        byte[] unchecked = Fixtures.with(Fixtures.with(OVER_IPV6, 6, 0), 7, 0);

        assertRejectedOverIpv6(unchecked, "udp.zero-checksum");
    }

    @Test
    void rejectsBadChecksumOverIpv4() {
        assertRejectedOverIpv4(Fixtures.with(OVER_IPV4, 10, 'X'), "udp.bad-checksum");
    }

    @Test
    void rejectsBadChecksumOverIpv6() {
        assertRejectedOverIpv6(Fixtures.with(OVER_IPV6, 10, 'X'), "udp.bad-checksum");
    }

    @Test
    void rejectsChecksumOfOtherFamily() {
        assertRejectedOverIpv6(OVER_IPV4, "udp.bad-checksum");
    }

    @Test
    void rejectsChecksumOfOtherDestination() {
        assertThatThrownBy(() -> UdpRepr.parse(new UdpPacket(OVER_IPV4), V4_SOURCE, Ipv4Address.parse("192.0.2.3")))
                .isInstanceOfSatisfying(MalformedPacketException.class, e -> assertThat(e.counterName()).isEqualTo("udp.bad-checksum"));
    }

    @Test
    void rejectsHeaderTruncated() {
        assertRejectedOverIpv4(Arrays.copyOf(OVER_IPV4, 7), "udp.truncated");
    }

    @Test
    void rejectsLengthBeyondData() {
        assertRejectedOverIpv4(Arrays.copyOf(OVER_IPV4, 10), "udp.truncated");
    }

    @Test
    void rejectsLengthBelowHeader() {
        assertRejectedOverIpv4(Fixtures.with(OVER_IPV4, 5, 7), "udp.bad-length");
    }

    @Test
    void emitsIpv4IntoPoisonedBuffer() {
        byte[] buffer = Fixtures.poisoned(REPR.bufferLength());

        REPR.emit(new UdpPacket(buffer), V4_SOURCE, V4_DESTINATION);

        assertThat(buffer).containsExactly(OVER_IPV4);
    }

    @Test
    void emitsIpv6IntoPoisonedBuffer() {
        byte[] buffer = Fixtures.poisoned(REPR.bufferLength());

        REPR.emit(new UdpPacket(buffer), V6_SOURCE, V6_DESTINATION);

        assertThat(buffer).containsExactly(OVER_IPV6);
    }

    @Test
    void emitsComputedZeroAsAllOnes() throws MalformedPacketException {
        UdpRepr repr = new UdpRepr(49152, 7, new byte[] {(byte) 0xbb, (byte) 0xce});
        byte[] buffer = Fixtures.poisoned(repr.bufferLength());

        repr.emit(new UdpPacket(buffer), V4_SOURCE, V4_DESTINATION);

        assertThat(buffer).containsExactly(CHECKSUM_ALL_ONES);
        assertThat(UdpRepr.parse(new UdpPacket(buffer), V4_SOURCE, V4_DESTINATION)).isEqualTo(repr);
    }

    @Test
    void rejectsPortOutOfRange() {
        assertThatThrownBy(() -> new UdpRepr(0x10000, 7, new byte[0]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sourcePort 65536");
    }

    @Test
    void rejectsPayloadBeyondLengthField() {
        assertThatThrownBy(() -> new UdpRepr(1, 7, new byte[UdpRepr.MAX_PAYLOAD_LENGTH + 1]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("65528 bytes");
    }

    @Test
    void emitThenParseRoundTripsOverIpv4() {
        qt().withFixedSeed(768L).forAll(udpReprs(), WireGenerators.ipv4Addresses(), WireGenerators.ipv4Addresses())
                .checkAssert((repr, source, destination) -> assertThat(WireRoundTrips.udp(repr, source, destination)).isEqualTo(repr));
    }

    @Test
    void emitThenParseRoundTripsOverIpv6() {
        qt().withFixedSeed(8200L).forAll(udpReprs(), WireGenerators.ipv6Addresses(), WireGenerators.ipv6Addresses())
                .checkAssert((repr, source, destination) -> assertThat(WireRoundTrips.udp(repr, source, destination)).isEqualTo(repr));
    }

    private static Gen<UdpRepr> udpReprs() {
        return WireGenerators.u16().zip(WireGenerators.u16(), WireGenerators.bytes(64), UdpRepr::new);
    }

    private static void assertRejectedOverIpv4(byte[] datagram, String counterName) {
        assertThatThrownBy(() -> UdpRepr.parse(new UdpPacket(datagram), V4_SOURCE, V4_DESTINATION))
                .isInstanceOfSatisfying(MalformedPacketException.class, e -> assertThat(e.counterName()).isEqualTo(counterName));
    }

    private static void assertRejectedOverIpv6(byte[] datagram, String counterName) {
        assertThatThrownBy(() -> UdpRepr.parse(new UdpPacket(datagram), V6_SOURCE, V6_DESTINATION))
                .isInstanceOfSatisfying(MalformedPacketException.class, e -> assertThat(e.counterName()).isEqualTo(counterName));
    }
}
