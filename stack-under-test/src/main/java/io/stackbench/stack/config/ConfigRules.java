package io.stackbench.stack.config;

import static io.stackbench.stack.config.BootArgumentException.Rule.ADDRESS_NOT_UNICAST;
import static io.stackbench.stack.config.BootArgumentException.Rule.CONFLICTING_ONLY_FLAGS;
import static io.stackbench.stack.config.BootArgumentException.Rule.GATEWAY_IS_OWN_ADDRESS;
import static io.stackbench.stack.config.BootArgumentException.Rule.GATEWAY_OUTSIDE_SUBNET;
import static io.stackbench.stack.config.BootArgumentException.Rule.NETWORK_OR_BROADCAST_ADDRESS;
import static io.stackbench.stack.config.BootArgumentException.Rule.PREFIX_LENGTH_OUT_OF_RANGE;
import static io.stackbench.stack.config.BootArgumentException.Rule.WRONG_ADDRESS_FAMILY;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.util.Arrays;
import java.util.Optional;

/**
 * The checks on parsed addresses, shared by {@link BootArguments} and the config records so that a
 * record built in code obeys the same rules as one parsed from boot arguments. Each check takes the
 * option name and value as the user wrote them, for the message.
 */
final class ConfigRules {

    static final int IPV4_MAX_PREFIX_LENGTH = 32;
    static final int IPV6_MAX_PREFIX_LENGTH = 128;

