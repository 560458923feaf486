package io.stackbench.stack.wire;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * The meaning of an ICMPv6 message: one record per message of RFC 4443, RFC 4861 and RFC 3810 that
 * the stack handles, and {@link Other} for every other type, so that any message with a valid
 * checksum stays representable.
 *
 * <p>Only structure is checked here: the checksum, and that each message is long enough for its
 * fixed part and its options. Rules about meaning, such as the hop limit 255 and code 0 that
 * Neighbor Discovery requires (RFC 4861 §7.1.1), are left to the protocol layers, which is why the
 * Neighbor Discovery records carry the code. Reserved fields are ignored on parse and written as
 * zero. Each record copies its byte arrays and lists on the way in, so a repr never shares a buffer.
 */
public sealed interface Icmpv6Repr {

    Icmpv6Type type();

    int code();

    /** Returns the message length. */
    int bufferLength();

    /**
     * Writes the whole message into {@code packet} and fills the checksum over the pseudo-header of
     * {@code source} and {@code destination}. The view must be exactly {@link #bufferLength()} bytes
     * long, because the checksum covers all of it.
     */
    void emit(Icmpv6Packet packet, Ipv6Address source, Ipv6Address destination);

    /**
     * Reads a received message. {@code source} and {@code destination} are the addresses of the
     * IPv6 packet, which the checksum covers; {@code destination} is the final one when a Routing
     * header is present (RFC 8200 §8.1).
     *
     * @throws MalformedPacketException {@code icmpv6.truncated} for a message shorter than 4 bytes
     *     or than the fixed part of its type, {@code icmpv6.bad-checksum} when the checksum does
     *     not verify, {@code icmpv6.bad-option-length} for a Neighbor Discovery option of length 0
     *     or one that runs past the message, and {@code icmpv6.bad-length} for an MLD query of 25
     *     to 27 bytes
     */
    static Icmpv6Repr parse(Icmpv6Packet packet, Ipv6Address source, Ipv6Address destination)
            throws MalformedPacketException {
        return Icmpv6Parser.parse(packet, source, destination);
    }

    /**
     * Echo Request (type 128, code 0). RFC 4443 §4.2 requires the {@link EchoReply} to return the
     * same identifier, sequence number and data.
     */
    record EchoRequest(int identifier, int sequenceNumber, byte[] data) implements Icmpv6Repr {

        public EchoRequest {
            requireRange("identifier", identifier, 0xffff);
            requireRange("sequenceNumber", sequenceNumber, 0xffff);
            data = data.clone();
        }

        @Override
        public byte[] data() {
            return data.clone();
        }

        @Override
        public Icmpv6Type type() {
            return Icmpv6Type.ECHO_REQUEST;
        }

        @Override
        public int code() {
            return 0;
        }

        @Override
        public int bufferLength() {
            return Icmpv6Packet.ECHO_OR_ERROR_MIN_LENGTH + data.length;
        }

        @Override
        public void emit(Icmpv6Packet packet, Ipv6Address source, Ipv6Address destination) {
            emitEcho(packet, type(), identifier, sequenceNumber, data);
            packet.fillChecksum(source, destination);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof EchoRequest e
                    && identifier == e.identifier && sequenceNumber == e.sequenceNumber && Arrays.equals(data, e.data);
        }

        @Override
        public int hashCode() {
            return Objects.hash(identifier, sequenceNumber, Arrays.hashCode(data));
        }

        @Override
        public String toString() {
            return "EchoRequest[identifier=" + identifier + ", sequenceNumber=" + sequenceNumber
                    + ", data=" + hex(data) + "]";
        }
    }

    /** Echo Reply (type 129, code 0). */
    record EchoReply(int identifier, int sequenceNumber, byte[] data) implements Icmpv6Repr {

        public EchoReply {
            requireRange("identifier", identifier, 0xffff);
            requireRange("sequenceNumber", sequenceNumber, 0xffff);
            data = data.clone();
        }

        @Override
        public byte[] data() {
            return data.clone();
        }

        @Override
        public Icmpv6Type type() {
            return Icmpv6Type.ECHO_REPLY;
        }

        @Override
        public int code() {
            return 0;
        }

        @Override
        public int bufferLength() {
            return Icmpv6Packet.ECHO_OR_ERROR_MIN_LENGTH + data.length;
        }

