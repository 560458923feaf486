package io.stackbench.stack.config;

import static io.stackbench.stack.config.BootArgumentException.Rule.INVALID_BOOL;
import static io.stackbench.stack.config.BootArgumentException.Rule.INVALID_PREFIX_LENGTH;
import static io.stackbench.stack.config.BootArgumentException.Rule.MALFORMED_ADDRESS;
import static io.stackbench.stack.config.BootArgumentException.Rule.MISSING_PREFIX_LENGTH;
import static io.stackbench.stack.config.BootArgumentException.Rule.MISSING_VALUE;
import static io.stackbench.stack.config.BootArgumentException.Rule.NOT_AN_OPTION;
import static io.stackbench.stack.config.BootArgumentException.Rule.PREFIX_LENGTH_OUT_OF_RANGE;
import static io.stackbench.stack.config.BootArgumentException.Rule.REPEATED_OPTION;
import static io.stackbench.stack.config.BootArgumentException.Rule.UNEXPECTED_PREFIX_LENGTH;
import static io.stackbench.stack.config.BootArgumentException.Rule.UNKNOWN_OPTION;
import static io.stackbench.stack.config.BootArgumentException.Rule.WRONG_ADDRESS_FAMILY;
import static io.stackbench.stack.config.ConfigRules.invalid;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Parses the boot arguments of one stack node into a {@link StackConfig}.
 *
 * <p>Each option is written {@code --name=value} or {@code --name value}, at most once, in any
 * order. Arguments are checked from left to right and the first broken rule is raised as a
 * {@link BootArgumentException}. The checks that relate two options (a gateway inside the
 * subnet, the two {@code -only} flags) run after every argument has been read.
 */
public final class BootArguments {

    private BootArguments() {
    }

    /**
     * Parses a command line split on whitespace. Quoting is not supported, because no value
     * contains a space.
     *
     * @throws BootArgumentException naming the first argument that breaks a rule
     */
    public static StackConfig parse(String commandLine) {
        String trimmed = commandLine.strip();
        return parse(trimmed.isEmpty() ? List.of() : List.of(trimmed.split("\\s+")));
    }

    /**
     * Parses boot arguments, one word per element.
     *
     * @throws BootArgumentException naming the first argument that breaks a rule
     */
    public static StackConfig parse(List<String> arguments) {
        Map<BootOption, GivenValue> givenOptions = new EnumMap<>(BootOption.class);

        for (int i = 0; i < arguments.size(); i++) {
            String word = arguments.get(i);
            if (!word.startsWith("-")) {
                throw new BootArgumentException(NOT_AN_OPTION, word, null,
                        "argument '" + word + "' is not an option; write each option as --name=value, for example --ipv4="
                                + BootOption.IPV4.exampleValue());
            }

            int equals = word.indexOf('=');
            String name = equals < 0 ? word : word.substring(0, equals);
            String inlineValue = equals < 0 ? null : word.substring(equals + 1);
            BootOption option = BootOption.bySpelling(name)
                    .orElseThrow(() -> unknownOption(name, inlineValue));

            String value = inlineValue;
            if (value == null && i + 1 < arguments.size() && !arguments.get(i + 1).startsWith("-")) {
                i++;
                value = arguments.get(i);
            }
            if (value == null || value.isEmpty()) {
                throw missingValue(option, name);
            }

            GivenValue earlier = givenOptions.get(option);
            if (earlier != null) {
                String repeats = earlier.name().equals(name) ? name + " is given more than once"
                        : name + " repeats " + earlier.name() + ", which is the same option";
                throw new BootArgumentException(REPEATED_OPTION, name, value,
                        repeats + " ('" + earlier.text() + "', then '" + value + "'); give it once");
            }
            givenOptions.put(option, new GivenValue(name, value, i, parseValue(option, name, value)));
        }

        return build(givenOptions);
    }

    /** One option as the user wrote it, with its parsed value and the position of its last word. */
    private record GivenValue(String name, String text, int position, Object parsed) {
    }

    private static Object parseValue(BootOption option, String name, String value) {
        return switch (option) {
            case IPV4 -> parseIpv4Interface(name, value);
            case IPV4_GATEWAY -> parseIpv4Gateway(name, value);
            case IPV6 -> parseIpv6Interface(name, value);
            case IPV6_GATEWAY -> parseIpv6Gateway(name, value);
            case ACCEPT_ROUTER_ADVERTISEMENTS, IPV4_ONLY, IPV6_ONLY, ARP_CONFLICT_DETECTION -> parseBool(name, value);
        };
    }

