package io.stackbench.stack.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Feeds arbitrary frames through the whole ingress decode: Ethernet, then ARP or IPv4, then ICMPv4.
 * Every input must either decode or raise {@link MalformedPacketException}, and whatever decodes
 * must survive an emit and a second parse unchanged.
 */
class EthernetFuzzTest {

    @FuzzTest(maxDuration = "10s")
    void parseFrame(byte[] data) {
        EthernetHeader header;
        try {
            header = EthernetHeader.parse(new EthernetFrame(data));
        } catch (MalformedPacketException e) {
            assertThat(e.protocol()).isEqualTo(EthernetFrame.PROTOCOL);
            return;
        }
        assertThat(WireRoundTrips.ethernet(header)).isEqualTo(header);

        EthernetFrame frame = new EthernetFrame(data);
        try {
            if (header.etherType().equals(EtherType.ARP)) {
                ArpFuzzTest.checkArp(new ArpPacket(data, frame.payloadOffset(), frame.payloadLength()));
            } else if (header.etherType().equals(EtherType.IPV4)) {
                Ipv4FuzzTest.checkIpv4(new Ipv4Packet(data, frame.payloadOffset(), frame.payloadLength()));
            }
        } catch (MalformedPacketException e) {
            assertThat(e.protocol()).isIn(ArpPacket.PROTOCOL, Ipv4Packet.PROTOCOL, Icmpv4Packet.PROTOCOL);
        }
    }
}
