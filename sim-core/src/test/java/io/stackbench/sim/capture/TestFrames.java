package io.stackbench.sim.capture;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;

/** Well-formed Ethernet frames built byte by byte, independent of the stack's codecs. */
final class TestFrames {

    static final byte[] MAC_A = Hex.bytes("020000000001");
    static final byte[] MAC_B = Hex.bytes("020000000002");
    static final byte[] BROADCAST = Hex.bytes("ffffffffffff");

    private TestFrames() {
    }

    static InetAddress address(String literal) {
        try {
            // A literal address parses without any name lookup.
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }

    /** Builds an ARP request (RFC 826) padded to the 60-byte Ethernet minimum. */
    static byte[] arpRequest(byte[] senderMac, Inet4Address sender, Inet4Address target) {
        ByteBuffer frame = ByteBuffer.allocate(60);
        frame.put(BROADCAST).put(senderMac).putShort((short) 0x0806);
        frame.putShort((short) 1);          // hardware type: Ethernet
        frame.putShort((short) 0x0800);     // protocol type: IPv4
        frame.put((byte) 6).put((byte) 4);  // hardware and protocol address lengths
        frame.putShort((short) 1);          // opcode: request
        frame.put(senderMac).put(sender.getAddress());
        frame.put(new byte[6]).put(target.getAddress());
        return frame.array();
    }

    /** Builds a UDP datagram in IPv4 (RFC 791, RFC 768) with valid checksums, padded to 60 bytes. */
    static byte[] ipv4Udp(byte[] sourceMac, byte[] destinationMac, Inet4Address source, Inet4Address destination,
            byte[] payload) {
        int udpLength = 8 + payload.length;
        int totalLength = 20 + udpLength;
        ByteBuffer frame = ByteBuffer.allocate(Math.max(60, 14 + totalLength));
        frame.put(destinationMac).put(sourceMac).putShort((short) 0x0800);

        ByteBuffer ip = ByteBuffer.allocate(20);
        ip.put((byte) 0x45).put((byte) 0).putShort((short) totalLength);
        ip.putShort((short) 1).putShort((short) 0x4000); // identification, don't fragment
        ip.put((byte) 64).put((byte) 17).putShort((short) 0);
        ip.put(source.getAddress()).put(destination.getAddress());
        ip.putShort(10, checksum(ip.array(), 0));
        frame.put(ip.array());

        ByteBuffer pseudo = ByteBuffer.allocate(12 + udpLength);
        pseudo.put(source.getAddress()).put(destination.getAddress());
        pseudo.put((byte) 0).put((byte) 17).putShort((short) udpLength);
        frame.put(udp(pseudo, udpLength, payload));
        return frame.array();
    }

    /** Builds a UDP datagram in IPv6 (RFC 8200) with a valid checksum. */
    static byte[] ipv6Udp(byte[] sourceMac, byte[] destinationMac, Inet6Address source, Inet6Address destination,
            byte[] payload) {
        int udpLength = 8 + payload.length;
        ByteBuffer frame = ByteBuffer.allocate(14 + 40 + udpLength);
        frame.put(destinationMac).put(sourceMac).putShort((short) 0x86dd);
        frame.putInt(0x6000_0000).putShort((short) udpLength).put((byte) 17).put((byte) 64);
        frame.put(source.getAddress()).put(destination.getAddress());

        ByteBuffer pseudo = ByteBuffer.allocate(40 + udpLength);
        pseudo.put(source.getAddress()).put(destination.getAddress());
        pseudo.putInt(udpLength).putInt(17);
        frame.put(udp(pseudo, udpLength, payload));
        return frame.array();
    }

    private static byte[] udp(ByteBuffer pseudoHeader, int udpLength, byte[] payload) {
        int udpStart = pseudoHeader.position();
        pseudoHeader.putShort((short) 40000).putShort((short) 9); // source port, discard port
        pseudoHeader.putShort((short) udpLength).putShort((short) 0).put(payload);
        short sum = checksum(pseudoHeader.array(), 0);
        pseudoHeader.putShort(udpStart + 6, sum == 0 ? (short) 0xffff : sum);
        byte[] udp = new byte[udpLength];
        System.arraycopy(pseudoHeader.array(), udpStart, udp, 0, udpLength);
        return udp;
    }

    /** Computes the Internet checksum (RFC 1071) of {@code bytes} from {@code start}. */
    private static short checksum(byte[] bytes, int start) {
        long sum = 0;
        for (int i = start; i < bytes.length; i += 2) {
            int high = bytes[i] & 0xff;
            int low = i + 1 < bytes.length ? bytes[i + 1] & 0xff : 0;
            sum += (high << 8) | low;
        }
        while ((sum >>> 16) != 0) {
            sum = (sum & 0xffff) + (sum >>> 16);
        }
        return (short) ~sum;
    }
}
