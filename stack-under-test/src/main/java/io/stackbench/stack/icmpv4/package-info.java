/**
 * ICMP for IPv4: RFC 792 (messages), RFC 1122 §3.2.2 (when a host sends and must not send errors).
 */
package io.stackbench.stack.icmpv4;
