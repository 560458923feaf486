/**
 * Packet formats of the stack under test: bytes only, no behaviour.
 *
 * <p>Each protocol has a view class over a byte array ({@link io.stackbench.stack.wire.Ipv4Packet})
 * with one getter and setter per header field, and an immutable repr
 * ({@link io.stackbench.stack.wire.Ipv4Repr}) whose {@code parse} validates a received packet and
 * whose {@code emit} writes every field and the checksums. Numbered fields are open value types,
 * so an unknown EtherType or ICMP type still parses and prints. Malformed input raises
 * {@link io.stackbench.stack.wire.MalformedPacketException}, whose counter name the stack uses as
 * the drop-counter key. Nothing in this package logs, keeps protocol state or decides what to do
 * with a packet. Checks of meaning, such as the hop limit 255 of Neighbor Discovery, belong to the
 * protocol packages.
 *
 * <p>RFCs to read first:
 * <ul>
 *   <li>RFC 894, IP over Ethernet: the Ethernet II header and the 60-byte minimum frame.</li>
 *   <li>RFC 826, ARP: the packet layout and the field names ar$hrd, ar$pro, ar$op, ar$sha ...</li>
 *   <li>RFC 791, IPv4: the header, fragmentation fields and options.</li>
 *   <li>RFC 792, ICMP: message types, echo, destination unreachable, time exceeded.</li>
 *   <li>RFC 768, UDP: the 8-byte header and the checksum over a pseudo-header.</li>
 *   <li>RFC 1071, the Internet checksum, which IPv4, ICMP, UDP and TCP share.</li>
 *   <li>RFC 1122, host requirements: which checks a host applies to received headers.</li>
 *   <li>RFC 8200, IPv6: the fixed header, the extension headers and their options, and the
 *       pseudo-header of upper-layer checksums.</li>
 *   <li>RFC 4443, ICMPv6: message types, echo and the error messages.</li>
 *   <li>RFC 4861, Neighbor Discovery: the router and neighbour messages, Redirect and the option
 *       formats.</li>
 *   <li>RFC 3810, MLDv2: queries, reports and multicast address records.</li>
 *   <li>RFC 4291, IPv6 addressing: address types, the text forms, solicited-node groups and
 *       modified EUI-64 interface identifiers.</li>
 *   <li>RFC 5952, the canonical text form of IPv6 addresses.</li>
 *   <li>RFC 9293, TCP: the segment header, the checksum and the option format with End of
 *       Option List, No-Operation and Maximum Segment Size.</li>
 *   <li>RFC 7323, TCP extensions for high performance: the Window Scale and Timestamps options.</li>
 *   <li>RFC 2018, TCP selective acknowledgments: the SACK-Permitted and SACK options.</li>
 * </ul>
 */
package io.stackbench.stack.wire;
