package io.stackbench.stack.wire;

import java.util.Objects;

/**
 * A view of an ICMPv6 message (RFC 4443 §2.1) in a byte array: type, code, checksum and a body
 * whose layout depends on the type. Accessors exist for the fields of echo and error messages
 * (RFC 4443), Neighbor Discovery messages (RFC 4861 §4) and MLD messages (RFC 3810 §5). Each one
 * reads its field at a fixed position whatever the type, so read only the fields of the message at
 * hand, after {@link Icmpv6Repr#parse} has checked that the message is long enough for them.
 *
 * <p>The view covers exactly the message, normally the upper-layer payload of an IPv6 packet,
 * because the checksum covers every byte of it. The constructor checks only that the range lies
 * inside the array.
 */
public final class Icmpv6Packet {

    public static final String PROTOCOL = "icmpv6";

    /** Length of type, code and checksum, the part common to every message. */
    public static final int HEADER_LENGTH = 4;
    /** Length of echo and error messages without data: the header and four type-specific bytes. */
    public static final int ECHO_OR_ERROR_MIN_LENGTH = 8;
    /** Fixed part of a Router Solicitation, before its options (RFC 4861 §4.1). */
    public static final int ROUTER_SOLICITATION_LENGTH = 8;
    /** Fixed part of a Router Advertisement, before its options (RFC 4861 §4.2). */
    public static final int ROUTER_ADVERTISEMENT_LENGTH = 16;
    /** Fixed part of a Neighbor Solicitation or Advertisement, before its options (RFC 4861 §4.3, §4.4). */
    public static final int NEIGHBOR_MESSAGE_LENGTH = 24;
    /** Fixed part of a Redirect, before its options (RFC 4861 §4.5). */
    public static final int REDIRECT_LENGTH = 40;
    /** Length of an MLDv1 query (RFC 2710 §3) and of the part an MLDv2 query shares with it. */
    public static final int MLDV1_QUERY_LENGTH = 24;
    /** Fixed part of an MLDv2 query, before its source addresses (RFC 3810 §5.1). */
    public static final int MLDV2_QUERY_LENGTH = 28;
    /** Fixed part of an MLDv2 report, before its multicast address records (RFC 3810 §5.2). */
    public static final int MLDV2_REPORT_LENGTH = 8;

    private static final int TYPE = 0;
    private static final int CODE = 1;
    private static final int CHECKSUM = 2;
    private static final int IDENTIFIER = 4;
    private static final int SEQUENCE_NUMBER = 6;
    private static final int TYPE_SPECIFIC_WORD = 4;
    private static final int CUR_HOP_LIMIT = 4;
    private static final int ROUTER_ADVERTISEMENT_FLAGS = 5;
    private static final int ROUTER_LIFETIME = 6;
    private static final int REACHABLE_TIME = 8;
    private static final int RETRANS_TIMER = 12;
    private static final int NEIGHBOR_ADVERTISEMENT_FLAGS = 4;
    private static final int TARGET_ADDRESS = 8;
    private static final int REDIRECT_DESTINATION_ADDRESS = 24;
    private static final int MAXIMUM_RESPONSE_CODE = 4;
    private static final int MULTICAST_ADDRESS = 8;
    private static final int QUERY_FLAGS = 24;
    private static final int QQIC = 25;
    private static final int NUMBER_OF_SOURCES = 26;
    private static final int REPORT_NUMBER_OF_RECORDS = 6;

    private static final int FLAG_MANAGED = 0x80;
    private static final int FLAG_OTHER = 0x40;
    private static final int FLAG_ROUTER = 0x80;
    private static final int FLAG_SOLICITED = 0x40;
    private static final int FLAG_OVERRIDE = 0x20;
    private static final int FLAG_SUPPRESS_ROUTER_SIDE = 0x08;
    private static final int QRV_MASK = 0x07;

