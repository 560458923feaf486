package io.stackbench.scenario.peer;

import io.stackbench.scenario.load.Addresses;
import io.stackbench.scenario.model.NodeSpec;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import org.pcap4j.packet.ArpPacket;
import org.pcap4j.packet.EthernetPacket;
import org.pcap4j.packet.IcmpV4CommonPacket;
import org.pcap4j.packet.IcmpV4EchoPacket;
import org.pcap4j.packet.IcmpV4EchoReplyPacket;
import org.pcap4j.packet.IllegalRawDataException;
import org.pcap4j.packet.IpV4Packet;
import org.pcap4j.packet.IpV4Rfc791Tos;
import org.pcap4j.packet.UnknownPacket;
import org.pcap4j.packet.namednumber.ArpHardwareType;
import org.pcap4j.packet.namednumber.ArpOperation;
import org.pcap4j.packet.namednumber.EtherType;
import org.pcap4j.packet.namednumber.IcmpV4Code;
import org.pcap4j.packet.namednumber.IcmpV4Type;
import org.pcap4j.packet.namednumber.IpNumber;
import org.pcap4j.packet.namednumber.IpVersion;
import org.pcap4j.util.MacAddress;

/**
 * The {@code arp-responder} peer: answers ARP requests for its addresses with their MACs, sends
 * gratuitous ARP announcements at given times, and, with {@code echo}, answers ICMP echo requests
 * sent to its MAC whatever their destination address, standing in for a gateway and every host
 * behind it.
 */
public final class ArpResponderPeer implements ScriptedPeer {

    private final PeerHost host;
    private final NodeSpec.ArpResponder spec;
    private final Map<InetAddress, io.stackbench.sim.net.MacAddress> owned = new LinkedHashMap<>();

    public ArpResponderPeer(PeerHost host, NodeSpec.ArpResponder spec) {
        this.host = host;
        this.spec = spec;
        for (NodeSpec.ArpEntry entry : spec.entries()) {
            owned.put(entry.address(), entry.mac());
        }
    }

    @Override
    public void start() {
        for (NodeSpec.Announcement announcement : spec.announcements()) {
            host.simulator().scheduleAt(announcement.atNanos(), () -> announce(announcement));
        }
    }

    private void announce(NodeSpec.Announcement announcement) {
        MacAddress mac = pcapMac(announcement.mac());
        byte[] frame = arpFrame(ArpOperation.REQUEST, MacAddress.ETHER_BROADCAST_ADDRESS, mac, announcement.address(),
                MacAddress.getByAddress(new byte[6]), announcement.address());
        host.send(frame, "gratuitous ARP " + Addresses.format(announcement.address()) + " is-at " + announcement.mac());
    }

    @Override
    public void receive(byte[] frame) {
        EthernetPacket ethernet;
        try {
            ethernet = EthernetPacket.newPacket(frame, 0, frame.length);
        } catch (IllegalRawDataException e) {
            return;
        }
        ArpPacket arp = ethernet.get(ArpPacket.class);
        if (arp != null) {
            answerArp(arp);
            return;
        }
        IpV4Packet ip = ethernet.get(IpV4Packet.class);
        if (spec.answerEcho() && ip != null && isOwnMac(ethernet.getHeader().getDstAddr())) {
            answerEcho(ethernet, ip);
        }
    }

    /** Returns true for the interface's MAC and every MAC the peer answers or announces with. */
    private boolean isOwnMac(MacAddress destination) {
        if (destination.equals(pcapMac(spec.mac()))) {
            return true;
        }
        for (io.stackbench.sim.net.MacAddress mac : owned.values()) {
            if (destination.equals(pcapMac(mac))) {
                return true;
            }
        }
        return spec.announcements().stream().anyMatch(a -> destination.equals(pcapMac(a.mac())));
    }

