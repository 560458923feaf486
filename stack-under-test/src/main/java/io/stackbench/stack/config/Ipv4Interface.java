package io.stackbench.stack.config;

import java.net.Inet4Address;
import java.util.Objects;

/**
 * An interface's IPv4 address and the prefix length of its subnet. {@code 10.0.0.2/24} is the
 * address 10.0.0.2 on the subnet 10.0.0.0/24.
 *
 * @throws BootArgumentException from the constructor if the address could not be the {@code --ipv4} value
 */
public record Ipv4Interface(Inet4Address address, int prefixLength) {

    public Ipv4Interface {
        Objects.requireNonNull(address, "address");
        ConfigRules.checkIpv4Interface(address, prefixLength, "--ipv4",
                AddressLiterals.format(address) + "/" + prefixLength);
    }

    /** Returns the network address, which is this address with every host bit cleared. */
    public Inet4Address networkAddress() {
        return AddressLiterals.ipv4FromBytes(Prefixes.withHostBits(address.getAddress(), prefixLength, false));
    }

    /** Returns the subnet broadcast address, which is this address with every host bit set. */
    public Inet4Address broadcastAddress() {
        return AddressLiterals.ipv4FromBytes(Prefixes.withHostBits(address.getAddress(), prefixLength, true));
    }

    /** Returns the subnet with its prefix length, such as {@code 10.0.0.0/24}. */
    public String subnet() {
        return AddressLiterals.format(networkAddress()) + "/" + prefixLength;
    }

    /** Returns whether {@code other} is on this subnet. */
    public boolean contains(Inet4Address other) {
        return Prefixes.samePrefix(address.getAddress(), other.getAddress(), prefixLength);
    }

    /** Formats as the {@code --ipv4} value, such as {@code 10.0.0.2/24}. */
    @Override
    public String toString() {
        return AddressLiterals.format(address) + "/" + prefixLength;
    }
}
