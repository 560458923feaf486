package io.stackbench.stack.config;

import java.net.Inet6Address;
import java.util.Objects;

/**
 * A static IPv6 address and the length of its on-link prefix, as given by {@code --ipv6}.
 *
 * @throws BootArgumentException from the constructor if the address could not be the {@code --ipv6} value
 */
public record Ipv6Interface(Inet6Address address, int prefixLength) {

    public Ipv6Interface {
        Objects.requireNonNull(address, "address");
        ConfigRules.checkIpv6Interface(address, prefixLength, "--ipv6",
                AddressLiterals.format(address) + "/" + prefixLength);
    }

    /** Returns the on-link prefix in RFC 5952 form with its length, such as {@code 2001:db8::/64}. */
    public String prefix() {
        byte[] network = Prefixes.withHostBits(address.getAddress(), prefixLength, false);
        return AddressLiterals.format(AddressLiterals.ipv6FromBytes(network)) + "/" + prefixLength;
    }

    /** Returns whether {@code other} is inside the on-link prefix. */
    public boolean contains(Inet6Address other) {
        return Prefixes.samePrefix(address.getAddress(), other.getAddress(), prefixLength);
    }

    /** Formats as the {@code --ipv6} value, such as {@code 2001:db8::2/64}. */
    @Override
    public String toString() {
        return AddressLiterals.format(address) + "/" + prefixLength;
    }
}
