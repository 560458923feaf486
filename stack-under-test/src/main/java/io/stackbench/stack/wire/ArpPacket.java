package io.stackbench.stack.wire;

import io.stackbench.sim.net.MacAddress;
import java.util.Objects;

/**
 * A view of an ARP packet (RFC 826) in a byte array.
 *
 * <p>The fixed fields (hardware type to operation) are read for any ARP packet. The address
 * accessors assume the Ethernet/IPv4 layout of 6-byte hardware and 4-byte protocol addresses, which
 * {@link ArpRepr#parse} verifies before reading them. The constructor checks only that the range
 * lies inside the array.
 */
public final class ArpPacket {

    public static final String PROTOCOL = "arp";

    /** Length of the fixed fields before the addresses. */
    public static final int FIXED_LENGTH = 8;
    /** Length of an Ethernet/IPv4 ARP packet. Parsing ignores any bytes after it, such as Ethernet padding. */
    public static final int ETHERNET_IPV4_LENGTH = 28;
    /** ar$hrd value for Ethernet. */
    public static final int HARDWARE_TYPE_ETHERNET = 1;

    private static final int HTYPE = 0;
    private static final int PTYPE = 2;
    private static final int HLEN = 4;
    private static final int PLEN = 5;
    private static final int OPER = 6;
    private static final int SHA = 8;
    private static final int SPA = 14;
    private static final int THA = 18;
    private static final int TPA = 24;

    private final byte[] buffer;
    private final int offset;
    private final int length;

    /** Wraps {@code buffer[offset, offset + length)}. */
    public ArpPacket(byte[] buffer, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, buffer.length);
        this.buffer = buffer;
        this.offset = offset;
        this.length = length;
    }

    /** Wraps a whole array. */
    public ArpPacket(byte[] buffer) {
        this(buffer, 0, buffer.length);
    }

    /**
     * Checks that the buffer contains the fixed fields and the four addresses at the lengths that the
     * hardware and protocol length fields give.
     */
    public void check() throws MalformedPacketException {
        if (length < FIXED_LENGTH) {
            throw new MalformedPacketException(PROTOCOL, MalformedPacketException.Reason.TRUNCATED,
                    "packet of " + length + " bytes is shorter than the " + FIXED_LENGTH + " bytes of fixed fields");
        }

        int needed = FIXED_LENGTH + 2 * hardwareLength() + 2 * protocolLength();
        if (length < needed) {
            throw new MalformedPacketException(PROTOCOL, MalformedPacketException.Reason.TRUNCATED,
                    "packet of " + length + " bytes is shorter than the " + needed
                            + " bytes its address lengths need (hlen " + hardwareLength()
                            + ", plen " + protocolLength() + ")");
        }
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

    /** ar$hrd. */
    public int hardwareType() {
        return Bytes.readU16(buffer, offset + HTYPE);
    }

    public void setHardwareType(int hardwareType) {
        Bytes.writeU16(buffer, offset + HTYPE, hardwareType);
    }

    /** ar$pro, an EtherType. */
    public EtherType protocolType() {
        return new EtherType(Bytes.readU16(buffer, offset + PTYPE));
    }

    public void setProtocolType(EtherType protocolType) {
        Bytes.writeU16(buffer, offset + PTYPE, protocolType.value());
    }

    /** ar$hln, in bytes. */
    public int hardwareLength() {
        return Bytes.readU8(buffer, offset + HLEN);
    }

    public void setHardwareLength(int hardwareLength) {
        buffer[offset + HLEN] = (byte) hardwareLength;
    }

    /** ar$pln, in bytes. */
    public int protocolLength() {
        return Bytes.readU8(buffer, offset + PLEN);
    }

    public void setProtocolLength(int protocolLength) {
        buffer[offset + PLEN] = (byte) protocolLength;
    }

    /** ar$op. */
    public ArpOperation operation() {
        return new ArpOperation(Bytes.readU16(buffer, offset + OPER));
    }

    public void setOperation(ArpOperation operation) {
        Bytes.writeU16(buffer, offset + OPER, operation.value());
    }

    /** ar$sha. */
    public MacAddress senderHardwareAddress() {
        return MacAddress.read(buffer, offset + SHA);
    }

    public void setSenderHardwareAddress(MacAddress address) {
        address.write(buffer, offset + SHA);
    }

    /** ar$spa. */
    public Ipv4Address senderProtocolAddress() {
        return Ipv4Address.read(buffer, offset + SPA);
    }

    public void setSenderProtocolAddress(Ipv4Address address) {
        address.write(buffer, offset + SPA);
    }

    /** ar$tha. */
    public MacAddress targetHardwareAddress() {
        return MacAddress.read(buffer, offset + THA);
    }

    public void setTargetHardwareAddress(MacAddress address) {
        address.write(buffer, offset + THA);
    }

    /** ar$tpa. */
    public Ipv4Address targetProtocolAddress() {
        return Ipv4Address.read(buffer, offset + TPA);
    }

    public void setTargetProtocolAddress(Ipv4Address address) {
        address.write(buffer, offset + TPA);
    }
}
