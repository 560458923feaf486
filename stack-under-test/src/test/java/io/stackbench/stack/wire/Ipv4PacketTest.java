package io.stackbench.stack.wire;

import static io.stackbench.stack.wire.Fixtures.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class Ipv4PacketTest {

    /** 192.0.2.1 pings 192.0.2.2: a 20-byte header and a 12-byte ICMP echo request. */
    private static final byte[] DATAGRAM = hex("""
            45             # version 4, IHL 5 words
            00             # DSCP 0, ECN 0
            0020           # total length 32
            1c46           # identification
            4000           # flags DF, fragment offset 0
            40             # TTL 64
            01             # protocol ICMP
            9a93           # header checksum
            c0000201       # source 192.0.2.1
            c0000202       # destination 192.0.2.2
            0800 06fa 1234 0001 70696e67   # payload: ICMP echo request "ping"
            """);

    private static final Ipv4Repr REPR = new Ipv4Repr(
            Ipv4Address.parse("192.0.2.1"), Ipv4Address.parse("192.0.2.2"), IpProtocol.ICMP,
            64, 0x1c46, true, false, 0, 0, 0, 12);

    @Test
    void readsFieldsFromFixture() {
        Ipv4Packet packet = new Ipv4Packet(DATAGRAM);

        assertThat(packet.version()).isEqualTo(4);
        assertThat(packet.internetHeaderLength()).isEqualTo(5);
        assertThat(packet.headerLength()).isEqualTo(20);
        assertThat(packet.dscp()).isZero();
        assertThat(packet.ecn()).isZero();
        assertThat(packet.totalLength()).isEqualTo(32);
        assertThat(packet.identification()).isEqualTo(0x1c46);
        assertThat(packet.reservedFlag()).isFalse();
        assertThat(packet.dontFragment()).isTrue();
        assertThat(packet.moreFragments()).isFalse();
        assertThat(packet.fragmentOffset()).isZero();
        assertThat(packet.timeToLive()).isEqualTo(64);
        assertThat(packet.protocol()).isEqualTo(IpProtocol.ICMP);
        assertThat(packet.headerChecksum()).isEqualTo(0x9a93);
        assertThat(packet.sourceAddress()).isEqualTo(Ipv4Address.parse("192.0.2.1"));
        assertThat(packet.destinationAddress()).isEqualTo(Ipv4Address.parse("192.0.2.2"));
        assertThat(packet.verifyChecksum()).isTrue();
        assertThat(packet.payloadOffset()).isEqualTo(20);
        assertThat(packet.payloadLength()).isEqualTo(12);
    }

    @Test
    void parsesFixture() throws MalformedPacketException {
        assertThat(Ipv4Repr.parse(new Ipv4Packet(DATAGRAM))).isEqualTo(REPR);
    }

    @Test
    void readsFlagsAndFragmentOffset() {
        Ipv4Packet packet = new Ipv4Packet(hex("""
                4500 0020 0001
                a0b9           # reserved flag, MF, fragment offset 0xb9 (1480 bytes)
                4001 0000 c0000201 c0000202
                """));

        assertThat(packet.reservedFlag()).isTrue();
        assertThat(packet.dontFragment()).isFalse();
        assertThat(packet.moreFragments()).isTrue();
        assertThat(packet.fragmentOffset()).isEqualTo(0xb9);
    }

    @Test
    void fragmentOffsetBytesIsEightTimesField() {
        Ipv4Repr fragment = new Ipv4Repr(REPR.source(), REPR.destination(), IpProtocol.UDP,
                64, 7, false, true, 185, 0, 0, 8);

        assertThat(fragment.fragmentOffsetBytes()).isEqualTo(1480);
    }

    @Test
    void ignoresTrailingEthernetPadding() throws MalformedPacketException {
        byte[] padded = Arrays.copyOf(DATAGRAM, 46);

        Ipv4Packet packet = new Ipv4Packet(padded);

        assertThat(Ipv4Repr.parse(packet)).isEqualTo(REPR);
        assertThat(packet.payloadLength()).isEqualTo(12);
    }

    @Test
    void skipsOptionsButHonoursHeaderLength() throws MalformedPacketException {
        byte[] withOptions = new byte[DATAGRAM.length + 4];
        System.arraycopy(DATAGRAM, 0, withOptions, 0, 20);
        withOptions[20] = 1; // NOP
        withOptions[21] = 1; // NOP
        withOptions[22] = 1; // NOP
        withOptions[23] = 0; // End of Option List
        System.arraycopy(DATAGRAM, 20, withOptions, 24, 12);
        Ipv4Packet packet = new Ipv4Packet(withOptions);
        packet.setInternetHeaderLength(6);
        packet.setTotalLength(36);
        packet.fillChecksum();

        Ipv4Repr repr = Ipv4Repr.parse(packet);

        assertThat(repr).isEqualTo(REPR);
        assertThat(packet.payloadOffset()).isEqualTo(24);
        assertThat(withOptions[packet.payloadOffset()]).isEqualTo((byte) 0x08);
    }

    @Test
    void emitsIntoPoisonedBuffer() {
        byte[] buffer = Fixtures.poisoned(REPR.bufferLength());

        REPR.emit(new Ipv4Packet(buffer));

        assertThat(Arrays.copyOf(buffer, 20)).containsExactly(Arrays.copyOf(DATAGRAM, 20));
        assertThat(Arrays.copyOfRange(buffer, 20, 32)).containsOnly(Fixtures.POISON);
    }

    @Test
    void emitsClearedReservedFlag() {
        byte[] buffer = Fixtures.poisoned(REPR.bufferLength());

        REPR.emit(new Ipv4Packet(buffer));

        assertThat(new Ipv4Packet(buffer).reservedFlag()).isFalse();
    }

    @Test
    void rejectsShorterThanHeader() {
        assertRejected(Arrays.copyOf(DATAGRAM, 19), "ipv4.truncated");
    }

    @Test
    void rejectsTotalLengthBeyondBuffer() {
        assertRejected(Arrays.copyOf(DATAGRAM, 31), "ipv4.truncated");
    }

    @Test
    void rejectsVersionNotFour() {
        assertRejected(Fixtures.with(DATAGRAM, 0, 0x65), "ipv4.bad-version");
    }

    @Test
    void rejectsHeaderLengthBelowFiveWords() {
        assertRejected(Fixtures.with(DATAGRAM, 0, 0x44), "ipv4.bad-header-length");
    }

    @Test
    void rejectsTotalLengthBelowHeaderLength() {
        assertRejected(Fixtures.with(DATAGRAM, 3, 19), "ipv4.bad-length");
    }

    @Test
    void rejectsHeaderLongerThanTotalLength() {
        // IHL 15 is a 60-byte header, longer than the 32-byte datagram.
        assertRejected(Fixtures.with(DATAGRAM, 0, 0x4f), "ipv4.bad-length");
    }

    @Test
    void rejectsBadChecksum() {
        assertRejected(Fixtures.with(DATAGRAM, 11, 0x94), "ipv4.bad-checksum");
    }

    @Test
    void acceptsPayloadCorruption() throws MalformedPacketException {
        // The header checksum covers only the header (RFC 791 §3.1).
        byte[] corrupted = Fixtures.with(DATAGRAM, 31, 0);

        assertThat(Ipv4Repr.parse(new Ipv4Packet(corrupted))).isEqualTo(REPR);
    }

    @Test
    void emitThenParseRoundTrips() {
        qt().withFixedSeed(791L).forAll(WireGenerators.ipv4Reprs()).checkAssert(repr -> {
            byte[] buffer = Fixtures.poisoned(repr.bufferLength());

            repr.emit(new Ipv4Packet(buffer));

            assertThat(parse(buffer)).isEqualTo(repr);
        });
    }

    private static void assertRejected(byte[] datagram, String counterName) {
        assertThatThrownBy(() -> Ipv4Repr.parse(new Ipv4Packet(datagram)))
                .isInstanceOfSatisfying(MalformedPacketException.class,
                        e -> assertThat(e.counterName()).isEqualTo(counterName));
    }

    private static Ipv4Repr parse(byte[] datagram) {
        try {
            return Ipv4Repr.parse(new Ipv4Packet(datagram));
        } catch (MalformedPacketException e) {
            throw new AssertionError("emitted datagram did not parse: " + e.getMessage(), e);
        }
    }
}
