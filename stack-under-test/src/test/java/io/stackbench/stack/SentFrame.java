package io.stackbench.stack;

import io.stackbench.stack.wire.ArpPacket;
import io.stackbench.stack.wire.ArpRepr;
import io.stackbench.stack.wire.EtherType;
import io.stackbench.stack.wire.EthernetFrame;
import io.stackbench.stack.wire.EthernetHeader;
import io.stackbench.stack.wire.Icmpv4Packet;
import io.stackbench.stack.wire.Icmpv4Repr;
import io.stackbench.stack.wire.Icmpv6Packet;
import io.stackbench.stack.wire.Icmpv6Repr;
import io.stackbench.stack.wire.IpProtocol;
import io.stackbench.stack.wire.Ipv4Packet;
import io.stackbench.stack.wire.Ipv4Repr;
import io.stackbench.stack.wire.Ipv6Packet;
import io.stackbench.stack.wire.Ipv6Repr;
import io.stackbench.stack.wire.MalformedPacketException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A frame that the stack sent, with the simulated time it was sent at. The decoders parse with the
 * {@code wire} codecs, which verify the IPv4, ICMPv4 and ICMPv6 checksums, and fail the test with an
 * {@link AssertionError} when the frame is not what the caller expects.
 */
public record SentFrame(long time, byte[] bytes) {

    public EthernetHeader ethernet() {
        try {
            return EthernetHeader.parse(new EthernetFrame(bytes));
        } catch (MalformedPacketException e) {
            throw new AssertionError("sent frame has no valid Ethernet header: " + this, e);
        }
    }

    public boolean isArp() {
        return ethernet().etherType().equals(EtherType.ARP);
    }

    public boolean isIpv4() {
        return ethernet().etherType().equals(EtherType.IPV4);
    }

    public ArpRepr arp() {
        requireEtherType(EtherType.ARP);
        try {
            return ArpRepr.parse(new ArpPacket(bytes, EthernetFrame.HEADER_LENGTH, bytes.length - EthernetFrame.HEADER_LENGTH));
        } catch (MalformedPacketException e) {
            throw new AssertionError("sent frame holds no valid ARP packet: " + this, e);
        }
    }

    /** Returns the view of the IPv4 datagram, covering the Ethernet payload including any padding. */
    public Ipv4Packet ipv4Packet() {
        requireEtherType(EtherType.IPV4);
        return new Ipv4Packet(bytes, EthernetFrame.HEADER_LENGTH, bytes.length - EthernetFrame.HEADER_LENGTH);
    }

    public Ipv4Repr ipv4() {
        try {
            return Ipv4Repr.parse(ipv4Packet());
        } catch (MalformedPacketException e) {
            throw new AssertionError("sent frame holds no valid IPv4 datagram: " + this, e);
        }
    }

    /** Returns the IPv4 payload bytes, without the header and without Ethernet padding. */
    public byte[] ipv4Payload() {
        Ipv4Repr header = ipv4();
        int start = ipv4Packet().payloadOffset();
        return Arrays.copyOfRange(bytes, start, start + header.payloadLength());
    }

    public Icmpv4Repr icmpv4() {
        Ipv4Repr header = ipv4();
        if (!header.protocol().equals(IpProtocol.ICMP)) {
            throw new AssertionError("sent datagram carries protocol " + header.protocol() + ", not ICMP: " + this);
        }
        try {
            return Icmpv4Repr.parse(new Icmpv4Packet(ipv4Payload()));
        } catch (MalformedPacketException e) {
            throw new AssertionError("sent datagram holds no valid ICMPv4 message: " + this, e);
        }
    }

    public boolean isIpv6() {
        return ethernet().etherType().equals(EtherType.IPV6);
    }

    public Ipv6Repr ipv6() {
        requireEtherType(EtherType.IPV6);
        try {
            return Ipv6Repr.parse(new Ipv6Packet(bytes, EthernetFrame.HEADER_LENGTH, bytes.length - EthernetFrame.HEADER_LENGTH));
        } catch (MalformedPacketException e) {
            throw new AssertionError("sent frame holds no valid IPv6 packet: " + this, e);
        }
    }

    /** Returns the IPv6 packet, header included, without Ethernet padding. */
    public byte[] ipv6Packet() {
        int start = EthernetFrame.HEADER_LENGTH;
        return Arrays.copyOfRange(bytes, start, start + Ipv6Packet.HEADER_LENGTH + ipv6().payloadLength());
    }

    /**
     * Returns true when the packet starts with a Hop-by-Hop header holding a Router Alert option
     * (RFC 2711: type 5, length 2) as its first option.
     */
    public boolean hasRouterAlert() {
        byte[] packet = ipv6Packet();
        int h = Ipv6Packet.HEADER_LENGTH;
        return ipv6().nextHeader().value() == 0 && packet.length >= h + 8 && packet[h + 2] == 5 && packet[h + 3] == 2;
    }

    /** Returns the upper-layer protocol, after a Hop-by-Hop header if there is one. */
    public int upperLayerProtocol() {
        return ipv6().nextHeader().value() == 0 ? ipv6Packet()[Ipv6Packet.HEADER_LENGTH] & 0xff : ipv6().nextHeader().value();
    }

    /** Returns the upper-layer bytes, after a Hop-by-Hop header if there is one. */
    public byte[] upperLayer() {
        byte[] packet = ipv6Packet();
        int start = Ipv6Packet.HEADER_LENGTH;
        if (ipv6().nextHeader().value() == 0) {
            start += ((packet[start + 1] & 0xff) + 1) * 8;
        }
        return Arrays.copyOfRange(packet, start, packet.length);
    }

    public boolean isIcmpv6() {
        return upperLayerProtocol() == IpProtocol.ICMPV6.value();
    }

    public Icmpv6Repr icmpv6() {
        if (!isIcmpv6()) {
            throw new AssertionError("sent packet carries protocol " + upperLayerProtocol() + ", not ICMPv6: " + this);
        }
        Ipv6Repr header = ipv6();
        try {
            return Icmpv6Repr.parse(new Icmpv6Packet(upperLayer()), header.source(), header.destination());
        } catch (MalformedPacketException e) {
            throw new AssertionError("sent packet holds no valid ICMPv6 message: " + this, e);
        }
    }

    private void requireEtherType(EtherType expected) {
        EtherType actual = ethernet().etherType();
        if (!actual.equals(expected)) {
            throw new AssertionError("sent frame has EtherType " + actual + ", expected " + expected + ": " + this);
        }
    }

    @Override
    public String toString() {
        return "SentFrame[time=" + time + "ns, bytes=" + HexFormat.of().formatHex(bytes) + "]";
    }
}