        @Override
        public void emit(Icmpv6Packet packet, Ipv6Address source, Ipv6Address destination) {
            emitEcho(packet, type(), identifier, sequenceNumber, data);
            packet.fillChecksum(source, destination);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof EchoReply e
                    && identifier == e.identifier && sequenceNumber == e.sequenceNumber && Arrays.equals(data, e.data);
        }

        @Override
        public int hashCode() {
            return Objects.hash(identifier, sequenceNumber, Arrays.hashCode(data));
        }

        @Override
        public String toString() {
            return "EchoReply[identifier=" + identifier + ", sequenceNumber=" + sequenceNumber
                    + ", data=" + hex(data) + "]";
        }
    }

    /**
     * Destination Unreachable (type 1, RFC 4443 §3.1). {@code invokingPacket} is as much of the
     * packet that caused it as fits; the four unused bytes before it are ignored and written as zero.
     */
    record DestinationUnreachable(int code, byte[] invokingPacket) implements Icmpv6Repr {

        public static final int NO_ROUTE = 0;
        public static final int ADMINISTRATIVELY_PROHIBITED = 1;
        public static final int BEYOND_SCOPE_OF_SOURCE = 2;
        public static final int ADDRESS_UNREACHABLE = 3;
        public static final int PORT_UNREACHABLE = 4;
        public static final int SOURCE_ADDRESS_FAILED_POLICY = 5;
        public static final int REJECT_ROUTE = 6;

        public DestinationUnreachable {
            requireRange("code", code, 0xff);
            invokingPacket = invokingPacket.clone();
        }

        @Override
        public byte[] invokingPacket() {
            return invokingPacket.clone();
        }

        @Override
        public Icmpv6Type type() {
            return Icmpv6Type.DESTINATION_UNREACHABLE;
        }

        @Override
        public int bufferLength() {
            return Icmpv6Packet.ECHO_OR_ERROR_MIN_LENGTH + invokingPacket.length;
        }

        @Override
        public void emit(Icmpv6Packet packet, Ipv6Address source, Ipv6Address destination) {
            emitError(packet, type(), code, invokingPacket);
            packet.fillChecksum(source, destination);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof DestinationUnreachable d && code == d.code
                    && Arrays.equals(invokingPacket, d.invokingPacket);
        }

        @Override
        public int hashCode() {
            return Objects.hash(code, Arrays.hashCode(invokingPacket));
        }

        @Override
        public String toString() {
            return "DestinationUnreachable[code=" + code + ", invokingPacket=" + hex(invokingPacket) + "]";
        }
    }

    /**
     * Packet Too Big (type 2, RFC 4443 §3.2). The code is written as 0 and, as that section
     * requires of receivers, ignored on parse.
     *
     * @param mtu the MTU of the next-hop link, in bytes
     */
    record PacketTooBig(long mtu, byte[] invokingPacket) implements Icmpv6Repr {

        public PacketTooBig {
            requireU32("mtu", mtu);
            invokingPacket = invokingPacket.clone();
        }

        @Override
        public byte[] invokingPacket() {
            return invokingPacket.clone();
        }

        @Override
        public Icmpv6Type type() {
            return Icmpv6Type.PACKET_TOO_BIG;
        }

        @Override
        public int code() {
            return 0;
        }

        @Override
        public int bufferLength() {
            return Icmpv6Packet.ECHO_OR_ERROR_MIN_LENGTH + invokingPacket.length;
        }

        @Override
        public void emit(Icmpv6Packet packet, Ipv6Address source, Ipv6Address destination) {
            emitError(packet, type(), 0, invokingPacket);
            packet.setMtu(mtu);
            packet.fillChecksum(source, destination);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof PacketTooBig p && mtu == p.mtu && Arrays.equals(invokingPacket, p.invokingPacket);
        }

        @Override
        public int hashCode() {
            return Objects.hash(mtu, Arrays.hashCode(invokingPacket));
        }

        @Override
        public String toString() {
            return "PacketTooBig[mtu=" + mtu + ", invokingPacket=" + hex(invokingPacket) + "]";
        }
    }

    /** Time Exceeded (type 3, RFC 4443 §3.3). The four unused bytes are ignored and written as zero. */
    record TimeExceeded(int code, byte[] invokingPacket) implements Icmpv6Repr {

