/**
 * Trace predicates in a subset of the Wireshark display-filter language.
 *
 * <p>{@link io.stackbench.scenario.filter.DisplayFilter#parse(String)} compiles a filter such as
 * {@code icmpv6.type == 135 && ipv6.src == ::}, and
 * {@link io.stackbench.scenario.filter.DisplayFilter#matches(byte[])} evaluates it against one
 * Ethernet II frame. Frames are decoded with pcap4j, never with the codecs of the stack under test,
 * so a codec bug in the stack cannot hide itself. Field names, types and the semantics of
 * multi-valued fields follow Wireshark 4.0 (checked against tshark 4.0.17). The supported fields are
 * listed by {@link io.stackbench.scenario.filter.FieldRegistry}, and scenarios/FILTERS.md is the
 * reference page for people writing scenarios.
 */
package io.stackbench.scenario.filter;
