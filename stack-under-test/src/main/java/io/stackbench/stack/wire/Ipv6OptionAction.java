package io.stackbench.stack.wire;

/**
 * Action of a node on a Hop-by-Hop or Destination option that it does not recognise, encoded in
 * the two high bits of the option type (RFC 8200 §4.2). The constants are in the order of those
 * bits, 00 to 11.
 */
public enum Ipv6OptionAction {
    /** 00: skip the option and go on with the header. */
    SKIP,
    /** 01: discard the packet. */
    DISCARD,
    /** 10: discard the packet and send a Parameter Problem, code 2, pointing at the option type. */
    DISCARD_AND_SEND_PARAMETER_PROBLEM,
    /** 11: as {@link #DISCARD_AND_SEND_PARAMETER_PROBLEM}, but only if the destination is not multicast. */
    DISCARD_AND_SEND_PARAMETER_PROBLEM_UNLESS_MULTICAST
}