        public static final int HOP_LIMIT_EXCEEDED_IN_TRANSIT = 0;
        public static final int FRAGMENT_REASSEMBLY_TIME_EXCEEDED = 1;

        public TimeExceeded {
            requireRange("code", code, 0xff);
            invokingPacket = invokingPacket.clone();
        }

        @Override
        public byte[] invokingPacket() {
            return invokingPacket.clone();
        }

        @Override
        public Icmpv6Type type() {
            return Icmpv6Type.TIME_EXCEEDED;
        }

        @Override
        public int bufferLength() {
            return Icmpv6Packet.ECHO_OR_ERROR_MIN_LENGTH + invokingPacket.length;
        }

        @Override
        public void emit(Icmpv6Packet packet, Ipv6Address source, Ipv6Address destination) {
            emitError(packet, type(), code, invokingPacket);
            packet.fillChecksum(source, destination);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof TimeExceeded t && code == t.code && Arrays.equals(invokingPacket, t.invokingPacket);
        }

        @Override
        public int hashCode() {
            return Objects.hash(code, Arrays.hashCode(invokingPacket));
        }

        @Override
        public String toString() {
            return "TimeExceeded[code=" + code + ", invokingPacket=" + hex(invokingPacket) + "]";
        }
    }

    /**
     * Parameter Problem (type 4, RFC 4443 §3.4).
     *
     * @param pointer the offset in {@code invokingPacket} of the byte where the problem was found
     */
    record ParameterProblem(int code, long pointer, byte[] invokingPacket) implements Icmpv6Repr {

        public static final int ERRONEOUS_HEADER_FIELD = 0;
        public static final int UNRECOGNIZED_NEXT_HEADER = 1;
        public static final int UNRECOGNIZED_OPTION = 2;

        public ParameterProblem {
            requireRange("code", code, 0xff);
            requireU32("pointer", pointer);
            invokingPacket = invokingPacket.clone();
        }

        @Override
        public byte[] invokingPacket() {
            return invokingPacket.clone();
        }

        @Override
        public Icmpv6Type type() {
            return Icmpv6Type.PARAMETER_PROBLEM;
        }

        @Override
        public int bufferLength() {
            return Icmpv6Packet.ECHO_OR_ERROR_MIN_LENGTH + invokingPacket.length;
        }

        @Override
        public void emit(Icmpv6Packet packet, Ipv6Address source, Ipv6Address destination) {
            emitError(packet, type(), code, invokingPacket);
            packet.setPointer(pointer);
            packet.fillChecksum(source, destination);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof ParameterProblem p && code == p.code && pointer == p.pointer
                    && Arrays.equals(invokingPacket, p.invokingPacket);
        }

        @Override
        public int hashCode() {
            return Objects.hash(code, pointer, Arrays.hashCode(invokingPacket));
        }

        @Override
        public String toString() {
            return "ParameterProblem[code=" + code + ", pointer=" + pointer + ", invokingPacket="
                    + hex(invokingPacket) + "]";
        }
    }

    /** Router Solicitation (type 133, RFC 4861 §4.1). */
    record RouterSolicitation(int code, List<NdpOption> options) implements Icmpv6Repr {

        public RouterSolicitation {
            requireRange("code", code, 0xff);
            options = List.copyOf(options);
        }

        /** Creates a solicitation with code 0. */
        public RouterSolicitation(List<NdpOption> options) {
            this(0, options);
        }

        @Override
        public Icmpv6Type type() {
            return Icmpv6Type.ROUTER_SOLICITATION;
        }

        @Override
        public int bufferLength() {
            return Icmpv6Packet.ROUTER_SOLICITATION_LENGTH + NdpOption.bufferLength(options);
        }

        @Override
        public void emit(Icmpv6Packet packet, Ipv6Address source, Ipv6Address destination) {
            emitNeighborDiscovery(packet, this, Icmpv6Packet.ROUTER_SOLICITATION_LENGTH, options);
            packet.fillChecksum(source, destination);
        }
    }

