package io.stackbench.stack.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;

/** Every input must either parse as ICMPv4 or raise {@link MalformedPacketException}. */
class Icmpv4FuzzTest {

    @FuzzTest(maxDuration = "10s")
    void parseMessage(byte[] data) {
        try {
            checkIcmpv4(new Icmpv4Packet(data));
        } catch (MalformedPacketException e) {
            assertThat(e.protocol()).isEqualTo(Icmpv4Packet.PROTOCOL);
        }
    }

    /** Parses a message and checks that emitting and parsing the repr again gives an equal repr. */
    static void checkIcmpv4(Icmpv4Packet packet) throws MalformedPacketException {
        Icmpv4Repr repr = Icmpv4Repr.parse(packet);

        assertThat(repr.bufferLength()).isEqualTo(packet.length());
        assertThat(WireRoundTrips.icmpv4(repr)).isEqualTo(repr);
    }
}
