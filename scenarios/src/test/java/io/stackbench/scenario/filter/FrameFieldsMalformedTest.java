package io.stackbench.scenario.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Malformed and truncated frames must never make matching throw, so unreadable fields are absent. */
class FrameFieldsMalformedTest {

    private static final long SEED = 20260101L;

    /** One filter naming every field, so every decoded value is compared at least once. */
    private static final DisplayFilter EVERY_FIELD = everyFieldFilter();

    private static DisplayFilter everyFieldFilter() {
        StringBuilder text = new StringBuilder();
        for (FilterField field : FieldRegistry.all()) {
            if (text.length() > 0) {
                text.append(" || ");
            }
            String literal = switch (field.type()) {
                case PROTOCOL -> null;
                case BOOLEAN, UNSIGNED -> "1";
                case ETHER -> "02:00:00:00:00:01";
                case IPV4 -> "10.0.0.0/8";
                case IPV6 -> "fe80::/10";
            };
            text.append(literal == null ? field.filterName() : field.filterName() + " != " + literal);
        }
        return DisplayFilter.parse(text.toString());
    }

    @Test
    void emptyAndShortFramesHaveOnlyFrameLength() {
        for (int length = 0; length < 14; length++) {
            byte[] frame = new byte[length];

            assertThat(DisplayFilter.parse("frame.len == " + length).matches(frame)).isTrue();
            assertThat(DisplayFilter.parse("eth").matches(frame)).isFalse();
        }
    }

    @Test
    void everyTruncationOfEveryFrameDecodes() {
        for (Map.Entry<String, byte[]> entry : TestFrames.all().entrySet()) {
            byte[] frame = entry.getValue();
            for (int length = 0; length <= frame.length; length++) {
                byte[] truncated = Arrays.copyOf(frame, length);

                assertThatCode(() -> EVERY_FIELD.matches(truncated))
                        .as("%s truncated to %d bytes", entry.getKey(), length)
                        .doesNotThrowAnyException();
            }
        }
    }

    @Test
    void everySingleByteCorruptionDecodes() {
        int[] replacements = {0x00, 0x01, 0x45, 0x80, 0xff};
        for (Map.Entry<String, byte[]> entry : TestFrames.all().entrySet()) {
            byte[] frame = entry.getValue();
            for (int offset = 0; offset < frame.length; offset++) {
                for (int replacement : replacements) {
                    byte[] corrupted = frame.clone();
                    corrupted[offset] = (byte) replacement;

                    assertThatCode(() -> EVERY_FIELD.matches(corrupted))
                            .as("%s with byte %d set to 0x%02x", entry.getKey(), offset, replacement)
                            .doesNotThrowAnyException();
                }
            }
        }
    }

    @Test
    void randomBytesNeverThrow() {
        qt().withFixedSeed(SEED).withExamples(3000)
                .forAll(lists().of(integers().between(0, 255)).ofSizeBetween(0, 160))
                .checkAssert(values -> {
                    byte[] frame = toBytes(values);
                    assertThatCode(() -> EVERY_FIELD.matches(frame)).doesNotThrowAnyException();
                });
    }

    @Test
    void randomBytesAfterRealHeadersNeverThrow() {
        List<byte[]> prefixes = List.of(
                Arrays.copyOf(TestFrames.ICMP_ECHO_REQUEST, 34),
                Arrays.copyOf(TestFrames.NS_DAD, 54),
                Arrays.copyOf(TestFrames.TCP_SYN, 34),
                Arrays.copyOf(TestFrames.ARP_REQUEST, 14));
        qt().withFixedSeed(SEED).withExamples(3000)
                .forAll(integers().between(0, prefixes.size() - 1), lists().of(integers().between(0, 255)).ofSizeBetween(0, 120))
                .checkAssert((prefixIndex, values) -> {
                    byte[] prefix = prefixes.get(prefixIndex);
                    byte[] frame = Arrays.copyOf(prefix, prefix.length + values.size());
                    System.arraycopy(toBytes(values), 0, frame, prefix.length, values.size());
                    assertThatCode(() -> EVERY_FIELD.matches(frame)).doesNotThrowAnyException();
                });
    }

    @Test
    void ieee8023LengthFrameHasNoEthType() {
        byte[] frame = TestFrames.ARP_REQUEST.clone();
        frame[12] = 0x00;
        frame[13] = 0x2e;

        assertThat(DisplayFilter.parse("eth && !eth.type && !arp").matches(frame)).isTrue();
    }

    @Test
    void zeroLengthNdOptionStopsOptionParsing() {
        byte[] frame = TestFrames.NS_ADDRESS_RESOLUTION.clone();
        int optionLengthOffset = 14 + 40 + 24 + 1;
        frame[optionLengthOffset] = 0;

        FrameFields fields = FrameFields.decode(frame);

        assertThat(fields.format(FilterField.ICMPV6_OPT_TYPE)).containsExactly("1");
    }

    @Test
    void invalidIpv4HeaderLengthLeavesIpAbsent() {
        byte[] frame = TestFrames.ICMP_ECHO_REQUEST.clone();
        frame[14] = 0x43;

        FrameFields fields = FrameFields.decode(frame);

        assertThat(fields.contains(FilterField.ETH)).isTrue();
        assertThat(fields.contains(FilterField.IP_SRC)).isFalse();
    }

    private static byte[] toBytes(List<Integer> values) {
        byte[] bytes = new byte[values.size()];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (int) values.get(i);
        }
        return bytes;
    }
}