    /**
     * Router Advertisement (type 134, RFC 4861 §4.2). The flag bits after M and O are ignored on
     * parse and written as zero.
     *
     * @param curHopLimit the hop limit hosts should use, 0 when unspecified
     * @param managedAddressConfiguration the M flag
     * @param otherConfiguration the O flag
     * @param routerLifetime seconds this router stays a default router, 0 when it is not one
     * @param reachableTime milliseconds, 0 when unspecified
     * @param retransTimer milliseconds between Neighbor Solicitations, 0 when unspecified
     */
    record RouterAdvertisement(
            int code, int curHopLimit, boolean managedAddressConfiguration, boolean otherConfiguration,
            int routerLifetime, long reachableTime, long retransTimer, List<NdpOption> options) implements Icmpv6Repr {

        public RouterAdvertisement {
            requireRange("code", code, 0xff);
            requireRange("curHopLimit", curHopLimit, 0xff);
            requireRange("routerLifetime", routerLifetime, 0xffff);
            requireU32("reachableTime", reachableTime);
            requireU32("retransTimer", retransTimer);
            options = List.copyOf(options);
        }

        /** Creates an advertisement with code 0. */
        public RouterAdvertisement(
                int curHopLimit, boolean managedAddressConfiguration, boolean otherConfiguration,
                int routerLifetime, long reachableTime, long retransTimer, List<NdpOption> options) {
            this(0, curHopLimit, managedAddressConfiguration, otherConfiguration,
                    routerLifetime, reachableTime, retransTimer, options);
        }

        @Override
        public Icmpv6Type type() {
            return Icmpv6Type.ROUTER_ADVERTISEMENT;
        }

        @Override
        public int bufferLength() {
            return Icmpv6Packet.ROUTER_ADVERTISEMENT_LENGTH + NdpOption.bufferLength(options);
        }

        @Override
        public void emit(Icmpv6Packet packet, Ipv6Address source, Ipv6Address destination) {
            emitNeighborDiscovery(packet, this, Icmpv6Packet.ROUTER_ADVERTISEMENT_LENGTH, options);
            packet.setCurHopLimit(curHopLimit);
            packet.setManagedAddressConfiguration(managedAddressConfiguration);
            packet.setOtherConfiguration(otherConfiguration);
            packet.setRouterLifetime(routerLifetime);
            packet.setReachableTime(reachableTime);
            packet.setRetransTimer(retransTimer);
            packet.fillChecksum(source, destination);
        }
    }

    /** Neighbor Solicitation (type 135, RFC 4861 §4.3). */
    record NeighborSolicitation(int code, Ipv6Address targetAddress, List<NdpOption> options) implements Icmpv6Repr {

        public NeighborSolicitation {
            requireRange("code", code, 0xff);
            Objects.requireNonNull(targetAddress, "targetAddress");
            options = List.copyOf(options);
        }

        /** Creates a solicitation with code 0. */
        public NeighborSolicitation(Ipv6Address targetAddress, List<NdpOption> options) {
            this(0, targetAddress, options);
        }

        @Override
        public Icmpv6Type type() {
            return Icmpv6Type.NEIGHBOR_SOLICITATION;
        }

        @Override
        public int bufferLength() {
            return Icmpv6Packet.NEIGHBOR_MESSAGE_LENGTH + NdpOption.bufferLength(options);
        }

        @Override
        public void emit(Icmpv6Packet packet, Ipv6Address source, Ipv6Address destination) {
            emitNeighborDiscovery(packet, this, Icmpv6Packet.NEIGHBOR_MESSAGE_LENGTH, options);
            packet.setTargetAddress(targetAddress);
            packet.fillChecksum(source, destination);
        }
    }

    /**
     * Neighbor Advertisement (type 136, RFC 4861 §4.4).
     *
     * @param router the R flag
     * @param solicited the S flag
     * @param override the O flag
     */
    record NeighborAdvertisement(
            int code, boolean router, boolean solicited, boolean override, Ipv6Address targetAddress,
            List<NdpOption> options) implements Icmpv6Repr {

        public NeighborAdvertisement {
            requireRange("code", code, 0xff);
            Objects.requireNonNull(targetAddress, "targetAddress");
            options = List.copyOf(options);
        }

        /** Creates an advertisement with code 0. */
        public NeighborAdvertisement(
                boolean router, boolean solicited, boolean override, Ipv6Address targetAddress,
                List<NdpOption> options) {
            this(0, router, solicited, override, targetAddress, options);
        }

        @Override
        public Icmpv6Type type() {
            return Icmpv6Type.NEIGHBOR_ADVERTISEMENT;
        }

        @Override
        public int bufferLength() {
            return Icmpv6Packet.NEIGHBOR_MESSAGE_LENGTH + NdpOption.bufferLength(options);
        }

        @Override
        public void emit(Icmpv6Packet packet, Ipv6Address source, Ipv6Address destination) {
            emitNeighborDiscovery(packet, this, Icmpv6Packet.NEIGHBOR_MESSAGE_LENGTH, options);
            packet.setRouterFlag(router);
            packet.setSolicitedFlag(solicited);
            packet.setOverrideFlag(override);
            packet.setTargetAddress(targetAddress);
            packet.fillChecksum(source, destination);
        }
    }

