package io.stackbench.stack.wire;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * An IPv4 address, held as a 32-bit big-endian {@code int} (so 10.0.0.1 is {@code 0x0a000001}).
 *
 * <p>Parsing accepts only the dotted-quad form and never consults DNS.
 */
public record Ipv4Address(int value) implements Comparable<Ipv4Address> {

    public static final int LENGTH = 4;

    public static final Ipv4Address UNSPECIFIED = new Ipv4Address(0);
    public static final Ipv4Address BROADCAST = new Ipv4Address(0xffff_ffff);
    public static final Ipv4Address LOOPBACK = new Ipv4Address(0x7f00_0001);

    /**
     * Parses the dotted-quad form {@code 192.0.2.1}: exactly four decimal octets from 0 to 255,
     * without signs, spaces or leading zeros (a leading zero means octal to some parsers).
     *
     * @throws IllegalArgumentException if the text is not in that form
     */
    public static Ipv4Address parse(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            throw invalid(text, "expected four decimal octets such as 192.0.2.1");
        }

        int v = 0;
        for (String part : parts) {
            v = (v << 8) | parseOctet(text, part);
        }
        return new Ipv4Address(v);
    }

    private static int parseOctet(String text, String part) {
        if (part.isEmpty() || part.length() > 3) {
            throw invalid(text, "octet '" + part + "' must have one to three digits");
        }
        if (part.length() > 1 && part.charAt(0) == '0') {
            throw invalid(text, "octet '" + part + "' has a leading zero");
        }

        int octet = 0;
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            if (c < '0' || c > '9') {
                throw invalid(text, "octet '" + part + "' is not a decimal number");
            }
            octet = octet * 10 + (c - '0');
        }
        if (octet > 255) {
            throw invalid(text, "octet " + octet + " is greater than 255");
        }
        return octet;
    }

    private static IllegalArgumentException invalid(String text, String reason) {
        return new IllegalArgumentException("invalid IPv4 address '" + text + "': " + reason);
    }

    /** Reads four octets at {@code offset}. */
    public static Ipv4Address read(byte[] bytes, int offset) {
        return new Ipv4Address(((bytes[offset] & 0xff) << 24)
                | ((bytes[offset + 1] & 0xff) << 16)
                | ((bytes[offset + 2] & 0xff) << 8)
                | (bytes[offset + 3] & 0xff));
    }

    public static Ipv4Address of(Inet4Address address) {
        return read(address.getAddress(), 0);
    }

    /** Returns the netmask of a prefix length, for example {@code 0xffffff00} for 24. */
    public static int netmask(int prefixLength) {
        if (prefixLength < 0 || prefixLength > 32) {
            throw new IllegalArgumentException("IPv4 prefix length " + prefixLength + " is not between 0 and 32");
        }
        return prefixLength == 0 ? 0 : -1 << (32 - prefixLength);
    }

    /** Writes four octets at {@code offset}. */
    public void write(byte[] bytes, int offset) {
        bytes[offset] = (byte) (value >>> 24);
        bytes[offset + 1] = (byte) (value >>> 16);
        bytes[offset + 2] = (byte) (value >>> 8);
        bytes[offset + 3] = (byte) value;
    }

    public byte[] toBytes() {
        byte[] bytes = new byte[LENGTH];
        write(bytes, 0);
        return bytes;
    }

    /** Converts to the JDK type without any name lookup. */
    public Inet4Address toInetAddress() {
        try {
            return (Inet4Address) InetAddress.getByAddress(toBytes());
        } catch (UnknownHostException e) {
            // getByAddress raises this only for an array of illegal length, and ours has four bytes.
            throw new AssertionError(e);
        }
    }

    /** True for the limited broadcast address 255.255.255.255 only. */
    public boolean isBroadcast() {
        return value == 0xffff_ffff;
    }

    /** True for 224.0.0.0/4 (RFC 5771). */
    public boolean isMulticast() {
        return (value & 0xf000_0000) == 0xe000_0000;
    }

    /** True for 0.0.0.0, the source of a host that has no address yet. */
    public boolean isUnspecified() {
        return value == 0;
    }

    /** True for 127.0.0.0/8 (RFC 1122 §3.2.1.3). */
    public boolean isLoopback() {
        return (value & 0xff00_0000) == 0x7f00_0000;
    }

    /** True for 169.254.0.0/16 (RFC 3927). */
    public boolean isLinkLocal() {
        return (value & 0xffff_0000) == 0xa9fe_0000;
    }

    /** True when this address and {@code network} agree in their first {@code prefixLength} bits. */
    public boolean inSubnet(Ipv4Address network, int prefixLength) {
        int mask = netmask(prefixLength);
        return (value & mask) == (network.value & mask);
    }

    /** Returns this address with every bit after the prefix cleared: the network address. */
    public Ipv4Address networkAddress(int prefixLength) {
        return new Ipv4Address(value & netmask(prefixLength));
    }

    /**
     * Returns this address with every bit after the prefix set: the directed broadcast of its
     * subnet. For a /32 that is the address itself, and a /31 (RFC 3021) has no broadcast address
     * although this method still returns the upper one of the pair.
     */
    public Ipv4Address subnetBroadcast(int prefixLength) {
        return new Ipv4Address(value | ~netmask(prefixLength));
    }

    /** Orders addresses as unsigned numbers, so 10.0.0.1 comes before 192.0.2.1. */
    @Override
    public int compareTo(Ipv4Address other) {
        return Integer.compareUnsigned(value, other.value);
    }

    @Override
    public String toString() {
        return (value >>> 24) + "." + ((value >>> 16) & 0xff) + "." + ((value >>> 8) & 0xff) + "." + (value & 0xff);
    }
}
