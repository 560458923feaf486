package io.stackbench.scenario.filter;

import static io.stackbench.scenario.filter.TestFrames.ARP_ANNOUNCEMENT;
import static io.stackbench.scenario.filter.TestFrames.ARP_REQUEST;
import static io.stackbench.scenario.filter.TestFrames.ICMPV6_ECHO_REQUEST;
import static io.stackbench.scenario.filter.TestFrames.ICMP_ECHO_REQUEST;
import static io.stackbench.scenario.filter.TestFrames.ICMP_PORT_UNREACHABLE;
import static io.stackbench.scenario.filter.TestFrames.IPV4_FIRST_FRAGMENT;
import static io.stackbench.scenario.filter.TestFrames.NA_SOLICITED;
import static io.stackbench.scenario.filter.TestFrames.NS_ADDRESS_RESOLUTION;
import static io.stackbench.scenario.filter.TestFrames.NS_DAD;
import static io.stackbench.scenario.filter.TestFrames.RA_WITH_PREFIX;
import static io.stackbench.scenario.filter.TestFrames.TCP_DATA;
import static io.stackbench.scenario.filter.TestFrames.TCP_RST;
import static io.stackbench.scenario.filter.TestFrames.TCP_SYN;
import static io.stackbench.scenario.filter.TestFrames.UDP6_DATAGRAM;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class DisplayFilterMatchTest {

    private static boolean matches(String filter, byte[] frame) {
        return DisplayFilter.parse(filter).matches(frame);
    }

    @Test
    void arpRequestForTarget() {
        assertThat(matches("arp.opcode == 1 && arp.dst.proto_ipv4 == 10.0.0.2", ARP_REQUEST)).isTrue();
        assertThat(matches("arp.opcode == 2", ARP_REQUEST)).isFalse();
        assertThat(matches("arp.isgratuitous", ARP_REQUEST)).isFalse();
        assertThat(matches("arp.src.hw_mac == 02:00:00:00:00:01 && eth.dst == ff:ff:ff:ff:ff:ff", ARP_REQUEST)).isTrue();
    }

    @Test
    void arpAnnouncementIsGratuitous() {
        assertThat(matches("arp.isgratuitous", ARP_ANNOUNCEMENT)).isTrue();
        assertThat(matches("arp.isgratuitous == True", ARP_ANNOUNCEMENT)).isTrue();
        assertThat(matches("arp.isgratuitous == 0", ARP_ANNOUNCEMENT)).isFalse();
    }

    @Test
    void dadProbeHasUnspecifiedSource() {
        assertThat(matches("icmpv6.type == 135 && ipv6.src == ::", NS_DAD)).isTrue();
        assertThat(matches("icmpv6.type == 135 && ipv6.src == ::", NS_ADDRESS_RESOLUTION)).isFalse();
        assertThat(matches("icmpv6.nd.ns.target_address == fe80::2", NS_DAD)).isTrue();
        assertThat(matches("icmpv6.opt.type", NS_DAD)).isFalse();
        assertThat(matches("icmpv6.opt.type == 1", NS_ADDRESS_RESOLUTION)).isTrue();
    }

    @Test
    void neighborAdvertisementFlags() {
        assertThat(matches("icmpv6.nd.na.flag.s && icmpv6.nd.na.flag.s == 1", NA_SOLICITED)).isTrue();
        assertThat(matches("icmpv6.nd.na.flag.o == True", NA_SOLICITED)).isTrue();
        assertThat(matches("icmpv6.nd.na.flag.r == False", NA_SOLICITED)).isTrue();
        assertThat(matches("icmpv6.nd.na.flag.r", NA_SOLICITED)).as("a bare boolean tests presence, not truth").isTrue();
        assertThat(matches("ipv6.tclass == 0x2e && ipv6.flow == 0x12345", NA_SOLICITED)).isTrue();
    }

    @Test
    void routerAdvertisementOptions() {
        FrameFields fields = FrameFields.decode(RA_WITH_PREFIX);

        assertThat(fields.format(FilterField.ICMPV6_OPT_TYPE)).containsExactly("1", "3");
        assertThat(fields.format(FilterField.ICMPV6_OPT_PREFIX)).containsExactly("2001:db8:0:1:0:0:0:0");
        assertThat(matches("icmpv6.opt.prefix == 2001:db8:0:1::/64", RA_WITH_PREFIX)).isTrue();
        assertThat(matches("icmpv6.nd.ra.router_lifetime == 1800 && icmpv6.nd.ra.cur_hop_limit == 64", RA_WITH_PREFIX)).isTrue();
    }

    @Test
    void multiValuedFieldsUseAnyAndAll() {
        assertThat(FrameFields.decode(ICMP_ECHO_REQUEST).format(FilterField.IP_ADDR)).containsExactly("10.0.0.1", "10.0.0.2");
        assertThat(matches("ip.addr == 10.0.0.2", ICMP_ECHO_REQUEST)).isTrue();
        assertThat(matches("ip.addr != 10.0.0.2", ICMP_ECHO_REQUEST)).isFalse();
        assertThat(matches("ip.addr != 10.0.0.3", ICMP_ECHO_REQUEST)).isTrue();
        assertThat(matches("!(ip.addr == 10.0.0.2)", ICMP_ECHO_REQUEST)).isFalse();
        assertThat(matches("udp.port == 7778 && udp.port != 1", UDP6_DATAGRAM)).isTrue();
        assertThat(matches("eth.addr == 02:00:00:00:00:02", ICMP_ECHO_REQUEST)).isTrue();
        assertThat(matches("ipv6.addr == 2001:db8::2", ICMPV6_ECHO_REQUEST)).isTrue();
    }

    @Test
    void absentFieldFailsEveryComparison() {
        assertThat(matches("ip.src != 10.0.0.1", ARP_REQUEST)).isFalse();
        assertThat(matches("ip.ttl < 255", ARP_REQUEST)).isFalse();
        assertThat(matches("!(ip.src == 10.0.0.1)", ARP_REQUEST)).isTrue();
    }

    @Test
    void icmpErrorQuotesInnerHeaders() {
        FrameFields fields = FrameFields.decode(ICMP_PORT_UNREACHABLE);

        assertThat(fields.format(FilterField.IP_SRC)).containsExactly("10.0.0.2", "10.0.0.1");
        assertThat(fields.format(FilterField.UDP_DSTPORT)).containsExactly("7777");
        assertThat(matches("icmp.type == 3 && icmp.code == 3 && udp.dstport == 7777", ICMP_PORT_UNREACHABLE)).isTrue();
    }

    @Test
    void fragmentHasNoTransportFields() {
        assertThat(matches("ip.flags.mf == 1 && ip.frag_offset == 0", IPV4_FIRST_FRAGMENT)).isTrue();
        assertThat(matches("udp", IPV4_FIRST_FRAGMENT)).isFalse();
    }

    @Test
    void tcpUsesRawSequenceNumbers() {
        assertThat(matches("tcp.seq == 1000 && tcp.ack == 0 && tcp.flags.syn == 1", TCP_SYN)).isTrue();
        assertThat(matches("tcp.options.mss_val == 1460", TCP_SYN)).isTrue();
        assertThat(matches("tcp.seq == 0xfffffff0 && tcp.flags.reset == 1", TCP_RST)).isTrue();
    }

    @Test
    void tcpLenExcludesEthernetPadding() {
        assertThat(TCP_DATA).hasSize(60);
        assertThat(matches("tcp.len == 3 && tcp.hdr_len == 20", TCP_DATA)).isTrue();
    }

    @Test
    void echoIdentifiers() {
        assertThat(matches("icmp.ident == 0x1234 && icmp.seq == 7", ICMP_ECHO_REQUEST)).isTrue();
        assertThat(matches("icmpv6.echo.identifier == 0x4321 && icmpv6.echo.sequence_number == 9", ICMPV6_ECHO_REQUEST)).isTrue();
    }

    @Test
    void sharedDecodeGivesSameResult() {
        DisplayFilter filter = DisplayFilter.parse("ip.ttl >= 64 || icmpv6");
        for (byte[] frame : TestFrames.all().values()) {
            assertThat(filter.matches(FrameFields.decode(frame))).isEqualTo(filter.matches(frame));
        }
    }

    @Test
    void compiledFilterIsThreadSafe() throws Exception {
        DisplayFilter filter = DisplayFilter.parse("(arp || ip.addr == 10.0.0.0/24) && !tcp.flags.reset == 1");
        Map<String, byte[]> frames = TestFrames.all();
        List<Boolean> expected = new ArrayList<>();
        for (byte[] frame : frames.values()) {
            expected.add(filter.matches(frame));
        }

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Boolean>>> results = new ArrayList<>();
            for (int task = 0; task < 8; task++) {
                results.add(pool.submit(() -> {
                    List<Boolean> actual = new ArrayList<>();
                    for (byte[] frame : frames.values()) {
                        actual.add(filter.matches(frame));
                    }
                    return actual;
                }));
            }
            for (Future<List<Boolean>> result : results) {
                assertThat(result.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void toStringListsDecodedFields() {
        assertThat(FrameFields.decode(ARP_REQUEST).toString())
                .startsWith("frame frame.len=60 eth eth.dst=ff:ff:ff:ff:ff:ff eth.src=02:00:00:00:00:01")
                .contains("arp.dst.proto_ipv4=10.0.0.2");
    }
}
