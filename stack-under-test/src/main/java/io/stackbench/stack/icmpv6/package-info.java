/**
 * ICMPv6 for a host: RFC 4443 (echo, errors and the §2.4 rules on when not to send them, with a
 * token-bucket rate limit). Neighbour Discovery and MLD messages are handed to their packages.
 */
package io.stackbench.stack.icmpv6;
