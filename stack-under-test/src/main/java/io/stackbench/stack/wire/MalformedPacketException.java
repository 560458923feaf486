package io.stackbench.stack.wire;

import java.util.Locale;
import java.util.Objects;

/**
 * Raised when bytes received from the network do not form a valid packet of one protocol.
 *
 * <p>The stack catches it once at ingress and increments the drop counter named by
 * {@link #counterName()}, such as {@code ipv4.bad-checksum}. The exception records no stack trace,
 * because malformed input is an expected, counted event and the protocol and reason identify
 * where it was rejected.
 */
public final class MalformedPacketException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Cause of a rejection. Each reason is one drop counter per protocol. */
    public enum Reason {
        /** The buffer ends before the end of a header or of the length that a length field gives. */
        TRUNCATED,
        /** A length field contradicts another length field. */
        BAD_LENGTH,
        /** The version field is not the version of this protocol. */
        BAD_VERSION,
        /** The header length field is below the minimum header size. */
        BAD_HEADER_LENGTH,
        /** The checksum does not verify. */
        BAD_CHECKSUM,
        /** The ARP hardware type is not Ethernet (1). */
        UNSUPPORTED_HARDWARE_TYPE,
        /** The ARP protocol type is not IPv4 (0x0800). */
        UNSUPPORTED_PROTOCOL_TYPE,
        /** The ARP hardware address length is not 6. */
        BAD_HARDWARE_LENGTH,
        /** The ARP protocol address length is not 4. */
        BAD_PROTOCOL_LENGTH,
        /** The operation code is well formed but not one this stack implements. */
        UNSUPPORTED_OPERATION,
        /**
         * An option's length field is below the minimum the format allows, differs from the length
         * that its kind defines, or makes the option run past the end of the header or message
         * that contains it.
         */
        BAD_OPTION_LENGTH,
        /** A UDP datagram over IPv6 carries checksum zero, which RFC 8200 §8.1 forbids. */
        ZERO_CHECKSUM;

        /** Returns the reason in counter spelling, for example {@code bad-checksum}. */
        public String counterSuffix() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private final String protocol;
    private final Reason reason;

    /**
     * Creates the exception.
     *
     * @param protocol lower-case protocol name, the first part of the counter name ({@code arp})
     * @param reason why the packet was rejected
     * @param detail the offending value and the rule it breaks, for logs and test failures
     */
    public MalformedPacketException(String protocol, Reason reason, String detail) {
        super(protocol + " " + reason.counterSuffix() + ": " + detail, null, false, false);
        this.protocol = Objects.requireNonNull(protocol, "protocol");
        this.reason = reason;
    }

    public String protocol() {
        return protocol;
    }

    public Reason reason() {
        return reason;
    }

    /** Returns the drop counter key, {@code <protocol>.<reason>}, for example {@code arp.truncated}. */
    public String counterName() {
        return protocol + "." + reason.counterSuffix();
    }
}
