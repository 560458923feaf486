package io.stackbench.stack.ndp;

/** The states of an IPv6 unicast address (RFC 4862 §2), plus DUPLICATE for one that failed DAD. */
public enum AddressState {
    TENTATIVE,
    PREFERRED,
    DEPRECATED,
    DUPLICATE;

    /** Returns true when the address may be a source and accepts unicast (RFC 4862 §5.4). */
    public boolean isUsable() {
        return this == PREFERRED || this == DEPRECATED;
    }
}