    /**
     * Redirect (type 137, RFC 4861 §4.5). A Redirected Header option is kept as
     * {@link NdpOption.Unknown}.
     *
     * @param targetAddress the better first hop
     * @param destinationAddress the destination that is redirected to the target
     */
    record Redirect(int code, Ipv6Address targetAddress, Ipv6Address destinationAddress, List<NdpOption> options)
            implements Icmpv6Repr {

        public Redirect {
            requireRange("code", code, 0xff);
            Objects.requireNonNull(targetAddress, "targetAddress");
            Objects.requireNonNull(destinationAddress, "destinationAddress");
            options = List.copyOf(options);
        }

        /** Creates a redirect with code 0. */
        public Redirect(Ipv6Address targetAddress, Ipv6Address destinationAddress, List<NdpOption> options) {
            this(0, targetAddress, destinationAddress, options);
        }

        @Override
        public Icmpv6Type type() {
            return Icmpv6Type.REDIRECT;
        }

        @Override
        public int bufferLength() {
            return Icmpv6Packet.REDIRECT_LENGTH + NdpOption.bufferLength(options);
        }

        @Override
        public void emit(Icmpv6Packet packet, Ipv6Address source, Ipv6Address destination) {
            emitNeighborDiscovery(packet, this, Icmpv6Packet.REDIRECT_LENGTH, options);
            packet.setTargetAddress(targetAddress);
            packet.setRedirectDestinationAddress(destinationAddress);
            packet.fillChecksum(source, destination);
        }
    }

    /**
     * MLDv1 query (type 130, exactly 24 bytes, RFC 2710 §3 and RFC 3810 §8.1). The code is written
     * as 0 and ignored on parse.
     *
     * @param maximumResponseDelay milliseconds
     * @param multicastAddress the queried group, {@code ::} for a general query
     */
    record MldQuery(int maximumResponseDelay, Ipv6Address multicastAddress) implements Icmpv6Repr {

        public MldQuery {
            requireRange("maximumResponseDelay", maximumResponseDelay, 0xffff);
            Objects.requireNonNull(multicastAddress, "multicastAddress");
        }

        @Override
        public Icmpv6Type type() {
            return Icmpv6Type.MULTICAST_LISTENER_QUERY;
        }

        @Override
        public int code() {
            return 0;
        }

        @Override
        public int bufferLength() {
            return Icmpv6Packet.MLDV1_QUERY_LENGTH;
        }

        @Override
        public void emit(Icmpv6Packet packet, Ipv6Address source, Ipv6Address destination) {
            emitStart(packet, type(), 0, bufferLength());
            packet.clearTypeSpecificWord();
            packet.setMaximumResponseCode(maximumResponseDelay);
            packet.setMulticastAddress(multicastAddress);
            packet.fillChecksum(source, destination);
        }
    }

