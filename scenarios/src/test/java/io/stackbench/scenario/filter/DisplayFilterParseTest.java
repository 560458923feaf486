package io.stackbench.scenario.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DisplayFilterParseTest {

    static Stream<Arguments> groupings() {
        return Stream.of(
                Arguments.of("arp || ip && udp", "(arp || (ip && udp))"),
                Arguments.of("udp && ip || arp", "((udp && ip) || arp)"),
                Arguments.of("!arp && ip", "(!arp && ip)"),
                Arguments.of("!(arp && ip)", "!(arp && ip)"),
                Arguments.of("arp || ip || udp", "((arp || ip) || udp)"),
                Arguments.of("arp && ip && udp", "((arp && ip) && udp)"),
                Arguments.of("(arp || ip) && udp", "((arp || ip) && udp)"),
                Arguments.of("not arp and ip or udp", "((!arp && ip) || udp)"),
                Arguments.of("!!arp", "!!arp"),
                Arguments.of("not not arp", "!!arp"),
                Arguments.of("((arp))", "arp"),
                Arguments.of("ip.ttl eq 64", "ip.ttl == 64"),
                Arguments.of("ip.ttl ne 64", "ip.ttl != 64"),
                Arguments.of("ip.ttl lt 64", "ip.ttl < 64"),
                Arguments.of("ip.ttl gt 64", "ip.ttl > 64"),
                Arguments.of("ip.ttl le 64", "ip.ttl <= 64"),
                Arguments.of("ip.ttl ge 64", "ip.ttl >= 64"),
                Arguments.of("ip.ttl==64&&arp", "(ip.ttl == 64 && arp)"),
                Arguments.of("  icmpv6.type == 135 && ipv6.src == ::  ", "(icmpv6.type == 135 && ipv6.src == ::)"),
                Arguments.of("ip.flags.df", "ip.flags.df"),
                Arguments.of("ip.addr == 10.0.0.0/24", "ip.addr == 10.0.0.0/24"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("groupings")
    void groupsByPrecedence(String text, String structure) {
        assertThat(DisplayFilter.parse(text).structure()).isEqualTo(structure);
    }

    @Test
    void textReturnsSource() {
        String text = " arp.opcode == 1 && arp.dst.proto_ipv4 == 10.0.0.2";

        assertThat(DisplayFilter.parse(text).text()).isEqualTo(text);
        assertThat(DisplayFilter.parse(text)).hasToString(text);
    }

    @Test
    void everyRegisteredFieldParses() {
        for (FilterField field : FieldRegistry.all()) {
            assertThat(DisplayFilter.parse(field.filterName()).structure()).isEqualTo(field.filterName());
        }
    }

    static Stream<Arguments> errors() {
        return Stream.of(
                Arguments.of("", 0, "the filter is empty"),
                Arguments.of("   ", 3, "the filter is empty"),
                Arguments.of("ip.source == 10.0.0.1", 0, "unknown field \"ip.source\""),
                Arguments.of("ip.source == 10.0.0.1", 0, "did you mean ip.src"),
                Arguments.of("arp.opcod == 1", 0, "did you mean arp.opcode"),
                Arguments.of("IP.SRC == 10.0.0.1", 0, "unknown field \"IP.SRC\""),
                Arguments.of("ip.src == 5", 10, "\"5\" is not a valid value for ip.src (IPv4 address)"),
                Arguments.of("ip.src == 5", 10, "expected an IPv4 address such as 10.0.0.1"),
                Arguments.of("arp.opcode == 10.0.0.1", 14, "\"10.0.0.1\" is not a valid value for arp.opcode (unsigned integer)"),
                Arguments.of("arp.opcode == 10.0.0.1", 14, "integer from 0 to 65535"),
                Arguments.of("eth.src == 10.0.0.1", 11, "expected a MAC address"),
                Arguments.of("ipv6.src == 10.0.0.1", 12, "expected an IPv6 address"),
                Arguments.of("ip.src == fe80::1", 10, "\"fe80::1\" is not a valid value for ip.src"),
                Arguments.of("ip.ttl == 300", 10, "\"300\" is too big for ip.ttl; the maximum is 255"),
                Arguments.of("tcp.seq == 4294967296", 11, "the maximum is 4294967295"),
                Arguments.of("ip.ttl == 99999999999999999999999", 10, "is too big for ip.ttl"),
                Arguments.of("ip.ttl == 09", 10, "\"09\" is not a valid value for ip.ttl"),
                Arguments.of("ip.ttl == 0x", 10, "\"0x\" is not a valid value"),
                Arguments.of("ip.ttl == -1", 10, "\"-1\" is not a valid value"),
                Arguments.of("ip.flags.df == true", 15, "expected 1, 0, True or False"),
                Arguments.of("ip.addr == 10.0.0.0/33", 11, "prefix length \"33\""),
                Arguments.of("ip.addr == 10.0.0.0/", 11, "prefix length \"\""),
                Arguments.of("ipv6.addr == ::/129", 13, "from 0 to 128"),
                Arguments.of("ip.addr > 10.0.0.0/8", 10, "can only be compared with == or !="),
                Arguments.of("ip == 1", 6, "\"ip\" is a protocol and can only be tested for presence"),
                Arguments.of("ip.src == ip.dst", 10, "comparing two fields is not supported"),
                Arguments.of("10.0.0.1 == ip.src", 0, "expected a field name but found the value \"10.0.0.1\""),
                Arguments.of("ip.ttl ==", 9, "unexpected end of the filter; expected a value for ip.ttl after \"==\""),
                Arguments.of("ip.ttl == )", 10, "\")\" was unexpected; expected a value for ip.ttl"),
                Arguments.of("ip.ttl == 64 &&", 15, "unexpected end of the filter; expected a field name"),
                Arguments.of("arp and", 7, "unexpected end of the filter"),
                Arguments.of("arp ||| ip", 6, "\"|\" is not supported"),
                Arguments.of("(arp || ip", 10, "expected \")\" to close the \"(\" at position 0"),
                Arguments.of("(arp || ip udp)", 11, "\"udp\" was unexpected"),
                Arguments.of("arp)", 3, "\")\" was unexpected; expected \"&&\", \"||\", \"and\", \"or\" or the end of the filter"),
                Arguments.of("()", 1, "\")\" was unexpected; expected a field name"),
                Arguments.of("&& arp", 0, "\"&&\" was unexpected; expected a field name"),
                Arguments.of("ip.src 10.0.0.1", 7, "\"10.0.0.1\" was unexpected; expected a comparison operator"),
                Arguments.of("ip.ttl = 64", 7, "\"=\" is not supported"),
                Arguments.of("ip.ttl === 64", 7, "\"===\" is not supported"),
                Arguments.of("ip.ttl !== 64", 7, "\"!==\" is not supported"),
                Arguments.of("ip.ttl ~= 64", 7, "\"~=\" is not supported"),
                Arguments.of("arp AND ip", 4, "\"AND\" was unexpected"),
                Arguments.of("ip.ttl EQ 64", 7, "\"EQ\" was unexpected"),
                Arguments.of("eth.src contains 02", 8, "the operator \"contains\" is not supported"),
                Arguments.of("eth.src == \"x\"", 11, "string literals"),
                Arguments.of("ip.ttl == 64 # comment", 13, "unexpected character \"#\""),
                Arguments.of("ip.ttl == 64 == 3", 13, "\"==\" was unexpected"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errors")
    void rejectsWithPositionAndMessage(String text, int position, String messagePart) {
        FilterSyntaxException error = catchThrowableOfType(FilterSyntaxException.class, () -> DisplayFilter.parse(text));

        assertThat(error).as("exception for %s", text).isNotNull();
        assertThat(error.position()).as("position in %s", text).isEqualTo(position);
        assertThat(error.reason()).contains(messagePart);
        assertThat(error.filter()).isEqualTo(text);
        assertThat(error.getMessage()).startsWith("invalid display filter at position " + position + ": ");
    }

    @Test
    void unknownFieldFallsBackToProtocolFields() {
        FilterSyntaxException error = catchThrowableOfType(FilterSyntaxException.class,
                () -> DisplayFilter.parse("icmpv6.nd.target_address_of_the_solicitation == fe80::1"));

        assertThat(error.reason()).contains("did you mean icmpv6.");
    }

    @Test
    void nullTextIsRejected() {
        assertThatThrownBy(() -> DisplayFilter.parse(null)).isInstanceOf(NullPointerException.class);
    }
}
