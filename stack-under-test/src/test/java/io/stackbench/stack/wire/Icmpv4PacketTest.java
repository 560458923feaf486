package io.stackbench.stack.wire;

import static io.stackbench.stack.wire.Fixtures.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class Icmpv4PacketTest {

    private static final byte[] ECHO_REQUEST = hex("""
            08         # type: echo request
            00         # code 0
            06fa       # checksum
            1234       # identifier
            0001       # sequence number
            70696e67   # data: "ping"
            """);

    private static final byte[] PING = {'p', 'i', 'n', 'g'};

    /** The start of a UDP datagram from 192.0.2.2 to port 8080 of 192.0.2.1. */
    private static final byte[] ORIGINAL_DATAGRAM = hex("""
            4500 0024 0001 0000 4011 f6c4 c0000202 c0000201   # IPv4 header, protocol UDP
            d431 1f90 0010 0000                               # first 8 bytes: UDP header
            """);

    private static final String ORIGINAL_DATAGRAM_HEX = HexFormat.of().formatHex(ORIGINAL_DATAGRAM);

    private static final byte[] PORT_UNREACHABLE = hex("""
            03         # type: destination unreachable
            03         # code: port unreachable
            092b       # checksum
            0000 0000  # unused
            """ + ORIGINAL_DATAGRAM_HEX + "  # original datagram");

    private static final byte[] FRAGMENTATION_NEEDED = hex("""
            03         # type: destination unreachable
            04         # code: fragmentation needed and DF set
            03b2       # checksum
            0000       # unused
            0578       # next-hop MTU 1400
            """ + ORIGINAL_DATAGRAM_HEX);

    private static final byte[] TIME_EXCEEDED = hex("""
            0b         # type: time exceeded
            00         # code: TTL exceeded in transit
            012e       # checksum
            0000 0000  # unused
            """ + ORIGINAL_DATAGRAM_HEX);

    private static final byte[] TIMESTAMP = hex("""
            0d         # type: timestamp, which has no record of its own
            00         # code 0
            4730       # checksum
            abcd 0001  # identifier, sequence number
            00000001   # originate timestamp
            00000000   # receive timestamp
            00000000   # transmit timestamp
            """);

    @Test
    void readsEchoFieldsFromFixture() {
        Icmpv4Packet packet = new Icmpv4Packet(ECHO_REQUEST);

        assertThat(packet.type()).isEqualTo(Icmpv4Type.ECHO_REQUEST);
        assertThat(packet.code()).isZero();
        assertThat(packet.checksum()).isEqualTo(0x06fa);
        assertThat(packet.identifier()).isEqualTo(0x1234);
        assertThat(packet.sequenceNumber()).isEqualTo(1);
        assertThat(packet.dataOffset()).isEqualTo(8);
        assertThat(packet.dataLength()).isEqualTo(4);
        assertThat(packet.verifyChecksum()).isTrue();
    }

    @Test
    void readsNextHopMtuFromFixture() {
        assertThat(new Icmpv4Packet(FRAGMENTATION_NEEDED).nextHopMtu()).isEqualTo(1400);
    }

    @Test
    void parsesEchoRequest() throws MalformedPacketException {
        assertThat(parse(ECHO_REQUEST)).isEqualTo(new Icmpv4Repr.EchoRequest(0x1234, 1, PING));
    }

    @Test
    void parsesEchoReply() throws MalformedPacketException {
        byte[] reply = Fixtures.with(Fixtures.with(ECHO_REQUEST, 0, 0), 2, 0x0e);

        assertThat(parse(reply)).isEqualTo(new Icmpv4Repr.EchoReply(0x1234, 1, PING));
    }

    @Test
    void parsesPortUnreachable() throws MalformedPacketException {
        assertThat(parse(PORT_UNREACHABLE)).isEqualTo(new Icmpv4Repr.DestinationUnreachable(
                Icmpv4UnreachableCode.PORT_UNREACHABLE, 0, ORIGINAL_DATAGRAM));
    }

    @Test
    void parsesFragmentationNeeded() throws MalformedPacketException {
        assertThat(parse(FRAGMENTATION_NEEDED)).isEqualTo(new Icmpv4Repr.DestinationUnreachable(
                Icmpv4UnreachableCode.FRAGMENTATION_NEEDED, 1400, ORIGINAL_DATAGRAM));
    }

    @Test
    void parsesTimeExceeded() throws MalformedPacketException {
        assertThat(parse(TIME_EXCEEDED)).isEqualTo(
                new Icmpv4Repr.TimeExceeded(Icmpv4Repr.TimeExceeded.TTL_EXCEEDED_IN_TRANSIT, ORIGINAL_DATAGRAM));
    }

    @Test
    void parsesUnknownTypeAsOther() throws MalformedPacketException {
        Icmpv4Repr repr = parse(TIMESTAMP);

        assertThat(repr).isEqualTo(new Icmpv4Repr.Other(Icmpv4Type.TIMESTAMP, 0, Arrays.copyOfRange(TIMESTAMP, 4, 20)));
        assertThat(repr.type()).hasToString("TIMESTAMP");
    }

    @Test
    void parsesEchoWithNonzeroCodeAsOther() throws MalformedPacketException {
        byte[] echoCode1 = Fixtures.with(Fixtures.with(ECHO_REQUEST, 1, 1), 3, 0xf9);

        assertThat(parse(echoCode1)).isInstanceOf(Icmpv4Repr.Other.class);
    }

    @Test
    void emitsEchoRequestIntoPoisonedBuffer() {
        assertEmits(new Icmpv4Repr.EchoRequest(0x1234, 1, PING), ECHO_REQUEST);
    }

    @Test
    void emitsPortUnreachableIntoPoisonedBuffer() {
        assertEmits(new Icmpv4Repr.DestinationUnreachable(
                Icmpv4UnreachableCode.PORT_UNREACHABLE, 0, ORIGINAL_DATAGRAM), PORT_UNREACHABLE);
    }

    @Test
    void emitsFragmentationNeededIntoPoisonedBuffer() {
        assertEmits(new Icmpv4Repr.DestinationUnreachable(
                Icmpv4UnreachableCode.FRAGMENTATION_NEEDED, 1400, ORIGINAL_DATAGRAM), FRAGMENTATION_NEEDED);
    }

    @Test
    void emitsTimeExceededIntoPoisonedBuffer() {
        assertEmits(new Icmpv4Repr.TimeExceeded(0, ORIGINAL_DATAGRAM), TIME_EXCEEDED);
    }

    @Test
    void emitsOtherIntoPoisonedBuffer() {
        assertEmits(new Icmpv4Repr.Other(Icmpv4Type.TIMESTAMP, 0, Arrays.copyOfRange(TIMESTAMP, 4, 20)), TIMESTAMP);
    }

    @Test
    void emitRejectsViewOfWrongLength() {
        Icmpv4Repr repr = new Icmpv4Repr.EchoRequest(1, 1, PING);

        assertThatIllegalArgumentException().isThrownBy(() -> repr.emit(new Icmpv4Packet(new byte[13])))
                .withMessageContaining("must be exactly 12 bytes");
    }

    @Test
    void otherRejectsTypesWithOwnRecord() {
        byte[] rest = new byte[4];

        assertThatIllegalArgumentException().isThrownBy(() -> new Icmpv4Repr.Other(Icmpv4Type.ECHO_REQUEST, 0, rest));
        assertThatIllegalArgumentException().isThrownBy(() -> new Icmpv4Repr.Other(Icmpv4Type.TIME_EXCEEDED, 5, rest));
        assertThatIllegalArgumentException().isThrownBy(() -> new Icmpv4Repr.Other(Icmpv4Type.TIMESTAMP, 0, new byte[3]));
    }

    @Test
    void reprCopiesData() {
        byte[] data = PING.clone();
        Icmpv4Repr.EchoRequest repr = new Icmpv4Repr.EchoRequest(1, 1, data);

        data[0] = 0;
        repr.data()[1] = 0;

        assertThat(repr.data()).containsExactly(PING);
    }

    @Test
    void rejectsShorterThanHeader() {
        assertRejected(Arrays.copyOf(ECHO_REQUEST, 7), "icmpv4.truncated");
    }

    @Test
    void rejectsBadChecksum() {
        assertRejected(Fixtures.with(ECHO_REQUEST, 11, 'G'), "icmpv4.bad-checksum");
    }

    @Test
    void rejectsChecksumOverTrailingBytes() {
        // The view must end where the message ends, because a trailing nonzero byte breaks the checksum.
        byte[] longer = Arrays.copyOf(ECHO_REQUEST, ECHO_REQUEST.length + 1);
        longer[ECHO_REQUEST.length] = 1;

        assertRejected(longer, "icmpv4.bad-checksum");
    }

    @Test
    void emitThenParseRoundTrips() {
        qt().withFixedSeed(792L).forAll(WireGenerators.icmpv4Reprs()).checkAssert(repr -> {
            byte[] buffer = Fixtures.poisoned(repr.bufferLength());

            repr.emit(new Icmpv4Packet(buffer));

            assertThat(parseEmitted(buffer)).isEqualTo(repr);
        });
    }

    private static Icmpv4Repr parse(byte[] message) throws MalformedPacketException {
        return Icmpv4Repr.parse(new Icmpv4Packet(message));
    }

    private static Icmpv4Repr parseEmitted(byte[] message) {
        try {
            return parse(message);
        } catch (MalformedPacketException e) {
            throw new AssertionError("emitted message did not parse: " + e.getMessage(), e);
        }
    }

    private static void assertEmits(Icmpv4Repr repr, byte[] expected) {
        byte[] buffer = Fixtures.poisoned(repr.bufferLength());

        repr.emit(new Icmpv4Packet(buffer));

        assertThat(buffer).containsExactly(expected);
    }

    private static void assertRejected(byte[] message, String counterName) {
        assertThatThrownBy(() -> parse(message))
                .isInstanceOfSatisfying(MalformedPacketException.class,
                        e -> assertThat(e.counterName()).isEqualTo(counterName));
    }
}