    private final byte[] buffer;
    private final int offset;
    private final int length;

    /** Wraps {@code buffer[offset, offset + length)}. */
    public Icmpv6Packet(byte[] buffer, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, buffer.length);
        this.buffer = buffer;
        this.offset = offset;
        this.length = length;
    }

    /** Wraps a whole array. */
    public Icmpv6Packet(byte[] buffer) {
        this(buffer, 0, buffer.length);
    }

    /**
     * Checks that the message contains type, code and checksum. {@link Icmpv6Repr#parse} checks the
     * checksum and the minimum length of each message type.
     */
    public void check() throws MalformedPacketException {
        if (length < HEADER_LENGTH) {
            throw new MalformedPacketException(PROTOCOL, MalformedPacketException.Reason.TRUNCATED,
                    "message of " + length + " bytes is shorter than the " + HEADER_LENGTH + "-byte header");
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

    public Icmpv6Type type() {
        return new Icmpv6Type(Bytes.readU8(buffer, offset + TYPE));
    }

    public void setType(Icmpv6Type type) {
        buffer[offset + TYPE] = (byte) type.value();
    }

    public int code() {
        return Bytes.readU8(buffer, offset + CODE);
    }

    public void setCode(int code) {
        buffer[offset + CODE] = (byte) code;
    }

    public int checksum() {
        return Bytes.readU16(buffer, offset + CHECKSUM);
    }

    public void setChecksum(int checksum) {
        Bytes.writeU16(buffer, offset + CHECKSUM, checksum);
    }

    /** Identifier of an echo message. */
    public int identifier() {
        return Bytes.readU16(buffer, offset + IDENTIFIER);
    }

    public void setIdentifier(int identifier) {
        Bytes.writeU16(buffer, offset + IDENTIFIER, identifier);
    }

    /** Sequence Number of an echo message. */
    public int sequenceNumber() {
        return Bytes.readU16(buffer, offset + SEQUENCE_NUMBER);
    }

    public void setSequenceNumber(int sequenceNumber) {
        Bytes.writeU16(buffer, offset + SEQUENCE_NUMBER, sequenceNumber);
    }

    /** MTU of a Packet Too Big message, in bytes (RFC 4443 §3.2). */
    public long mtu() {
        return Bytes.readU32(buffer, offset + TYPE_SPECIFIC_WORD);
    }

    public void setMtu(long mtu) {
        Bytes.writeU32(buffer, offset + TYPE_SPECIFIC_WORD, mtu);
    }

    /**
     * Pointer of a Parameter Problem message: the offset of the erroneous byte in the invoking
     * packet (RFC 4443 §3.4).
     */
    public long pointer() {
        return Bytes.readU32(buffer, offset + TYPE_SPECIFIC_WORD);
    }

    public void setPointer(long pointer) {
        Bytes.writeU32(buffer, offset + TYPE_SPECIFIC_WORD, pointer);
    }

    /** Sets the four bytes after the checksum, which are unused or reserved in many types, to zero. */
    public void clearTypeSpecificWord() {
        Bytes.writeU32(buffer, offset + TYPE_SPECIFIC_WORD, 0);
    }

    /** Cur Hop Limit of a Router Advertisement; 0 means unspecified by this router. */
    public int curHopLimit() {
        return Bytes.readU8(buffer, offset + CUR_HOP_LIMIT);
    }

    public void setCurHopLimit(int curHopLimit) {
        buffer[offset + CUR_HOP_LIMIT] = (byte) curHopLimit;
    }

    /** Returns the M flag of a Router Advertisement, set when addresses are available from DHCPv6. */
    public boolean managedAddressConfiguration() {
        return flag(ROUTER_ADVERTISEMENT_FLAGS, FLAG_MANAGED);
    }

    public void setManagedAddressConfiguration(boolean managed) {
        setFlag(ROUTER_ADVERTISEMENT_FLAGS, FLAG_MANAGED, managed);
    }

    /** Returns the O flag of a Router Advertisement, set when other configuration is available from DHCPv6. */
    public boolean otherConfiguration() {
        return flag(ROUTER_ADVERTISEMENT_FLAGS, FLAG_OTHER);
    }

    public void setOtherConfiguration(boolean other) {
        setFlag(ROUTER_ADVERTISEMENT_FLAGS, FLAG_OTHER, other);
    }

    /** Router Lifetime of a Router Advertisement, in seconds; 0 means not a default router. */
    public int routerLifetime() {
        return Bytes.readU16(buffer, offset + ROUTER_LIFETIME);
    }

    public void setRouterLifetime(int seconds) {
        Bytes.writeU16(buffer, offset + ROUTER_LIFETIME, seconds);
    }

    /** Reachable Time of a Router Advertisement, in milliseconds; 0 means unspecified. */
    public long reachableTime() {
        return Bytes.readU32(buffer, offset + REACHABLE_TIME);
    }

    public void setReachableTime(long milliseconds) {
        Bytes.writeU32(buffer, offset + REACHABLE_TIME, milliseconds);
    }

    /** Retrans Timer of a Router Advertisement, in milliseconds; 0 means unspecified. */
    public long retransTimer() {
        return Bytes.readU32(buffer, offset + RETRANS_TIMER);
    }

    public void setRetransTimer(long milliseconds) {
        Bytes.writeU32(buffer, offset + RETRANS_TIMER, milliseconds);
    }

    /** Returns the R flag of a Neighbor Advertisement, set when the sender is a router. */
    public boolean routerFlag() {
        return flag(NEIGHBOR_ADVERTISEMENT_FLAGS, FLAG_ROUTER);
    }

    public void setRouterFlag(boolean router) {
        setFlag(NEIGHBOR_ADVERTISEMENT_FLAGS, FLAG_ROUTER, router);
    }

    /** Returns the S flag of a Neighbor Advertisement, set when it replies to a Neighbor Solicitation. */
    public boolean solicitedFlag() {
        return flag(NEIGHBOR_ADVERTISEMENT_FLAGS, FLAG_SOLICITED);
    }

    public void setSolicitedFlag(boolean solicited) {
        setFlag(NEIGHBOR_ADVERTISEMENT_FLAGS, FLAG_SOLICITED, solicited);
    }

    /** Returns the O flag of a Neighbor Advertisement, set when it should replace a cached link-layer address. */
    public boolean overrideFlag() {
        return flag(NEIGHBOR_ADVERTISEMENT_FLAGS, FLAG_OVERRIDE);
    }

    public void setOverrideFlag(boolean override) {
        setFlag(NEIGHBOR_ADVERTISEMENT_FLAGS, FLAG_OVERRIDE, override);
    }

    /** Target Address of a Neighbor Solicitation, Neighbor Advertisement or Redirect. */
    public Ipv6Address targetAddress() {
        return Ipv6Address.read(buffer, offset + TARGET_ADDRESS);
    }

    public void setTargetAddress(Ipv6Address target) {
        target.write(buffer, offset + TARGET_ADDRESS);
    }

    /** Destination Address of a Redirect: the destination that should use the target instead. */
    public Ipv6Address redirectDestinationAddress() {
        return Ipv6Address.read(buffer, offset + REDIRECT_DESTINATION_ADDRESS);
    }

    public void setRedirectDestinationAddress(Ipv6Address destination) {
        destination.write(buffer, offset + REDIRECT_DESTINATION_ADDRESS);
    }

    /**
     * Maximum Response Code of an MLD query: milliseconds in MLDv1, and in MLDv2 a value that
     * {@link Icmpv6Repr.Mldv2Query#maximumResponseDelay()} decodes.
     */
    public int maximumResponseCode() {
        return Bytes.readU16(buffer, offset + MAXIMUM_RESPONSE_CODE);
    }

    public void setMaximumResponseCode(int code) {
        Bytes.writeU16(buffer, offset + MAXIMUM_RESPONSE_CODE, code);
    }

    /** Multicast Address of an MLD query; {@code ::} in a general query. */
    public Ipv6Address multicastAddress() {
        return Ipv6Address.read(buffer, offset + MULTICAST_ADDRESS);
    }

    public void setMulticastAddress(Ipv6Address address) {
        address.write(buffer, offset + MULTICAST_ADDRESS);
    }

    /** Returns the S flag of an MLDv2 query, set when routers suppress their timer updates (RFC 3810 §5.1.7). */
    public boolean suppressRouterSideProcessing() {
        return flag(QUERY_FLAGS, FLAG_SUPPRESS_ROUTER_SIDE);
    }

    /** Sets the S flag and clears the four reserved bits before it. */
    public void setSuppressRouterSideProcessing(boolean suppress) {
        buffer[offset + QUERY_FLAGS] = (byte) ((suppress ? FLAG_SUPPRESS_ROUTER_SIDE : 0) | querierRobustnessVariable());
    }

    /** QRV of an MLDv2 query, three bits (RFC 3810 §5.1.8). */
    public int querierRobustnessVariable() {
        return buffer[offset + QUERY_FLAGS] & QRV_MASK;
    }

    /** Sets the QRV and clears the four reserved bits before the S flag. */
    public void setQuerierRobustnessVariable(int qrv) {
        int suppress = suppressRouterSideProcessing() ? FLAG_SUPPRESS_ROUTER_SIDE : 0;
        buffer[offset + QUERY_FLAGS] = (byte) (suppress | (qrv & QRV_MASK));
    }

    /** QQIC of an MLDv2 query, which {@link Icmpv6Repr.Mldv2Query#queryInterval()} decodes. */
    public int querierQueryIntervalCode() {
        return Bytes.readU8(buffer, offset + QQIC);
    }

    public void setQuerierQueryIntervalCode(int qqic) {
        buffer[offset + QQIC] = (byte) qqic;
    }

    /** Number of Sources of an MLDv2 query. */
    public int numberOfSources() {
        return Bytes.readU16(buffer, offset + NUMBER_OF_SOURCES);
    }

    public void setNumberOfSources(int count) {
        Bytes.writeU16(buffer, offset + NUMBER_OF_SOURCES, count);
    }

    /** Nr of Mcast Address Records of an MLDv2 report (RFC 3810 §5.2.3). */
    public int numberOfMulticastAddressRecords() {
        return Bytes.readU16(buffer, offset + REPORT_NUMBER_OF_RECORDS);
    }

    public void setNumberOfMulticastAddressRecords(int count) {
        Bytes.writeU16(buffer, offset + REPORT_NUMBER_OF_RECORDS, count);
    }

    private boolean flag(int field, int mask) {
        return (buffer[offset + field] & mask) != 0;
    }

    private void setFlag(int field, int mask, boolean set) {
        int value = buffer[offset + field];
        buffer[offset + field] = (byte) (set ? value | mask : value & ~mask);
    }

    /**
     * True when the checksum over the pseudo-header (RFC 8200 §8.1) and the whole message verifies.
     * {@code destination} is the final destination of the packet.
     */
    public boolean verifyChecksum(Ipv6Address source, Ipv6Address destination) {
        return sum(source, destination) == 0;
    }

    /** Computes the checksum over the pseudo-header and the whole message and stores it. */
    public void fillChecksum(Ipv6Address source, Ipv6Address destination) {
        setChecksum(0);
        setChecksum(sum(source, destination));
    }

    private int sum(Ipv6Address source, Ipv6Address destination) {
        return new InternetChecksum()
                .updateIpv6PseudoHeader(source, destination, IpProtocol.ICMPV6, length)
                .update(buffer, offset, length)
                .value();
    }
}
