/**
 * IPv6 input and output for a host: RFC 8200 (header, extension headers, fragment reassembly),
 * RFC 6724 (source address selection, in the address table), RFC 4861 §5.2 (next hop), RFC 6946
 * (atomic fragments), RFC 5722 (overlapping fragments). The stack never forwards.
 */
package io.stackbench.stack.ipv6;
