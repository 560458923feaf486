package io.stackbench.stack.wire;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The body of {@link Icmpv6Repr#parse}: checks a received message and builds its record. */
final class Icmpv6Parser {

    private Icmpv6Parser() {
    }

    static Icmpv6Repr parse(Icmpv6Packet packet, Ipv6Address source, Ipv6Address destination)
            throws MalformedPacketException {
        packet.check();

        if (!packet.verifyChecksum(source, destination)) {
            throw malformed(MalformedPacketException.Reason.BAD_CHECKSUM,
                    String.format(Locale.ROOT, "checksum 0x%04x does not verify over %d bytes from %s to %s",
                            packet.checksum(), packet.length(), source, destination));
        }
        Icmpv6Type type = packet.type();
        int minimum = minimumLength(type);
        if (packet.length() < minimum) {
            throw malformed(MalformedPacketException.Reason.TRUNCATED,
                    type + " of " + packet.length() + " bytes is shorter than its " + minimum + "-byte fixed part");
        }

        int code = packet.code();
        return switch (type.value()) {
            case 128 -> code == 0
                    ? new Icmpv6Repr.EchoRequest(packet.identifier(), packet.sequenceNumber(), bytesAfter(packet, 8))
                    : other(packet);
            case 129 -> code == 0
                    ? new Icmpv6Repr.EchoReply(packet.identifier(), packet.sequenceNumber(), bytesAfter(packet, 8))
                    : other(packet);
            case 1 -> new Icmpv6Repr.DestinationUnreachable(code, bytesAfter(packet, 8));
            case 2 -> new Icmpv6Repr.PacketTooBig(packet.mtu(), bytesAfter(packet, 8));
            case 3 -> new Icmpv6Repr.TimeExceeded(code, bytesAfter(packet, 8));
            case 4 -> new Icmpv6Repr.ParameterProblem(code, packet.pointer(), bytesAfter(packet, 8));
            case 133 -> new Icmpv6Repr.RouterSolicitation(code,
                    options(packet, Icmpv6Packet.ROUTER_SOLICITATION_LENGTH));
            case 134 -> new Icmpv6Repr.RouterAdvertisement(code, packet.curHopLimit(),
                    packet.managedAddressConfiguration(), packet.otherConfiguration(), packet.routerLifetime(),
                    packet.reachableTime(), packet.retransTimer(),
                    options(packet, Icmpv6Packet.ROUTER_ADVERTISEMENT_LENGTH));
            case 135 -> new Icmpv6Repr.NeighborSolicitation(code, packet.targetAddress(),
                    options(packet, Icmpv6Packet.NEIGHBOR_MESSAGE_LENGTH));
            case 136 -> new Icmpv6Repr.NeighborAdvertisement(code, packet.routerFlag(), packet.solicitedFlag(),
                    packet.overrideFlag(), packet.targetAddress(), options(packet, Icmpv6Packet.NEIGHBOR_MESSAGE_LENGTH));
            case 137 -> new Icmpv6Repr.Redirect(code, packet.targetAddress(), packet.redirectDestinationAddress(),
                    options(packet, Icmpv6Packet.REDIRECT_LENGTH));
            case 130 -> query(packet);
            case 143 -> report(packet);
            default -> other(packet);
        };
    }

    /** Returns the length below which a message of {@code type} is truncated. */
    static int minimumLength(Icmpv6Type type) {
        return switch (type.value()) {
            case 1, 2, 3, 4, 128, 129 -> Icmpv6Packet.ECHO_OR_ERROR_MIN_LENGTH;
            case 133 -> Icmpv6Packet.ROUTER_SOLICITATION_LENGTH;
            case 134 -> Icmpv6Packet.ROUTER_ADVERTISEMENT_LENGTH;
            case 135, 136 -> Icmpv6Packet.NEIGHBOR_MESSAGE_LENGTH;
            case 137 -> Icmpv6Packet.REDIRECT_LENGTH;
            case 130 -> Icmpv6Packet.MLDV1_QUERY_LENGTH;
            case 143 -> Icmpv6Packet.MLDV2_REPORT_LENGTH;
            default -> Icmpv6Packet.HEADER_LENGTH;
        };
    }

    /** True when {@link #parse} returns a record other than {@link Icmpv6Repr.Other} for this type and code. */
    static boolean hasOwnRecord(Icmpv6Type type, int code) {
        return switch (type.value()) {
            case 128, 129 -> code == 0;
            case 1, 2, 3, 4, 130, 133, 134, 135, 136, 137, 143 -> true;
            default -> false;
        };
    }

    /**
     * Reads an MLD query, whose version follows from its length: 24 bytes is MLDv1, 28 or more is
     * MLDv2, and RFC 3810 §8.1 requires any other length to be ignored.
     */
    private static Icmpv6Repr query(Icmpv6Packet packet) throws MalformedPacketException {
        int length = packet.length();
        if (length == Icmpv6Packet.MLDV1_QUERY_LENGTH) {
            return new Icmpv6Repr.MldQuery(packet.maximumResponseCode(), packet.multicastAddress());
        }
        if (length < Icmpv6Packet.MLDV2_QUERY_LENGTH) {
            throw malformed(MalformedPacketException.Reason.BAD_LENGTH,
                    "MLD query of " + length + " bytes is neither 24 bytes (MLDv1) nor at least 28 (MLDv2)");
        }

        int sourceCount = packet.numberOfSources();
        int needed = Icmpv6Packet.MLDV2_QUERY_LENGTH + sourceCount * Ipv6Address.LENGTH;
        if (length < needed) {
            throw malformed(MalformedPacketException.Reason.TRUNCATED,
                    "MLDv2 query with " + sourceCount + " sources needs " + needed + " bytes, not " + length);
        }
        Ipv6Address[] sources = new Ipv6Address[sourceCount];
        for (int i = 0; i < sourceCount; i++) {
            int position = packet.offset() + Icmpv6Packet.MLDV2_QUERY_LENGTH + i * Ipv6Address.LENGTH;
            sources[i] = Ipv6Address.read(packet.buffer(), position);
        }
        return new Icmpv6Repr.Mldv2Query(packet.maximumResponseCode(), packet.multicastAddress(),
                packet.suppressRouterSideProcessing(), packet.querierRobustnessVariable(),
                packet.querierQueryIntervalCode(), List.of(sources));
    }

    private static Icmpv6Repr report(Icmpv6Packet packet) throws MalformedPacketException {
        int recordCount = packet.numberOfMulticastAddressRecords();
        int end = packet.offset() + packet.length();
        int position = packet.offset() + Icmpv6Packet.MLDV2_REPORT_LENGTH;
        List<MulticastAddressRecord> records = new ArrayList<>();
        for (int i = 0; i < recordCount; i++) {
            MulticastAddressRecord addressRecord = MulticastAddressRecord.read(packet.buffer(), position, end);
            records.add(addressRecord);
            position += addressRecord.bufferLength();
        }
        return new Icmpv6Repr.Mldv2Report(records);
    }

    private static List<NdpOption> options(Icmpv6Packet packet, int fixedLength) throws MalformedPacketException {
        return NdpOption.parseAll(packet.buffer(), packet.offset() + fixedLength, packet.length() - fixedLength);
    }

    private static Icmpv6Repr other(Icmpv6Packet packet) {
        return new Icmpv6Repr.Other(packet.type(), packet.code(), bytesAfter(packet, Icmpv6Packet.HEADER_LENGTH));
    }

    private static byte[] bytesAfter(Icmpv6Packet packet, int fixedLength) {
        return Arrays.copyOfRange(packet.buffer(), packet.offset() + fixedLength, packet.offset() + packet.length());
    }

    private static MalformedPacketException malformed(MalformedPacketException.Reason reason, String detail) {
        return new MalformedPacketException(Icmpv6Packet.PROTOCOL, reason, detail);
    }
}
