/**
 * UDP for both IP families: one socket per bound port receives datagrams over IPv4 and IPv6, and
 * reports each sender as an address of either family.
 *
 * <p>RFCs to read first:
 * <ul>
 *   <li>RFC 768, UDP: ports, the Length field and the checksum over a pseudo-header.</li>
 *   <li>RFC 1122 §4.1.3, UDP in hosts: port unreachable for a closed port, silent discard of a
 *       bad checksum, and no reply to broadcast or multicast datagrams.</li>
 *   <li>RFC 8200 §8.1, the IPv6 pseudo-header and the mandatory UDP checksum over IPv6.</li>
 *   <li>RFC 4443 §3.1, ICMPv6 Destination Unreachable code 4 (port unreachable).</li>
 * </ul>
 */
package io.stackbench.stack.udp;