    private static StackConfig build(Map<BootOption, GivenValue> givenOptions) {
        GivenValue ipv4Given = givenOptions.get(BootOption.IPV4);
        Ipv4Interface ipv4 = ipv4Given == null ? StackConfig.DEFAULT_IPV4 : (Ipv4Interface) ipv4Given.parsed();
        Optional<Ipv6Interface> ipv6 = parsed(givenOptions, BootOption.IPV6, Ipv6Interface.class);
        Optional<Inet4Address> ipv4Gateway = parsed(givenOptions, BootOption.IPV4_GATEWAY, Inet4Address.class);
        Optional<Inet6Address> ipv6Gateway = parsed(givenOptions, BootOption.IPV6_GATEWAY, Inet6Address.class);
        boolean acceptRouterAdvertisements = parsed(givenOptions, BootOption.ACCEPT_ROUTER_ADVERTISEMENTS, Boolean.class).orElse(true);
        boolean ipv4Only = parsed(givenOptions, BootOption.IPV4_ONLY, Boolean.class).orElse(false);
        boolean ipv6Only = parsed(givenOptions, BootOption.IPV6_ONLY, Boolean.class).orElse(false);
        boolean arpConflictDetection = parsed(givenOptions, BootOption.ARP_CONFLICT_DETECTION, Boolean.class).orElse(false);

        // The same checks run again in the StackConfig constructor, but here they can name the
        // option and value as written, and report whether --ipv4 was left at its default.
        if (ipv4Gateway.isPresent()) {
            GivenValue gateway = givenOptions.get(BootOption.IPV4_GATEWAY);
            ConfigRules.checkIpv4Gateway(ipv4Gateway.get(), ipv4, ipv4Given != null, gateway.name(), gateway.text());
        }
        if (ipv6Gateway.isPresent()) {
            GivenValue gateway = givenOptions.get(BootOption.IPV6_GATEWAY);
            ConfigRules.checkIpv6Gateway(ipv6Gateway.get(), ipv6, gateway.name(), gateway.text());
        }
        if (ipv4Only && ipv6Only) {
            GivenValue ipv4OnlyGiven = givenOptions.get(BootOption.IPV4_ONLY);
            GivenValue ipv6OnlyGiven = givenOptions.get(BootOption.IPV6_ONLY);
            GivenValue later = ipv4OnlyGiven.position() > ipv6OnlyGiven.position() ? ipv4OnlyGiven : ipv6OnlyGiven;
            ConfigRules.checkOnlyFlags(true, true, later.name());
        }

        return new StackConfig(ipv4, ipv4Gateway, ipv6, ipv6Gateway, acceptRouterAdvertisements,
                ipv4Only, ipv6Only, arpConflictDetection);
    }

    private static <T> Optional<T> parsed(Map<BootOption, GivenValue> givenOptions, BootOption option, Class<T> type) {
        return Optional.ofNullable(givenOptions.get(option)).map(value -> type.cast(value.parsed()));
    }

