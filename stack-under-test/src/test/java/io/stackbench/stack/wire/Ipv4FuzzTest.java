package io.stackbench.stack.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Every input must either parse as IPv4 (and its ICMPv4 payload, if any) or raise
 * {@link MalformedPacketException}.
 */
class Ipv4FuzzTest {

    @FuzzTest(maxDuration = "10s")
    void parseDatagram(byte[] data) {
        try {
            checkIpv4(new Ipv4Packet(data));
        } catch (MalformedPacketException e) {
            assertThat(e.protocol()).isIn(Ipv4Packet.PROTOCOL, Icmpv4Packet.PROTOCOL);
        }
    }

    /**
     * Parses a datagram, checks that its header survives an emit and a second parse, and decodes
     * an ICMPv4 payload the same way.
     */
    static void checkIpv4(Ipv4Packet packet) throws MalformedPacketException {
        Ipv4Repr repr = Ipv4Repr.parse(packet);

        assertThat(WireRoundTrips.ipv4(repr)).isEqualTo(repr);
        assertThat(packet.payloadOffset() + packet.payloadLength()).isLessThanOrEqualTo(packet.offset() + packet.length());

        if (repr.protocol().equals(IpProtocol.ICMP)) {
            Icmpv4FuzzTest.checkIcmpv4(new Icmpv4Packet(packet.buffer(), packet.payloadOffset(), packet.payloadLength()));
        }
    }
}
