/**
 * Address Resolution Protocol for IPv4 over Ethernet. Read first: RFC 826 (packet format and the
 * merge rule), RFC 1122 §2.3.2 (cache, flooding limit, queueing), RFC 5227 (gratuitous ARP and
 * address conflicts).
 */
package io.stackbench.stack.arp;
