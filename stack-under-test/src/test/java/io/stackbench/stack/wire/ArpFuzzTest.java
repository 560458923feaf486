package io.stackbench.stack.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;

/** Every input must either parse as ARP or raise {@link MalformedPacketException}. */
class ArpFuzzTest {

    @FuzzTest(maxDuration = "10s")
    void parseArp(byte[] data) {
        try {
            checkArp(new ArpPacket(data));
        } catch (MalformedPacketException e) {
            assertThat(e.protocol()).isEqualTo(ArpPacket.PROTOCOL);
        }
    }

    /** Parses a packet and checks that emitting and parsing the repr again gives an equal repr. */
    static void checkArp(ArpPacket packet) throws MalformedPacketException {
        ArpRepr repr = ArpRepr.parse(packet);

        assertThat(WireRoundTrips.arp(repr)).isEqualTo(repr);
    }
}
