package io.stackbench.sim.capture;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The names of one IPv4 or IPv6 address, written as an {@code nrb_record_ipv4} or
 * {@code nrb_record_ipv6} record of a pcapng Name Resolution Block.
 *
 * <p>The address is kept without host name or IPv6 scope, because the record carries only the
 * address bytes. NOTE: an IPv4-mapped IPv6 address ({@code ::ffff:192.0.2.1}) becomes an
 * {@link Inet4Address}, as {@link InetAddress#getByAddress(byte[])} returns it, so it is written as
 * an IPv4 record.
 *
 * @param address an IPv4 or IPv6 address
 * @param names   one or more names, none empty and none containing a NUL character
 */
public record NameRecord(InetAddress address, List<String> names) {

    /** IPv4 addresses before IPv6 ones, then by address bytes as unsigned numbers. */
    public static final Comparator<InetAddress> ADDRESS_ORDER = Comparator
            .<InetAddress>comparingInt(address -> address.getAddress().length)
            .thenComparing(InetAddress::getAddress, Arrays::compareUnsigned);

    public NameRecord {
        address = withoutHostName(Objects.requireNonNull(address, "address"));
        names = List.copyOf(names);
        if (names.isEmpty()) {
            throw new IllegalArgumentException("name record for " + address.getHostAddress() + " has no names");
        }
        for (String name : names) {
            if (name.isEmpty() || name.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("invalid name '" + name + "' for "
                        + address.getHostAddress() + ": a name must be non-empty and contain no NUL");
            }
        }
    }

    /** Creates a record with one name. */
    public NameRecord(InetAddress address, String name) {
        this(address, List.of(name));
    }

    /**
     * Sorts records by {@link #ADDRESS_ORDER} and merges records of the same address, keeping the
     * first occurrence of each name.
     */
    public static List<NameRecord> canonical(List<NameRecord> records) {
        Map<InetAddress, LinkedHashSet<String>> byAddress = new TreeMap<>(ADDRESS_ORDER);
        for (NameRecord record : records) {
            byAddress.computeIfAbsent(record.address(), address -> new LinkedHashSet<>()).addAll(record.names());
        }
        List<NameRecord> sorted = new ArrayList<>(byAddress.size());
        byAddress.forEach((address, names) -> sorted.add(new NameRecord(address, List.copyOf(names))));
        return List.copyOf(sorted);
    }

    private static InetAddress withoutHostName(InetAddress address) {
        try {
            return InetAddress.getByAddress(address.getAddress());
        } catch (UnknownHostException e) {
            // getByAddress raises this only for an array that is neither 4 nor 16 bytes long.
            throw new IllegalArgumentException("unsupported address " + address, e);
        }
    }

    @Override
    public String toString() {
        return "NameRecord[" + address.getHostAddress() + " " + names + "]";
    }
}
