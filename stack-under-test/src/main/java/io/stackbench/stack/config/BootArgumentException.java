package io.stackbench.stack.config;

import java.util.Objects;
import java.util.Optional;

/**
 * A boot argument that the stack rejects, raised before the stack sends anything. The message
 * names the argument, the value and the rule, and gives the fix.
 */
public final class BootArgumentException extends IllegalArgumentException {

    /** The rule that a boot argument breaks. */
    public enum Rule {
        /** An option name that the stack does not know. */
        UNKNOWN_OPTION,
        /** A word that does not start with {@code -}, so it is neither an option nor its value. */
        NOT_AN_OPTION,
        /** An option with no value, or with an empty one. */
        MISSING_VALUE,
        /** An option given twice, counting both spellings of one option. */
        REPEATED_OPTION,
        /** A BOOL value other than {@code true} or {@code false}. */
        INVALID_BOOL,
        /** Text that is not an address literal of the expected family. */
        MALFORMED_ADDRESS,
        /** A valid address of the other family, or an IPv4-mapped IPv6 address. */
        WRONG_ADDRESS_FAMILY,
        /** An interface address without {@code /LEN}. */
        MISSING_PREFIX_LENGTH,
        /** A {@code /LEN} that is not a plain decimal number. */
        INVALID_PREFIX_LENGTH,
        /** A {@code /LEN} outside 0..32 for IPv4 or 0..128 for IPv6. */
        PREFIX_LENGTH_OUT_OF_RANGE,
        /** A {@code /LEN} on a gateway, which is a single address. */
        UNEXPECTED_PREFIX_LENGTH,
        /** An unspecified, loopback, multicast or broadcast address where a unicast one is needed. */
        ADDRESS_NOT_UNICAST,
        /** An IPv4 address equal to the network or broadcast address of its subnet. */
        NETWORK_OR_BROADCAST_ADDRESS,
        /** A gateway that is not on-link for the configured address. */
        GATEWAY_OUTSIDE_SUBNET,
        /** A gateway equal to the stack's own address. */
        GATEWAY_IS_OWN_ADDRESS,
        /** {@code --ipv4-only=true} together with {@code --ipv6-only=true}. */
        CONFLICTING_ONLY_FLAGS
    }

    private final Rule rule;
    private final String argument;
    private final String value;

    BootArgumentException(Rule rule, String argument, String value, String message) {
        super(message);
        this.rule = Objects.requireNonNull(rule, "rule");
        this.argument = Objects.requireNonNull(argument, "argument");
        this.value = value;
    }

    /** Returns the rule that the argument breaks. */
    public Rule rule() {
        return rule;
    }

    /** Returns the option as written, such as {@code --ipv4-gateway}, or the stray word for {@link Rule#NOT_AN_OPTION}. */
    public String argument() {
        return argument;
    }

    /** Returns the value as written, or empty when the option had none. */
    public Optional<String> value() {
        return Optional.ofNullable(value);
    }
}
