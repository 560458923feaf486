package io.stackbench.scenario.filter;

import java.util.Arrays;
import org.pcap4j.packet.IcmpV4CommonPacket;
import org.pcap4j.packet.IcmpV6CommonPacket;
import org.pcap4j.packet.IcmpV6NeighborAdvertisementPacket;
import org.pcap4j.packet.IcmpV6NeighborSolicitationPacket;
import org.pcap4j.packet.IcmpV6RouterAdvertisementPacket;

/** Extracts the icmp and icmpv6 fields, including neighbor discovery messages and options and MLD messages. */
final class IcmpFields {

    private static final int ROUTER_SOLICITATION = 133;
    private static final int ROUTER_ADVERTISEMENT = 134;
    private static final int NEIGHBOR_SOLICITATION = 135;
    private static final int NEIGHBOR_ADVERTISEMENT = 136;
    private static final int REDIRECT = 137;
    private static final int OPTION_PREFIX_INFORMATION = 3;
    /** Length of a prefix information option in bytes (RFC 4861 §4.6.2). */
    private static final int PREFIX_INFORMATION_LENGTH = 32;
    private static final int PREFIX_OFFSET_IN_OPTION = 16;

    private IcmpFields() {
    }

    static void icmpv4(IcmpV4CommonPacket packet, FrameFields.Builder out) {
        IcmpV4CommonPacket.IcmpV4CommonHeader header = packet.getHeader();
        out.protocol(FilterField.ICMP);
        out.number(FilterField.ICMP_TYPE, header.getType().value() & 0xff);
        out.number(FilterField.ICMP_CODE, header.getCode().value() & 0xff);
        out.number(FilterField.ICMP_CHECKSUM, header.getChecksum() & 0xffff);
    }

    static void icmpv4Echo(int identifier, int sequenceNumber, FrameFields.Builder out) {
        out.number(FilterField.ICMP_IDENT, identifier);
        out.number(FilterField.ICMP_SEQ, sequenceNumber);
    }

    static void icmpv6(IcmpV6CommonPacket packet, FrameFields.Builder out) {
        IcmpV6CommonPacket.IcmpV6CommonHeader header = packet.getHeader();
        int type = header.getType().value() & 0xff;

        out.protocol(FilterField.ICMPV6);
        out.number(FilterField.ICMPV6_TYPE, type);
        out.number(FilterField.ICMPV6_CODE, header.getCode().value() & 0xff);
        out.number(FilterField.ICMPV6_CHECKSUM, header.getChecksum() & 0xffff);
        int optionsOffset = optionsOffset(type);
        if (optionsOffset > 0) {
            options(packet.getRawData(), optionsOffset, out);
        }
        MldFields.decode(type, packet.getRawData(), out);
    }

    static void neighborSolicitation(IcmpV6NeighborSolicitationPacket packet, FrameFields.Builder out) {
        out.address(FilterField.ICMPV6_ND_NS_TARGET_ADDRESS, packet.getHeader().getTargetAddress().getAddress());
    }

    static void neighborAdvertisement(IcmpV6NeighborAdvertisementPacket packet, FrameFields.Builder out) {
        IcmpV6NeighborAdvertisementPacket.IcmpV6NeighborAdvertisementHeader header = packet.getHeader();
        out.flag(FilterField.ICMPV6_ND_NA_FLAG_R, header.getRouterFlag());
        out.flag(FilterField.ICMPV6_ND_NA_FLAG_S, header.getSolicitedFlag());
        out.flag(FilterField.ICMPV6_ND_NA_FLAG_O, header.getOverrideFlag());
        out.address(FilterField.ICMPV6_ND_NA_TARGET_ADDRESS, header.getTargetAddress().getAddress());
    }

    static void routerAdvertisement(IcmpV6RouterAdvertisementPacket packet, FrameFields.Builder out) {
        IcmpV6RouterAdvertisementPacket.IcmpV6RouterAdvertisementHeader header = packet.getHeader();
        out.number(FilterField.ICMPV6_ND_RA_CUR_HOP_LIMIT, header.getCurHopLimitAsInt());
        out.flag(FilterField.ICMPV6_ND_RA_FLAG_M, header.getManagedAddressConfigurationFlag());
        out.flag(FilterField.ICMPV6_ND_RA_FLAG_O, header.getOtherConfigurationFlag());
        out.number(FilterField.ICMPV6_ND_RA_ROUTER_LIFETIME, header.getRouterLifetimeAsInt());
    }

    static void icmpv6Echo(int identifier, int sequenceNumber, FrameFields.Builder out) {
        out.number(FilterField.ICMPV6_ECHO_IDENTIFIER, identifier);
        out.number(FilterField.ICMPV6_ECHO_SEQUENCE_NUMBER, sequenceNumber);
    }

    /** Returns where the options of a neighbor discovery message start, or 0 for other types. */
    private static int optionsOffset(int type) {
        return switch (type) {
            case ROUTER_SOLICITATION -> 8;
            case ROUTER_ADVERTISEMENT -> 16;
            case NEIGHBOR_SOLICITATION, NEIGHBOR_ADVERTISEMENT -> 24;
            case REDIRECT -> 40;
            default -> 0;
        };
    }

    /**
     * Reads the neighbor discovery options from the raw ICMPv6 message. pcap4j drops a message whose
     * options it cannot parse, so the options are read here from the bytes it exposes. Like
     * Wireshark, each option's type is reported even when its length is zero or runs past the end,
     * and reading stops there.
     */
    private static void options(byte[] message, int offset, FrameFields.Builder out) {
        int position = offset;
        while (position < message.length) {
            int type = message[position] & 0xff;
            out.number(FilterField.ICMPV6_OPT_TYPE, type);
            if (position + 1 >= message.length) {
                return;
            }
            int length = (message[position + 1] & 0xff) * 8;
            if (length == 0 || position + length > message.length) {
                return;
            }

            if (type == OPTION_PREFIX_INFORMATION && length == PREFIX_INFORMATION_LENGTH) {
                int start = position + PREFIX_OFFSET_IN_OPTION;
                out.address(FilterField.ICMPV6_OPT_PREFIX, Arrays.copyOfRange(message, start, start + 16));
            }
            position += length;
        }
    }
}
