package io.stackbench.stack.wire;

import static io.stackbench.stack.wire.Fixtures.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import io.stackbench.sim.net.MacAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class NdpOptionTest {

    private static final byte[] OPTIONS = hex("""
            01 01 525400123456                  # source link-layer address 52:54:00:12:34:56
            02 01 020000000001                  # target link-layer address 02:00:00:00:00:01
            05 01 ffff 00002328                 # MTU 9000, reserved bits set
            03 04                               # prefix information
            40                                  # prefix length 64
            9f                                  # L=1, A=0, reserved bits set
            ffffffff                            # valid lifetime: infinity
            00000e10                            # preferred lifetime 3600 s
            ffffffff                            # reserved
            20010db8000100020000 000000000000   # prefix 2001:db8:1:2::
            19 03 0000 00000e10                 # RDNSS, 24 bytes: kept raw
            20010db8000000000000 000000000053
            """);

    private static final List<NdpOption> PARSED = List.of(
            new NdpOption.SourceLinkLayerAddress(MacAddress.parse("52:54:00:12:34:56")),
            new NdpOption.TargetLinkLayerAddress(MacAddress.parse("02:00:00:00:00:01")),
            new NdpOption.Mtu(9000),
            new NdpOption.PrefixInformation(64, true, false, NdpOption.INFINITE_LIFETIME, 3600,
                    Ipv6Address.parse("2001:db8:1:2::")),
            new NdpOption.Unknown(NdpOptionType.RECURSIVE_DNS_SERVER,
                    hex("0000 00000e10 20010db8000000000000000000000053")));

    @Test
    void parsesEveryKindOfOption() throws MalformedPacketException {
        assertThat(NdpOption.parseAll(OPTIONS, 0, OPTIONS.length)).isEqualTo(PARSED);
    }

    @Test
    void emitsIntoPoisonedBufferWithReservedFieldsCleared() {
        byte[] buffer = Fixtures.poisoned(NdpOption.bufferLength(PARSED));

        NdpOption.emitAll(PARSED, buffer, 0);

        byte[] expected = OPTIONS.clone();
        expected[18] = 0;              // MTU reserved field
        expected[19] = 0;
        expected[27] = (byte) 0x80;    // prefix flags: only L
        expected[36] = 0;              // prefix reserved field
        expected[37] = 0;
        expected[38] = 0;
        expected[39] = 0;
        assertThat(buffer).containsExactly(expected);
    }

    @Test
    void keepsLinkLayerAddressOfOtherLengthRaw() throws MalformedPacketException {
        byte[] longAddress = hex("01 02 0102030405060708090a0b0c0d0e");

        assertThat(NdpOption.parseAll(longAddress, 0, longAddress.length)).containsExactly(
                new NdpOption.Unknown(NdpOptionType.SOURCE_LINK_LAYER_ADDRESS, hex("0102030405060708090a0b0c0d0e")));
    }

    @Test
    void keepsPrefixInformationOfOtherLengthRaw() throws MalformedPacketException {
        byte[] shortPrefix = hex("03 01 40c0 00000000");

        assertThat(NdpOption.parseAll(shortPrefix, 0, shortPrefix.length)).containsExactly(
                new NdpOption.Unknown(NdpOptionType.PREFIX_INFORMATION, hex("40c0 00000000")));
    }

    @Test
    void parsesEmptyRange() throws MalformedPacketException {
        assertThat(NdpOption.parseAll(OPTIONS, 8, 0)).isEmpty();
    }

    @Test
    void readsOnlyItsRange() {
        // The option claims 16 bytes; the array has them, but the range given ends after 8.
        byte[] buffer = hex("0e 02 0102030405060708090a0b0c0d0e");

        assertRejected(buffer, 0, 8);
    }

    @Test
    void rejectsLengthZero() {
        assertRejected(hex("01 00 525400123456"), 0, 8);
    }

    @Test
    void rejectsLengthZeroAfterValidOption() {
        assertRejected(hex("01 01 525400123456 02 00 000000000000"), 0, 16);
    }

    @Test
    void rejectsOptionPastEnd() {
        assertRejected(hex("03 04 40c0 00000000"), 0, 8);
    }

    @Test
    void rejectsSingleTrailingByte() {
        assertRejected(hex("01 01 525400123456 01"), 0, 9);
    }

    @Test
    void unknownRejectsBodyNotFillingUnits() {
        assertThatIllegalArgumentException().isThrownBy(() -> new NdpOption.Unknown(new NdpOptionType(200), new byte[7]))
                .withMessageContaining("not make the option a multiple of 8 bytes");
    }

    @Test
    void unknownRejectsTypesWithOwnRecord() {
        assertThatIllegalArgumentException().isThrownBy(
                () -> new NdpOption.Unknown(NdpOptionType.SOURCE_LINK_LAYER_ADDRESS, new byte[6]));
        assertThatIllegalArgumentException().isThrownBy(() -> new NdpOption.Unknown(NdpOptionType.MTU, new byte[6]));
        assertThatIllegalArgumentException().isThrownBy(
                () -> new NdpOption.Unknown(NdpOptionType.PREFIX_INFORMATION, new byte[30]));
    }

    @Test
    void lifetimesMustFitThirtyTwoBits() {
        Ipv6Address prefix = Ipv6Address.parse("2001:db8::");

        assertThatIllegalArgumentException()
                .isThrownBy(() -> new NdpOption.PrefixInformation(64, true, true, 1L << 32, 0, prefix))
                .withMessageContaining("validLifetime 4294967296 does not fit in 32 bits");
        assertThatIllegalArgumentException().isThrownBy(() -> new NdpOption.Mtu(-1));
    }

    @Test
    void emitThenParseRoundTrips() {
        qt().withFixedSeed(4861L).forAll(WireGenerators.ndpOptionLists()).checkAssert(options -> {
            byte[] buffer = Fixtures.poisoned(NdpOption.bufferLength(options));

            NdpOption.emitAll(options, buffer, 0);

            assertThat(parseEmitted(buffer)).isEqualTo(options);
        });
    }

    private static List<NdpOption> parseEmitted(byte[] buffer) {
        try {
            return NdpOption.parseAll(buffer, 0, buffer.length);
        } catch (MalformedPacketException e) {
            throw new AssertionError("emitted options did not parse: " + e.getMessage(), e);
        }
    }

    private static void assertRejected(byte[] buffer, int offset, int length) {
        assertThatThrownBy(() -> NdpOption.parseAll(buffer, offset, length))
                .isInstanceOfSatisfying(MalformedPacketException.class,
                        e -> assertThat(e.counterName()).isEqualTo("icmpv6.bad-option-length"));
    }
}
