package io.stackbench.stack.wire;

import io.stackbench.sim.net.MacAddress;
import java.net.Inet6Address;
import java.net.UnknownHostException;

/**
 * An IPv6 address (RFC 4291), held as two 64-bit big-endian halves: {@code high} is bytes 0 to 7,
 * {@code low} is bytes 8 to 15, so fe80::1 is {@code high = 0xfe80_0000_0000_0000L, low = 1}.
 *
 * <p>Parsing accepts only the literal text forms of RFC 4291 §2.2 and never consults DNS.
 * {@link #toString()} writes the canonical form of RFC 5952.
 */
public record Ipv6Address(long high, long low) implements Comparable<Ipv6Address> {

    public static final int LENGTH = 16;

    /** {@code ::}, the source of a host that has no address yet, such as a DAD probe. */
    public static final Ipv6Address UNSPECIFIED = new Ipv6Address(0L, 0L);
    public static final Ipv6Address LOOPBACK = new Ipv6Address(0L, 1L);
    /** {@code ff02::1}, the link-local all-nodes group (RFC 4291 §2.7.1). */
    public static final Ipv6Address ALL_NODES = new Ipv6Address(0xff02_0000_0000_0000L, 1L);
    /** {@code ff02::2}, the link-local all-routers group (RFC 4291 §2.7.1). */
    public static final Ipv6Address ALL_ROUTERS = new Ipv6Address(0xff02_0000_0000_0000L, 2L);
    /** {@code ff02::16}, the group that MLDv2 reports are sent to (RFC 3810). */
    public static final Ipv6Address ALL_MLDV2_ROUTERS = new Ipv6Address(0xff02_0000_0000_0000L, 0x16L);
    /** {@code fe80::}, the link-local unicast prefix, used with length 64 for addresses (RFC 4291 §2.5.6). */
    public static final Ipv6Address LINK_LOCAL_PREFIX = new Ipv6Address(0xfe80_0000_0000_0000L, 0L);

    private static final int GROUPS = 8;
    /** {@code ff02:0:0:0:0:1:ff00::/104}, the solicited-node multicast prefix (RFC 4291 §2.7.1). */
    private static final long SOLICITED_NODE_HIGH = 0xff02_0000_0000_0000L;
    private static final long SOLICITED_NODE_LOW = 0x0000_0001_ff00_0000L;

    /**
     * Parses a literal in any text form of RFC 4291 §2.2: eight groups of one to four hex digits
     * separated by colons, at most one {@code ::} that replaces one or more zero groups, and
     * optionally a dotted quad in place of the last two groups. Hex digits may be upper or lower
     * case. A zone index ({@code %eth0}), brackets, a prefix length or whitespace are rejected.
     *
     * @throws IllegalArgumentException if the text is not such a literal
     */
    public static Ipv6Address parse(String text) {
        int doubleColon = text.indexOf("::");
        if (doubleColon >= 0 && text.indexOf("::", doubleColon + 1) >= 0) {
            throw invalid(text, "'::' may appear only once");
        }

        int[] groups = new int[GROUPS];
        if (doubleColon < 0) {
            int count = parseGroups(text, text, groups, true);
            if (count != GROUPS) {
                throw invalid(text, "expected eight groups or a '::', found " + count + " groups");
            }
        } else {
            String head = text.substring(0, doubleColon);
            String tail = text.substring(doubleColon + 2);
            int[] tailGroups = new int[GROUPS];
            int headCount = head.isEmpty() ? 0 : parseGroups(text, head, groups, false);
            int tailCount = tail.isEmpty() ? 0 : parseGroups(text, tail, tailGroups, true);
            if (headCount + tailCount > GROUPS - 1) {
                throw invalid(text, "'::' must replace at least one zero group, but "
                        + (headCount + tailCount) + " groups are given");
            }
            System.arraycopy(tailGroups, 0, groups, GROUPS - tailCount, tailCount);
        }

        long high = 0;
        long low = 0;
        for (int i = 0; i < 4; i++) {
            high = (high << 16) | groups[i];
            low = (low << 16) | groups[i + 4];
        }
        return new Ipv6Address(high, low);
    }

