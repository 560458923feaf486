package io.stackbench.stack.ndp;

/** The reachability states of a neighbour cache entry (RFC 4861 §7.3.2). */
public enum NeighborState {
    INCOMPLETE,
    REACHABLE,
    STALE,
    DELAY,
    PROBE
}
