package io.stackbench.stack.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Every input must either parse as ICMPv6, Neighbor Discovery options and MLD records included,
 * or raise {@link MalformedPacketException}.
 */
class Icmpv6FuzzTest {

    private static final Ipv6Address SOURCE = Ipv6Address.parse("fe80::1");
    private static final Ipv6Address DESTINATION = Ipv6Address.parse("ff02::1");

    @FuzzTest(maxDuration = "10s")
    void parseMessage(byte[] data) {
        try {
            checkIcmpv6(new Icmpv6Packet(data), SOURCE, DESTINATION);
        } catch (MalformedPacketException e) {
            assertThat(e.protocol()).isEqualTo(Icmpv6Packet.PROTOCOL);
        }
    }

    /** Fills in a valid checksum first, so that inputs reach the parsing of each message type. */
    @FuzzTest(maxDuration = "10s")
    void parseMessageWithValidChecksum(byte[] data) {
        if (data.length >= Icmpv6Packet.HEADER_LENGTH) {
            new Icmpv6Packet(data).fillChecksum(SOURCE, DESTINATION);
        }
        try {
            checkIcmpv6(new Icmpv6Packet(data), SOURCE, DESTINATION);
        } catch (MalformedPacketException e) {
            assertThat(e.protocol()).isEqualTo(Icmpv6Packet.PROTOCOL);
            assertThat(e.reason()).isNotEqualTo(MalformedPacketException.Reason.BAD_CHECKSUM);
        }
    }

    /**
     * Parses a message and checks that emitting and parsing the repr again gives an equal repr.
     * The repr may be shorter than the message, because bytes after MLD sources and records are
     * ignored.
     */
    static void checkIcmpv6(Icmpv6Packet packet, Ipv6Address source, Ipv6Address destination)
            throws MalformedPacketException {
        Icmpv6Repr repr = Icmpv6Repr.parse(packet, source, destination);

        assertThat(repr.bufferLength()).isLessThanOrEqualTo(packet.length());
        assertThat(WireRoundTrips.icmpv6(repr, source, destination)).isEqualTo(repr);
    }
}
