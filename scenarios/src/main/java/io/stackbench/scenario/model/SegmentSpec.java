package io.stackbench.scenario.model;

import io.stackbench.sim.net.LinkProfile;

/** A segment (one Ethernet broadcast domain) and the profile of its link. */
public record SegmentSpec(String name, LinkProfile profile) {
}
