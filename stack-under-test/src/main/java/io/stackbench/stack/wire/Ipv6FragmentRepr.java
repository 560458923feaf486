package io.stackbench.stack.wire;

import java.util.Objects;

/**
 * The fields of a Fragment header (RFC 8200 §4.5). {@code fragmentOffset} is in units of 8 bytes,
 * as on the wire, and {@link #fragmentOffsetBytes()} converts it to bytes. The reserved fields are
 * ignored on parse and written as zero.
 */
public record Ipv6FragmentRepr(IpProtocol nextHeader, int fragmentOffset, boolean moreFragments, long identification) {

    public Ipv6FragmentRepr {
        Objects.requireNonNull(nextHeader, "nextHeader");
        if (fragmentOffset < 0 || fragmentOffset > 0x1fff) {
            throw new IllegalArgumentException("IPv6 fragment offset " + fragmentOffset + " is not between 0 and 8191");
        }
        if (identification < 0 || identification > 0xffff_ffffL) {
            throw new IllegalArgumentException("IPv6 fragment identification " + identification + " does not fit in 32 bits");
        }
    }

    /**
     * Reads a received header.
     *
     * @throws MalformedPacketException {@code ipv6.truncated} when the view is shorter than 8 bytes
     */
    public static Ipv6FragmentRepr parse(Ipv6FragmentHeader header) throws MalformedPacketException {
        header.check();
        return new Ipv6FragmentRepr(header.nextHeader(), header.fragmentOffset(), header.moreFragments(),
                header.identification());
    }

    /** Returns the Fragment Offset in bytes. */
    public int fragmentOffsetBytes() {
        return fragmentOffset * 8;
    }

    /**
     * True for an atomic fragment: offset 0 and no more fragments, so the packet is whole and is
     * processed without reassembly (RFC 6946 §4).
     */
    public boolean isAtomic() {
        return fragmentOffset == 0 && !moreFragments;
    }

    /** Returns the header length, 8 bytes. */
    public int bufferLength() {
        return Ipv6FragmentHeader.LENGTH;
    }

    /** Writes the 8-byte header into the start of {@code header}. */
    public void emit(Ipv6FragmentHeader header) {
        Bytes.requireCapacity(header.length(), bufferLength(), "IPv6 fragment header");
        header.setNextHeader(nextHeader);
        header.clearReserved();
        header.setFragmentOffset(fragmentOffset);
        header.setMoreFragments(moreFragments);
        header.setIdentification(identification);
    }
}
