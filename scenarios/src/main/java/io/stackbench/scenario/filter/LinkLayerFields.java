package io.stackbench.scenario.filter;

import java.util.Arrays;
import org.pcap4j.packet.ArpPacket;
import org.pcap4j.packet.EthernetPacket;

/** Extracts the eth and arp fields. */
final class LinkLayerFields {

    /** EtherType values up to this one are an IEEE 802.3 length, for which Wireshark has no eth.type. */
    private static final int MAX_802_3_LENGTH = 1500;
    private static final int ARP_HARDWARE_ETHERNET = 1;
    private static final int ARP_HARDWARE_IEEE802 = 6;
    private static final int ETHERTYPE_IPV4 = 0x0800;
    private static final int ARP_REQUEST = 1;
    private static final int ARP_REPLY = 2;

    private LinkLayerFields() {
    }

    static void ethernet(EthernetPacket ethernet, FrameFields.Builder out) {
        EthernetPacket.EthernetHeader header = ethernet.getHeader();
        byte[] destination = header.getDstAddr().getAddress();
        byte[] source = header.getSrcAddr().getAddress();

        out.protocol(FilterField.ETH);
        out.address(FilterField.ETH_DST, destination);
        out.address(FilterField.ETH_SRC, source);
        out.address(FilterField.ETH_ADDR, destination);
        out.address(FilterField.ETH_ADDR, source);
        int type = header.getType().value() & 0xffff;
        if (type > MAX_802_3_LENGTH) {
            out.number(FilterField.ETH_TYPE, type);
        }
    }

    /**
     * Extracts the arp fields. pcap4j reads the addresses at the offsets of a 6-byte hardware and
     * 4-byte protocol address, so the address fields are emitted only for that layout, which is also
     * the only one for which Wireshark names them hw_mac and proto_ipv4.
     */
    static void arp(ArpPacket arp, FrameFields.Builder out) {
        ArpPacket.ArpHeader header = arp.getHeader();
        int hardwareType = header.getHardwareType().value() & 0xffff;
        int protocolType = header.getProtocolType().value() & 0xffff;
        int hardwareSize = header.getHardwareAddrLengthAsInt();
        int protocolSize = header.getProtocolAddrLengthAsInt();
        int opcode = header.getOperation().value() & 0xffff;

        out.protocol(FilterField.ARP);
        out.number(FilterField.ARP_HW_TYPE, hardwareType);
        out.number(FilterField.ARP_PROTO_TYPE, protocolType);
        out.number(FilterField.ARP_HW_SIZE, hardwareSize);
        out.number(FilterField.ARP_PROTO_SIZE, protocolSize);
        out.number(FilterField.ARP_OPCODE, opcode);
        if (hardwareSize != 6 || protocolSize != 4) {
            return;
        }

        boolean ethernetHardware = hardwareType == ARP_HARDWARE_ETHERNET || hardwareType == ARP_HARDWARE_IEEE802;
        boolean ipv4Protocol = protocolType == ETHERTYPE_IPV4;
        byte[] senderIp = header.getSrcProtocolAddr().getAddress();
        byte[] targetIp = header.getDstProtocolAddr().getAddress();
        if (ethernetHardware) {
            out.address(FilterField.ARP_SRC_HW_MAC, header.getSrcHardwareAddr().getAddress());
        }
        if (ipv4Protocol) {
            out.address(FilterField.ARP_SRC_PROTO_IPV4, senderIp);
        }
        if (ethernetHardware) {
            out.address(FilterField.ARP_DST_HW_MAC, header.getDstHardwareAddr().getAddress());
        }
        if (ipv4Protocol) {
            out.address(FilterField.ARP_DST_PROTO_IPV4, targetIp);
        }

        // Wireshark 4.0 adds arp.isgratuitous, always true, only to a request or reply whose
        // sender and target protocol addresses are equal (checked with tshark 4.0.17).
        boolean requestOrReply = opcode == ARP_REQUEST || opcode == ARP_REPLY;
        if (requestOrReply && Arrays.equals(senderIp, targetIp)) {
            out.flag(FilterField.ARP_ISGRATUITOUS, true);
        }
    }
}
