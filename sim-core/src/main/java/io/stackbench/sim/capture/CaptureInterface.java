package io.stackbench.sim.capture;

import java.util.Objects;

/**
 * One capture point, written as a pcapng Interface Description Block.
 *
 * @param name        the {@code if_name} option; empty when the file has none
 * @param description the {@code if_description} option; empty when the file has none
 * @param linkType    the link-layer header type, 0 to 65535 ({@link #LINKTYPE_ETHERNET} = 1)
 * @param snapLength  the maximum number of bytes captured per frame, an unsigned 32-bit value;
 *                    0 means no limit
 */
public record CaptureInterface(String name, String description, int linkType, int snapLength) {

    public static final int LINKTYPE_ETHERNET = 1;

    /** The snap length written when the caller gives none, as tcpdump and libpcap use. */
    public static final int DEFAULT_SNAP_LENGTH = 262_144;

    public CaptureInterface {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        if (linkType < 0 || linkType > 0xffff) {
            throw new IllegalArgumentException("link type " + linkType + " is outside 0..65535");
        }
    }

    /** Returns an Ethernet interface with the default snap length and no description. */
    public static CaptureInterface ethernet(String name) {
        return new CaptureInterface(name, "", LINKTYPE_ETHERNET, DEFAULT_SNAP_LENGTH);
    }
}
