package io.stackbench.scenario.filter;

import io.stackbench.sim.net.MacAddress;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** One occurrence of a field in a decoded frame: a number (booleans are 0 or 1) or address octets. */
sealed interface FieldValue {

    /** Formats the value the way the field's type is written in filters. */
    String format(FieldType type);

    /** An unsigned integer or a boolean stored as 0 or 1. */
    record Number(long value) implements FieldValue {
        @Override
        public String format(FieldType type) {
            return Long.toString(value);
        }
    }

    /** A MAC (6 octets), IPv4 (4 octets) or IPv6 (16 octets) address in network byte order. */
    record Address(byte[] octets) implements FieldValue {
        @Override
        public String format(FieldType type) {
            if (type == FieldType.ETHER) {
                return MacAddress.read(octets, 0).toString();
            }
            try {
                // getByAddress only wraps the octets and performs no name lookup.
                return InetAddress.getByAddress(octets).getHostAddress();
            } catch (UnknownHostException e) {
                throw new IllegalStateException("address of " + octets.length + " octets in an address field", e);
            }
        }
    }
}
