package io.stackbench.scenario.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Evaluates each filter with DisplayFilter and with the real tshark over the same frames and
 * requires the same set of matching frames. Skipped when tshark is not on PATH. Checked with
 * TShark 4.0.17.
 */
class TsharkCrossCheckTest {

    @TempDir
    static Path directory;

    private static Path tshark;
    private static Path capture;
    private static List<String> names;
    private static List<FrameFields> decoded;

    @BeforeAll
    static void writeCapture() throws Exception {
        Optional<Path> found = Tshark.find();
        if (found.isEmpty()) {
            return;
        }
        tshark = found.get();
        Map<String, byte[]> frames = TestFrames.all();
        names = new ArrayList<>(frames.keySet());
        decoded = new ArrayList<>();
        for (byte[] frame : frames.values()) {
            decoded.add(FrameFields.decode(frame));
        }
        capture = directory.resolve("frames.pcap");
        PcapFile.write(capture, new ArrayList<>(frames.values()));
    }

    static Stream<String> filters() {
        return Stream.of(
                // Protocols and presence of fields, boolean fields included.
                "frame", "eth", "arp", "ip", "icmp", "ipv6", "icmpv6", "udp", "tcp",
                "ip.flags.df", "!ip.flags.df", "ip.flags.df == 1", "ip.flags.df == 0", "ip.flags.df == True",
                "ip.flags.df == False", "ip.flags.df == 2", "ip.flags.mf", "ip.flags.mf == 1",
                "tcp.options.mss_val", "icmp.ident", "icmpv6.opt.prefix", "arp.isgratuitous", "arp.isgratuitous == 1",
                // Frame and Ethernet.
                "frame.len == 60", "frame.len > 60", "frame.len <= 60",
                "eth.dst == ff:ff:ff:ff:ff:ff", "eth.src == 02:00:00:00:00:01", "eth.src == 02-00-00-00-00-01",
                "eth.src == 02.00.00.00.00.01", "eth.src == 0200.0000.0001", "eth.addr == 02:00:00:00:00:02",
                "eth.addr != 02:00:00:00:00:01", "eth.dst > 02:00:00:00:00:01", "eth.type == 0x0806",
                "eth.type == 0x86dd", "eth.type == 2048",
                // ARP.
                "arp.opcode == 1", "arp.opcode == 2", "arp.opcode eq 1 && arp.dst.proto_ipv4 == 10.0.0.2",
                "arp.hw.type == 1 && arp.proto.type == 0x0800 && arp.hw.size == 6 && arp.proto.size == 4",
                "arp.src.hw_mac == 02:00:00:00:00:02", "arp.dst.hw_mac == 00:00:00:00:00:00",
                "arp.src.proto_ipv4 == 0.0.0.0", "arp.src.proto_ipv4 == 10.0.0.0/24", "arp.dst.proto_ipv4 == 10.0.0.1",
                // IPv4, including the quoted header inside the ICMP error.
                "ip.version == 4", "ip.hdr_len == 20", "ip.dsfield == 0xb8", "ip.dsfield > 0", "ip.len == 37",
                "ip.len >= 48", "ip.id == 0x1111", "ip.id == 9", "ip.frag_offset == 185", "ip.frag_offset == 0",
                "ip.ttl == 64", "ip.ttl lt 64", "ip.ttl == 0100", "ip.proto == 17", "ip.proto == 6",
                "ip.src == 10.0.0.1", "ip.dst == 10.0.0.2", "ip.addr == 10.0.0.1", "ip.addr != 10.0.0.1",
                "ip.src != 10.0.0.1", "ip.addr == 10.0.0.0/24", "ip.addr != 10.0.0.0/30", "ip.src == 10.0.0.2/31",
                "ip.addr == 10.0.0.0/8 && !(ip.src == 10.0.0.1)", "ip.checksum > 0x8000",
                // ICMPv4.
                "icmp.type == 8", "icmp.type == 0", "icmp.type == 3 && icmp.code == 3", "icmp.ident == 0x1234",
                "icmp.seq == 7", "icmp.checksum != 0",
                // IPv6.
                "ipv6.version == 6", "ipv6.tclass == 0x2e", "ipv6.flow == 0x12345", "ipv6.plen == 24",
                "ipv6.nxt == 58", "ipv6.nxt == 17", "ipv6.hlim == 255", "ipv6.hlim < 255", "ipv6.src == ::",
                "ipv6.src == ::0", "ipv6.dst == ff02::1:ff00:2", "ipv6.addr == fe80::/10", "ipv6.addr != fe80::1",
                "ipv6.addr == 2001:db8::/32", "ipv6.src == 2001:db8:0:0:0:0:0:1", "ipv6.dst > fe80::",
                // ICMPv6 and neighbor discovery.
                "icmpv6.type == 135", "icmpv6.type == 135 && ipv6.src == ::", "icmpv6.code == 0",
                "icmpv6.checksum != 0", "icmpv6.nd.ns.target_address == fe80::2", "icmpv6.nd.na.target_address == fe80::2",
                "icmpv6.nd.na.flag.s", "icmpv6.nd.na.flag.s == 1", "icmpv6.nd.na.flag.o == 1", "icmpv6.nd.na.flag.r == 0",
                "icmpv6.nd.ra.cur_hop_limit == 64", "icmpv6.nd.ra.router_lifetime == 1800", "icmpv6.nd.ra.flag.m == 1",
                "icmpv6.nd.ra.flag.o == 0", "icmpv6.opt.type == 1", "icmpv6.opt.type == 2", "icmpv6.opt.type != 1",
                "icmpv6.opt.type == 3", "icmpv6.opt.prefix == 2001:db8:0:1::", "icmpv6.opt.prefix == 2001:db8::/32",
                "icmpv6.echo.identifier == 0x4321", "icmpv6.echo.sequence_number == 9",
                // MLD behind a Hop-by-Hop header with Router Alert, which pcap4j misreads.
                "icmpv6.type == 143", "icmpv6.type == 1", "icmpv6.type == 130", "icmpv6.type == 131 || icmpv6.type == 132",
                "ipv6.nxt == 0", "ipv6.nxt == 58 && icmpv6.type == 143", "ipv6.hlim == 1 && ipv6.dst == ff02::16", "ipv6.plen == 36",
                "icmpv6.checksum == 0x1543", "icmpv6.code == 0 && ipv6.nxt == 0",
                "ipv6.hopopts", "ipv6.hopopts.nxt == 58", "ipv6.opt.router_alert == 0", "ipv6.opt.router_alert != 0",
                "icmpv6.type == 143 && !ipv6.opt.router_alert",
                "icmpv6.mldr.nb_mcast_records == 2", "icmpv6.mldr.nb_mcast_records >= 1",
                "icmpv6.mldr.mar.multicast_address == ff05::2", "icmpv6.mldr.mar.multicast_address == ff02::1:ff00:0/104",
                "icmpv6.mldr.mar.multicast_address != ff05::2", "icmpv6.mldr.mar.multicast_address == ff02::fb",
                "icmpv6.mldr.mar.record_type == 4", "icmpv6.mldr.mar.record_type == 1", "icmpv6.mldr.mar.record_type != 4",
                "icmpv6.mldr.mar.record_type == 2", "icmpv6.mldr.mar.nb_sources == 2", "icmpv6.mldr.mar.nb_sources == 0",
                "icmpv6.mldr.mar.aux_data_len == 1", "icmpv6.mldr.mar.source_address == 2001:db8::a",
                "icmpv6.mldr.mar.source_address == 2001:db8::b", "icmpv6.mldr.mar.source_address",
                "icmpv6.type == 143 && ipv6.src == :: && icmpv6.mldr.mar.multicast_address == ff02::1:ff12:3456",
                "icmpv6.mld.multicast_address == ::", "icmpv6.mld.multicast_address == ff05::2",
                "icmpv6.mld.multicast_address", "icmpv6.mld.maximum_response_delay",
                "icmpv6.mld.maximum_response_delay == 10000", "icmpv6.mld.maximum_response_delay == 0",
                "icmpv6.mld.maximum_response_code", "icmpv6.mld.maximum_response_code == 35096",
                "icmpv6.mld.maximum_response_code == 0x8123", "icmpv6.mld.maximum_response_code == 1000",
                "icmpv6.mld.maximum_response_code > 30000", "icmpv6.mld.flag.s == 1", "icmpv6.mld.flag.s == 0",
                "icmpv6.mld.flag.qrv == 2", "icmpv6.mld.qqi == 125", "icmpv6.mld.qqi == 248", "icmpv6.mld.nb_sources == 1",
                "icmpv6.mld.nb_sources == 0", "icmpv6.mld.source_address == 2001:db8::9",
                "icmpv6.type == 130 && icmpv6.mld.multicast_address == :: && !icmpv6.mld.maximum_response_code",
                // UDP.
                "udp.srcport == 5000", "udp.dstport == 7777", "udp.port == 7777", "udp.port != 5000", "udp.port >= 7778",
                "udp.length == 13", "udp.length > 13",
                // TCP, with raw sequence numbers.
                "tcp.srcport == 40000", "tcp.dstport == 80", "tcp.port == 443", "tcp.port != 80",
                "tcp.flags.syn == 1 && tcp.flags.ack == 0", "tcp.flags.syn && tcp.flags.ack == 1", "tcp.flags.fin == 0",
                "tcp.flags.reset == 1", "tcp.seq == 1000", "tcp.seq == 0xfffffff0", "tcp.seq > 4000000000",
                "tcp.ack == 1001", "tcp.ack == 0", "tcp.window_size_value == 65535", "tcp.window_size_value < 30000",
                "tcp.options.mss_val == 1460", "tcp.options.mss_val le 1440", "tcp.len == 3", "tcp.len == 0",
                "tcp.seq_raw == 2000", "tcp.ack_raw == 1001", "tcp.flags.urg == 1", "tcp.flags.urg == 0", "tcp.urgent_pointer == 2",
                "tcp.urgent_pointer == 0", "tcp.option_kind == 1", "tcp.option_kind == 4", "tcp.option_kind == 2 && !tcp.option_kind == 3",
                "tcp.options.wscale.shift == 7", "tcp.options.wscale.shift > 14", "tcp.options.wscale.multiplier == 128",
                "tcp.options.wscale.multiplier == 16384", "tcp.options.sack_perm", "!tcp.options.sack_perm && tcp.flags.syn == 1",
                "tcp.options.timestamp.tsval == 0x01020304", "tcp.options.timestamp.tsecr == 0", "tcp.options.timestamp.tsecr == 77",
                "tcp.options.timestamp.tsval > 4000000000",
                // Logic and precedence.
                "arp || ip && udp", "udp && ip || arp", "arp or ip and udp", "!arp && !ip", "not (arp or ipv6)",
                "!!arp", "not not arp", "(arp || icmp) && eth.src == 02:00:00:00:00:02",
                "arp.opcode ne 1 and arp", "ip.ttl ge 64 and ip.ttl le 64 or icmpv6");
    }

    @Test
    void tsharkVersionIsReported() throws Exception {
        assumeTrue(tshark != null, "tshark is not on PATH");

        assertThat(Tshark.version(tshark)).startsWith("TShark (Wireshark)");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("filters")
    void agreesWithTshark(String text) throws Exception {
        assumeTrue(tshark != null, "tshark is not on PATH");
        DisplayFilter filter = DisplayFilter.parse(text);

        TreeSet<Integer> ours = new TreeSet<>();
        for (int i = 0; i < decoded.size(); i++) {
            if (filter.matches(decoded.get(i))) {
                ours.add(i + 1);
            }
        }
        TreeSet<Integer> theirs = Tshark.matchingFrames(tshark, capture, text);

        assertThat(describe(ours)).as("frames matched by DisplayFilter vs tshark for %s", text).isEqualTo(describe(theirs));
    }

    private static List<String> describe(TreeSet<Integer> frameNumbers) {
        List<String> described = new ArrayList<>();
        for (int number : frameNumbers) {
            described.add(number + ":" + names.get(number - 1));
        }
        return described;
    }
}