    /**
     * MLDv2 query (type 130, 28 bytes or more, RFC 3810 §5.1). The code and the reserved bits are
     * written as zero and ignored on parse, and so are bytes after the last source address, the
     * Additional Data of RFC 3810.
     *
     * @param maximumResponseCode the encoded delay that {@link #maximumResponseDelay()} decodes
     * @param suppressRouterSideProcessing the S flag
     * @param querierRobustnessVariable QRV, three bits
     * @param querierQueryIntervalCode QQIC, the encoded interval that {@link #queryInterval()} decodes
     */
    record Mldv2Query(
            int maximumResponseCode, Ipv6Address multicastAddress, boolean suppressRouterSideProcessing,
            int querierRobustnessVariable, int querierQueryIntervalCode, List<Ipv6Address> sources)
            implements Icmpv6Repr {

        public Mldv2Query {
            requireRange("maximumResponseCode", maximumResponseCode, 0xffff);
            Objects.requireNonNull(multicastAddress, "multicastAddress");
            requireRange("querierRobustnessVariable", querierRobustnessVariable, 7);
            requireRange("querierQueryIntervalCode", querierQueryIntervalCode, 0xff);
            sources = List.copyOf(sources);
            requireRange("number of sources", sources.size(), 0xffff);
        }

        /**
         * Returns the Maximum Response Delay in milliseconds: the code itself below 32768, else a
         * 12-bit mantissa and 3-bit exponent (RFC 3810 §5.1.3).
         */
        public long maximumResponseDelay() {
            return decodeFloatingPoint(maximumResponseCode, 0x8000, 12);
        }

        /**
         * Returns the Querier's Query Interval in seconds: the code itself below 128, else a 4-bit
         * mantissa and 3-bit exponent (RFC 3810 §5.1.9).
         */
        public long queryInterval() {
            return decodeFloatingPoint(querierQueryIntervalCode, 0x80, 4);
        }

        private static long decodeFloatingPoint(int code, int floatingPointFlag, int mantissaBits) {
            if (code < floatingPointFlag) {
                return code;
            }
            int mantissa = code & ((1 << mantissaBits) - 1);
            int exponent = (code >>> mantissaBits) & 0x7;
            return (long) (mantissa | (1 << mantissaBits)) << (exponent + 3);
        }

        @Override
        public Icmpv6Type type() {
            return Icmpv6Type.MULTICAST_LISTENER_QUERY;
        }

        @Override
        public int code() {
            return 0;
        }

        @Override
        public int bufferLength() {
            return Icmpv6Packet.MLDV2_QUERY_LENGTH + sources.size() * Ipv6Address.LENGTH;
        }

        @Override
        public void emit(Icmpv6Packet packet, Ipv6Address source, Ipv6Address destination) {
            emitStart(packet, type(), 0, bufferLength());
            packet.clearTypeSpecificWord();
            packet.setMaximumResponseCode(maximumResponseCode);
            packet.setMulticastAddress(multicastAddress);
            packet.setSuppressRouterSideProcessing(suppressRouterSideProcessing);
            packet.setQuerierRobustnessVariable(querierRobustnessVariable);
            packet.setQuerierQueryIntervalCode(querierQueryIntervalCode);
            packet.setNumberOfSources(sources.size());
            int position = packet.offset() + Icmpv6Packet.MLDV2_QUERY_LENGTH;
            for (Ipv6Address address : sources) {
                address.write(packet.buffer(), position);
                position += Ipv6Address.LENGTH;
            }
            packet.fillChecksum(source, destination);
        }
    }

    /**
     * Version 2 Multicast Listener Report (type 143, RFC 3810 §5.2). The reserved fields are
     * written as zero and ignored on parse, and so are bytes after the last record.
     */
    record Mldv2Report(List<MulticastAddressRecord> records) implements Icmpv6Repr {

        public Mldv2Report {
            records = List.copyOf(records);
            requireRange("number of records", records.size(), 0xffff);
        }

        @Override
        public Icmpv6Type type() {
            return Icmpv6Type.MULTICAST_LISTENER_REPORT_V2;
        }

        @Override
        public int code() {
            return 0;
        }

        @Override
        public int bufferLength() {
            int length = Icmpv6Packet.MLDV2_REPORT_LENGTH;
            for (MulticastAddressRecord addressRecord : records) {
                length += addressRecord.bufferLength();
            }
            return length;
        }

        @Override
        public void emit(Icmpv6Packet packet, Ipv6Address source, Ipv6Address destination) {
            emitStart(packet, type(), 0, bufferLength());
            packet.clearTypeSpecificWord();
            packet.setNumberOfMulticastAddressRecords(records.size());
            int position = packet.offset() + Icmpv6Packet.MLDV2_REPORT_LENGTH;
            for (MulticastAddressRecord addressRecord : records) {
                addressRecord.emit(packet.buffer(), position);
                position += addressRecord.bufferLength();
            }
            packet.fillChecksum(source, destination);
        }
    }