    private static boolean parseBool(String name, String value) {
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new BootArgumentException(INVALID_BOOL, name, value,
                    invalid(name, value) + "a BOOL is true or false; write " + name + "=true or " + name + "=false");
        };
    }

    private static Ipv4Interface parseIpv4Interface(String name, String value) {
        int slash = value.indexOf('/');
        String addressText = slash < 0 ? value : value.substring(0, slash);
        Inet4Address address = parseIpv4Address(name, value, addressText, BootOption.IPV4);
        if (slash < 0) {
            throw new BootArgumentException(MISSING_PREFIX_LENGTH, name, value,
                    invalid(name, value) + "the prefix length is missing; write " + value + "/LEN, for example "
                            + value + "/24");
        }
        int prefixLength = parsePrefixLength(name, value, value.substring(slash + 1), ConfigRules.IPV4_MAX_PREFIX_LENGTH);

        ConfigRules.checkIpv4Interface(address, prefixLength, name, value);
        return new Ipv4Interface(address, prefixLength);
    }

    private static Ipv6Interface parseIpv6Interface(String name, String value) {
        int slash = value.indexOf('/');
        String addressText = slash < 0 ? value : value.substring(0, slash);
        Inet6Address address = parseIpv6Address(name, value, addressText, BootOption.IPV6);
        if (slash < 0) {
            throw new BootArgumentException(MISSING_PREFIX_LENGTH, name, value,
                    invalid(name, value) + "the prefix length is missing; write " + value + "/LEN, for example "
                            + value + "/64");
        }
        int prefixLength = parsePrefixLength(name, value, value.substring(slash + 1), ConfigRules.IPV6_MAX_PREFIX_LENGTH);

        ConfigRules.checkIpv6Interface(address, prefixLength, name, value);
        return new Ipv6Interface(address, prefixLength);
    }

    private static Inet4Address parseIpv4Gateway(String name, String value) {
        rejectPrefixLength(name, value);
        return parseIpv4Address(name, value, value, BootOption.IPV4_GATEWAY);
    }

    private static Inet6Address parseIpv6Gateway(String name, String value) {
        rejectPrefixLength(name, value);
        Inet6Address gateway = parseIpv6Address(name, value, value, BootOption.IPV6_GATEWAY);
        ConfigRules.checkNotIpv4Mapped(gateway, name, value);
        return gateway;
    }

    private static void rejectPrefixLength(String name, String value) {
        int slash = value.indexOf('/');
        if (slash >= 0) {
            throw new BootArgumentException(UNEXPECTED_PREFIX_LENGTH, name, value,
                    invalid(name, value) + "a gateway is a single address and takes no /LEN; write "
                            + name + "=" + value.substring(0, slash));
        }
    }

    /** Parses the address part of an IPv4 option, telling an IPv6 literal apart from a malformed one. */
    private static Inet4Address parseIpv4Address(String name, String value, String addressText, BootOption option) {
        if (addressText.indexOf(':') >= 0 && isIpv6Literal(addressText)) {
            String ipv6Option = option == BootOption.IPV4 ? "--ipv6" : "--ipv6-gateway";
            throw new BootArgumentException(WRONG_ADDRESS_FAMILY, name, value,
                    invalid(name, value) + addressText + " is an IPv6 address, but " + name
                            + " takes an IPv4 address; give it to " + ipv6Option + " instead");
        }
        try {
            return AddressLiterals.parseIpv4(addressText);
        } catch (AddressLiteralException e) {
            throw new BootArgumentException(MALFORMED_ADDRESS, name, value,
                    invalid(name, value) + "'" + addressText + "' is not an IPv4 address because " + e.reason()
                            + "; write " + option.valueForm() + ", for example " + option.exampleValue());
        }
    }

    /** Parses the address part of an IPv6 option, telling an IPv4 literal apart from a malformed one. */
    private static Inet6Address parseIpv6Address(String name, String value, String addressText, BootOption option) {
        if (addressText.indexOf(':') < 0 && isIpv4Literal(addressText)) {
            String ipv4Option = option == BootOption.IPV6 ? "--ipv4" : "--ipv4-gateway";
            throw new BootArgumentException(WRONG_ADDRESS_FAMILY, name, value,
                    invalid(name, value) + addressText + " is an IPv4 address, but " + name
                            + " takes an IPv6 address; give it to " + ipv4Option + " instead");
        }
        try {
            return AddressLiterals.parseIpv6(addressText);
        } catch (AddressLiteralException e) {
            throw new BootArgumentException(MALFORMED_ADDRESS, name, value,
                    invalid(name, value) + "'" + addressText + "' is not an IPv6 address because " + e.reason()
                            + "; write " + option.valueForm() + ", for example " + option.exampleValue());
        }
    }

    /**
     * Parses the text after {@code /}: a decimal number without a leading zero. A long run of
     * digits is out of range, not malformed.
     */
    private static int parsePrefixLength(String name, String value, String text, int max) {
        if (text.isEmpty() || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new BootArgumentException(INVALID_PREFIX_LENGTH, name, value,
                    invalid(name, value) + "prefix length '" + text + "' is not a decimal number; write /LEN with LEN in 0.." + max);
        }
        if (text.length() > 1 && text.charAt(0) == '0') {
            throw new BootArgumentException(INVALID_PREFIX_LENGTH, name, value,
                    invalid(name, value) + "prefix length '" + text + "' has a leading zero; write /"
                            + text.replaceFirst("^0+(?=.)", ""));
        }
        if (text.length() > 3 || Integer.parseInt(text) > max) {
            throw new BootArgumentException(PREFIX_LENGTH_OUT_OF_RANGE, name, value,
                    invalid(name, value) + "prefix length " + text + " is out of range; "
                            + (max == ConfigRules.IPV4_MAX_PREFIX_LENGTH ? "an IPv4" : "an IPv6")
                            + " prefix length is 0.." + max);
        }
        return Integer.parseInt(text);
    }

    private static boolean isIpv4Literal(String text) {
        try {
            AddressLiterals.parseIpv4(text);
            return true;
        } catch (AddressLiteralException e) {
            return false;
        }
    }

    private static boolean isIpv6Literal(String text) {
        try {
            AddressLiterals.parseIpv6(text);
            return true;
        } catch (AddressLiteralException e) {
            return false;
        }
    }

    private static BootArgumentException unknownOption(String name, String value) {
        Optional<String> suggestion = BootOption.closestSpelling(name);
        String advice = suggestion.map(spelling -> "did you mean " + spelling + "?")
                .orElse("valid options are " + BootOption.allCanonicalNames());
        String written = value == null ? name : name + "=" + value;
        return new BootArgumentException(UNKNOWN_OPTION, name, value, "unknown option " + written + ": " + advice);
    }

    private static BootArgumentException missingValue(BootOption option, String name) {
        String fix = option.isBool()
                ? "write " + name + "=true or " + name + "=false"
                : "write " + name + "=" + option.valueForm() + ", for example " + name + "=" + option.exampleValue();
        return new BootArgumentException(MISSING_VALUE, name, null, name + " needs a value; " + fix);
    }
}