    private void answerArp(ArpPacket arp) {
        ArpPacket.ArpHeader header = arp.getHeader();
        if (!header.getOperation().equals(ArpOperation.REQUEST)) {
            return;
        }
        InetAddress target = header.getDstProtocolAddr();
        io.stackbench.sim.net.MacAddress mac = owned.get(target);
        if (mac == null || target.equals(header.getSrcProtocolAddr())) {
            return;
        }
        byte[] reply = arpFrame(ArpOperation.REPLY, header.getSrcHardwareAddr(), pcapMac(mac), target, header.getSrcHardwareAddr(),
                header.getSrcProtocolAddr());
        host.send(reply, "ARP reply " + Addresses.format(target) + " is-at " + mac);
    }

    private void answerEcho(EthernetPacket ethernet, IpV4Packet ip) {
        IcmpV4CommonPacket icmp = ip.get(IcmpV4CommonPacket.class);
        IcmpV4EchoPacket echo = ip.get(IcmpV4EchoPacket.class);
        if (icmp == null || echo == null || !icmp.getHeader().getType().equals(IcmpV4Type.ECHO)) {
            return;
        }
        byte[] data = echo.getPayload() == null ? new byte[0] : echo.getPayload().getRawData();
        IcmpV4EchoReplyPacket.Builder reply = new IcmpV4EchoReplyPacket.Builder()
                .identifier(echo.getHeader().getIdentifier())
                .sequenceNumber(echo.getHeader().getSequenceNumber())
                .payloadBuilder(new UnknownPacket.Builder().rawData(data));
        IcmpV4CommonPacket.Builder common = new IcmpV4CommonPacket.Builder()
                .type(IcmpV4Type.ECHO_REPLY)
                .code(IcmpV4Code.NO_CODE)
                .payloadBuilder(reply)
                .correctChecksumAtBuild(true);
        IpV4Packet.IpV4Header request = ip.getHeader();
        IpV4Packet.Builder packet = new IpV4Packet.Builder()
                .version(IpVersion.IPV4)
                .tos(IpV4Rfc791Tos.newInstance((byte) 0))
                .identification(request.getIdentification())
                .ttl((byte) 64)
                .protocol(IpNumber.ICMPV4)
                .srcAddr(request.getDstAddr())
                .dstAddr(request.getSrcAddr())
                .payloadBuilder(common)
                .correctChecksumAtBuild(true)
                .correctLengthAtBuild(true);
        byte[] frame = new EthernetPacket.Builder()
                .dstAddr(ethernet.getHeader().getSrcAddr())
                .srcAddr(ethernet.getHeader().getDstAddr())
                .type(EtherType.IPV4)
                .payloadBuilder(packet)
                .paddingAtBuild(true)
                .build()
                .getRawData();
        host.send(frame, "echo reply from " + Addresses.format(request.getDstAddr()) + " seq " + echo.getHeader().getSequenceNumberAsInt());
    }

    static byte[] arpFrame(ArpOperation operation, MacAddress destination, MacAddress sender, InetAddress senderAddress,
            MacAddress targetMac, InetAddress targetAddress) {
        ArpPacket.Builder arp = new ArpPacket.Builder()
                .hardwareType(ArpHardwareType.ETHERNET)
                .protocolType(EtherType.IPV4)
                .hardwareAddrLength((byte) MacAddress.SIZE_IN_BYTES)
                .protocolAddrLength((byte) 4)
                .operation(operation)
                .srcHardwareAddr(sender)
                .srcProtocolAddr((Inet4Address) senderAddress)
                .dstHardwareAddr(targetMac)
                .dstProtocolAddr((Inet4Address) targetAddress);
        return new EthernetPacket.Builder()
                .dstAddr(destination)
                .srcAddr(sender)
                .type(EtherType.ARP)
                .payloadBuilder(arp)
                .paddingAtBuild(true)
                .build()
                .getRawData();
    }

    static MacAddress pcapMac(io.stackbench.sim.net.MacAddress mac) {
        return MacAddress.getByAddress(mac.toBytes());
    }
}
