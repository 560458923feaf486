package io.stackbench.sim.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each pcapng block the writer emits, byte for byte, and read back. */
class PcapngBlockFixtureTest {

    private static final byte[] SECTION_HEADER = Hex.bytes(
            "0a0d0d0a",             // block type: Section Header Block
            "1c000000",             // block total length: 28
            "4d3c2b1a",             // byte-order magic, little-endian
            "0100", "0000",         // version 1.0
            "ffffffffffffffff",     // section length: not given
            "1c000000");            // block total length again

    private static final byte[] INTERFACE_DESCRIPTION = Hex.bytes(
            "01000000",             // block type: Interface Description Block
            "30000000",             // block total length: 48
            "0100",                 // link type: Ethernet
            "0000",                 // reserved
            "00000400",             // snap length: 262144
            "0200 0400", "6c616e30",        // if_name, 4 bytes: "lan0"
            "0300 0300", "73656700",        // if_description, 3 bytes: "seg", 1 byte padding
            "0900 0100", "09000000",        // if_tsresol, 1 byte: 9 (nanoseconds), 3 bytes padding
            "0000 0000",                    // opt_endofopt
            "30000000");            // block total length again

    private static final byte[] ENHANCED_PACKET = Hex.bytes(
            "06000000",             // block type: Enhanced Packet Block
            "3c000000",             // block total length: 60
            "00000000",             // interface id 0
            "01000000",             // timestamp, upper 32 bits
            "02000000",             // timestamp, lower 32 bits: 2^32 + 2 ns
            "05000000",             // captured length 5
            "40000000",             // original length 64
            "0102030405", "000000",         // packet data, padded to 32 bits
            "0100 0200", "61620000",        // opt_comment, 2 bytes: "ab", 2 bytes padding
            "0200 0400", "01000000",        // epb_flags, 4 bytes: inbound
            "0000 0000",                    // opt_endofopt
            "3c000000");            // block total length again

    private static final byte[] NAME_RESOLUTION = Hex.bytes(
            "04000000",             // block type: Name Resolution Block
            "34000000",             // block total length: 52
            "0100 0600",                    // nrb_record_ipv4, 6 bytes
            "c0000201", "6100", "0000",     // 192.0.2.1, "a" NUL, 2 bytes padding
            "0200 1400",                    // nrb_record_ipv6, 20 bytes
            "20010db8000000000000000000000001", // 2001:db8::1
            "6200", "6300",                 // "b" NUL, "c" NUL
            "0000 0000",                    // nrb_record_end
            "34000000");            // block total length again

    private static final CaptureInterface LAN0 = new CaptureInterface("lan0", "seg", 1, 262_144);

    @Test
    void sectionHeaderWithoutComment() throws Exception {
        Capture capture = Capture.of(List.of(), List.of());

        byte[] written = PcapngWriter.toBytes(capture);

        assertThat(Hex.of(written)).isEqualTo(Hex.of(SECTION_HEADER));
        assertThat(PcapngReader.read(written)).isEqualTo(capture);
    }

    @Test
    void sectionHeaderWithComment() throws Exception {
        byte[] expected = Hex.bytes(
                "0a0d0d0a",             // block type: Section Header Block
                "28000000",             // block total length: 40
                "4d3c2b1a",             // byte-order magic
                "0100", "0000",         // version 1.0
                "ffffffffffffffff",     // section length: not given
                "0100 0200", "68690000",        // opt_comment, 2 bytes: "hi", 2 bytes padding
                "0000 0000",                    // opt_endofopt
                "28000000");            // block total length again
        Capture capture = new Capture("hi", List.of(), List.of(), List.of(), List.of());

        byte[] written = PcapngWriter.toBytes(capture);

        assertThat(Hex.of(written)).isEqualTo(Hex.of(expected));
        assertThat(PcapngReader.read(written)).isEqualTo(capture);
    }

    @Test
    void interfaceDescription() throws Exception {
        Capture capture = Capture.of(List.of(LAN0), List.of());

        byte[] written = PcapngWriter.toBytes(capture);

        assertThat(Hex.of(written)).isEqualTo(Hex.of(concat(SECTION_HEADER, INTERFACE_DESCRIPTION)));
        assertThat(PcapngReader.read(written)).isEqualTo(capture);
    }

