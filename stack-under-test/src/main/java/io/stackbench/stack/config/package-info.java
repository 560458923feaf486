/**
 * Boot arguments of a stack node and the typed configuration they produce.
 *
 * <p>The options follow the ones that a MirageOS 3.10 unikernel takes for its dual IPv4/IPv6
 * stack, as the MirageOS 3.10 release announcement describes them: an IPv4 address with its prefix
 * length and an optional gateway, an optional static IPv6 address with its prefix and an optional
 * default router, a switch for configuring IPv6 from Router Advertisements (the singular spelling
 * {@code --accept-router-advertisement} that the announcement uses is accepted too), and switches
 * that run only one of the two families. MirageOS 3.10 dropped the 10.0.0.1 default gateway of
 * earlier releases because it could not be unset, so here too an IPv4 gateway exists only when it
 * is given. {@code --arp-conflict-detection} switches on RFC 5227 address conflict detection.
 *
 * <p>{@link io.stackbench.stack.config.BootArguments} parses the arguments into a
 * {@link io.stackbench.stack.config.StackConfig} and raises a
 * {@link io.stackbench.stack.config.BootArgumentException} naming the argument, the value and the
 * rule. {@link io.stackbench.stack.config.AddressLiterals} parses and formats address text without
 * name resolution, for the rest of the stack and the bench to reuse.
 *
 * <p>RFCs to read first: RFC 4291 §2.2 (IPv6 text forms), RFC 5952 (canonical IPv6 text),
 * RFC 3021 (/31 subnets), RFC 4861 §4.2 and §6.3.4 (routers and on-link prefixes), RFC 5227
 * (IPv4 address conflict detection).
 */
package io.stackbench.stack.config;
