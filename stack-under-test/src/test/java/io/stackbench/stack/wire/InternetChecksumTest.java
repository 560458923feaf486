package io.stackbench.stack.wire;

import static io.stackbench.stack.wire.Fixtures.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class InternetChecksumTest {

    @Test
    void rfc1071ExampleSum() {
        // RFC 1071 §3 sums these eight bytes to 0xddf2, so the checksum is its complement.
        byte[] data = hex("0001 f203 f4f5 f6f7");

        assertThat(InternetChecksum.compute(data, 0, data.length)).isEqualTo(~0xddf2 & 0xffff);
    }

    @Test
    void oddLengthPadsWithZero() {
        byte[] odd = hex("0102 03");
        byte[] padded = hex("0102 0300");

        assertThat(InternetChecksum.compute(odd, 0, 3)).isEqualTo(InternetChecksum.compute(padded, 0, 4));
    }

    @Test
    void emptyRangeIsAllOnes() {
        assertThat(InternetChecksum.compute(new byte[0], 0, 0)).isEqualTo(0xffff);
    }

    @Test
    void rangeWithItsChecksumVerifies() {
        byte[] data = hex("4500 0020 1c46 4000 4001 0000 c000 0201 c000 0202");
        int checksum = InternetChecksum.compute(data, 0, data.length);
        data[10] = (byte) (checksum >>> 8);
        data[11] = (byte) checksum;

        assertThat(InternetChecksum.verify(data, 0, data.length)).isTrue();
        data[19] ^= 1;
        assertThat(InternetChecksum.verify(data, 0, data.length)).isFalse();
    }

    @Test
    void pseudoHeaderEqualsItsBytes() {
        byte[] pseudoHeader = hex("""
                c0000201   # source 192.0.2.1
                c0000202   # destination 192.0.2.2
                00 11      # zero, protocol UDP
                0010       # UDP length 16
                """);

        int incremental = new InternetChecksum()
                .updateIpv4PseudoHeader(Ipv4Address.parse("192.0.2.1"), Ipv4Address.parse("192.0.2.2"), IpProtocol.UDP, 16)
                .value();

        assertThat(incremental).isEqualTo(InternetChecksum.compute(pseudoHeader, 0, pseudoHeader.length));
    }

    @Test
    void ipv6PseudoHeaderEqualsItsBytes() {
        byte[] pseudoHeader = hex("""
                fe800000000000005054 00fffe123456   # source fe80::5054:ff:fe12:3456
                ff020000000000000000 0001ff123456   # destination ff02::1:ff12:3456
                00000020                            # upper-layer packet length 32
                000000 3a                           # three zero bytes, next header ICMPv6
                """);

        int incremental = new InternetChecksum()
                .updateIpv6PseudoHeader(Ipv6Address.parse("fe80::5054:ff:fe12:3456"),
                        Ipv6Address.parse("ff02::1:ff12:3456"), IpProtocol.ICMPV6, 32)
                .value();

        assertThat(incremental).isEqualTo(InternetChecksum.compute(pseudoHeader, 0, pseudoHeader.length));
    }

    @Test
    void ipv6PseudoHeaderKeepsHighLengthBits() {
        byte[] pseudoHeader = hex("0000000000000000 0000000000000000 0000000000000000 0000000000000000 00012345 00000011");

        int incremental = new InternetChecksum()
                .updateIpv6PseudoHeader(Ipv6Address.UNSPECIFIED, Ipv6Address.UNSPECIFIED, IpProtocol.UDP, 0x12345)
                .value();

        assertThat(incremental).isEqualTo(InternetChecksum.compute(pseudoHeader, 0, pseudoHeader.length));
    }

    @Test
    void wordSumsMatchReference() {
        qt().withFixedSeed(8L).forAll(WireGenerators.bytes(200), integers().between(0, 7)).checkAssert((data, offset) -> {
            int start = Math.min(offset, data.length);

            assertThat(InternetChecksum.compute(data, start, data.length - start))
                    .as("checksum of %d bytes from offset %d", data.length - start, start)
                    .isEqualTo(referenceChecksum(data, start, data.length - start));
        });
    }

    @Test
    void allZerosAndAllOnesKeepTheirSums() {
        for (int length : new int[] {7, 8, 9, 16, 1500}) {
            byte[] zeros = new byte[length];
            byte[] ones = new byte[length];
            Arrays.fill(ones, (byte) 0xff);

            assertThat(InternetChecksum.compute(zeros, 0, length)).as("%d zero bytes", length).isEqualTo(0xffff);
            assertThat(InternetChecksum.compute(ones, 0, length)).as("%d 0xff bytes", length).isEqualTo(referenceChecksum(ones, 0, length));
        }
    }

    /** RFC 1071 word by word, as the first implementation summed. */
    private static int referenceChecksum(byte[] data, int offset, int length) {
        long sum = 0;
        for (int i = 0; i < length; i += 2) {
            int high = data[offset + i] & 0xff;
            int low = i + 1 < length ? data[offset + i + 1] & 0xff : 0;
            sum += (high << 8) | low;
        }
        while ((sum >>> 16) != 0) {
            sum = (sum & 0xffff) + (sum >>> 16);
        }
        return (int) (~sum & 0xffff);
    }

    @Test
    void splitUpdatesEqualOneUpdate() {
        qt().withFixedSeed(1071L).forAll(WireGenerators.bytes(64), integers().between(0, 64)).checkAssert((data, cut) -> {
            int split = Math.min(cut, data.length);
            int whole = InternetChecksum.compute(data, 0, data.length);

            int pieces = new InternetChecksum()
                    .update(data, 0, split)
                    .update(data, split, data.length - split)
                    .value();

            assertThat(pieces).isEqualTo(whole);
        });
    }

    @Test
    void adjustMatchesRecomputation() {
        qt().withFixedSeed(1624L).forAll(WireGenerators.bytes(40), WireGenerators.u16(), integers().between(0, 19))
                .checkAssert((data, newWord, wordIndex) -> {
                    byte[] even = Arrays.copyOf(data, 40);
                    int before = InternetChecksum.compute(even, 0, even.length);
                    int oldWord = ((even[2 * wordIndex] & 0xff) << 8) | (even[2 * wordIndex + 1] & 0xff);

                    even[2 * wordIndex] = (byte) (newWord >>> 8);
                    even[2 * wordIndex + 1] = newWord.byteValue();

                    assertThat(verifiesAfterAdjust(even, before, oldWord, newWord)).isTrue();
                });
    }

    /**
     * Compares an adjusted checksum with a full recomputation. When the data becomes all zeros,
     * RFC 1624 equation 3 yields 0x0000 where the recomputation yields 0xffff, and both are zero in
     * ones' complement, so that pair also counts as equal.
     */
    private static boolean verifiesAfterAdjust(byte[] data, int before, int oldWord, int newWord) {
        int adjusted = InternetChecksum.adjust(before, oldWord, newWord);
        int recomputed = InternetChecksum.compute(data, 0, data.length);
        return adjusted == recomputed || (adjusted == 0 && recomputed == 0xffff);
    }
}
