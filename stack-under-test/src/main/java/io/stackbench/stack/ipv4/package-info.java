/**
 * IPv4 input and output for a host: RFC 791 (header), RFC 1122 §3.2.1 (what a host accepts and
 * discards), RFC 1812 is not implemented because the stack never forwards.
 */
package io.stackbench.stack.ipv4;