    /**
     * Parses colon-separated groups into the start of {@code groups} and returns how many it
     * filled. A dotted quad counts as two groups and is allowed only as the last part of the text,
     * when {@code mayEndInDottedQuad} is true.
     */
    private static int parseGroups(String text, String part, int[] groups, boolean mayEndInDottedQuad) {
        String[] fields = part.split(":", -1);
        int count = 0;
        for (int i = 0; i < fields.length; i++) {
            String field = fields[i];
            boolean last = i == fields.length - 1;
            if (last && mayEndInDottedQuad && field.indexOf('.') >= 0) {
                if (count + 2 > GROUPS) {
                    throw invalid(text, "too many groups before the dotted quad");
                }
                int v4 = parseDottedQuad(text, field);
                groups[count++] = v4 >>> 16;
                groups[count++] = v4 & 0xffff;
                continue;
            }
            if (count == GROUPS) {
                throw invalid(text, "more than eight groups");
            }
            groups[count++] = parseGroup(text, field);
        }
        return count;
    }

    private static int parseGroup(String text, String field) {
        if (field.isEmpty() || field.length() > 4) {
            throw invalid(text, "group '" + field + "' must have one to four hex digits");
        }
        int value = 0;
        for (int i = 0; i < field.length(); i++) {
            int digit = hexDigit(field.charAt(i));
            if (digit < 0) {
                throw invalid(text, "group '" + field + "' is not a hex number");
            }
            value = (value << 4) | digit;
        }
        return value;
    }

    private static int hexDigit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    private static int parseDottedQuad(String text, String field) {
        try {
            return Ipv4Address.parse(field).value();
        } catch (IllegalArgumentException e) {
            throw invalid(text, "embedded IPv4 part '" + field + "' is not a dotted quad such as 192.0.2.1");
        }
    }

    private static IllegalArgumentException invalid(String text, String reason) {
        return new IllegalArgumentException("invalid IPv6 address '" + text + "': " + reason);
    }

    /** Reads sixteen octets at {@code offset}. */
    public static Ipv6Address read(byte[] bytes, int offset) {
        return new Ipv6Address(readLong(bytes, offset), readLong(bytes, offset + 8));
    }

    /** Converts from the JDK type without any name lookup. A scope id on {@code address} is dropped. */
    public static Ipv6Address of(Inet6Address address) {
        return read(address.getAddress(), 0);
    }

    /**
     * Forms an address from the first 64 bits of {@code prefix} and the modified EUI-64 interface
     * identifier of a MAC address (RFC 4291 §2.5.1 and appendix A): the universal/local bit of the
     * MAC is inverted and ff:fe is inserted between its third and fourth octets. The last 64 bits of
     * {@code prefix} are ignored. MAC 52:54:00:12:34:56 under fe80:: gives fe80::5054:ff:fe12:3456.
     */
    public static Ipv6Address fromEui64(Ipv6Address prefix, MacAddress mac) {
        long oui = mac.value() >>> 24;
        long nic = mac.value() & 0xff_ffffL;
        long interfaceId = (oui << 40) | 0xff_fe00_0000L | nic;
        return new Ipv6Address(prefix.high, interfaceId ^ 0x0200_0000_0000_0000L);
    }

    /** Writes sixteen octets at {@code offset}. */
    public void write(byte[] bytes, int offset) {
        writeLong(bytes, offset, high);
        writeLong(bytes, offset + 8, low);
    }

    public byte[] toBytes() {
        byte[] bytes = new byte[LENGTH];
        write(bytes, 0);
        return bytes;
    }

    /**
     * Converts to the JDK type without any name lookup. The result is always an
     * {@link Inet6Address}, also for IPv4-mapped addresses, which {@code InetAddress.getByAddress}
     * would turn into an {@code Inet4Address}.
     */
    public Inet6Address toInetAddress() {
        try {
            return Inet6Address.getByAddress(null, toBytes(), -1);
        } catch (UnknownHostException e) {
            // getByAddress raises this only for an array of illegal length, and ours has sixteen bytes.
            throw new AssertionError(e);
        }
    }

    public boolean isUnspecified() {
        return high == 0 && low == 0;
    }

    /** True for {@code ::1} only (RFC 4291 §2.5.3). */
    public boolean isLoopback() {
        return high == 0 && low == 1;
    }

    /** True for ff00::/8 (RFC 4291 §2.7). */
    public boolean isMulticast() {
        return (high >>> 56) == 0xff;
    }

    /** True for the link-local unicast prefix fe80::/10 (RFC 4291 §2.5.6). */
    public boolean isLinkLocal() {
        return (high >>> 54) == (0xfe80L >>> 6);
    }

    /** True for ::ffff:0:0/96, an IPv4 address in IPv6 form (RFC 4291 §2.5.5.2). */
    public boolean isIpv4Mapped() {
        return high == 0 && (low >>> 32) == 0xffffL;
    }

