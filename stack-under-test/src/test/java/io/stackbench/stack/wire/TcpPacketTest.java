package io.stackbench.stack.wire;

import static io.stackbench.stack.wire.Fixtures.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TcpPacketTest {

    static final Ipv4Address CLIENT_V4 = Ipv4Address.parse("192.0.2.1");
    static final Ipv4Address SERVER_V4 = Ipv4Address.parse("192.0.2.2");
    static final Ipv6Address SERVER_V6 = Ipv6Address.parse("2001:db8::1");
    static final Ipv6Address CLIENT_V6 = Ipv6Address.parse("2001:db8::2");

    /**
     * 192.0.2.1 opens a connection to port 80 of 192.0.2.2: a SYN with the options a Linux client
     * sends, in its order. The checksum was computed over the IPv4 pseudo-header, as
     * {@link #checksumMatchesIndependentSum()} recomputes it.
     */
    static final byte[] SYN_V4 = hex("""
            c000           # source port 49152
            0050           # destination port 80
            9a3f1c02       # sequence number
            00000000       # acknowledgment number
            a0             # data offset 10 words (40 bytes), reserved 0
            02             # flags SYN
            faf0           # window 64240
            e630           # checksum
            0000           # urgent pointer
            020405b4       # option MSS 1460
            0402           # option SACK-Permitted
            080a 002b6c1d 00000000   # option Timestamps, TSval 0x2b6c1d, TSecr 0
            01             # option No-Operation
            030307         # option Window Scale, shift 7
            """);

    static final TcpRepr SYN_V4_REPR = new TcpRepr(49152, 80, 0x9a3f1c02L, 0, TcpFlags.SYN, 64240, 0,
            List.of(new TcpOption.MaximumSegmentSize(1460), new TcpOption.SackPermitted(),
                    new TcpOption.Timestamps(0x2b6c1dL, 0), new TcpOption.NoOperation(), new TcpOption.WindowScale(7)),
            new byte[0]);

    /** 2001:db8::1 port 80 sends "hello" to 2001:db8::2 and reports one block received out of order. */
    static final byte[] DATA_V6 = hex("""
            0050           # source port 80
            c000           # destination port 49152
            7c2e9b10       # sequence number
            9a3f1c03       # acknowledgment number
            80             # data offset 8 words (32 bytes)
            18             # flags PSH, ACK
            01f5           # window 501
            d222           # checksum over the IPv6 pseudo-header
            0000           # urgent pointer
            01 01          # options No-Operation, No-Operation
            050a 9a3f2000 9a3f2400   # option SACK, one block from 0x9a3f2000 to 0x9a3f2400
            68656c6c6f     # payload "hello", an odd length
            """);

    static final TcpRepr DATA_V6_REPR = new TcpRepr(80, 49152, 0x7c2e9b10L, 0x9a3f1c03L,
            TcpFlags.of(TcpFlags.PSH, TcpFlags.ACK), 501, 0,
            List.of(new TcpOption.NoOperation(), new TcpOption.NoOperation(),
                    new TcpOption.Sack(List.of(new TcpOption.Sack.Block(0x9a3f2000L, 0x9a3f2400L)))),
            "hello".getBytes(StandardCharsets.US_ASCII));

    @Test
    void readsFieldsFromFixture() {
        TcpPacket packet = new TcpPacket(SYN_V4);

        assertThat(packet.sourcePort()).isEqualTo(49152);
        assertThat(packet.destinationPort()).isEqualTo(80);
        assertThat(packet.sequenceNumber()).isEqualTo(0x9a3f1c02L);
        assertThat(packet.acknowledgmentNumber()).isZero();
        assertThat(packet.dataOffset()).isEqualTo(10);
        assertThat(packet.headerLength()).isEqualTo(40);
        assertThat(packet.reserved()).isZero();
        assertThat(packet.flags()).isEqualTo(TcpFlags.SYN);
        assertThat(packet.syn()).isTrue();
        assertThat(packet.ack()).isFalse();
        assertThat(packet.window()).isEqualTo(64240);
        assertThat(packet.checksum()).isEqualTo(0xe630);
        assertThat(packet.urgentPointer()).isZero();
        assertThat(packet.optionsOffset()).isEqualTo(20);
        assertThat(packet.optionsLength()).isEqualTo(20);
        assertThat(packet.payloadOffset()).isEqualTo(40);
        assertThat(packet.payloadLength()).isZero();
        assertThat(packet.verifyChecksum(CLIENT_V4, SERVER_V4)).isTrue();
    }

    @Test
    void readsEachFlagBit() {
        byte[] segment = Fixtures.with(SYN_V4, 13, 0xff);
        TcpPacket packet = new TcpPacket(segment);

        assertThat(packet.cwr()).isTrue();
        assertThat(packet.ece()).isTrue();
        assertThat(packet.urg()).isTrue();
        assertThat(packet.ack()).isTrue();
        assertThat(packet.psh()).isTrue();
        assertThat(packet.rst()).isTrue();
        assertThat(packet.syn()).isTrue();
        assertThat(packet.fin()).isTrue();
        assertThat(packet.flags()).hasToString("FIN,SYN,RST,PSH,ACK,URG,ECE,CWR");
    }

    @Test
    void readsIpv6FixtureFields() {
        TcpPacket packet = new TcpPacket(DATA_V6);

        assertThat(packet.flags()).hasToString("PSH,ACK");
        assertThat(packet.acknowledgmentNumber()).isEqualTo(0x9a3f1c03L);
        assertThat(packet.headerLength()).isEqualTo(32);
        assertThat(packet.payloadOffset()).isEqualTo(32);
        assertThat(packet.payloadLength()).isEqualTo(5);
        assertThat(packet.verifyChecksum(SERVER_V6, CLIENT_V6)).isTrue();
    }

    /**
     * Recomputes the fixture checksums without {@link InternetChecksum}: the ones' complement of
     * the ones' complement sum of the pseudo-header and the segment, taken as 16-bit words.
     */
    @Test
    void checksumMatchesIndependentSum() {
        byte[] ipv4PseudoHeader = hex("""
                c0000201       # source 192.0.2.1
                c0000202       # destination 192.0.2.2
                00 06          # zero, protocol TCP
                0028           # TCP length 40
                """);
        byte[] ipv6PseudoHeader = hex("""
                20010db8000000000000000000000001   # source 2001:db8::1
                20010db8000000000000000000000002   # destination 2001:db8::2
                00000025       # upper-layer packet length 37
                000000 06      # zero, next header TCP
                """);

        assertThat(onesComplementSum(ipv4PseudoHeader, SYN_V4)).isEqualTo(0xffff);
        assertThat(onesComplementSum(ipv6PseudoHeader, DATA_V6)).isEqualTo(0xffff);
        assertThat(checksumWithFieldZeroed(ipv4PseudoHeader, SYN_V4)).isEqualTo(0xe630);
        assertThat(checksumWithFieldZeroed(ipv6PseudoHeader, DATA_V6)).isEqualTo(0xd222);
    }

    private static int checksumWithFieldZeroed(byte[] pseudoHeader, byte[] segment) {
        byte[] zeroed = segment.clone();
        zeroed[16] = 0;
        zeroed[17] = 0;
        return ~onesComplementSum(pseudoHeader, zeroed) & 0xffff;
    }

    /** Sums two byte strings, each padded to an even length with a zero byte, and folds the carries. */
    private static int onesComplementSum(byte[] first, byte[] second) {
        long sum = 0;
        for (byte[] part : List.of(first, second)) {
            for (int i = 0; i < part.length; i += 2) {
                int high = part[i] & 0xff;
                int low = i + 1 < part.length ? part[i + 1] & 0xff : 0;
                sum += (high << 8) | low;
            }
        }
        while (sum > 0xffff) {
            sum = (sum & 0xffff) + (sum >> 16);
        }
        return (int) sum;
    }

    @Test
    void parsesIpv4Fixture() throws MalformedPacketException {
        assertThat(TcpRepr.parse(new TcpPacket(SYN_V4), CLIENT_V4, SERVER_V4)).isEqualTo(SYN_V4_REPR);
    }

    @Test
    void parsesIpv6Fixture() throws MalformedPacketException {
        assertThat(TcpRepr.parse(new TcpPacket(DATA_V6), SERVER_V6, CLIENT_V6)).isEqualTo(DATA_V6_REPR);
    }

    @Test
    void parsesViewInsideLargerBuffer() throws MalformedPacketException {
        byte[] buffer = Fixtures.poisoned(DATA_V6.length + 10);
        System.arraycopy(DATA_V6, 0, buffer, 6, DATA_V6.length);

        TcpPacket packet = new TcpPacket(buffer, 6, DATA_V6.length);

        assertThat(TcpRepr.parse(packet, SERVER_V6, CLIENT_V6)).isEqualTo(DATA_V6_REPR);
        assertThat(packet.payloadOffset()).isEqualTo(6 + 32);
    }

    @Test
    void ignoresReservedBits() throws MalformedPacketException {
        TcpPacket packet = new TcpPacket(Fixtures.with(SYN_V4, 12, 0xaf));
        packet.fillChecksum(CLIENT_V4, SERVER_V4);

        assertThat(packet.reserved()).isEqualTo(0x0f);
        assertThat(TcpRepr.parse(packet, CLIENT_V4, SERVER_V4)).isEqualTo(SYN_V4_REPR);
    }

    @Test
    void emitsIpv4IntoPoisonedBuffer() {
        byte[] buffer = Fixtures.poisoned(SYN_V4_REPR.bufferLength());

        SYN_V4_REPR.emit(new TcpPacket(buffer), CLIENT_V4, SERVER_V4);

        assertThat(buffer).containsExactly(SYN_V4);
    }

    @Test
    void emitsIpv6IntoPoisonedBuffer() {
        byte[] buffer = Fixtures.poisoned(DATA_V6_REPR.bufferLength());

        DATA_V6_REPR.emit(new TcpPacket(buffer), SERVER_V6, CLIENT_V6);

        assertThat(buffer).containsExactly(DATA_V6);
    }

    @Test
    void emitsZeroPaddingAfterOptions() {
        TcpRepr repr = new TcpRepr(1, 2, 3, 0, TcpFlags.SYN, 1000, 0,
                List.of(new TcpOption.MaximumSegmentSize(1220), new TcpOption.WindowScale(2)), new byte[0]);
        byte[] buffer = Fixtures.poisoned(repr.bufferLength());

        repr.emit(new TcpPacket(buffer), CLIENT_V6, SERVER_V6);

        assertThat(repr.headerLength()).isEqualTo(28);
        assertThat(new TcpPacket(buffer).dataOffset()).isEqualTo(7);
        assertThat(Arrays.copyOfRange(buffer, 20, 28)).containsExactly(hex("020404c4 030302 00"));
    }

    @Test
    void emitsClearedReservedBits() {
        byte[] buffer = Fixtures.poisoned(SYN_V4_REPR.bufferLength());

        SYN_V4_REPR.emit(new TcpPacket(buffer), CLIENT_V4, SERVER_V4);

        assertThat(new TcpPacket(buffer).reserved()).isZero();
    }

    @Test
    void emitRejectsViewOfOtherLength() {
        byte[] buffer = new byte[SYN_V4_REPR.bufferLength() + 1];

        assertThatIllegalArgumentException()
                .isThrownBy(() -> SYN_V4_REPR.emit(new TcpPacket(buffer), CLIENT_V4, SERVER_V4));
    }

    @Test
    void headerWithoutOptionsIsTwentyBytes() throws MalformedPacketException {
        TcpRepr reset = new TcpRepr(80, 49152, 0, 0x9a3f1c03L, TcpFlags.of(TcpFlags.RST, TcpFlags.ACK), 0, 0,
                List.of(), new byte[0]);
        byte[] buffer = Fixtures.poisoned(reset.bufferLength());

        reset.emit(new TcpPacket(buffer), SERVER_V4, CLIENT_V4);

        assertThat(buffer).hasSize(20);
        assertThat(new TcpPacket(buffer).dataOffset()).isEqualTo(5);
        assertThat(TcpRepr.parse(new TcpPacket(buffer), SERVER_V4, CLIENT_V4)).isEqualTo(reset);
    }

    @Test
    void rejectsShorterThanHeader() {
        assertRejectedV4(Arrays.copyOf(SYN_V4, 19), "tcp.truncated");
    }

    @Test
    void rejectsDataOffsetBelowFive() {
        assertRejectedV4(Fixtures.with(SYN_V4, 12, 0x40), "tcp.bad-header-length");
    }

    @Test
    void rejectsDataOffsetBeyondSegment() {
        // Data offset 11 is a 44-byte header in a 40-byte segment.
        assertRejectedV4(Fixtures.with(SYN_V4, 12, 0xb0), "tcp.bad-length");
    }

    @Test
    void rejectsSegmentCutInsideOptions() {
        assertRejectedV4(Arrays.copyOf(SYN_V4, 36), "tcp.bad-length");
    }

    @Test
    void rejectsBadChecksum() {
        assertRejectedV4(Fixtures.with(SYN_V4, 17, 0x31), "tcp.bad-checksum");
    }

    @Test
    void rejectsCorruptedPayload() {
        // Unlike the IPv4 header checksum, the TCP checksum covers the data.
        assertThatThrownBy(() -> TcpRepr.parse(new TcpPacket(Fixtures.with(DATA_V6, 36, 'O')), SERVER_V6, CLIENT_V6))
                .isInstanceOfSatisfying(MalformedPacketException.class,
                        e -> assertThat(e.counterName()).isEqualTo("tcp.bad-checksum"));
    }

    @Test
    void rejectsOtherPseudoHeaderAddresses() {
        Ipv4Address otherDestination = Ipv4Address.parse("192.0.2.3");

        assertThatThrownBy(() -> TcpRepr.parse(new TcpPacket(SYN_V4), CLIENT_V4, otherDestination))
                .isInstanceOfSatisfying(MalformedPacketException.class,
                        e -> assertThat(e.counterName()).isEqualTo("tcp.bad-checksum"));
    }

    @Test
    void rejectsMalformedOptionWithValidChecksum() {
        // Maximum Segment Size with length 3 instead of 4. The checksum is refilled, so parse
        // reaches the options.
        TcpPacket packet = new TcpPacket(Fixtures.with(SYN_V4, 21, 3));
        packet.fillChecksum(CLIENT_V4, SERVER_V4);

        assertRejectedV4(packet.buffer(), "tcp.bad-option-length");
    }

    @Test
    void emitThenParseRoundTripsOverIpv4() {
        qt().withFixedSeed(9293L).forAll(WireGenerators.tcpReprs()).checkAssert(repr ->
                assertThat(WireRoundTrips.tcp(repr, CLIENT_V4, SERVER_V4)).isEqualTo(repr));
    }

    @Test
    void emitThenParseRoundTripsOverIpv6() {
        qt().withFixedSeed(7323L).forAll(WireGenerators.tcpReprs()).checkAssert(repr ->
                assertThat(WireRoundTrips.tcp(repr, CLIENT_V6, SERVER_V6)).isEqualTo(repr));
    }

    private static void assertRejectedV4(byte[] segment, String counterName) {
        assertThatThrownBy(() -> TcpRepr.parse(new TcpPacket(segment), CLIENT_V4, SERVER_V4))
                .isInstanceOfSatisfying(MalformedPacketException.class,
                        e -> assertThat(e.counterName()).isEqualTo(counterName));
    }
}
