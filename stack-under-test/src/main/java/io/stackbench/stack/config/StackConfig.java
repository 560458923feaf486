package io.stackbench.stack.config;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The configuration of one stack node, as set by its boot arguments.
 *
 * <p>The constructor applies the same rules as {@link BootArguments#parse(List)}, so every instance
 * round-trips through {@link #toBootArguments()}.
 *
 * @param ipv4 the IPv4 address and subnet ({@code --ipv4}, default {@code 10.0.0.2/24})
 * @param ipv4Gateway the IPv4 default gateway ({@code --ipv4-gateway}); with none, off-link IPv4
 *     destinations have no route
 * @param ipv6 the static IPv6 address and on-link prefix ({@code --ipv6}), none by default
 * @param ipv6Gateway the static IPv6 default router ({@code --ipv6-gateway}), none by default
 * @param acceptRouterAdvertisements whether Router Advertisements configure IPv6
 *     ({@code --accept-router-advertisements}, default true)
 * @param ipv4Only whether the stack runs IPv4 only ({@code --ipv4-only}, default false)
 * @param ipv6Only whether the stack runs IPv6 only ({@code --ipv6-only}, default false)
 * @param arpConflictDetection whether RFC 5227 address conflict detection runs
 *     ({@code --arp-conflict-detection}, default false)
 * @throws BootArgumentException from the constructor if a gateway is not on-link or both
 *     {@code -only} flags are true
 */
public record StackConfig(
        Ipv4Interface ipv4,
        Optional<Inet4Address> ipv4Gateway,
        Optional<Ipv6Interface> ipv6,
        Optional<Inet6Address> ipv6Gateway,
        boolean acceptRouterAdvertisements,
        boolean ipv4Only,
        boolean ipv6Only,
        boolean arpConflictDetection) {

    /** The {@code --ipv4} value when none is given. */
    public static final Ipv4Interface DEFAULT_IPV4 =
            new Ipv4Interface(AddressLiterals.parseIpv4("10.0.0.2"), 24);

    public StackConfig {
        Objects.requireNonNull(ipv4, "ipv4");
        Objects.requireNonNull(ipv4Gateway, "ipv4Gateway");
        Objects.requireNonNull(ipv6, "ipv6");
        Objects.requireNonNull(ipv6Gateway, "ipv6Gateway");

        ipv4Gateway.ifPresent(gateway -> ConfigRules.checkIpv4Gateway(
                gateway, ipv4, true, "--ipv4-gateway", AddressLiterals.format(gateway)));
        ipv6Gateway.ifPresent(gateway -> ConfigRules.checkIpv6Gateway(
                gateway, ipv6, "--ipv6-gateway", AddressLiterals.format(gateway)));
        ConfigRules.checkOnlyFlags(ipv4Only, ipv6Only, "--ipv6-only");
    }

    /** Returns the configuration of a node booted with no arguments. */
    public static StackConfig defaults() {
        return new StackConfig(DEFAULT_IPV4, Optional.empty(), Optional.empty(), Optional.empty(),
                true, false, false, false);
    }

    /**
     * Returns boot arguments that {@link BootArguments#parse(List)} turns back into this
     * configuration, each as {@code --name=value}. {@code --ipv4} is always written, and the
     * other options only when they differ from their default.
     */
    public List<String> toBootArguments() {
        List<String> arguments = new ArrayList<>();
        arguments.add(argument(BootOption.IPV4, ipv4.toString()));
        ipv4Gateway.ifPresent(gateway -> arguments.add(argument(BootOption.IPV4_GATEWAY, AddressLiterals.format(gateway))));
        ipv6.ifPresent(address -> arguments.add(argument(BootOption.IPV6, address.toString())));
        ipv6Gateway.ifPresent(gateway -> arguments.add(argument(BootOption.IPV6_GATEWAY, AddressLiterals.format(gateway))));
        if (!acceptRouterAdvertisements) {
            arguments.add(argument(BootOption.ACCEPT_ROUTER_ADVERTISEMENTS, "false"));
        }
        if (ipv4Only) {
            arguments.add(argument(BootOption.IPV4_ONLY, "true"));
        }
        if (ipv6Only) {
            arguments.add(argument(BootOption.IPV6_ONLY, "true"));
        }
        if (arpConflictDetection) {
            arguments.add(argument(BootOption.ARP_CONFLICT_DETECTION, "true"));
        }
        return List.copyOf(arguments);
    }

    /** Formats as the boot arguments joined by spaces. */
    @Override
    public String toString() {
        return String.join(" ", toBootArguments());
    }

    private static String argument(BootOption option, String value) {
        return option.canonicalName() + "=" + value;
    }
}
