package io.stackbench.stack.wire;

import static io.stackbench.stack.wire.Fixtures.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import io.stackbench.sim.net.MacAddress;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class EthernetFrameTest {

    /** A broadcast frame carrying the first bytes of an ARP request. */
    private static final byte[] FRAME = hex("""
            ffffffffffff   # destination: broadcast
            020000000001   # source: 02:00:00:00:00:01
            0806           # EtherType: ARP
            0001 0800      # payload: start of an ARP request
            """);

    private static final EthernetHeader HEADER = new EthernetHeader(
            MacAddress.BROADCAST, MacAddress.parse("02:00:00:00:00:01"), EtherType.ARP);

    @Test
    void readsFieldsFromFixture() {
        EthernetFrame frame = new EthernetFrame(FRAME);

        assertThat(frame.destination()).isEqualTo(MacAddress.BROADCAST);
        assertThat(frame.source()).isEqualTo(MacAddress.parse("02:00:00:00:00:01"));
        assertThat(frame.etherType()).isEqualTo(EtherType.ARP);
        assertThat(frame.payloadOffset()).isEqualTo(14);
        assertThat(frame.payloadLength()).isEqualTo(4);
    }

    @Test
    void parsesFixture() throws MalformedPacketException {
        assertThat(EthernetHeader.parse(new EthernetFrame(FRAME))).isEqualTo(HEADER);
    }

    @Test
    void viewHonoursOffset() throws MalformedPacketException {
        byte[] buffer = new byte[FRAME.length + 5];
        System.arraycopy(FRAME, 0, buffer, 3, FRAME.length);

        EthernetHeader header = EthernetHeader.parse(new EthernetFrame(buffer, 3, FRAME.length));

        assertThat(header).isEqualTo(HEADER);
    }

    @Test
    void emitsIntoPoisonedBuffer() {
        byte[] buffer = Fixtures.poisoned(EthernetFrame.HEADER_LENGTH);

        HEADER.emit(new EthernetFrame(buffer));

        assertThat(buffer).containsExactly(Arrays.copyOf(FRAME, EthernetFrame.HEADER_LENGTH));
    }

    @Test
    void emitLeavesPayloadAlone() {
        byte[] buffer = Fixtures.poisoned(20);

        HEADER.emit(new EthernetFrame(buffer));

        assertThat(Arrays.copyOfRange(buffer, 14, 20)).containsOnly(Fixtures.POISON);
    }

    @Test
    void emitRejectsShortView() {
        assertThatIllegalArgumentException().isThrownBy(() -> HEADER.emit(new EthernetFrame(new byte[13])))
                .withMessageContaining("13 bytes is too short");
    }

    @Test
    void rejectsTruncatedHeader() {
        EthernetFrame frame = new EthernetFrame(FRAME, 0, 13);

        assertThatThrownBy(() -> EthernetHeader.parse(frame))
                .isInstanceOfSatisfying(MalformedPacketException.class,
                        e -> assertThat(e.counterName()).isEqualTo("ethernet.truncated"));
    }

    @Test
    void acceptsUnpaddedShortFrame() throws MalformedPacketException {
        EthernetFrame headerOnly = new EthernetFrame(FRAME, 0, 14);

        assertThat(EthernetHeader.parse(headerOnly)).isEqualTo(HEADER);
        assertThat(headerOnly.payloadLength()).isZero();
    }

    @Test
    void padsShortFrameWithZeros() {
        byte[] padded = EthernetFrame.padToMinimumLength(FRAME);

        assertThat(padded).hasSize(EthernetFrame.MIN_FRAME_LENGTH);
        assertThat(Arrays.copyOf(padded, FRAME.length)).containsExactly(FRAME);
        assertThat(Arrays.copyOfRange(padded, FRAME.length, padded.length)).containsOnly(0);
    }

    @Test
    void leavesLongFrameUnpadded() {
        byte[] frame = new byte[EthernetFrame.MIN_FRAME_LENGTH];

        assertThat(EthernetFrame.padToMinimumLength(frame)).isSameAs(frame);
    }

    @Test
    void unknownEtherTypeParses() throws MalformedPacketException {
        byte[] frame = Fixtures.with(Fixtures.with(FRAME, 12, 0x88), 13, 0xb5);

        EthernetHeader header = EthernetHeader.parse(new EthernetFrame(frame));

        assertThat(header.etherType().value()).isEqualTo(0x88b5);
        assertThat(header.etherType()).hasToString("0x88b5");
    }

    @Test
    void emitThenParseRoundTrips() {
        qt().withFixedSeed(894L).forAll(WireGenerators.ethernetHeaders()).checkAssert(header -> {
            byte[] buffer = Fixtures.poisoned(header.bufferLength());

            header.emit(new EthernetFrame(buffer));

            assertThat(parse(buffer)).isEqualTo(header);
        });
    }

    private static EthernetHeader parse(byte[] frame) {
        try {
            return EthernetHeader.parse(new EthernetFrame(frame));
        } catch (MalformedPacketException e) {
            throw new AssertionError("emitted frame did not parse: " + e.getMessage(), e);
        }
    }
}
