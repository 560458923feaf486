package io.stackbench.stack.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.quicktheories.core.Gen;

class AddressLiteralsTest {

    private static final long SEED = 0x5eed_b007L;

    static Stream<Arguments> validIpv4() {
        return Stream.of(
                Arguments.of("zero address", "0.0.0.0", "00000000"),
                Arguments.of("documentation address", "192.0.2.1", "c0000201"),
                Arguments.of("all ones", "255.255.255.255", "ffffffff"),
                Arguments.of("single zero octets", "10.0.0.2", "0a000002"),
                Arguments.of("three digit octets", "100.200.250.199", "64c8fac7"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("validIpv4")
    void parseIpv4Accepts(String name, String text, String expectedHex) {
        Inet4Address address = AddressLiterals.parseIpv4(text);

        assertThat(HexFormat.of().formatHex(address.getAddress())).isEqualTo(expectedHex);
        assertThat(AddressLiterals.format(address)).isEqualTo(text);
    }

    static Stream<Arguments> invalidIpv4() {
        return Stream.of(
                Arguments.of("empty", "", "empty"),
                Arguments.of("three octets", "10.0.2", "found 3 part(s)"),
                Arguments.of("five octets", "10.0.0.0.2", "found 5 part(s)"),
                Arguments.of("single number", "167772162", "found 1 part(s)"),
                Arguments.of("empty octet", "10..0.2", "octet 2 is empty"),
                Arguments.of("trailing dot", "10.0.0.2.", "found 5 part(s)"),
                Arguments.of("octet above 255", "10.0.0.256", "'256' is greater than 255"),
                Arguments.of("leading zero", "10.0.0.02", "'02' has a leading zero"),
                Arguments.of("octal looking", "010.0.0.1", "'010' has a leading zero"),
                Arguments.of("four digits", "10.0.0.1000", "'1000' has more than three digits"),
                Arguments.of("hex octet", "0x0a.0.0.1", "'0x0a' is not a decimal number"),
                Arguments.of("sign", "10.0.0.+2", "'+2' is not a decimal number"),
                Arguments.of("space", "10.0.0. 2", "' 2' is not a decimal number"),
                Arguments.of("non-ASCII digit", "10.0.0.\u0662", "is not a decimal number"),
                Arguments.of("host name", "localhost", "found 1 part(s)"),
                Arguments.of("IPv6 literal", "::1", "found 1 part(s)"));
    }

    @ParameterizedTest(name = "{0}: ''{1}''")
    @MethodSource("invalidIpv4")
    void parseIpv4Rejects(String name, String text, String expectedReason) {
        assertThatThrownBy(() -> AddressLiterals.parseIpv4(text))
                .isInstanceOfSatisfying(AddressLiteralException.class, e -> {
                    assertThat(e.text()).isEqualTo(text);
                    assertThat(e.reason()).contains(expectedReason);
                    assertThat(e.getMessage()).startsWith("invalid IPv4 address '" + text + "': ");
                });
    }

    static Stream<Arguments> validIpv6() {
        return Stream.of(
                Arguments.of("unspecified", "::", "00000000000000000000000000000000"),
                Arguments.of("loopback", "::1", "00000000000000000000000000000001"),
                Arguments.of("full form", "2001:0db8:0000:0000:0000:0000:0000:0001", "20010db8000000000000000000000001"),
                Arguments.of("full form without leading zeros", "2001:db8:0:0:0:0:0:1", "20010db8000000000000000000000001"),
                Arguments.of("compressed middle", "2001:db8::1", "20010db8000000000000000000000001"),
                Arguments.of("compressed end", "fe80::", "fe800000000000000000000000000000"),
                Arguments.of("compressed start", "::ffff", "0000000000000000000000000000ffff"),
                Arguments.of("compression of one group", "1:2:3:4:5:6::8", "00010002000300040005000600000008"),
                Arguments.of("compression of first group", "::2:3:4:5:6:7:8", "00000002000300040005000600070008"),
                Arguments.of("compression of last group", "1:2:3:4:5:6:7::", "00010002000300040005000600070000"),
                Arguments.of("upper case", "FE80::ABCD:EF01", "fe8000000000000000000000abcdef01"),
                Arguments.of("mixed case", "2001:DB8::aBc", "20010db8000000000000000000000abc"),
                Arguments.of("link-local from MAC", "fe80::5054:ff:fe12:3456", "fe80000000000000505400fffe123456"),
                Arguments.of("IPv4 tail in full form", "0:0:0:0:0:ffff:192.0.2.1", "00000000000000000000ffffc0000201"),
                Arguments.of("IPv4-mapped", "::ffff:192.0.2.1", "00000000000000000000ffffc0000201"),
                Arguments.of("IPv4 tail after compression", "64:ff9b::192.0.2.33", "0064ff9b0000000000000000c0000221"),
                Arguments.of("IPv4 tail only", "::10.0.0.1", "0000000000000000000000000a000001"),
                Arguments.of("IPv4 tail with six groups", "1:2:3:4:5:6:1.2.3.4", "00010002000300040005000601020304"),
                Arguments.of("solicited-node group", "ff02::1:ff12:3456", "ff0200000000000000000001ff123456"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("validIpv6")
    void parseIpv6Accepts(String name, String text, String expectedHex) {
        Inet6Address address = AddressLiterals.parseIpv6(text);

        assertThat(HexFormat.of().formatHex(address.getAddress())).isEqualTo(expectedHex);
        assertThat(address.getScopeId()).isZero();
    }

    static Stream<Arguments> invalidIpv6() {
        return Stream.of(
                Arguments.of("empty", "", "empty"),
                Arguments.of("single colon", ":", "a group is empty"),
                Arguments.of("seven groups", "1:2:3:4:5:6:7", "found 7 group(s)"),
                Arguments.of("nine groups", "1:2:3:4:5:6:7:8:9", "more than eight 16-bit groups"),
                Arguments.of("compression with eight groups", "1:2:3:4::5:6:7:8", "at least one zero group"),
                Arguments.of("two compressions", "1::2::3", "'::' may appear only once"),
                Arguments.of("triple colon", "1:::2", "':::' is not valid"),
                Arguments.of("leading single colon", ":1:2:3:4:5:6:7", "a group is empty"),
                Arguments.of("trailing single colon", "1:2:3:4:5:6:7:", "a group is empty"),
                Arguments.of("leading colon before compression", ":1::2", "a group is empty"),
                Arguments.of("five hex digits", "2001:0db80::1", "more than four hex digits"),
                Arguments.of("non-hex letter", "2001:db8::g", "'g' is not a hex digit"),
                Arguments.of("non-ASCII digit", "2001:db8::\u0662", "'\u0662' is not a hex digit"),
                Arguments.of("fullwidth letter", "2001:db8::\uff41", "'\uff41' is not a hex digit"),
                Arguments.of("zone index", "fe80::1%eth0", "zone index ('%eth0')"),
                Arguments.of("brackets", "[::1]", "'[' is not a hex digit"),
                Arguments.of("prefix length", "2001:db8::/64", "'/' is not a hex digit"),
                Arguments.of("space", "2001:db8:: 1", "' ' is not a hex digit"),
                Arguments.of("IPv4 tail not last", "::1.2.3.4:5", "only as the last 32 bits"),
                Arguments.of("IPv4 tail before compression", "1.2.3.4::", "only as the last 32 bits"),
                Arguments.of("IPv4 tail with seven groups", "1:2:3:4:5:6:7:1.2.3.4", "more than eight 16-bit groups"),
                Arguments.of("bad IPv4 tail", "::ffff:1.2.3.256", "embedded IPv4 address is invalid: octet '256'"),
                Arguments.of("short IPv4 tail", "::ffff:1.2.3", "embedded IPv4 address is invalid: expected four"),
                Arguments.of("leading zero in IPv4 tail", "::ffff:1.2.3.04", "'04' has a leading zero"),
                Arguments.of("IPv4 literal", "192.0.2.1", "found 2 group(s)"),
                Arguments.of("host name", "localhost", "'l' is not a hex digit"));
    }

    @ParameterizedTest(name = "{0}: ''{1}''")
    @MethodSource("invalidIpv6")
    void parseIpv6Rejects(String name, String text, String expectedReason) {
        assertThatThrownBy(() -> AddressLiterals.parseIpv6(text))
                .isInstanceOfSatisfying(AddressLiteralException.class, e -> {
                    assertThat(e.text()).isEqualTo(text);
                    assertThat(e.reason()).contains(expectedReason);
                    assertThat(e.getMessage()).startsWith("invalid IPv6 address '" + text + "': ");
                });
    }

    static Stream<Arguments> rfc5952Formats() {
        return Stream.of(
                Arguments.of("leading zeros dropped", "2001:0db8:0000:0000:0000:0000:0000:0001", "2001:db8::1"),
                Arguments.of("lower case", "2001:DB8::ABCD", "2001:db8::abcd"),
                Arguments.of("unspecified", "0:0:0:0:0:0:0:0", "::"),
                Arguments.of("loopback", "0:0:0:0:0:0:0:1", "::1"),
                Arguments.of("single zero group kept", "2001:db8:0:1:1:1:1:1", "2001:db8:0:1:1:1:1:1"),
                Arguments.of("one-group compression undone", "2001:db8::1:1:1:1:1", "2001:db8:0:1:1:1:1:1"),
                Arguments.of("longest run compressed", "2001:0:0:1:0:0:0:1", "2001:0:0:1::1"),
                Arguments.of("first run on a tie", "2001:db8:0:0:1:0:0:1", "2001:db8::1:0:0:1"),
                Arguments.of("run at the end", "fe80:0:0:0:0:0:0:0", "fe80::"),
                Arguments.of("run at the start", "0:0:0:0:0:0:0:5", "::5"),
                Arguments.of("no zero group", "1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7:8"),
                Arguments.of("IPv4-mapped as dotted quad", "0:0:0:0:0:ffff:c000:0201", "::ffff:192.0.2.1"),
                Arguments.of("IPv4-translated as dotted quad", "::ffff:0:c000:201", "::ffff:0:192.0.2.1"),
                Arguments.of("NAT64 prefix stays hex", "64:ff9b::192.0.2.33", "64:ff9b::c000:221"),
                Arguments.of("IPv4 tail elsewhere stays hex", "::10.0.0.1", "::a00:1"),
                Arguments.of("link-local from MAC", "FE80:0000:0000:0000:5054:00FF:FE12:3456", "fe80::5054:ff:fe12:3456"));
    }

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @MethodSource("rfc5952Formats")
    void formatFollowsRfc5952(String name, String text, String expected) {
        assertThat(AddressLiterals.format(AddressLiterals.parseIpv6(text))).isEqualTo(expected);
    }

    @Test
    void ipv4MappedStaysIpv6() {
        Inet6Address mapped = AddressLiterals.parseIpv6("::ffff:10.0.0.2");

        assertThat(mapped).isInstanceOf(Inet6Address.class);
        assertThat(mapped.getAddress()).hasSize(16);
    }

    @Test
    void ipv4FormatThenParseIsIdentity() {
        qt().withFixedSeed(SEED).withExamples(2000)
                .forAll(lists().of(integers().between(0, 255)).ofSize(4))
                .checkAssert(octets -> {
                    byte[] bytes = toBytes(octets);
                    Inet4Address address = AddressLiterals.ipv4FromBytes(bytes);

                    Inet4Address parsed = AddressLiterals.parseIpv4(AddressLiterals.format(address));

                    assertThat(parsed.getAddress()).isEqualTo(bytes);
                });
    }

    @Test
    void ipv6FormatThenParseIsIdentity() {
        qt().withFixedSeed(SEED).withExamples(2000)
                .forAll(lists().of(ipv6Groups()).ofSize(8))
                .checkAssert(groups -> {
                    byte[] bytes = groupsToBytes(groups);
                    Inet6Address address = AddressLiterals.ipv6FromBytes(bytes);

                    String text = AddressLiterals.format(address);
                    Inet6Address parsed = AddressLiterals.parseIpv6(text);

                    assertThat(parsed.getAddress()).as(text).isEqualTo(bytes);
                    assertThat(text).as("RFC 5952 §4.3 lower case").isEqualTo(text.toLowerCase(java.util.Locale.ROOT));
                    assertThat(text).as("RFC 5952 §4.2.2 one zero group").doesNotContain("::0:").doesNotEndWith("::0");
                });
    }

    @Test
    void interfaceFormatThenParseIsIdentity() {
        qt().withFixedSeed(SEED).withExamples(1000)
                .forAll(lists().of(ipv6Groups()).ofSize(8), integers().between(0, 128))
                .checkAssert((groups, prefixLength) -> {
                    Inet6Address address = AddressLiterals.ipv6FromBytes(groupsToBytes(groups));
                    String text = AddressLiterals.format(address) + "/" + prefixLength;
                    Ipv6Interface expected = isInterfaceAddress(address) ? new Ipv6Interface(address, prefixLength) : null;

                    if (expected != null) {
                        assertThat(BootArguments.parse(List.of("--ipv6=" + text)).ipv6()).contains(expected);
                    }
                });
        qt().withFixedSeed(SEED).withExamples(1000)
                .forAll(lists().of(integers().between(0, 255)).ofSize(4), integers().between(0, 32))
                .checkAssert((octets, prefixLength) -> {
                    Inet4Address address = AddressLiterals.ipv4FromBytes(toBytes(octets));
                    String text = AddressLiterals.format(address) + "/" + prefixLength;

                    try {
                        Ipv4Interface expected = new Ipv4Interface(address, prefixLength);
                        assertThat(BootArguments.parse(List.of("--ipv4=" + text)).ipv4()).isEqualTo(expected);
                    } catch (BootArgumentException e) {
                        // A network, broadcast or non-unicast address: parsing must reject it the same way.
                        assertThatThrownBy(() -> BootArguments.parse(List.of("--ipv4=" + text)))
                                .isInstanceOfSatisfying(BootArgumentException.class,
                                        parseError -> assertThat(parseError.rule()).isEqualTo(e.rule()));
                    }
                });
    }

    /** Mostly zero groups, so runs of zeros of every length and position come up often. */
    private static Gen<Integer> ipv6Groups() {
        return integers().between(0, 3).zip(integers().between(0, 0xffff), (kind, value) -> switch (kind) {
            case 0, 1 -> 0;
            case 2 -> value & 0xf;
            default -> value;
        });
    }

    private static boolean isInterfaceAddress(Inet6Address address) {
        byte[] bytes = address.getAddress();
        return !address.isAnyLocalAddress() && !address.isLoopbackAddress() && (bytes[0] & 0xff) != 0xff
                && !ConfigRules.isIpv4Mapped(address);
    }

    private static byte[] toBytes(List<Integer> octets) {
        byte[] bytes = new byte[octets.size()];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (int) octets.get(i);
        }
        return bytes;
    }

    private static byte[] groupsToBytes(List<Integer> groups) {
        byte[] bytes = new byte[16];
        for (int i = 0; i < 8; i++) {
            bytes[2 * i] = (byte) (groups.get(i) >>> 8);
            bytes[2 * i + 1] = (byte) (int) groups.get(i);
        }
        return bytes;
    }
}