    private static final byte[] IPV6_LINK_LOCAL_PREFIX = {(byte) 0xfe, (byte) 0x80};
    private static final byte[] IPV4_MAPPED_PREFIX = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff};

    private ConfigRules() {
    }

    static void checkIpv4Interface(Inet4Address address, int prefixLength, String argument, String value) {
        checkPrefixLength(prefixLength, IPV4_MAX_PREFIX_LENGTH, "an IPv4", argument, value);
        checkIpv4Unicast(address, argument, value);

        // RFC 3021 makes both addresses of a /31 usable, and a /32 has only the one address.
        if (prefixLength < 31) {
            byte[] bytes = address.getAddress();
            byte[] network = Prefixes.withHostBits(bytes, prefixLength, false);
            byte[] broadcast = Prefixes.withHostBits(bytes, prefixLength, true);
            String role = Arrays.equals(bytes, network) ? "network"
                    : Arrays.equals(bytes, broadcast) ? "broadcast" : null;
            if (role != null) {
                String subnet = AddressLiterals.format(AddressLiterals.ipv4FromBytes(network)) + "/" + prefixLength;
                throw new BootArgumentException(NETWORK_OR_BROADCAST_ADDRESS, argument, value,
                        invalid(argument, value) + AddressLiterals.format(address) + " is the " + role
                                + " address of " + subnet + "; choose a host address from "
                                + firstHost(network) + " to " + lastHost(broadcast) + " with /" + prefixLength);
            }
        }
    }

    static void checkIpv6Interface(Inet6Address address, int prefixLength, String argument, String value) {
        checkPrefixLength(prefixLength, IPV6_MAX_PREFIX_LENGTH, "an IPv6", argument, value);
        checkIpv6Unicast(address, argument, value);
    }

    static void checkIpv4Gateway(Inet4Address gateway, Ipv4Interface ipv4, boolean ipv4Given, String argument, String value) {
        checkIpv4Unicast(gateway, argument, value);

        if (gateway.equals(ipv4.address())) {
            throw new BootArgumentException(GATEWAY_IS_OWN_ADDRESS, argument, value,
                    invalid(argument, value) + "it is the stack's own --ipv4 address; give the router's address");
        }
        String subnet = ipv4.subnet();
        String source = ipv4Given ? "the --ipv4 subnet " + subnet : "the default --ipv4 subnet " + subnet;
        if (!ipv4.contains(gateway)) {
            throw new BootArgumentException(GATEWAY_OUTSIDE_SUBNET, argument, value,
                    invalid(argument, value) + "it is outside " + source
                            + ", so it is not on-link; choose a gateway inside " + subnet + " or change --ipv4");
        }
        if (ipv4.prefixLength() < 31
                && (gateway.equals(ipv4.networkAddress()) || gateway.equals(ipv4.broadcastAddress()))) {
            throw new BootArgumentException(NETWORK_OR_BROADCAST_ADDRESS, argument, value,
                    invalid(argument, value) + "it is the network or broadcast address of " + subnet
                            + "; give the router's host address");
        }
    }

    static void checkIpv6Gateway(Inet6Address gateway, Optional<Ipv6Interface> ipv6, String argument, String value) {
        checkIpv6Unicast(gateway, argument, value);

        if (ipv6.isPresent() && gateway.equals(ipv6.get().address())) {
            throw new BootArgumentException(GATEWAY_IS_OWN_ADDRESS, argument, value,
                    invalid(argument, value) + "it is the stack's own --ipv6 address; give the router's address");
        }
        // A link-local address is on-link by definition, and routers send Router Advertisements from one.
        if (Prefixes.samePrefix(gateway.getAddress(), IPV6_LINK_LOCAL_PREFIX, 10)) {
            return;
        }
        if (ipv6.isEmpty()) {
            throw new BootArgumentException(GATEWAY_OUTSIDE_SUBNET, argument, value,
                    invalid(argument, value) + "it is a global address and no --ipv6 is given, so no prefix puts it"
                            + " on-link; give the router's link-local address (fe80::/10) or add --ipv6=ADDRESS/LEN"
                            + " with a prefix that contains it");
        }
        if (!ipv6.get().contains(gateway)) {
            String prefix = ipv6.get().prefix();
            throw new BootArgumentException(GATEWAY_OUTSIDE_SUBNET, argument, value,
                    invalid(argument, value) + "it is neither link-local (fe80::/10) nor inside the --ipv6 prefix "
                            + prefix + "; give the router's link-local address or an address in " + prefix);
        }
    }

    static void checkOnlyFlags(boolean ipv4Only, boolean ipv6Only, String argument) {
        if (ipv4Only && ipv6Only) {
            throw new BootArgumentException(CONFLICTING_ONLY_FLAGS, argument, "true",
                    "cannot run IPv4-only and IPv6-only at once: --ipv4-only and --ipv6-only are both true;"
                            + " set at most one of them to true");
        }
    }

    static boolean isIpv4Mapped(Inet6Address address) {
        return Prefixes.samePrefix(address.getAddress(), IPV4_MAPPED_PREFIX, 96);
    }

    /** Rejects an IPv4-mapped address, because it represents an IPv4 address and never appears on the wire. */
    static void checkNotIpv4Mapped(Inet6Address address, String argument, String value) {
        if (isIpv4Mapped(address)) {
            byte[] bytes = address.getAddress();
            String ipv4 = (bytes[12] & 0xff) + "." + (bytes[13] & 0xff) + "." + (bytes[14] & 0xff) + "." + (bytes[15] & 0xff);
            String ipv4Option = argument.endsWith("-gateway") ? "--ipv4-gateway" : "--ipv4";
            throw new BootArgumentException(WRONG_ADDRESS_FAMILY, argument, value,
                    invalid(argument, value) + "it is an IPv4-mapped IPv6 address (::ffff:0:0/96), which represents"
                            + " the IPv4 address " + ipv4 + " and never appears on the wire; give " + ipv4
                            + " to " + ipv4Option + " instead");
        }
    }

    /** Returns the opening of a message about one option value, such as {@code invalid --ipv4 value '10.0.0.0/24': }. */
    static String invalid(String argument, String value) {
        return "invalid " + argument + " value '" + value + "': ";
    }

    private static void checkPrefixLength(int prefixLength, int max, String family, String argument, String value) {
        if (prefixLength < 0 || prefixLength > max) {
            throw new BootArgumentException(PREFIX_LENGTH_OUT_OF_RANGE, argument, value,
                    invalid(argument, value) + "prefix length " + prefixLength + " is out of range; "
                            + family + " prefix length is 0.." + max);
        }
    }

    private static void checkIpv4Unicast(Inet4Address address, String argument, String value) {
        byte[] bytes = address.getAddress();
        int first = bytes[0] & 0xff;
        String kind;
        if (first == 0) {
            // RFC 1122 §3.2.1.3: 0.0.0.0/8 names a host on this network and is sent only as a source
            // while a host learns its own address.
            kind = "in 0.0.0.0/8, which means \"this network\"";
        } else if (first == 127) {
            kind = "a loopback address (127.0.0.0/8)";
        } else if (first >= 224 && first <= 239) {
            kind = "a multicast address (224.0.0.0/4)";
        } else if (Arrays.equals(bytes, new byte[] {-1, -1, -1, -1})) {
            kind = "the limited broadcast address";
        } else {
            return;
        }
        throw notUnicast(AddressLiterals.format(address), kind, argument, value);
    }

    private static void checkIpv6Unicast(Inet6Address address, String argument, String value) {
        checkNotIpv4Mapped(address, argument, value);

        byte[] bytes = address.getAddress();
        String kind;
        if (address.isAnyLocalAddress()) {
            kind = "the unspecified address";
        } else if (address.isLoopbackAddress()) {
            kind = "the loopback address";
        } else if ((bytes[0] & 0xff) == 0xff) {
            kind = "a multicast address (ff00::/8)";
        } else {
            return;
        }
        throw notUnicast(AddressLiterals.format(address), kind, argument, value);
    }

    private static BootArgumentException notUnicast(String address, String kind, String argument, String value) {
        String owner = argument.endsWith("-gateway") ? "a gateway" : "an interface";
        String example = BootOption.bySpelling(argument).map(BootOption::exampleValue).orElse("");
        return new BootArgumentException(ADDRESS_NOT_UNICAST, argument, value,
                invalid(argument, value) + address + " is " + kind + ", but " + owner
                        + " needs a unicast address; give one such as " + example);
    }

    private static String firstHost(byte[] network) {
        byte[] first = network.clone();
        first[3]++;
        return AddressLiterals.format(AddressLiterals.ipv4FromBytes(first));
    }

    private static String lastHost(byte[] broadcast) {
        byte[] last = broadcast.clone();
        last[3]--;
        return AddressLiterals.format(AddressLiterals.ipv4FromBytes(last));
    }
}
