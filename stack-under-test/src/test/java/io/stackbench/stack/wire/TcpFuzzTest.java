package io.stackbench.stack.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Every input must either parse as a TCP segment, options included, or raise
 * {@link MalformedPacketException}, and what parses must emit and parse again to an equal repr.
 */
class TcpFuzzTest {

    private static final Ipv4Address SOURCE_V4 = Ipv4Address.parse("192.0.2.1");
    private static final Ipv4Address DESTINATION_V4 = Ipv4Address.parse("192.0.2.2");
    private static final Ipv6Address SOURCE_V6 = Ipv6Address.parse("2001:db8::1");
    private static final Ipv6Address DESTINATION_V6 = Ipv6Address.parse("2001:db8::2");

    @FuzzTest(maxDuration = "10s")
    void parseSegment(byte[] data) {
        try {
            checkTcp(new TcpPacket(data));
        } catch (MalformedPacketException e) {
            assertThat(e.protocol()).isEqualTo(TcpPacket.PROTOCOL);
        }
    }

    /** Fills in a valid checksum first, so that inputs reach the option parser. */
    @FuzzTest(maxDuration = "10s")
    void parseSegmentWithValidChecksum(byte[] data) {
        if (data.length >= TcpPacket.MIN_HEADER_LENGTH) {
            new TcpPacket(data).fillChecksum(SOURCE_V4, DESTINATION_V4);
        }
        try {
            checkTcp(new TcpPacket(data));
        } catch (MalformedPacketException e) {
            assertThat(e.protocol()).isEqualTo(TcpPacket.PROTOCOL);
            assertThat(e.reason()).isNotEqualTo(MalformedPacketException.Reason.BAD_CHECKSUM);
        }
    }

    /**
     * Parses a segment over IPv4 and checks that the repr emits and parses again, over IPv4 and
     * IPv6, to an equal repr. The repr may be shorter than the segment, because padding after End
     * of Option List is not kept.
     */
    static void checkTcp(TcpPacket packet) throws MalformedPacketException {
        TcpRepr repr = TcpRepr.parse(packet, SOURCE_V4, DESTINATION_V4);

        assertThat(repr.bufferLength()).isLessThanOrEqualTo(packet.length());
        assertThat(WireRoundTrips.tcp(repr, SOURCE_V4, DESTINATION_V4)).isEqualTo(repr);
        assertThat(WireRoundTrips.tcp(repr, SOURCE_V6, DESTINATION_V6)).isEqualTo(repr);
    }
}
