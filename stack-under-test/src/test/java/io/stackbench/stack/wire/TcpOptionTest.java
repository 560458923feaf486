package io.stackbench.stack.wire;

import static io.stackbench.stack.wire.Fixtures.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class TcpOptionTest {

    static Stream<Arguments> wellFormedLists() {
        return Stream.of(
                Arguments.of("empty", "", List.of()),
                Arguments.of("MSS", "020405b4", List.of(new TcpOption.MaximumSegmentSize(1460))),
                Arguments.of("window scale above 14 kept", "03030f", List.of(new TcpOption.WindowScale(15))),
                Arguments.of("SACK-Permitted", "0402", List.of(new TcpOption.SackPermitted())),
                Arguments.of("timestamps with high bit", "080a ffffffff 80000000",
                        List.of(new TcpOption.Timestamps(0xffff_ffffL, 0x8000_0000L))),
                Arguments.of("SACK of four blocks", "0522 00000001 00000002 00000003 00000004"
                                + " 00000005 00000006 00000007 00000008",
                        List.of(new TcpOption.Sack(List.of(
                                new TcpOption.Sack.Block(1, 2), new TcpOption.Sack.Block(3, 4),
                                new TcpOption.Sack.Block(5, 6), new TcpOption.Sack.Block(7, 8))))),
                Arguments.of("NOPs before timestamps", "0101 080a 00000001 00000002",
                        List.of(new TcpOption.NoOperation(), new TcpOption.NoOperation(),
                                new TcpOption.Timestamps(1, 2))),
                Arguments.of("end of list then padding", "020405b4 00 000000",
                        List.of(new TcpOption.MaximumSegmentSize(1460), new TcpOption.EndOfOptionList())),
                Arguments.of("bytes after end of list ignored", "00 ff0102",
                        List.of(new TcpOption.EndOfOptionList())),
                Arguments.of("unknown kind of length 2", "fe02",
                        List.of(new TcpOption.Unknown(new TcpOptionKind(254), new byte[0]))),
                Arguments.of("unknown experimental kind", "fd04 1234",
                        List.of(new TcpOption.Unknown(new TcpOptionKind(253), hex("1234")))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wellFormedLists")
    void parsesWellFormedList(String name, String optionsHex, List<TcpOption> expected)
            throws MalformedPacketException {
        byte[] options = hex(optionsHex);

        assertThat(TcpOption.parseAll(options, 0, options.length)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "length 0                     | 1f00",
        "length 1                     | 1f01 0000",
        "length past end              | 1f05 0000",
        "kind without length byte     | 01 01 01 1f",
        "MSS of length 3              | 0203 05",
        "MSS of length 5              | 0205 05b4 00",
        "window scale of length 2     | 0302",
        "window scale of length 4     | 0304 0700",
        "SACK-Permitted of length 3   | 0403 00",
        "timestamps of length 9       | 0809 00000001 000000",
        "timestamps of length 11      | 080b 00000001 00000002 00",
        "SACK without blocks          | 0502",
        "SACK of length 9             | 0509 00000001 000000",
        "SACK of length 14            | 050e 00000001 00000002 0000 0000",
    })
    void rejectsMalformedOption(String name, String optionsHex) {
        byte[] options = hex(optionsHex);

        assertThatThrownBy(() -> TcpOption.parseAll(options, 0, options.length))
                .isInstanceOfSatisfying(MalformedPacketException.class,
                        e -> assertThat(e.counterName()).isEqualTo("tcp.bad-option-length"));
    }

    @Test
    void readsOnlyGivenRange() throws MalformedPacketException {
        // The MSS option after the range would be read if the end were ignored.
        byte[] buffer = hex("ffff 0101 020405b4");

        assertThat(TcpOption.parseAll(buffer, 2, 2))
                .containsExactly(new TcpOption.NoOperation(), new TcpOption.NoOperation());
    }

    @Test
    void unknownOptionPrintsKindAndData() {
        TcpOption option = new TcpOption.Unknown(new TcpOptionKind(30), hex("0181"));

        assertThat(option).hasToString("Unknown[kind=30, data=0181]");
        assertThat(option.kind()).isEqualTo(new TcpOptionKind(30));
        assertThat(option.bufferLength()).isEqualTo(4);
    }

    @Test
    void knownOptionsPrintTheirFields() {
        assertThat(new TcpOption.MaximumSegmentSize(1460)).hasToString("MaximumSegmentSize[mss=1460]");
        assertThat(new TcpOption.Timestamps(5, 6)).hasToString("Timestamps[value=5, echoReply=6]");
    }

    @Test
    void kindsPrintNameOrNumber() {
        assertThat(TcpOptionKind.MAXIMUM_SEGMENT_SIZE).hasToString("MAXIMUM_SEGMENT_SIZE");
        assertThat(TcpOptionKind.SACK_PERMITTED).hasToString("SACK_PERMITTED");
        assertThat(new TcpOptionKind(8)).isEqualTo(TcpOptionKind.TIMESTAMPS);
        assertThat(new TcpOptionKind(34)).hasToString("34");
        assertThatIllegalArgumentException().isThrownBy(() -> new TcpOptionKind(256));
    }

    @Test
    void unknownRejectsKindWithRecord() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new TcpOption.Unknown(TcpOptionKind.WINDOW_SCALE, new byte[1]));
    }

    @Test
    void sackRejectsEmptyBlockList() {
        assertThatIllegalArgumentException().isThrownBy(() -> new TcpOption.Sack(List.of()));
    }

    @Test
    void fieldsOutsideRangeRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> new TcpOption.MaximumSegmentSize(0x10000));
        assertThatIllegalArgumentException().isThrownBy(() -> new TcpOption.WindowScale(256));
        assertThatIllegalArgumentException().isThrownBy(() -> new TcpOption.Timestamps(-1, 0));
        assertThatIllegalArgumentException().isThrownBy(() -> new TcpOption.Sack.Block(0, 0x1_0000_0000L));
    }

    @Test
    void reprAppendsEndOfListBeforePadding() {
        TcpRepr repr = new TcpRepr(1, 2, 0, 0, TcpFlags.SYN, 0, 0,
                List.of(new TcpOption.WindowScale(7)), new byte[0]);

        assertThat(repr.options()).containsExactly(new TcpOption.WindowScale(7), new TcpOption.EndOfOptionList());
        assertThat(repr.headerLength()).isEqualTo(24);
    }

    @Test
    void reprKeepsAlignedListAsGiven() {
        List<TcpOption> aligned = List.of(new TcpOption.NoOperation(), new TcpOption.WindowScale(7));

        TcpRepr repr = new TcpRepr(1, 2, 0, 0, TcpFlags.SYN, 0, 0, aligned, new byte[0]);

        assertThat(repr.options()).isEqualTo(aligned);
    }

    @Test
    void reprRejectsOptionAfterEndOfList() {
        List<TcpOption> options = List.of(new TcpOption.EndOfOptionList(), new TcpOption.MaximumSegmentSize(536));

        assertThatIllegalArgumentException()
                .isThrownBy(() -> new TcpRepr(1, 2, 0, 0, TcpFlags.SYN, 0, 0, options, new byte[0]));
    }

    @Test
    void reprRejectsOptionsOverFortyBytes() {
        // Four 10-byte timestamps options are 40 bytes, and one No-Operation more needs 4 bytes of padding.
        TcpOption timestamps = new TcpOption.Timestamps(1, 2);
        List<TcpOption> fits = List.of(timestamps, timestamps, timestamps, timestamps);
        List<TcpOption> tooLong = List.of(timestamps, timestamps, timestamps, timestamps, new TcpOption.NoOperation());

        assertThat(new TcpRepr(1, 2, 0, 0, TcpFlags.ACK, 0, 0, fits, new byte[0]).headerLength()).isEqualTo(60);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new TcpRepr(1, 2, 0, 0, TcpFlags.ACK, 0, 0, tooLong, new byte[0]));
    }

    @Test
    void emitThenParseRoundTrips() {
        qt().withFixedSeed(2018L).forAll(WireGenerators.tcpOptionLists()).checkAssert(options -> {
            byte[] buffer = Fixtures.poisoned(TcpOption.bufferLength(options));

            TcpOption.emitAll(options, buffer, 0);

            assertThat(parse(buffer)).isEqualTo(options);
        });
    }

    private static List<TcpOption> parse(byte[] options) {
        try {
            return TcpOption.parseAll(options, 0, options.length);
        } catch (MalformedPacketException e) {
            throw new AssertionError("emitted options did not parse: " + e.getMessage(), e);
        }
    }
}
