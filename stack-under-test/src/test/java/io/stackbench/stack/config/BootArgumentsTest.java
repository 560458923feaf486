package io.stackbench.stack.config;

import static io.stackbench.stack.config.BootArgumentException.Rule.ADDRESS_NOT_UNICAST;
import static io.stackbench.stack.config.BootArgumentException.Rule.CONFLICTING_ONLY_FLAGS;
import static io.stackbench.stack.config.BootArgumentException.Rule.GATEWAY_IS_OWN_ADDRESS;
import static io.stackbench.stack.config.BootArgumentException.Rule.GATEWAY_OUTSIDE_SUBNET;
import static io.stackbench.stack.config.BootArgumentException.Rule.INVALID_BOOL;
import static io.stackbench.stack.config.BootArgumentException.Rule.INVALID_PREFIX_LENGTH;
import static io.stackbench.stack.config.BootArgumentException.Rule.MALFORMED_ADDRESS;
import static io.stackbench.stack.config.BootArgumentException.Rule.MISSING_PREFIX_LENGTH;
import static io.stackbench.stack.config.BootArgumentException.Rule.MISSING_VALUE;
import static io.stackbench.stack.config.BootArgumentException.Rule.NETWORK_OR_BROADCAST_ADDRESS;
import static io.stackbench.stack.config.BootArgumentException.Rule.NOT_AN_OPTION;
import static io.stackbench.stack.config.BootArgumentException.Rule.PREFIX_LENGTH_OUT_OF_RANGE;
import static io.stackbench.stack.config.BootArgumentException.Rule.REPEATED_OPTION;
import static io.stackbench.stack.config.BootArgumentException.Rule.UNEXPECTED_PREFIX_LENGTH;
import static io.stackbench.stack.config.BootArgumentException.Rule.UNKNOWN_OPTION;
import static io.stackbench.stack.config.BootArgumentException.Rule.WRONG_ADDRESS_FAMILY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stackbench.stack.config.BootArgumentException.Rule;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BootArgumentsTest {

    /** A command line that parses, and the configuration it must produce. */
    record Accepted(String name, List<String> arguments, StackConfig expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** A command line that must be rejected, with what the exception must report. */
    record Rejected(String name, String commandLine, Rule rule, String argument, String value, List<String> messageParts) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Accepted> acceptedForms() {
        StackConfig defaults = StackConfig.defaults();
        return Stream.of(
                new Accepted("no arguments", List.of(), defaults),
                new Accepted("ipv4 with equals", List.of("--ipv4=10.1.2.3/16"),
                        config(ipv4("10.1.2.3", 16), null, null, null, true, false, false, false)),
                new Accepted("ipv4 as two words", List.of("--ipv4", "10.1.2.3/16"),
                        config(ipv4("10.1.2.3", 16), null, null, null, true, false, false, false)),
                new Accepted("ipv4 /31 point-to-point", List.of("--ipv4=192.0.2.0/31"),
                        config(ipv4("192.0.2.0", 31), null, null, null, true, false, false, false)),
                new Accepted("ipv4 /32 host route", List.of("--ipv4=192.0.2.7/32"),
                        config(ipv4("192.0.2.7", 32), null, null, null, true, false, false, false)),
                new Accepted("ipv4 /0", List.of("--ipv4=192.0.2.7/0"),
                        config(ipv4("192.0.2.7", 0), null, null, null, true, false, false, false)),
                new Accepted("ipv4 gateway in default subnet", List.of("--ipv4-gateway=10.0.0.1"),
                        config(StackConfig.DEFAULT_IPV4, "10.0.0.1", null, null, true, false, false, false)),
                new Accepted("ipv4 gateway as two words", List.of("--ipv4=192.168.1.10/24", "--ipv4-gateway", "192.168.1.1"),
                        config(ipv4("192.168.1.10", 24), "192.168.1.1", null, null, true, false, false, false)),
                new Accepted("ipv4 gateway before ipv4", List.of("--ipv4-gateway=172.16.9.1", "--ipv4=172.16.0.5/12"),
                        config(ipv4("172.16.0.5", 12), "172.16.9.1", null, null, true, false, false, false)),
                new Accepted("ipv6 static address", List.of("--ipv6=2001:db8::2/64"),
                        config(StackConfig.DEFAULT_IPV4, null, ipv6("2001:db8::2", 64), null, true, false, false, false)),
                new Accepted("ipv6 upper case", List.of("--ipv6=2001:DB8::A/64"),
                        config(StackConfig.DEFAULT_IPV4, null, ipv6("2001:db8::a", 64), null, true, false, false, false)),
                new Accepted("ipv6 full form /128", List.of("--ipv6", "2001:0db8:0:0:0:0:0:0002/128"),
                        config(StackConfig.DEFAULT_IPV4, null, ipv6("2001:db8::2", 128), null, true, false, false, false)),
                new Accepted("ipv6 link-local static", List.of("--ipv6=fe80::2/64"),
                        config(StackConfig.DEFAULT_IPV4, null, ipv6("fe80::2", 64), null, true, false, false, false)),
                new Accepted("ipv6 link-local gateway alone", List.of("--ipv6-gateway=fe80::1"),
                        config(StackConfig.DEFAULT_IPV4, null, null, "fe80::1", true, false, false, false)),
                new Accepted("ipv6 gateway in static prefix", List.of("--ipv6=2001:db8::2/64", "--ipv6-gateway=2001:db8::1"),
                        config(StackConfig.DEFAULT_IPV4, null, ipv6("2001:db8::2", 64), "2001:db8::1", true, false, false, false)),
                new Accepted("ipv6 link-local gateway with global prefix", List.of("--ipv6=2001:db8::2/64", "--ipv6-gateway", "fe80::1"),
                        config(StackConfig.DEFAULT_IPV4, null, ipv6("2001:db8::2", 64), "fe80::1", true, false, false, false)),
                new Accepted("router advertisements off", List.of("--accept-router-advertisements=false"),
                        config(StackConfig.DEFAULT_IPV4, null, null, null, false, false, false, false)),
                new Accepted("router advertisement singular", List.of("--accept-router-advertisement=false"),
                        config(StackConfig.DEFAULT_IPV4, null, null, null, false, false, false, false)),
                new Accepted("router advertisement as two words", List.of("--accept-router-advertisement", "true"), defaults),
                new Accepted("ipv4 only", List.of("--ipv4-only=true"),
                        config(StackConfig.DEFAULT_IPV4, null, null, null, true, true, false, false)),
                new Accepted("ipv6 only", List.of("--ipv6-only", "true"),
                        config(StackConfig.DEFAULT_IPV4, null, null, null, true, false, true, false)),
                new Accepted("both only flags false", List.of("--ipv4-only=false", "--ipv6-only=false"), defaults),
                new Accepted("one only flag true", List.of("--ipv4-only=false", "--ipv6-only=true"),
                        config(StackConfig.DEFAULT_IPV4, null, null, null, true, false, true, false)),
                new Accepted("arp conflict detection", List.of("--arp-conflict-detection=true"),
                        config(StackConfig.DEFAULT_IPV4, null, null, null, true, false, false, true)),
                new Accepted("every option", List.of("--arp-conflict-detection", "true", "--ipv6-gateway=fe80::1",
                        "--ipv4-only=true", "--ipv6=2001:db8:1::5/48", "--accept-router-advertisement=false",
                        "--ipv4-gateway", "198.51.100.1", "--ipv6-only=false", "--ipv4=198.51.100.20/24"),
                        config(ipv4("198.51.100.20", 24), "198.51.100.1", ipv6("2001:db8:1::5", 48), "fe80::1",
                                false, true, false, true)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("acceptedForms")
    void parseAccepts(Accepted accepted) {
        StackConfig parsed = BootArguments.parse(accepted.arguments());

        assertThat(parsed).isEqualTo(accepted.expected());
        assertThat(BootArguments.parse(String.join(" ", accepted.arguments()))).isEqualTo(accepted.expected());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("acceptedForms")
    void toBootArgumentsRoundTrips(Accepted accepted) {
        List<String> written = accepted.expected().toBootArguments();

        assertThat(BootArguments.parse(written)).isEqualTo(accepted.expected());
        assertThat(written).allSatisfy(argument -> assertThat(argument).startsWith("--").contains("="));
    }

    static Stream<Rejected> rejectedForms() {
        return Stream.of(
                // Option names and words.
                new Rejected("typo in option name", "--ipv4-gatway=10.0.0.1", UNKNOWN_OPTION, "--ipv4-gatway", "10.0.0.1",
                        List.of("unknown option --ipv4-gatway=10.0.0.1:", "did you mean --ipv4-gateway?")),
                new Rejected("swapped letters in option name", "--ipv6-gatewya fe80::1", UNKNOWN_OPTION, "--ipv6-gatewya", null,
                        List.of("did you mean --ipv6-gateway?")),
                new Rejected("option name in upper case", "--IPV6=2001:db8::2/64", UNKNOWN_OPTION, "--IPV6", "2001:db8::2/64",
                        List.of("did you mean --ipv6?")),
                new Rejected("single dash", "-ipv4=10.0.0.2/24", UNKNOWN_OPTION, "-ipv4", "10.0.0.2/24",
                        List.of("did you mean --ipv4?")),
                new Rejected("misspelt router advertisement", "--accept-router-advertisment=false", UNKNOWN_OPTION,
                        "--accept-router-advertisment", "false", List.of("did you mean --accept-router-advertisement?")),
                new Rejected("unrelated option name", "--verbose=true", UNKNOWN_OPTION, "--verbose", "true",
                        List.of("unknown option --verbose=true:", "valid options are --ipv4, --ipv4-gateway, --ipv6, --ipv6-gateway,"
                                + " --accept-router-advertisements, --ipv4-only, --ipv6-only, --arp-conflict-detection")),
                new Rejected("bare address", "10.0.0.2/24", NOT_AN_OPTION, "10.0.0.2/24", null,
                        List.of("argument '10.0.0.2/24' is not an option", "write each option as --name=value")),
                new Rejected("extra word after value", "--ipv4-only=true true", NOT_AN_OPTION, "true", null,
                        List.of("argument 'true' is not an option")),

                // Values present and single.
                new Rejected("bool without value at end", "--ipv4-only", MISSING_VALUE, "--ipv4-only", null,
                        List.of("--ipv4-only needs a value", "write --ipv4-only=true or --ipv4-only=false")),
                new Rejected("bool followed by option", "--ipv4-only --ipv6-only=false", MISSING_VALUE, "--ipv4-only", null,
                        List.of("--ipv4-only needs a value", "--ipv4-only=true or --ipv4-only=false")),
                new Rejected("router advertisements without value", "--accept-router-advertisements", MISSING_VALUE,
                        "--accept-router-advertisements", null,
                        List.of("write --accept-router-advertisements=true or --accept-router-advertisements=false")),
                new Rejected("empty value after equals", "--ipv4=", MISSING_VALUE, "--ipv4", null,
                        List.of("--ipv4 needs a value", "write --ipv4=A.B.C.D/LEN, for example --ipv4=10.0.0.2/24")),
                new Rejected("address option at end", "--ipv6", MISSING_VALUE, "--ipv6", null,
                        List.of("write --ipv6=X:X::X/LEN, for example --ipv6=2001:db8::2/64")),
                new Rejected("option given twice", "--ipv4=10.0.0.2/24 --ipv4 10.0.0.3/24", REPEATED_OPTION, "--ipv4", "10.0.0.3/24",
                        List.of("--ipv4 is given more than once ('10.0.0.2/24', then '10.0.0.3/24')", "give it once")),
                new Rejected("both spellings of one option", "--accept-router-advertisements=true --accept-router-advertisement=false",
                        REPEATED_OPTION, "--accept-router-advertisement", "false",
                        List.of("--accept-router-advertisement repeats --accept-router-advertisements", "('true', then 'false')",
                                "give it once")),
                new Rejected("bool yes", "--ipv4-only=yes", INVALID_BOOL, "--ipv4-only", "yes",
                        List.of("invalid --ipv4-only value 'yes'", "a BOOL is true or false", "write --ipv4-only=true or --ipv4-only=false")),
                new Rejected("bool in upper case", "--ipv6-only=TRUE", INVALID_BOOL, "--ipv6-only", "TRUE",
                        List.of("'TRUE'", "write --ipv6-only=true or --ipv6-only=false")),
                new Rejected("bool as digit", "--arp-conflict-detection 1", INVALID_BOOL, "--arp-conflict-detection", "1",
                        List.of("'1'", "--arp-conflict-detection=true or --arp-conflict-detection=false")),

                // Address literals.
                new Rejected("octet above 255", "--ipv4=10.0.0.300/24", MALFORMED_ADDRESS, "--ipv4", "10.0.0.300/24",
                        List.of("invalid --ipv4 value '10.0.0.300/24'", "octet '300' is greater than 255",
                                "write A.B.C.D/LEN, for example 10.0.0.2/24")),
                new Rejected("three octets", "--ipv4=10.0.2/24", MALFORMED_ADDRESS, "--ipv4", "10.0.2/24",
                        List.of("'10.0.2' is not an IPv4 address", "expected four decimal octets")),
                new Rejected("octal looking octet", "--ipv4=010.0.0.2/24", MALFORMED_ADDRESS, "--ipv4", "010.0.0.2/24",
                        List.of("'010' has a leading zero", "write 10")),
                new Rejected("host name as gateway", "--ipv4-gateway=router.example", MALFORMED_ADDRESS, "--ipv4-gateway",
                        "router.example", List.of("'router.example' is not an IPv4 address", "write A.B.C.D, for example 10.0.0.1")),
                new Rejected("triple colon", "--ipv6=2001:db8:::2/64", MALFORMED_ADDRESS, "--ipv6", "2001:db8:::2/64",
                        List.of("'2001:db8:::2' is not an IPv6 address", "write X:X::X/LEN, for example 2001:db8::2/64")),
                new Rejected("zone index on gateway", "--ipv6-gateway=fe80::1%eth0", MALFORMED_ADDRESS, "--ipv6-gateway",
                        "fe80::1%eth0", List.of("zone index ('%eth0') is not allowed", "write X:X::X, for example fe80::1")),
                new Rejected("ipv6 given to ipv4", "--ipv4=2001:db8::2/64", WRONG_ADDRESS_FAMILY, "--ipv4", "2001:db8::2/64",
                        List.of("2001:db8::2 is an IPv6 address, but --ipv4 takes an IPv4 address", "give it to --ipv6 instead")),
                new Rejected("ipv4 given to ipv6", "--ipv6=10.0.0.2/24", WRONG_ADDRESS_FAMILY, "--ipv6", "10.0.0.2/24",
                        List.of("10.0.0.2 is an IPv4 address, but --ipv6 takes an IPv6 address", "give it to --ipv4 instead")),
                new Rejected("ipv6 given to ipv4 gateway", "--ipv4-gateway=fe80::1", WRONG_ADDRESS_FAMILY, "--ipv4-gateway", "fe80::1",
                        List.of("fe80::1 is an IPv6 address", "give it to --ipv6-gateway instead")),
                new Rejected("ipv4 given to ipv6 gateway", "--ipv6-gateway=10.0.0.1", WRONG_ADDRESS_FAMILY, "--ipv6-gateway", "10.0.0.1",
                        List.of("10.0.0.1 is an IPv4 address", "give it to --ipv4-gateway instead")),
                new Rejected("ipv4-mapped given to ipv6", "--ipv6=::ffff:10.0.0.2/96", WRONG_ADDRESS_FAMILY, "--ipv6",
                        "::ffff:10.0.0.2/96", List.of("IPv4-mapped IPv6 address", "give 10.0.0.2 to --ipv4 instead")),
                new Rejected("ipv4-mapped given to ipv6 gateway", "--ipv6-gateway=::ffff:10.0.0.1", WRONG_ADDRESS_FAMILY,
                        "--ipv6-gateway", "::ffff:10.0.0.1", List.of("give 10.0.0.1 to --ipv4-gateway instead")),

                // Prefix lengths.
                new Rejected("ipv4 without length", "--ipv4=10.0.0.2", MISSING_PREFIX_LENGTH, "--ipv4", "10.0.0.2",
                        List.of("the prefix length is missing", "write 10.0.0.2/LEN, for example 10.0.0.2/24")),
                new Rejected("ipv6 without length", "--ipv6 2001:db8::2", MISSING_PREFIX_LENGTH, "--ipv6", "2001:db8::2",
                        List.of("the prefix length is missing", "for example 2001:db8::2/64")),
                new Rejected("empty length", "--ipv4=10.0.0.2/", INVALID_PREFIX_LENGTH, "--ipv4", "10.0.0.2/",
                        List.of("prefix length '' is not a decimal number", "LEN in 0..32")),
                new Rejected("word as length", "--ipv6=2001:db8::2/sixty-four", INVALID_PREFIX_LENGTH, "--ipv6",
                        "2001:db8::2/sixty-four", List.of("'sixty-four' is not a decimal number", "LEN in 0..128")),
                new Rejected("negative length", "--ipv4=10.0.0.2/-1", INVALID_PREFIX_LENGTH, "--ipv4", "10.0.0.2/-1",
                        List.of("'-1' is not a decimal number")),
                new Rejected("two lengths", "--ipv4=10.0.0.2/24/8", INVALID_PREFIX_LENGTH, "--ipv4", "10.0.0.2/24/8",
                        List.of("'24/8' is not a decimal number")),
                new Rejected("length with leading zero", "--ipv4=10.0.0.2/024", INVALID_PREFIX_LENGTH, "--ipv4", "10.0.0.2/024",
                        List.of("'024' has a leading zero", "write /24")),
                new Rejected("ipv4 length 33", "--ipv4=10.0.0.2/33", PREFIX_LENGTH_OUT_OF_RANGE, "--ipv4", "10.0.0.2/33",
                        List.of("prefix length 33 is out of range", "an IPv4 prefix length is 0..32")),
                new Rejected("ipv6 length 129", "--ipv6=2001:db8::2/129", PREFIX_LENGTH_OUT_OF_RANGE, "--ipv6", "2001:db8::2/129",
                        List.of("prefix length 129 is out of range", "an IPv6 prefix length is 0..128")),
                new Rejected("very long length", "--ipv4=10.0.0.2/99999999999", PREFIX_LENGTH_OUT_OF_RANGE, "--ipv4",
                        "10.0.0.2/99999999999", List.of("prefix length 99999999999 is out of range")),
                new Rejected("length on ipv4 gateway", "--ipv4-gateway=10.0.0.1/24", UNEXPECTED_PREFIX_LENGTH, "--ipv4-gateway",
                        "10.0.0.1/24", List.of("a gateway is a single address and takes no /LEN", "write --ipv4-gateway=10.0.0.1")),
                new Rejected("length on ipv6 gateway", "--ipv6-gateway=fe80::1/64", UNEXPECTED_PREFIX_LENGTH, "--ipv6-gateway",
                        "fe80::1/64", List.of("write --ipv6-gateway=fe80::1")),

                // Addresses an interface or a gateway cannot have.
                new Rejected("multicast ipv4", "--ipv4=224.0.0.5/24", ADDRESS_NOT_UNICAST, "--ipv4", "224.0.0.5/24",
                        List.of("224.0.0.5 is a multicast address (224.0.0.0/4)", "an interface needs a unicast address",
                                "give one such as 10.0.0.2/24")),
                new Rejected("loopback ipv4", "--ipv4=127.0.0.1/8", ADDRESS_NOT_UNICAST, "--ipv4", "127.0.0.1/8",
                        List.of("127.0.0.1 is a loopback address")),
                new Rejected("this-network ipv4", "--ipv4=0.0.0.0/0", ADDRESS_NOT_UNICAST, "--ipv4", "0.0.0.0/0",
                        List.of("0.0.0.0 is in 0.0.0.0/8")),
                new Rejected("limited broadcast ipv4", "--ipv4=255.255.255.255/32", ADDRESS_NOT_UNICAST, "--ipv4",
                        "255.255.255.255/32", List.of("the limited broadcast address")),
                new Rejected("multicast ipv4 gateway", "--ipv4-gateway=224.0.0.1", ADDRESS_NOT_UNICAST, "--ipv4-gateway", "224.0.0.1",
                        List.of("a gateway needs a unicast address")),
                new Rejected("unspecified ipv6", "--ipv6=::/64", ADDRESS_NOT_UNICAST, "--ipv6", "::/64",
                        List.of(":: is the unspecified address")),
                new Rejected("loopback ipv6", "--ipv6=::1/128", ADDRESS_NOT_UNICAST, "--ipv6", "::1/128",
                        List.of("::1 is the loopback address")),
                new Rejected("multicast ipv6", "--ipv6=ff02::1/64", ADDRESS_NOT_UNICAST, "--ipv6", "ff02::1/64",
                        List.of("ff02::1 is a multicast address (ff00::/8)", "give one such as 2001:db8::2/64")),
                new Rejected("multicast ipv6 gateway", "--ipv6-gateway=ff02::2", ADDRESS_NOT_UNICAST, "--ipv6-gateway", "ff02::2",
                        List.of("a gateway needs a unicast address", "give one such as fe80::1")),
                new Rejected("network address", "--ipv4=10.0.0.0/24", NETWORK_OR_BROADCAST_ADDRESS, "--ipv4", "10.0.0.0/24",
                        List.of("10.0.0.0 is the network address of 10.0.0.0/24",
                                "choose a host address from 10.0.0.1 to 10.0.0.254 with /24")),
                new Rejected("broadcast address", "--ipv4=192.168.255.255/16", NETWORK_OR_BROADCAST_ADDRESS, "--ipv4",
                        "192.168.255.255/16", List.of("is the broadcast address of 192.168.0.0/16",
                                "from 192.168.0.1 to 192.168.255.254 with /16")),
                new Rejected("gateway on broadcast address", "--ipv4-gateway=10.0.0.255", NETWORK_OR_BROADCAST_ADDRESS,
                        "--ipv4-gateway", "10.0.0.255", List.of("network or broadcast address of 10.0.0.0/24",
                                "give the router's host address")),

                // Relations between options.
                new Rejected("ipv4 gateway outside default subnet", "--ipv4-gateway=192.168.1.1", GATEWAY_OUTSIDE_SUBNET,
                        "--ipv4-gateway", "192.168.1.1", List.of("outside the default --ipv4 subnet 10.0.0.0/24",
                                "choose a gateway inside 10.0.0.0/24 or change --ipv4")),
                new Rejected("ipv4 gateway outside given subnet", "--ipv4=192.168.1.10/24 --ipv4-gateway=192.168.2.1",
                        GATEWAY_OUTSIDE_SUBNET, "--ipv4-gateway", "192.168.2.1",
                        List.of("outside the --ipv4 subnet 192.168.1.0/24", "choose a gateway inside 192.168.1.0/24")),
                new Rejected("ipv6 gateway outside prefix", "--ipv6=2001:db8::2/64 --ipv6-gateway=2001:db8:1::1",
                        GATEWAY_OUTSIDE_SUBNET, "--ipv6-gateway", "2001:db8:1::1",
                        List.of("neither link-local (fe80::/10) nor inside the --ipv6 prefix 2001:db8::/64",
                                "give the router's link-local address or an address in 2001:db8::/64")),
                new Rejected("global ipv6 gateway without ipv6", "--ipv6-gateway=2001:db8::1", GATEWAY_OUTSIDE_SUBNET,
                        "--ipv6-gateway", "2001:db8::1", List.of("it is a global address and no --ipv6 is given",
                                "give the router's link-local address (fe80::/10) or add --ipv6=ADDRESS/LEN")),
                new Rejected("ipv4 gateway is own address", "--ipv4-gateway=10.0.0.2", GATEWAY_IS_OWN_ADDRESS, "--ipv4-gateway",
                        "10.0.0.2", List.of("it is the stack's own --ipv4 address", "give the router's address")),
                new Rejected("ipv6 gateway is own address", "--ipv6=2001:db8::2/64 --ipv6-gateway=2001:db8::2",
                        GATEWAY_IS_OWN_ADDRESS, "--ipv6-gateway", "2001:db8::2", List.of("it is the stack's own --ipv6 address")),
                new Rejected("both only flags", "--ipv4-only=true --ipv6-only=true", CONFLICTING_ONLY_FLAGS, "--ipv6-only", "true",
                        List.of("cannot run IPv4-only and IPv6-only at once", "set at most one of them to true")),
                new Rejected("both only flags reversed", "--ipv6-only true --ipv4-only true", CONFLICTING_ONLY_FLAGS, "--ipv4-only",
                        "true", List.of("cannot run IPv4-only and IPv6-only at once")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejectedForms")
    void parseRejects(Rejected rejected) {
        assertThatThrownBy(() -> BootArguments.parse(rejected.commandLine()))
                .isInstanceOfSatisfying(BootArgumentException.class, e -> {
                    assertThat(e.rule()).isEqualTo(rejected.rule());
                    assertThat(e.argument()).isEqualTo(rejected.argument());
                    assertThat(e.value()).isEqualTo(Optional.ofNullable(rejected.value()));
                    assertThat(e.getMessage()).contains(rejected.argument());
                    e.value().ifPresent(value -> assertThat(e.getMessage()).contains(value));
                    for (String part : rejected.messageParts()) {
                        assertThat(e.getMessage()).contains(part);
                    }
                });
    }

    @Test
    void everyRuleHasRejectedCase() {
        Set<Rule> covered = rejectedForms().map(Rejected::rule).collect(Collectors.toCollection(() -> EnumSet.noneOf(Rule.class)));

        assertThat(covered).containsExactlyInAnyOrder(Rule.values());
    }

    @Test
    void firstBrokenRuleWins() {
        assertThatThrownBy(() -> BootArguments.parse("--ipv4=10.0.0.300/24 --ipv4-gatway=10.0.0.1"))
                .isInstanceOfSatisfying(BootArgumentException.class,
                        e -> assertThat(e.rule()).isEqualTo(MALFORMED_ADDRESS));
        assertThatThrownBy(() -> BootArguments.parse("--ipv4-gateway=192.168.1.1 --ipv4-only"))
                .isInstanceOfSatisfying(BootArgumentException.class,
                        e -> assertThat(e.rule()).isEqualTo(MISSING_VALUE));
    }

    @Test
    void commandLineSplitsOnAnyWhitespace() {
        StackConfig parsed = BootArguments.parse("  --ipv4\t192.0.2.5/24 \n --ipv4-only=true  ");

        assertThat(parsed.ipv4()).isEqualTo(ipv4("192.0.2.5", 24));
        assertThat(parsed.ipv4Only()).isTrue();
        assertThat(BootArguments.parse("   ")).isEqualTo(StackConfig.defaults());
    }

    @Test
    void defaultsMatchBootWithoutArguments() {
        StackConfig defaults = StackConfig.defaults();

        assertThat(defaults.ipv4().toString()).isEqualTo("10.0.0.2/24");
        assertThat(defaults.ipv4Gateway()).isEmpty();
        assertThat(defaults.ipv6()).isEmpty();
        assertThat(defaults.ipv6Gateway()).isEmpty();
        assertThat(defaults.acceptRouterAdvertisements()).isTrue();
        assertThat(defaults.ipv4Only()).isFalse();
        assertThat(defaults.ipv6Only()).isFalse();
        assertThat(defaults.arpConflictDetection()).isFalse();
        assertThat(defaults.toBootArguments()).containsExactly("--ipv4=10.0.0.2/24");
    }

    @Test
    void toBootArgumentsWritesCanonicalForms() {
        StackConfig config = BootArguments.parse(List.of("--ipv6=2001:0DB8:0:0::0002/64", "--ipv6-gateway=FE80:0:0:0:0:0:0:1",
                "--accept-router-advertisement=false", "--ipv6-only=true", "--arp-conflict-detection=true"));

        assertThat(config.toBootArguments()).containsExactly(
                "--ipv4=10.0.0.2/24",
                "--ipv6=2001:db8::2/64",
                "--ipv6-gateway=fe80::1",
                "--accept-router-advertisements=false",
                "--ipv6-only=true",
                "--arp-conflict-detection=true");
        assertThat(config.toString()).isEqualTo(String.join(" ", config.toBootArguments()));
    }

    @Test
    void constructorAppliesParserRules() {
        Ipv4Interface ipv4 = ipv4("10.0.0.2", 24);
        Inet4Address outside = AddressLiterals.parseIpv4("192.168.1.1");

        assertThatThrownBy(() -> new StackConfig(ipv4, Optional.of(outside), Optional.empty(), Optional.empty(),
                true, false, false, false))
                .isInstanceOfSatisfying(BootArgumentException.class, e -> {
                    assertThat(e.rule()).isEqualTo(GATEWAY_OUTSIDE_SUBNET);
                    assertThat(e.argument()).isEqualTo("--ipv4-gateway");
                });
        assertThatThrownBy(() -> new StackConfig(ipv4, Optional.empty(), Optional.empty(), Optional.empty(),
                true, true, true, false))
                .isInstanceOfSatisfying(BootArgumentException.class,
                        e -> assertThat(e.rule()).isEqualTo(CONFLICTING_ONLY_FLAGS));
        assertThatThrownBy(() -> new Ipv4Interface(AddressLiterals.parseIpv4("10.0.0.2"), 40))
                .isInstanceOfSatisfying(BootArgumentException.class, e -> {
                    assertThat(e.rule()).isEqualTo(PREFIX_LENGTH_OUT_OF_RANGE);
                    assertThat(e.value()).contains("10.0.0.2/40");
                });
        assertThatThrownBy(() -> new Ipv6Interface(AddressLiterals.parseIpv6("ff02::1"), 64))
                .isInstanceOfSatisfying(BootArgumentException.class,
                        e -> assertThat(e.rule()).isEqualTo(ADDRESS_NOT_UNICAST));
    }

    @Test
    void interfaceSubnetArithmetic() {
        Ipv4Interface ipv4 = ipv4("172.16.5.9", 12);
        Ipv6Interface ipv6 = ipv6("2001:db8:aa:bb::9", 56);

        assertThat(ipv4.subnet()).isEqualTo("172.16.0.0/12");
        assertThat(AddressLiterals.format(ipv4.broadcastAddress())).isEqualTo("172.31.255.255");
        assertThat(ipv4.contains(AddressLiterals.parseIpv4("172.31.0.1"))).isTrue();
        assertThat(ipv4.contains(AddressLiterals.parseIpv4("172.32.0.1"))).isFalse();
        assertThat(ipv6.prefix()).isEqualTo("2001:db8:aa::/56");
        assertThat(ipv6.contains(AddressLiterals.parseIpv6("2001:db8:aa:ff::1"))).isTrue();
        assertThat(ipv6.contains(AddressLiterals.parseIpv6("2001:db8:aa:100::1"))).isFalse();
    }

    static Stream<Arguments> editDistances() {
        return Stream.of(
                Arguments.of("equal", "--ipv4", "--ipv4", 0),
                Arguments.of("one deletion", "--ipv4-gatway", "--ipv4-gateway", 1),
                Arguments.of("one swap", "--ipv4-gatewya", "--ipv4-gateway", 1),
                Arguments.of("one substitution", "--ipv6", "--ipv4", 1),
                Arguments.of("empty", "", "--ipv4", 6));
    }

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @MethodSource("editDistances")
    void editDistanceCountsEdits(String name, String from, String to, int expected) {
        assertThat(BootOption.editDistance(from, to)).isEqualTo(expected);
        assertThat(BootOption.editDistance(to, from)).isEqualTo(expected);
    }

    private static StackConfig config(Ipv4Interface ipv4, String ipv4Gateway, Ipv6Interface ipv6, String ipv6Gateway,
            boolean acceptRouterAdvertisements, boolean ipv4Only, boolean ipv6Only, boolean arpConflictDetection) {
        Optional<Inet4Address> gateway4 = Optional.ofNullable(ipv4Gateway).map(AddressLiterals::parseIpv4);
        Optional<Inet6Address> gateway6 = Optional.ofNullable(ipv6Gateway).map(AddressLiterals::parseIpv6);
        return new StackConfig(ipv4, gateway4, Optional.ofNullable(ipv6), gateway6, acceptRouterAdvertisements,
                ipv4Only, ipv6Only, arpConflictDetection);
    }

    private static Ipv4Interface ipv4(String address, int prefixLength) {
        return new Ipv4Interface(AddressLiterals.parseIpv4(address), prefixLength);
    }

    private static Ipv6Interface ipv6(String address, int prefixLength) {
        return new Ipv6Interface(AddressLiterals.parseIpv6(address), prefixLength);
    }
}
