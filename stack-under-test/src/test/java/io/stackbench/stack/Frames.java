package io.stackbench.stack;

import io.stackbench.sim.net.MacAddress;
import io.stackbench.stack.wire.ArpOperation;
import io.stackbench.stack.wire.ArpPacket;
import io.stackbench.stack.wire.ArpRepr;
import io.stackbench.stack.wire.EtherType;
import io.stackbench.stack.wire.EthernetFrame;
import io.stackbench.stack.wire.EthernetHeader;
import io.stackbench.stack.wire.Icmpv4Packet;
import io.stackbench.stack.wire.Icmpv4Repr;
import io.stackbench.stack.wire.IpProtocol;
import io.stackbench.stack.wire.Ipv4Address;
import io.stackbench.stack.wire.Ipv4Packet;
import io.stackbench.stack.wire.Ipv4Repr;
import java.util.Arrays;
import java.util.HexFormat;

/** Builders of input frames for the behaviour tests, written with the {@code wire} reprs. */
public final class Frames {

    /** TTL of the datagrams that the builders write. */
    public static final int PEER_TTL = 64;

    private Frames() {
    }

    /**
     * Decodes hex written one field per line: whitespace is ignored and {@code #} starts a comment
     * that runs to the end of the line.
     */
    public static byte[] hex(String annotated) {
        StringBuilder digits = new StringBuilder();
        for (String line : annotated.split("\n", -1)) {
            int comment = line.indexOf('#');
            String code = comment >= 0 ? line.substring(0, comment) : line;
            digits.append(code.replaceAll("\\s+", ""));
        }
        return HexFormat.of().parseHex(digits);
    }

    /** Returns an Ethernet II frame around {@code payload}, without padding. */
    public static byte[] ethernet(MacAddress destination, MacAddress source, EtherType etherType, byte[] payload) {
        byte[] frame = new byte[EthernetFrame.HEADER_LENGTH + payload.length];
        new EthernetHeader(destination, source, etherType).emit(new EthernetFrame(frame));
        System.arraycopy(payload, 0, frame, EthernetFrame.HEADER_LENGTH, payload.length);
        return frame;
    }

    /** Returns an Ethernet II frame around {@code payload}, zero-padded to the 60-byte minimum. */
    public static byte[] paddedEthernet(MacAddress destination, MacAddress source, EtherType etherType, byte[] payload) {
        return EthernetFrame.padToMinimumLength(ethernet(destination, source, etherType, payload));
    }

    public static ArpRepr arpRequest(MacAddress senderMac, Ipv4Address sender, Ipv4Address target) {
        return new ArpRepr(ArpOperation.REQUEST, senderMac, sender, MacAddress.ZERO, target);
    }

    public static ArpRepr arpReply(MacAddress senderMac, Ipv4Address sender, MacAddress targetMac, Ipv4Address target) {
        return new ArpRepr(ArpOperation.REPLY, senderMac, sender, targetMac, target);
    }

    /** Returns the 28 bytes of an ARP packet. */
    public static byte[] arp(ArpRepr arp) {
        byte[] packet = new byte[arp.bufferLength()];
        arp.emit(new ArpPacket(packet));
        return packet;
    }

    /** Returns a padded frame carrying {@code arp}, sent from the ARP sender's MAC. */
    public static byte[] arpFrame(MacAddress destination, ArpRepr arp) {
        return paddedEthernet(destination, arp.senderHardwareAddress(), EtherType.ARP, arp(arp));
    }

    /** Returns an IPv4 datagram with a 20-byte header, TTL {@link #PEER_TTL} and a valid checksum. */
    public static byte[] ipv4(Ipv4Address source, Ipv4Address destination, IpProtocol protocol, byte[] payload) {
        Ipv4Repr header = new Ipv4Repr(source, destination, protocol, PEER_TTL, 0x4242, false, false, 0, 0, 0, payload.length);
        byte[] packet = new byte[header.bufferLength()];
        Ipv4Packet view = new Ipv4Packet(packet);
        header.emit(view);
        System.arraycopy(payload, 0, packet, view.payloadOffset(), payload.length);
        return packet;
    }

    /** Recomputes the header checksum of a datagram at the start of {@code packet}, after a test changed a field. */
    public static byte[] withFixedChecksum(byte[] packet) {
        new Ipv4Packet(packet).fillChecksum();
        return packet;
    }

    public static byte[] icmpv4(Icmpv4Repr message) {
        byte[] bytes = new byte[message.bufferLength()];
        message.emit(new Icmpv4Packet(bytes));
        return bytes;
    }

    /** Returns a UDP datagram with checksum 0, which RFC 768 allows over IPv4 and means "not computed". */
    public static byte[] udp(int sourcePort, int destinationPort, byte[] data) {
        byte[] datagram = new byte[8 + data.length];
        writeU16(datagram, 0, sourcePort);
        writeU16(datagram, 2, destinationPort);
        writeU16(datagram, 4, datagram.length);
        System.arraycopy(data, 0, datagram, 8, data.length);
        return datagram;
    }

    /** Returns a padded frame carrying the IPv4 datagram {@code packet}. */
    public static byte[] ipv4Frame(MacAddress destination, MacAddress source, byte[] packet) {
        return paddedEthernet(destination, source, EtherType.IPV4, packet);
    }

    /** Returns {@code bytes} with one byte replaced. */
    public static byte[] with(byte[] bytes, int index, int value) {
        byte[] copy = bytes.clone();
        copy[index] = (byte) value;
        return copy;
    }

    /** Returns the bytes {@code 0, 1, 2, ...} modulo 256, the pattern the stack's own echo requests carry. */
    public static byte[] counting(int length) {
        byte[] data = new byte[length];
        for (int i = 0; i < length; i++) {
            data[i] = (byte) i;
        }
        return data;
    }

    /** Returns {@code bytes} with {@code count} bytes of {@code fill} appended, like Ethernet padding after a packet. */
    public static byte[] withTrailer(byte[] bytes, int count, int fill) {
        byte[] longer = Arrays.copyOf(bytes, bytes.length + count);
        Arrays.fill(longer, bytes.length, longer.length, (byte) fill);
        return longer;
    }

    /** Writes a 16-bit big-endian value at {@code index}. */
    public static void writeU16(byte[] buffer, int index, int value) {
        buffer[index] = (byte) (value >>> 8);
        buffer[index + 1] = (byte) value;
    }
}
