package io.stackbench.stack.wire;

import static io.stackbench.stack.wire.Fixtures.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Hop-by-Hop, Destination Options, Routing and Fragment headers (RFC 8200 §4). */
class Ipv6ExtensionHeaderTest {

    /** The Hop-by-Hop header that MLD messages carry. */
    private static final byte[] HOP_BY_HOP = hex("""
            3a         # next header ICMPv6
            00         # hdr ext len 0: 8 bytes
            05 02 0000 # router alert, value 0: MLD
            01 00      # PadN of 2 bytes
            """);

    private static final byte[] DESTINATION_OPTIONS = hex("""
            11         # next header UDP
            01         # hdr ext len 1: 16 bytes
            9e 04 abcdef01   # option 0x9e: action 10, may change 0
            00         # Pad1
            00         # Pad1
            01 04 00000000   # PadN of 6 bytes
            """);

    private static final byte[] ROUTING = hex("""
            3a         # next header ICMPv6
            02         # hdr ext len 2: 24 bytes
            00         # routing type 0
            01         # segments left 1
            00000000   # reserved
            20010db8000000000000 000000000099   # address[1]
            """);

    private static final byte[] FRAGMENT = hex("""
            11         # next header UDP
            00         # reserved
            00b9       # fragment offset 23 (184 bytes), reserved bits 0, M=1
            12345678   # identification
            """);

    private static final Ipv6OptionsRepr HOP_BY_HOP_REPR = new Ipv6OptionsRepr(IpProtocol.ICMPV6, List.of(
            new Ipv6Option(Ipv6OptionType.ROUTER_ALERT, hex("0000")), Ipv6Option.padN(2)));

    private static final Ipv6OptionsRepr DESTINATION_OPTIONS_REPR = new Ipv6OptionsRepr(IpProtocol.UDP, List.of(
            new Ipv6Option(new Ipv6OptionType(0x9e), hex("abcdef01")), Ipv6Option.pad1(), Ipv6Option.pad1(),
            Ipv6Option.padN(6)));

    private static final Ipv6RoutingRepr ROUTING_REPR = new Ipv6RoutingRepr(IpProtocol.ICMPV6, Ipv6RoutingRepr.TYPE_0, 1,
            hex("00000000 20010db8000000000000000000000099"));

    private static final Ipv6FragmentRepr FRAGMENT_REPR = new Ipv6FragmentRepr(IpProtocol.UDP, 23, true, 0x12345678L);

    @Test
    void readsOptionsHeaderFieldsFromFixture() {
        Ipv6OptionsHeader header = new Ipv6OptionsHeader(DESTINATION_OPTIONS);

        assertThat(header.nextHeader()).isEqualTo(IpProtocol.UDP);
        assertThat(header.headerExtensionLength()).isEqualTo(1);
        assertThat(header.headerLength()).isEqualTo(16);
        assertThat(header.optionsOffset()).isEqualTo(2);
        assertThat(header.optionsLength()).isEqualTo(14);
    }

    @Test
    void readsRoutingFieldsFromFixture() {
        Ipv6RoutingHeader header = new Ipv6RoutingHeader(ROUTING);

        assertThat(header.nextHeader()).isEqualTo(IpProtocol.ICMPV6);
        assertThat(header.headerLength()).isEqualTo(24);
        assertThat(header.routingType()).isZero();
        assertThat(header.segmentsLeft()).isEqualTo(1);
        assertThat(header.dataOffset()).isEqualTo(4);
        assertThat(header.dataLength()).isEqualTo(20);
    }

    @Test
    void readsFragmentFieldsFromFixture() {
        Ipv6FragmentHeader header = new Ipv6FragmentHeader(FRAGMENT);

        assertThat(header.nextHeader()).isEqualTo(IpProtocol.UDP);
        assertThat(header.fragmentOffset()).isEqualTo(23);
        assertThat(header.moreFragments()).isTrue();
        assertThat(header.identification()).isEqualTo(0x12345678L);
        assertThat(header.payloadOffset()).isEqualTo(8);
    }

    @Test
    void parsesHopByHop() throws MalformedPacketException {
        assertThat(Ipv6OptionsRepr.parse(new Ipv6OptionsHeader(HOP_BY_HOP))).isEqualTo(HOP_BY_HOP_REPR);
    }

    @Test
    void parsesDestinationOptionsWithPadding() throws MalformedPacketException {
        assertThat(Ipv6OptionsRepr.parse(new Ipv6OptionsHeader(DESTINATION_OPTIONS))).isEqualTo(DESTINATION_OPTIONS_REPR);
    }