    /** True for ff02::1:ff00:0/104, the solicited-node groups (RFC 4291 §2.7.1). */
    public boolean isSolicitedNodeMulticast() {
        return high == SOLICITED_NODE_HIGH && (low & 0xffff_ffff_ff00_0000L) == SOLICITED_NODE_LOW;
    }

    /**
     * Returns the solicited-node multicast group of this address: ff02::1:ff00:0/104 followed by the
     * low 24 bits of this address (RFC 4291 §2.7.1).
     */
    public Ipv6Address solicitedNodeMulticast() {
        return new Ipv6Address(SOLICITED_NODE_HIGH, SOLICITED_NODE_LOW | (low & 0xff_ffffL));
    }

    /**
     * Returns the Ethernet destination of this multicast address: 33:33 followed by its low 32 bits
     * (RFC 2464 §7).
     *
     * @throws IllegalStateException if this is not a multicast address
     */
    public MacAddress multicastMac() {
        if (!isMulticast()) {
            throw new IllegalStateException(this + " is not a multicast address, so it has no multicast MAC");
        }
        return new MacAddress(0x3333_0000_0000L | (low & 0xffff_ffffL));
    }

    /** Returns the IPv4 address in the last 32 bits, meaningful for {@link #isIpv4Mapped()} addresses. */
    public Ipv4Address embeddedIpv4() {
        return new Ipv4Address((int) low);
    }

    /** True when this address and {@code prefix} agree in their first {@code prefixLength} bits. */
    public boolean inPrefix(Ipv6Address prefix, int prefixLength) {
        return prefix(prefixLength).equals(prefix.prefix(prefixLength));
    }

    /** Returns this address with every bit after the first {@code prefixLength} bits cleared. */
    public Ipv6Address prefix(int prefixLength) {
        if (prefixLength < 0 || prefixLength > 128) {
            throw new IllegalArgumentException("IPv6 prefix length " + prefixLength + " is not between 0 and 128");
        }
        if (prefixLength <= 64) {
            return new Ipv6Address(high & mask(prefixLength), 0L);
        }
        return new Ipv6Address(high, low & mask(prefixLength - 64));
    }

    /** Returns a mask of {@code bits} leading ones in a long, for 0 to 64 bits. */
    private static long mask(int bits) {
        return bits == 0 ? 0L : -1L << (64 - bits);
    }

    /** Orders addresses as unsigned 128-bit numbers, so 2001:db8::1 comes before fe80::1. */
    @Override
    public int compareTo(Ipv6Address other) {
        int byHigh = Long.compareUnsigned(high, other.high);
        return byHigh != 0 ? byHigh : Long.compareUnsigned(low, other.low);
    }

    /**
     * Returns the RFC 5952 form: lower-case hex, no leading zeros in a group, and the longest run
     * of two or more zero groups (the first one on a tie) written as {@code ::}. IPv4-mapped
     * addresses ({@code ::ffff:0:0/96}) and IPv4-translated ones ({@code ::ffff:0:0:0/96}) end in a
     * dotted quad, as RFC 5952 §5 recommends.
     */
    @Override
    public String toString() {
        if (isIpv4Mapped()) {
            return "::ffff:" + embeddedIpv4();
        }
        if (high == 0 && (low >>> 32) == 0xffff_0000L) {
            return "::ffff:0:" + embeddedIpv4();
        }

        int[] groups = new int[GROUPS];
        for (int i = 0; i < 4; i++) {
            groups[i] = (int) (high >>> (48 - 16 * i)) & 0xffff;
            groups[i + 4] = (int) (low >>> (48 - 16 * i)) & 0xffff;
        }

        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < GROUPS; ) {
            if (groups[i] != 0) {
                i++;
                continue;
            }
            int start = i;
            while (i < GROUPS && groups[i] == 0) {
                i++;
            }
            if (i - start > bestLength) {
                bestStart = start;
                bestLength = i - start;
            }
        }

        StringBuilder text = new StringBuilder(39);
        for (int i = 0; i < GROUPS; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
                continue;
            }
            if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(groups[i]));
        }
        return text.toString();
    }

    private static long readLong(byte[] bytes, int offset) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (bytes[offset + i] & 0xff);
        }
        return v;
    }

    private static void writeLong(byte[] bytes, int offset, long value) {
        for (int i = 0; i < 8; i++) {
            bytes[offset + i] = (byte) (value >>> (56 - 8 * i));
        }
    }
}
