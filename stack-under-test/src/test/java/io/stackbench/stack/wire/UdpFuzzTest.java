package io.stackbench.stack.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;

/** Every input must either parse as UDP over either family or raise {@link MalformedPacketException}. */
class UdpFuzzTest {

    private static final Ipv4Address V4_SOURCE = Ipv4Address.parse("192.0.2.1");
    private static final Ipv4Address V4_DESTINATION = Ipv4Address.parse("192.0.2.2");
    private static final Ipv6Address V6_SOURCE = Ipv6Address.parse("2001:db8::1");
    private static final Ipv6Address V6_DESTINATION = Ipv6Address.parse("2001:db8::2");

    @FuzzTest(maxDuration = "10s")
    void parseIpv4(byte[] data) {
        try {
            UdpRepr repr = UdpRepr.parse(new UdpPacket(data), V4_SOURCE, V4_DESTINATION);
            assertThat(WireRoundTrips.udp(repr, V4_SOURCE, V4_DESTINATION)).isEqualTo(repr);
        } catch (MalformedPacketException e) {
            assertThat(e.protocol()).isEqualTo(UdpPacket.PROTOCOL);
        }
    }

    @FuzzTest(maxDuration = "10s")
    void parseIpv6(byte[] data) {
        try {
            UdpRepr repr = UdpRepr.parse(new UdpPacket(data), V6_SOURCE, V6_DESTINATION);
            assertThat(WireRoundTrips.udp(repr, V6_SOURCE, V6_DESTINATION)).isEqualTo(repr);
        } catch (MalformedPacketException e) {
            assertThat(e.protocol()).isEqualTo(UdpPacket.PROTOCOL);
        }
    }

    /** Fills in a valid checksum first, so that inputs get past the checksum to the length checks. */
    @FuzzTest(maxDuration = "10s")
    void parseIpv6WithValidChecksum(byte[] data) {
        UdpPacket packet = new UdpPacket(data);
        if (data.length >= UdpPacket.HEADER_LENGTH && packet.datagramLength() >= UdpPacket.HEADER_LENGTH
                && packet.datagramLength() <= data.length) {
            packet.fillChecksum(V6_SOURCE, V6_DESTINATION);
        }
        try {
            UdpRepr repr = UdpRepr.parse(packet, V6_SOURCE, V6_DESTINATION);
            assertThat(repr.bufferLength()).isEqualTo(packet.datagramLength());
        } catch (MalformedPacketException e) {
            assertThat(e.protocol()).isEqualTo(UdpPacket.PROTOCOL);
            assertThat(e.reason()).isNotEqualTo(MalformedPacketException.Reason.BAD_CHECKSUM);
        }
    }
}
