package io.stackbench.bench;

import io.stackbench.sim.net.MacAddress;

/**
 * Builds the input frames of the benchmarks byte by byte, without the stack's own codecs, so a
 * codec bug in the stack cannot shape the frames it is measured on.
 */
final class BenchFrames {

    /** The minimum Ethernet frame length without the frame check sequence; shorter frames are padded. */
    static final int MIN_FRAME_LENGTH = 60;
    static final int ETHERNET_HEADER_LENGTH = 14;
    static final int IPV4_HEADER_LENGTH = 20;
    static final int ICMP_ECHO_HEADER_LENGTH = 8;

    private static final int ETHERTYPE_IPV4 = 0x0800;
    private static final int ETHERTYPE_ARP = 0x0806;
    private static final int IP_PROTOCOL_ICMP = 1;
    private static final int ICMP_ECHO_REQUEST = 8;
    private static final int ARP_REQUEST = 1;

    private BenchFrames() {
    }

    /**
     * Builds an Ethernet + IPv4 + ICMP echo request with {@code payloadLength} data
     * octets 0, 1, 2, ..., TTL 64 and valid checksums.
     *
     * @param sourceAddress IPv4 source as a 32-bit value, for example {@code 0x0a000002} for 10.0.0.2
     */
    static byte[] echoRequest(MacAddress destinationMac, MacAddress sourceMac, int sourceAddress, int destinationAddress,
            int identifier, int sequence, int payloadLength) {
        int ipLength = IPV4_HEADER_LENGTH + ICMP_ECHO_HEADER_LENGTH + payloadLength;
        byte[] frame = new byte[Math.max(MIN_FRAME_LENGTH, ETHERNET_HEADER_LENGTH + ipLength)];
        writeEthernetHeader(frame, destinationMac, sourceMac, ETHERTYPE_IPV4);

        int ip = ETHERNET_HEADER_LENGTH;
        frame[ip] = 0x45; // version 4, IHL 5 words
        putShort(frame, ip + 2, ipLength);
        putShort(frame, ip + 4, sequence); // identification
        frame[ip + 8] = 64; // time to live
        frame[ip + 9] = IP_PROTOCOL_ICMP;
        putInt(frame, ip + 12, sourceAddress);
        putInt(frame, ip + 16, destinationAddress);
        putShort(frame, ip + 10, internetChecksum(frame, ip, IPV4_HEADER_LENGTH));

        int icmp = ip + IPV4_HEADER_LENGTH;
        frame[icmp] = ICMP_ECHO_REQUEST;
        putShort(frame, icmp + 4, identifier);
        putShort(frame, icmp + 6, sequence);
        for (int i = 0; i < payloadLength; i++) {
            frame[icmp + ICMP_ECHO_HEADER_LENGTH + i] = (byte) i;
        }
        int icmpLength = ICMP_ECHO_HEADER_LENGTH + payloadLength;
        putShort(frame, icmp + 2, internetChecksum(frame, icmp, icmpLength));
        return frame;
    }

    /** Builds a broadcast ARP request from {@code senderMac}/{@code senderAddress} for {@code targetAddress}. */
    static byte[] arpRequest(MacAddress senderMac, int senderAddress, int targetAddress) {
        byte[] frame = new byte[MIN_FRAME_LENGTH];
        writeEthernetHeader(frame, MacAddress.BROADCAST, senderMac, ETHERTYPE_ARP);

        int arp = ETHERNET_HEADER_LENGTH;
        putShort(frame, arp, 1); // hardware type: Ethernet
        putShort(frame, arp + 2, ETHERTYPE_IPV4); // protocol type
        frame[arp + 4] = 6; // hardware address length
        frame[arp + 5] = 4; // protocol address length
        putShort(frame, arp + 6, ARP_REQUEST);
        senderMac.write(frame, arp + 8);
        putInt(frame, arp + 14, senderAddress);
        // The target hardware address, octets 18..23, stays zero in a request.
        putInt(frame, arp + 24, targetAddress);
        return frame;
    }

    private static void writeEthernetHeader(byte[] frame, MacAddress destination, MacAddress source, int etherType) {
        destination.write(frame, 0);
        source.write(frame, 6);
        putShort(frame, 12, etherType);
    }

    /** Computes the Internet checksum, the one's-complement sum of 16-bit words, of {@code length} octets at {@code offset}. */
    static int internetChecksum(byte[] bytes, int offset, int length) {
        long sum = 0;
        for (int i = 0; i + 1 < length; i += 2) {
            sum += ((bytes[offset + i] & 0xff) << 8) | (bytes[offset + i + 1] & 0xff);
        }
        if ((length & 1) != 0) {
            sum += (bytes[offset + length - 1] & 0xff) << 8;
        }
        while ((sum >>> 16) != 0) {
            sum = (sum & 0xffff) + (sum >>> 16);
        }
        return (int) (~sum & 0xffff);
    }

    private static void putShort(byte[] bytes, int offset, int value) {
        bytes[offset] = (byte) (value >>> 8);
        bytes[offset + 1] = (byte) value;
    }

    private static void putInt(byte[] bytes, int offset, int value) {
        putShort(bytes, offset, value >>> 16);
        putShort(bytes, offset + 2, value);
    }
}
