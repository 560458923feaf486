package io.stackbench.scenario.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.net.Inet6Address;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LiteralsTest {

    private static final long SEED = 20260101L;

    @ParameterizedTest
    @CsvSource({
            "0, 0", "64, 64", "0x40, 64", "0X40, 64", "0100, 64", "00, 0", "0xffffffff, 4294967295"})
    void integerAcceptsStrtoulForms(String text, long expected) {
        assertThat(Literals.integer(text)).hasValue(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"09", "0x", "1.5", "-1", "12a", "0xg", "True"})
    void integerRejectsInvalidText(String text) {
        assertThat(Literals.integer(text)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"02:00:00:00:00:01", "02-00-00-00-00-01", "02.00.00.00.00.01", "0200.0000.0001", "020000000001"})
    void macAcceptsWiresharkForms(String text) {
        assertThat(Literals.macOctets(text)).containsExactly(2, 0, 0, 0, 0, 1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2:0:0:0:0:1", "02:00-00:00:00:01", "02:00:00:00:00", "02:00:00:00:00:01:02",
            "0g:00:00:00:00:01", "02_00_00_00_00_01", ""})
    void macRejectsOtherForms(String text) {
        assertThat(Literals.macOctets(text)).isNull();
    }

    @Test
    void ipv4ParsesDottedQuad() {
        assertThat(Literals.ipv4Octets("10.0.0.255")).containsExactly(10, 0, 0, 255);
        assertThat(Literals.ipv4Octets("0.0.0.0")).containsExactly(0, 0, 0, 0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.256", "010.0.0.1", "10.0.0", "10.0.0.1.2", "10..0.1", "localhost", "10.0.0.1 ", ""})
    void ipv4RejectsOtherForms(String text) {
        assertThat(Literals.ipv4Octets(text)).isNull();
    }

    @ParameterizedTest
    @CsvSource({
            "::, 00000000000000000000000000000000",
            "::1, 00000000000000000000000000000001",
            "fe80::2, fe800000000000000000000000000002",
            "ff02::1:ff00:2, ff0200000000000000000001ff000002",
            "2001:db8::, 20010db8000000000000000000000000",
            "2001:DB8:0:0:0:0:0:1, 20010db8000000000000000000000001",
            "::ffff:10.0.0.1, 00000000000000000000ffff0a000001",
            "1:2:3:4:5:6:7::, 00010002000300040005000600070000",
            "::2:3:4:5:6:7:8, 00000002000300040005000600070008"})
    void ipv6ParsesTextForms(String text, String hex) {
        assertThat(hex(Literals.ipv6Octets(text))).isEqualTo(hex);
    }

    @ParameterizedTest
    @ValueSource(strings = {":::", "1::2::3", "1:2:3:4:5:6:7", "1:2:3:4:5:6:7:8:9", "12345::", "fe80::g",
            "::1:2:3:4:5:6:7:8", "fe80::1%eth0", "1.2.3.4::", ":1::", "1::2:", "::10.0.0.256", ""})
    void ipv6RejectsOtherForms(String text) {
        assertThat(Literals.ipv6Octets(text)).isNull();
    }

    @Test
    void ipv6RoundTripsJavaFormatting() {
        qt().withFixedSeed(SEED).withExamples(2000)
                .forAll(lists().of(integers().between(0, 0xffff)).ofSize(8))
                .checkAssert(groups -> {
                    byte[] octets = toOctets(groups);
                    String text = format(octets);

                    assertThat(Literals.ipv6Octets(text)).as(text).containsExactly(octets);
                });
    }

    @Test
    void ipv6RoundTripsCompressedZeros() {
        qt().withFixedSeed(SEED).withExamples(2000)
                .forAll(lists().of(arbitrary().pick(0, 0, 0, 1, 0xfe80, 0xffff)).ofSize(8))
                .checkAssert(groups -> {
                    byte[] octets = toOctets(groups);
                    String text = compress(groups);

                    assertThat(Literals.ipv6Octets(text)).as(text).containsExactly(octets);
                });
    }

    @Test
    void prefixContainsOnlyItsPrefixBits() {
        Literal.AddressLiteral prefix = new Literal.AddressLiteral(new byte[] {10, 0, 0, 0}, 30, "10.0.0.0/30");

        assertThat(prefix.contains(new byte[] {10, 0, 0, 3})).isTrue();
        assertThat(prefix.contains(new byte[] {10, 0, 0, 4})).isFalse();
        assertThat(prefix.contains(new byte[] {10, 0, 0, 0, 0, 0})).isFalse();
    }

    private static byte[] toOctets(List<Integer> groups) {
        byte[] octets = new byte[16];
        for (int i = 0; i < 8; i++) {
            octets[2 * i] = (byte) (groups.get(i) >> 8);
            octets[2 * i + 1] = (byte) (int) groups.get(i);
        }
        return octets;
    }

    /** Formats with Java, which never compresses zeros, from octets only, so no name lookup happens. */
    private static String format(byte[] octets) {
        try {
            return Inet6Address.getByAddress(null, octets, -1).getHostAddress();
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes the groups in hex with the first longest run of zero groups, if any, replaced by "::". */
    private static String compress(List<Integer> groups) {
        int bestStart = -1;
        int bestLength = 0;
        for (int i = 0; i < 8; i++) {
            int length = 0;
            while (i + length < 8 && groups.get(i + length) == 0) {
                length++;
            }
            if (length > bestLength) {
                bestStart = i;
                bestLength = length;
            }
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
                continue;
            }
            if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(groups.get(i)));
        }
        return text.toString();
    }

    private static String hex(byte[] octets) {
        StringBuilder text = new StringBuilder();
        for (byte octet : octets) {
            text.append(String.format("%02x", octet & 0xff));
        }
        return text.toString();
    }
}