    @Test
    void parsesRouting() throws MalformedPacketException {
        assertThat(Ipv6RoutingRepr.parse(new Ipv6RoutingHeader(ROUTING))).isEqualTo(ROUTING_REPR);
    }

    @Test
    void parsesFragment() throws MalformedPacketException {
        Ipv6FragmentRepr repr = Ipv6FragmentRepr.parse(new Ipv6FragmentHeader(FRAGMENT));

        assertThat(repr).isEqualTo(FRAGMENT_REPR);
        assertThat(repr.fragmentOffsetBytes()).isEqualTo(184);
        assertThat(repr.isAtomic()).isFalse();
    }

    @Test
    void fragmentIgnoresReservedFields() throws MalformedPacketException {
        byte[] reserved = Fixtures.with(Fixtures.with(FRAGMENT, 1, 0xff), 3, 0xbf);

        assertThat(Ipv6FragmentRepr.parse(new Ipv6FragmentHeader(reserved))).isEqualTo(FRAGMENT_REPR);
    }

    @Test
    void atomicFragmentHasOffsetZeroAndNoMore() {
        assertThat(new Ipv6FragmentRepr(IpProtocol.UDP, 0, false, 1).isAtomic()).isTrue();
        assertThat(new Ipv6FragmentRepr(IpProtocol.UDP, 0, true, 1).isAtomic()).isFalse();
        assertThat(new Ipv6FragmentRepr(IpProtocol.UDP, 1, false, 1).isAtomic()).isFalse();
    }

    @Test
    void emitsHopByHopIntoPoisonedBuffer() {
        byte[] buffer = Fixtures.poisoned(HOP_BY_HOP_REPR.bufferLength());

        HOP_BY_HOP_REPR.emit(new Ipv6OptionsHeader(buffer));

        assertThat(buffer).containsExactly(HOP_BY_HOP);
    }

    @Test
    void emitsDestinationOptionsIntoPoisonedBuffer() {
        byte[] buffer = Fixtures.poisoned(DESTINATION_OPTIONS_REPR.bufferLength());

        DESTINATION_OPTIONS_REPR.emit(new Ipv6OptionsHeader(buffer));

        assertThat(buffer).containsExactly(DESTINATION_OPTIONS);
    }

    @Test
    void emitsRoutingIntoPoisonedBuffer() {
        byte[] buffer = Fixtures.poisoned(ROUTING_REPR.bufferLength());

        ROUTING_REPR.emit(new Ipv6RoutingHeader(buffer));

        assertThat(buffer).containsExactly(ROUTING);
    }

    @Test
    void emitsFragmentIntoPoisonedBuffer() {
        byte[] buffer = Fixtures.poisoned(FRAGMENT_REPR.bufferLength());

        FRAGMENT_REPR.emit(new Ipv6FragmentHeader(buffer));

        assertThat(buffer).containsExactly(FRAGMENT);
    }

    @Test
    void withPaddingFillsLastUnit() {
        Ipv6Option routerAlert = new Ipv6Option(Ipv6OptionType.ROUTER_ALERT, hex("0000"));
        Ipv6Option fiveBytes = new Ipv6Option(new Ipv6OptionType(0x3e), hex("010203"));

        assertThat(Ipv6OptionsRepr.withPadding(IpProtocol.ICMPV6, List.of(routerAlert))).isEqualTo(HOP_BY_HOP_REPR);
        assertThat(Ipv6OptionsRepr.withPadding(IpProtocol.ICMPV6, List.of(fiveBytes)).options())
                .containsExactly(fiveBytes, Ipv6Option.pad1());
        assertThat(Ipv6OptionsRepr.withPadding(IpProtocol.ICMPV6, List.of()).options()).containsExactly(Ipv6Option.padN(6));
        assertThat(Ipv6OptionsRepr.withPadding(IpProtocol.ICMPV6, List.of(Ipv6Option.padN(6))).bufferLength()).isEqualTo(8);
    }

