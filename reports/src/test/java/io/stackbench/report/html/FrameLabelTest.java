package io.stackbench.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pcap4j.packet.EthernetPacket;
import org.pcap4j.packet.IcmpV6CommonPacket;
import org.pcap4j.packet.IcmpV6NeighborSolicitationPacket;
import org.pcap4j.packet.IpV6Packet;
import org.pcap4j.packet.IpV6SimpleFlowLabel;
import org.pcap4j.packet.IpV6SimpleTrafficClass;
import org.pcap4j.packet.namednumber.EtherType;
import org.pcap4j.packet.namednumber.IcmpV6Code;
import org.pcap4j.packet.namednumber.IcmpV6Type;
import org.pcap4j.packet.namednumber.IpNumber;
import org.pcap4j.packet.namednumber.IpVersion;
import org.pcap4j.util.MacAddress;

/** Labels of IPv6 frames, unknown EtherTypes and runts, and the IPv6 address format. */
class FrameLabelTest {

    private static Inet6Address v6(String text) throws UnknownHostException {
        return (Inet6Address) InetAddress.getByName(text);
    }

    /** Builds a neighbour solicitation for {@code target} from {@code source} with pcap4j. */
    private static byte[] neighborSolicitation(String source, String target) throws UnknownHostException {
        Inet6Address destination = v6("ff02::1:ff00:1");
        IcmpV6NeighborSolicitationPacket.Builder solicitation = new IcmpV6NeighborSolicitationPacket.Builder()
                .targetAddress(v6(target))
                .options(List.of());
        IcmpV6CommonPacket.Builder icmp = new IcmpV6CommonPacket.Builder()
                .type(IcmpV6Type.NEIGHBOR_SOLICITATION)
                .code(IcmpV6Code.NO_CODE)
                .srcAddr(v6(source))
                .dstAddr(destination)
                .payloadBuilder(solicitation)
                .correctChecksumAtBuild(true);
        IpV6Packet.Builder ip = new IpV6Packet.Builder()
                .version(IpVersion.IPV6)
                .trafficClass(IpV6SimpleTrafficClass.newInstance((byte) 0))
                .flowLabel(IpV6SimpleFlowLabel.newInstance(0))
                .nextHeader(IpNumber.ICMPV6)
                .hopLimit((byte) 255)
                .srcAddr(v6(source))
                .dstAddr(destination)
                .payloadBuilder(icmp)
                .correctLengthAtBuild(true);
        return new EthernetPacket.Builder()
                .dstAddr(MacAddress.getByName("33:33:ff:00:00:01"))
                .srcAddr(MacAddress.getByName("02:00:00:00:00:0a"))
                .type(EtherType.IPV6)
                .payloadBuilder(ip)
                .paddingAtBuild(true)
                .build()
                .getRawData();
    }

    @Test
    void dadProbeIsNamed() throws UnknownHostException {
        FrameLabel label = FrameLabel.describe(neighborSolicitation("::", "fe80::1"));

        assertThat(label.text()).isEqualTo("NS who-has fe80::1 (DAD probe)");
    }

    @Test
    void neighborSolicitationNamesTarget() throws UnknownHostException {
        FrameLabel label = FrameLabel.describe(neighborSolicitation("fe80::2", "2001:db8::1"));

        assertThat(label.text()).isEqualTo("NS who-has 2001:db8::1");
    }

    @Test
    void slaacFramesAreNamed() {
        List<String> labels = Goldens.capture("ipv6/slaac-from-router").frames().stream()
                .map(frame -> FrameLabel.describe(frame.data()).text())
                .toList();

        assertThat(labels).containsExactly(
                "gratuitous ARP 10.0.0.2",
                "MLDv2 report",
                "NS who-has fe80::5054:ff:fe12:3456 (DAD probe)",
                "RS",
                "RA lifetime 1800s prefix 2001:db8:1::/64",
                "RA lifetime 1800s prefix 2001:db8:1::/64",
                "NS who-has 2001:db8:1:0:5054:ff:fe12:3456 (DAD probe)");
    }

    @Test
    void unknownEtherTypeIsNamed() {
        byte[] frame = new byte[60];
        frame[12] = (byte) 0x88;
        frame[13] = (byte) 0xb5;

        assertThat(FrameLabel.describe(frame).text()).isEqualTo("EtherType 0x88b5 (60 bytes)");
    }

    @Test
    void runtFrameIsNamed() {
        assertThat(FrameLabel.describe(new byte[10]).text()).isEqualTo("runt frame (10 bytes)");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "0:0:0:0:0:0:0:0, ::",
        "0:0:0:0:0:0:0:1, ::1",
        "fe80:0:0:0:0:0:0:1, fe80::1",
        "2001:db8:0:1:1:1:1:1, 2001:db8:0:1:1:1:1:1",
        "2001:0:0:1:0:0:0:1, 2001:0:0:1::1",
        "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
        "2001:db8:0:0:0:0:0:0, 2001:db8::",
        "ff02:0:0:0:0:1:ff00:1, ff02::1:ff00:1",
        "10.0.0.1, 10.0.0.1",
    })
    void addressUsesCompressedForm(String literal, String expected) throws UnknownHostException {
        assertThat(FrameLabel.address(InetAddress.getByName(literal))).isEqualTo(expected);
    }
}
