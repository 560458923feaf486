package io.stackbench.stack.wire;

import java.util.Objects;

/**
 * A view of a Hop-by-Hop Options or Destination Options header (RFC 8200 §4.3, §4.6), which share
 * one layout: Next Header, Hdr Ext Len and options that fill the rest of the header.
 *
 * <p>The view starts at the header and may run on past it, for example to the end of the packet.
 * The constructor checks only that the range lies inside the array, so call {@link #check()} (or
 * {@link Ipv6OptionsRepr#parse}) before reading a received header.
 */
public final class Ipv6OptionsHeader {

    private static final int OPTIONS = 2;

    private final byte[] buffer;
    private final int offset;
    private final int length;

    /** Wraps {@code buffer[offset, offset + length)}. */
    public Ipv6OptionsHeader(byte[] buffer, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, buffer.length);
        this.buffer = buffer;
        this.offset = offset;
        this.length = length;
    }

    /** Wraps a whole array. */
    public Ipv6OptionsHeader(byte[] buffer) {
        this(buffer, 0, buffer.length);
    }

    /** Checks that the view contains the whole header. {@link Ipv6OptionsRepr#parse} checks the options. */
    public void check() throws MalformedPacketException {
        Ipv6ExtensionHeaders.check("options", buffer, offset, length);
    }

    public byte[] buffer() {
        return buffer;
    }

    public int offset() {
        return offset;
    }

    public int length() {
        return length;
    }

    public IpProtocol nextHeader() {
        return new IpProtocol(Bytes.readU8(buffer, offset + Ipv6ExtensionHeaders.NEXT_HEADER));
    }

    public void setNextHeader(IpProtocol nextHeader) {
        buffer[offset + Ipv6ExtensionHeaders.NEXT_HEADER] = (byte) nextHeader.value();
    }

    /** Hdr Ext Len: the header length in 8-byte units, not counting the first 8 bytes. */
    public int headerExtensionLength() {
        return Bytes.readU8(buffer, offset + Ipv6ExtensionHeaders.HEADER_EXTENSION_LENGTH);
    }

    public void setHeaderExtensionLength(int units) {
        buffer[offset + Ipv6ExtensionHeaders.HEADER_EXTENSION_LENGTH] = (byte) units;
    }

    /** Returns the header length in bytes, from Hdr Ext Len. */
    public int headerLength() {
        return Ipv6ExtensionHeaders.lengthFromField(headerExtensionLength());
    }

    /** Returns the index in {@link #buffer()} of the first option. */
    public int optionsOffset() {
        return offset + OPTIONS;
    }

    /** Returns the length of the options area, the header length minus the first two bytes. */
    public int optionsLength() {
        return headerLength() - OPTIONS;
    }
}
