package io.stackbench.scenario.peer;

import io.stackbench.scenario.model.TcpScript;
import io.stackbench.sim.net.MacAddress;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import org.pcap4j.packet.EthernetPacket;
import org.pcap4j.packet.IpV4Packet;
import org.pcap4j.packet.IpV4Rfc791Tos;
import org.pcap4j.packet.IpV6Packet;
import org.pcap4j.packet.IpV6SimpleFlowLabel;
import org.pcap4j.packet.IpV6SimpleTrafficClass;
import org.pcap4j.packet.Packet;
import org.pcap4j.packet.TcpEndOfOptionList;
import org.pcap4j.packet.TcpMaximumSegmentSizeOption;
import org.pcap4j.packet.TcpNoOperationOption;
import org.pcap4j.packet.TcpPacket;
import org.pcap4j.packet.TcpSackPermittedOption;
import org.pcap4j.packet.TcpTimestampsOption;
import org.pcap4j.packet.TcpWindowScaleOption;
import org.pcap4j.packet.UnknownPacket;
import org.pcap4j.packet.namednumber.EtherType;
import org.pcap4j.packet.namednumber.IpNumber;
import org.pcap4j.packet.namednumber.IpVersion;
import org.pcap4j.packet.namednumber.TcpPort;

/** TCP segments in IPv4 or IPv6 and Ethernet for the tcp-peer, built with pcap4j with correct lengths and checksums. */
final class TcpFrames {

    private static final int HOP_LIMIT = 64;

    private final MacAddress source;
    /** The next IPv4 Identification, counting from 0 so that the frames are deterministic. */
    private int identification;

    TcpFrames(MacAddress source) {
        this.source = source;
    }

    /** Builds one segment from {@code from} (an address of the peer) to {@code to}. */
    byte[] tcp(MacAddress destinationMac, InetAddress from, InetAddress to, int sourcePort, int destinationPort, long seq, long ack,
            int flags, int window, List<TcpScript.Option> options, byte[] payload) {
        TcpPacket.Builder tcp = new TcpPacket.Builder()
                .srcPort(TcpPort.getInstance((short) sourcePort))
                .dstPort(TcpPort.getInstance((short) destinationPort))
                .sequenceNumber((int) seq)
                .acknowledgmentNumber((int) ack)
                // pcap4j keeps ECE and CWR in the two low bits of its six reserved bits.
                .reserved((byte) (((flags & TcpScript.ECE) != 0 ? 0x01 : 0) | ((flags & TcpScript.CWR) != 0 ? 0x02 : 0)))
                .urg((flags & TcpScript.URG) != 0)
                .ack((flags & TcpScript.ACK) != 0)
                .psh((flags & TcpScript.PSH) != 0)
                .rst((flags & TcpScript.RST) != 0)
                .syn((flags & TcpScript.SYN) != 0)
                .fin((flags & TcpScript.FIN) != 0)
                .window((short) window)
                .urgentPointer((short) 0)
                .options(options(options))
                .paddingAtBuild(true)
                .srcAddr(from)
                .dstAddr(to)
                .correctLengthAtBuild(true)
                .correctChecksumAtBuild(true);
        if (payload.length > 0) {
            tcp.payloadBuilder(new UnknownPacket.Builder().rawData(payload));
        }
        Packet.Builder ip;
        EtherType etherType;
        if (to instanceof Inet4Address destination) {
            ip = new IpV4Packet.Builder()
                    .version(IpVersion.IPV4)
                    .tos(IpV4Rfc791Tos.newInstance((byte) 0))
                    .identification((short) identification++)
                    .ttl((byte) HOP_LIMIT)
                    .protocol(IpNumber.TCP)
                    .srcAddr((Inet4Address) from)
                    .dstAddr(destination)
                    .payloadBuilder(tcp)
                    .correctChecksumAtBuild(true)
                    .correctLengthAtBuild(true);
            etherType = EtherType.IPV4;
        } else {
            ip = new IpV6Packet.Builder()
                    .version(IpVersion.IPV6)
                    .trafficClass(IpV6SimpleTrafficClass.newInstance((byte) 0))
                    .flowLabel(IpV6SimpleFlowLabel.newInstance(0))
                    .nextHeader(IpNumber.TCP)
                    .hopLimit((byte) HOP_LIMIT)
                    .srcAddr((Inet6Address) from)
                    .dstAddr((Inet6Address) to)
                    .payloadBuilder(tcp)
                    .correctLengthAtBuild(true);
            etherType = EtherType.IPV6;
        }
        return new EthernetPacket.Builder()
                .dstAddr(Ipv6Frames.pcapMac(destinationMac))
                .srcAddr(Ipv6Frames.pcapMac(source))
                .type(etherType)
                .payloadBuilder(ip)
                .paddingAtBuild(true)
                .build()
                .getRawData();
    }

    private static List<TcpPacket.TcpOption> options(List<TcpScript.Option> options) {
        List<TcpPacket.TcpOption> built = new ArrayList<>();
        for (TcpScript.Option option : options) {
            built.add(switch (option.kind()) {
                case "mss" -> new TcpMaximumSegmentSizeOption.Builder()
                        .maxSegSize((short) option.value().longValue())
                        .correctLengthAtBuild(true)
                        .build();
                case "wscale" -> new TcpWindowScaleOption.Builder()
                        .shiftCount((byte) option.value().longValue())
                        .correctLengthAtBuild(true)
                        .build();
                case "TS" -> new TcpTimestampsOption.Builder()
                        .tsValue((int) option.value().longValue())
                        .tsEchoReply((int) option.echoReply().longValue())
                        .correctLengthAtBuild(true)
                        .build();
                case "sackOK" -> TcpSackPermittedOption.getInstance();
                case "nop" -> TcpNoOperationOption.getInstance();
                case "eol" -> TcpEndOfOptionList.getInstance();
                default -> throw new IllegalArgumentException("unknown TCP option kind \"" + option.kind() + "\"; the loader accepts none other");
            });
        }
        return built;
    }
}