    /**
     * Any message that none of the other records represent. {@code rest} is every byte after the
     * checksum. A type and code that parse as another record are rejected, because a round trip
     * must give back an equal repr, and so is an echo type with fewer than 4 bytes of rest.
     */
    record Other(Icmpv6Type type, int code, byte[] rest) implements Icmpv6Repr {

        public Other {
            Objects.requireNonNull(type, "type");
            requireRange("code", code, 0xff);
            if (Icmpv6Parser.hasOwnRecord(type, code)) {
                throw new IllegalArgumentException("ICMPv6 type " + type + " code " + code
                        + " has its own record; use that instead of Other");
            }
            int minimum = Icmpv6Parser.minimumLength(type) - Icmpv6Packet.HEADER_LENGTH;
            if (rest.length < minimum) {
                throw new IllegalArgumentException("ICMPv6 type " + type + " needs at least " + minimum
                        + " bytes after the checksum, not " + rest.length);
            }
            rest = rest.clone();
        }

        @Override
        public byte[] rest() {
            return rest.clone();
        }

        @Override
        public int bufferLength() {
            return Icmpv6Packet.HEADER_LENGTH + rest.length;
        }

        @Override
        public void emit(Icmpv6Packet packet, Ipv6Address source, Ipv6Address destination) {
            emitStart(packet, type, code, bufferLength());
            System.arraycopy(rest, 0, packet.buffer(), packet.offset() + Icmpv6Packet.HEADER_LENGTH, rest.length);
            packet.fillChecksum(source, destination);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Other other && type.equals(other.type) && code == other.code
                    && Arrays.equals(rest, other.rest);
        }

        @Override
        public int hashCode() {
            return Objects.hash(type, code, Arrays.hashCode(rest));
        }

        @Override
        public String toString() {
            return "Other[type=" + type + ", code=" + code + ", rest=" + hex(rest) + "]";
        }
    }

    /** Checks the view length and writes type and code. The caller writes the rest and the checksum. */
    private static void emitStart(Icmpv6Packet packet, Icmpv6Type type, int code, int messageLength) {
        Bytes.requireExactLength(packet.length(), messageLength, "ICMPv6 message");
        packet.setType(type);
        packet.setCode(code);
    }

    private static void emitEcho(Icmpv6Packet packet, Icmpv6Type type, int identifier, int sequenceNumber, byte[] data) {
        emitStart(packet, type, 0, Icmpv6Packet.ECHO_OR_ERROR_MIN_LENGTH + data.length);
        packet.setIdentifier(identifier);
        packet.setSequenceNumber(sequenceNumber);
        System.arraycopy(data, 0, packet.buffer(), packet.offset() + Icmpv6Packet.ECHO_OR_ERROR_MIN_LENGTH, data.length);
    }

    private static void emitError(Icmpv6Packet packet, Icmpv6Type type, int code, byte[] invokingPacket) {
        emitStart(packet, type, code, Icmpv6Packet.ECHO_OR_ERROR_MIN_LENGTH + invokingPacket.length);
        packet.clearTypeSpecificWord();
        System.arraycopy(invokingPacket, 0, packet.buffer(),
                packet.offset() + Icmpv6Packet.ECHO_OR_ERROR_MIN_LENGTH, invokingPacket.length);
    }

    /**
     * Writes type and code, zeros over the fixed part after the checksum for the caller to fill in,
     * and the options behind the fixed part.
     */
    private static void emitNeighborDiscovery(
            Icmpv6Packet packet, Icmpv6Repr repr, int fixedLength, List<NdpOption> options) {
        emitStart(packet, repr.type(), repr.code(), repr.bufferLength());
        Arrays.fill(packet.buffer(), packet.offset() + Icmpv6Packet.HEADER_LENGTH, packet.offset() + fixedLength, (byte) 0);
        NdpOption.emitAll(options, packet.buffer(), packet.offset() + fixedLength);
    }

    private static void requireRange(String field, int value, int max) {
        if (value < 0 || value > max) {
            throw new IllegalArgumentException("ICMPv6 " + field + " " + value + " is not between 0 and " + max);
        }
    }

    private static void requireU32(String field, long value) {
        if (value < 0 || value > 0xffff_ffffL) {
            throw new IllegalArgumentException("ICMPv6 " + field + " " + value + " does not fit in 32 bits");
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
