package io.stackbench.scenario.filter;

/** The value type of a filter field, which decides the literals it can be compared with. */
public enum FieldType {
    /** A protocol name such as {@code arp}: it can only be tested for presence. */
    PROTOCOL("protocol"),
    /** A flag compared with 1, 0, True or False; any other integer counts as true, as in tshark. */
    BOOLEAN("boolean"),
    /** An unsigned integer of {@link FilterField#bits()} bits. */
    UNSIGNED("unsigned integer"),
    /** A 48-bit MAC address. */
    ETHER("MAC address"),
    /** An IPv4 address, compared with an address or a CIDR prefix. */
    IPV4("IPv4 address"),
    /** An IPv6 address, compared with an address or a CIDR prefix. */
    IPV6("IPv6 address");

    private final String label;

    FieldType(String label) {
        this.label = label;
    }

    /** Returns the type name used in error messages and in the field list. */
    public String label() {
        return label;
    }
}