    @Test
    void reprRejectsOptionsNotFillingUnits() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Ipv6OptionsRepr(IpProtocol.ICMPV6, List.of(Ipv6Option.pad1())))
                .withMessageContaining("IPv6 options header of 3 bytes is not a multiple of 8 bytes");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Ipv6RoutingRepr(IpProtocol.ICMPV6, 0, 0, new byte[5]));
    }

    @Test
    void optionRejectsPad1WithData() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Ipv6Option(Ipv6OptionType.PAD1, new byte[1]))
                .withMessageContaining("a Pad1 option has no data");
    }

    @ParameterizedTest(name = "type 0x{0} acts as {1}, may change {2}")
    @CsvSource({
        "05, SKIP,                                                false",
        "3e, SKIP,                                                true",
        "42, DISCARD,                                             false",
        "9e, DISCARD_AND_SEND_PARAMETER_PROBLEM,                  false",
        "c2, DISCARD_AND_SEND_PARAMETER_PROBLEM_UNLESS_MULTICAST, false",
        "ff, DISCARD_AND_SEND_PARAMETER_PROBLEM_UNLESS_MULTICAST, true",
    })
    void optionTypeHighBitsGiveAction(String hexType, Ipv6OptionAction action, boolean mayChange) {
        Ipv6OptionType type = new Ipv6OptionType(Integer.parseInt(hexType, 16));

        assertThat(type.action()).isEqualTo(action);
        assertThat(type.mayChangeEnRoute()).isEqualTo(mayChange);
    }

    @Test
    void rejectsOptionsHeaderShorterThanEight() {
        assertRejected(() -> Ipv6OptionsRepr.parse(new Ipv6OptionsHeader(HOP_BY_HOP, 0, 7)), "ipv6.truncated");
    }

    @Test
    void rejectsOptionsHeaderPastView() {
        assertRejected(() -> Ipv6OptionsRepr.parse(new Ipv6OptionsHeader(DESTINATION_OPTIONS, 0, 15)), "ipv6.truncated");
    }

    @Test
    void rejectsOptionPastHeaderEnd() {
        byte[] tooLong = Fixtures.with(HOP_BY_HOP, 3, 5);

        assertRejected(() -> Ipv6OptionsRepr.parse(new Ipv6OptionsHeader(tooLong)), "ipv6.bad-option-length");
    }

    @Test
    void rejectsOptionWithoutLengthByte() {
        // A Router Alert type in the last byte, where a Pad1 should be.
        byte[] cut = hex("3a00 9e03 000000 05");

        assertRejected(() -> Ipv6OptionsRepr.parse(new Ipv6OptionsHeader(cut)), "ipv6.bad-option-length");
    }

    @Test
    void rejectsRoutingHeaderPastView() {
        assertRejected(() -> Ipv6RoutingRepr.parse(new Ipv6RoutingHeader(ROUTING, 0, 16)), "ipv6.truncated");
    }

    @Test
    void rejectsFragmentHeaderShorterThanEight() {
        assertRejected(() -> Ipv6FragmentRepr.parse(new Ipv6FragmentHeader(FRAGMENT, 0, 7)), "ipv6.truncated");
    }

    @Test
    void optionsRoundTrip() {
        qt().withFixedSeed(8200L).forAll(WireGenerators.ipv6OptionsReprs()).checkAssert(repr -> {
            byte[] buffer = Fixtures.poisoned(repr.bufferLength());

            repr.emit(new Ipv6OptionsHeader(buffer));

            assertThat(parseEmitted(() -> Ipv6OptionsRepr.parse(new Ipv6OptionsHeader(buffer)))).isEqualTo(repr);
        });
    }

    @Test
    void routingRoundTrips() {
        qt().withFixedSeed(8200L).forAll(WireGenerators.ipv6RoutingReprs()).checkAssert(repr -> {
            byte[] buffer = Fixtures.poisoned(repr.bufferLength());

            repr.emit(new Ipv6RoutingHeader(buffer));

            assertThat(parseEmitted(() -> Ipv6RoutingRepr.parse(new Ipv6RoutingHeader(buffer)))).isEqualTo(repr);
        });
    }

    @Test
    void fragmentRoundTrips() {
        qt().withFixedSeed(8200L).forAll(WireGenerators.ipv6FragmentReprs()).checkAssert(repr -> {
            byte[] buffer = Fixtures.poisoned(repr.bufferLength());

            repr.emit(new Ipv6FragmentHeader(buffer));

            assertThat(parseEmitted(() -> Ipv6FragmentRepr.parse(new Ipv6FragmentHeader(buffer)))).isEqualTo(repr);
        });
    }

    /** A parse call that may raise {@link MalformedPacketException}. */
    interface Parse<T> {
        T parse() throws MalformedPacketException;
    }

    private static <T> T parseEmitted(Parse<T> parse) {
        try {
            return parse.parse();
        } catch (MalformedPacketException e) {
            throw new AssertionError("emitted header did not parse: " + e.getMessage(), e);
        }
    }

    private static void assertRejected(Parse<?> parse, String counterName) {
        assertThatThrownBy(parse::parse)
                .isInstanceOfSatisfying(MalformedPacketException.class,
                        e -> assertThat(e.counterName()).isEqualTo(counterName));
    }
}