    @Test
    void enhancedPacketWithComment() throws Exception {
        CapturedFrame frame = new CapturedFrame(0, (1L << 32) + 2, Hex.bytes("0102030405"), 64, "ab", 1);
        Capture capture = Capture.of(List.of(LAN0), List.of(frame));

        byte[] written = PcapngWriter.toBytes(capture);

        assertThat(Hex.of(written)).isEqualTo(Hex.of(concat(SECTION_HEADER, INTERFACE_DESCRIPTION, ENHANCED_PACKET)));
        assertThat(PcapngReader.read(written)).isEqualTo(capture);
    }

    @Test
    void nameResolutionSortsIpv4First() throws Exception {
        // Given in reverse order: the writer sorts IPv4 before IPv6.
        List<NameRecord> names = List.of(
                new NameRecord(InetAddress.getByAddress(Hex.bytes("20010db8000000000000000000000001")), List.of("b", "c")),
                new NameRecord(InetAddress.getByAddress(Hex.bytes("c0000201")), "a"));
        Capture capture = new Capture(null, List.of(LAN0), List.of(), names, List.of());

        byte[] written = PcapngWriter.toBytes(capture);

        assertThat(Hex.of(written)).isEqualTo(Hex.of(concat(SECTION_HEADER, INTERFACE_DESCRIPTION, NAME_RESOLUTION)));
        assertThat(PcapngReader.read(written)).isEqualTo(capture);
        assertThat(PcapngReader.read(written).names().get(0).address().getHostAddress()).isEqualTo("192.0.2.1");
    }

    @Test
    void interfaceStatistics() throws Exception {
        byte[] expected = Hex.bytes(
                "05000000",             // block type: Interface Statistics Block
                "34000000",             // block total length: 52
                "00000000",             // interface id 0
                "00000000", "e8030000", // timestamp 1000 ns, upper then lower 32 bits
                "0400 0800", "0700000000000000",  // isb_ifrecv, 8 bytes: 7
                "0500 0800", "0200000000000000",  // isb_ifdrop, 8 bytes: 2
                "0000 0000",            // opt_endofopt
                "34000000");            // block total length again
        Capture capture = new Capture(null, List.of(LAN0), List.of(), List.of(),
                List.of(new InterfaceStatistics(0, 1000, 7, 2)));

        byte[] written = PcapngWriter.toBytes(capture);

        assertThat(Hex.of(Arrays.copyOfRange(written, written.length - expected.length, written.length)))
                .isEqualTo(Hex.of(expected));
        assertThat(PcapngReader.read(written)).isEqualTo(capture);
    }

    @Test
    void interfaceStatisticsWithStartAndEndTimes() throws Exception {
        byte[] expected = Hex.bytes(
                "05000000",             // block type: Interface Statistics Block
                "4c000000",             // block total length: 76
                "01000000",             // interface id 1
                "01000000", "00f2052a", // timestamp 5 s = 0x1_2a05f200 ns, upper then lower 32 bits
                "0200 0800", "00000000", "00000000", // isb_starttime, 8 bytes: 0 ns
                "0300 0800", "01000000", "00f2052a", // isb_endtime, 8 bytes: 5 s
                "0400 0800", "0300000000000000",     // isb_ifrecv, 8 bytes: 3
                "0500 0800", "0100000000000000",     // isb_ifdrop, 8 bytes: 1
                "0000 0000",            // opt_endofopt
                "4c000000");            // block total length again
        Capture capture = new Capture(null, List.of(LAN0, CaptureInterface.ethernet("wan")), List.of(), List.of(),
                List.of(new InterfaceStatistics(1, 5_000_000_000L, 3, 1, 0, 5_000_000_000L)));

        byte[] written = PcapngWriter.toBytes(capture);

        assertThat(Hex.of(Arrays.copyOfRange(written, written.length - expected.length, written.length)))
                .isEqualTo(Hex.of(expected));
        assertThat(PcapngReader.read(written)).isEqualTo(capture);
    }

    static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] result = new byte[length];
        int position = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, result, position, part.length);
            position += part.length;
        }
        return result;
    }
}
