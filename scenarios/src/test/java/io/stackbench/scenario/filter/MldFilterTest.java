package io.stackbench.scenario.filter;

import static io.stackbench.scenario.filter.MldFrames.MLD1_DONE;
import static io.stackbench.scenario.filter.MldFrames.MLD1_QUERY_GENERAL;
import static io.stackbench.scenario.filter.MldFrames.MLD2_QUERY_GENERAL;
import static io.stackbench.scenario.filter.MldFrames.MLD2_QUERY_SPECIFIC;
import static io.stackbench.scenario.filter.MldFrames.MLD2_REPORT;
import static io.stackbench.scenario.filter.MldFrames.MLD2_REPORT_NO_HOP_BY_HOP;
import static io.stackbench.scenario.filter.MldFrames.MLD2_REPORT_TRUNCATED_RECORD;
import static org.assertj.core.api.Assertions.assertThat;

import io.stackbench.sim.capture.Capture;
import io.stackbench.sim.capture.CapturedFrame;
import io.stackbench.sim.capture.PcapngReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MldFilterTest {

    /** A golden capture of the stack under test, holding the MLDv2 report it sends when it joins groups. */
    private static final Path GOLDEN_CAPTURE = Path.of("..", "pcaps", "ipv6", "dad-failure-na-attacker.pcapng");

    private static boolean matches(String filter, byte[] frame) {
        return DisplayFilter.parse(filter).matches(frame);
    }

    @Test
    void reportBehindHopByHopKeepsIcmpv6Fields() {
        FrameFields fields = FrameFields.decode(MLD2_REPORT);

        assertThat(fields.format(FilterField.IPV6_NXT)).containsExactly("0");
        assertThat(fields.format(FilterField.ICMPV6_TYPE)).containsExactly("143");
        assertThat(fields.format(FilterField.ICMPV6_CODE)).containsExactly("0");
        assertThat(fields.format(FilterField.ICMPV6_CHECKSUM)).containsExactly(Integer.toString(0x1543));
        assertThat(fields.format(FilterField.IPV6_HOPOPTS_NXT)).containsExactly("58");
        assertThat(fields.format(FilterField.IPV6_OPT_ROUTER_ALERT)).containsExactly("0");
        assertThat(fields.contains(FilterField.ICMPV6_OPT_TYPE)).isFalse();
    }

    @Test
    void reportRecordsAreMultiValued() {
        FrameFields fields = FrameFields.decode(MLD2_REPORT);

        assertThat(fields.format(FilterField.ICMPV6_MLDR_NB_MCAST_RECORDS)).containsExactly("2");
        assertThat(fields.format(FilterField.ICMPV6_MLDR_MAR_RECORD_TYPE)).containsExactly("4", "1");
        assertThat(fields.format(FilterField.ICMPV6_MLDR_MAR_NB_SOURCES)).containsExactly("0", "2");
        assertThat(fields.format(FilterField.ICMPV6_MLDR_MAR_MULTICAST_ADDRESS)).containsExactly("ff02:0:0:0:0:1:ff00:1",
                "ff05:0:0:0:0:0:0:2");
        assertThat(fields.format(FilterField.ICMPV6_MLDR_MAR_SOURCE_ADDRESS)).containsExactly("2001:db8:0:0:0:0:0:9",
                "2001:db8:0:0:0:0:0:a");
    }

    @Test
    void reportFiltersSelectReport() {
        assertThat(matches("icmpv6.type == 143 && ipv6.hlim == 1 && ipv6.dst == ff02::16", MLD2_REPORT)).isTrue();
        assertThat(matches("icmpv6.mldr.mar.multicast_address == ff05::2 && icmpv6.mldr.mar.record_type == 4",
                MLD2_REPORT)).isTrue();
        assertThat(matches("icmpv6.mldr.mar.record_type != 4", MLD2_REPORT)).isFalse();
        assertThat(matches("icmpv6.type == 1", MLD2_REPORT)).isFalse();
        assertThat(matches("ipv6.opt.router_alert == 0", MLD2_REPORT_NO_HOP_BY_HOP)).isFalse();
        assertThat(matches("icmpv6.mldr.mar.multicast_address == ff02::fb", MLD2_REPORT_NO_HOP_BY_HOP)).isTrue();
    }

    @Test
    void truncatedRecordStopsAtMissingSource() {
        FrameFields fields = FrameFields.decode(MLD2_REPORT_TRUNCATED_RECORD);

        assertThat(fields.format(FilterField.ICMPV6_MLDR_MAR_NB_SOURCES)).containsExactly("2");
        assertThat(fields.format(FilterField.ICMPV6_MLDR_MAR_SOURCE_ADDRESS)).containsExactly("2001:db8:0:0:0:0:0:b");
        assertThat(fields.format(FilterField.ICMPV6_MLDR_MAR_AUX_DATA_LEN)).containsExactly("1");
    }

    @Test
    void queryVersionFollowsLength() {
        FrameFields v1 = FrameFields.decode(MLD1_QUERY_GENERAL);
        FrameFields v2 = FrameFields.decode(MLD2_QUERY_GENERAL);

        assertThat(v1.format(FilterField.ICMPV6_MLD_MAXIMUM_RESPONSE_DELAY)).containsExactly("10000");
        assertThat(v1.contains(FilterField.ICMPV6_MLD_MAXIMUM_RESPONSE_CODE)).isFalse();
        assertThat(v1.format(FilterField.ICMPV6_MLD_MULTICAST_ADDRESS)).containsExactly("0:0:0:0:0:0:0:0");
        assertThat(v2.format(FilterField.ICMPV6_MLD_MAXIMUM_RESPONSE_CODE)).containsExactly("1000");
        assertThat(v2.contains(FilterField.ICMPV6_MLD_MAXIMUM_RESPONSE_DELAY)).isFalse();
        assertThat(v2.format(FilterField.ICMPV6_MLD_NB_SOURCES)).containsExactly("0");
        assertThat(v2.format(FilterField.ICMPV6_MLD_QQI)).containsExactly("248");
    }

    @Test
    void specificQueryDecodesCodes() {
        FrameFields fields = FrameFields.decode(MLD2_QUERY_SPECIFIC);

        assertThat(fields.format(FilterField.ICMPV6_MLD_MAXIMUM_RESPONSE_CODE)).containsExactly("35096");
        assertThat(fields.format(FilterField.ICMPV6_MLD_MULTICAST_ADDRESS)).containsExactly("ff05:0:0:0:0:0:0:2");
        assertThat(fields.format(FilterField.ICMPV6_MLD_FLAG_S)).containsExactly("1");
        assertThat(fields.format(FilterField.ICMPV6_MLD_FLAG_QRV)).containsExactly("2");
        assertThat(fields.format(FilterField.ICMPV6_MLD_QQI)).containsExactly("125");
        assertThat(fields.format(FilterField.ICMPV6_MLD_SOURCE_ADDRESS)).containsExactly("2001:db8:0:0:0:0:0:9");
        assertThat(fields.format(FilterField.ICMPV6_TYPE)).containsExactly("130");
    }

    @Test
    void doneCarriesMulticastAddress() {
        assertThat(matches("icmpv6.type == 132 && icmpv6.mld.multicast_address == ff05::2", MLD1_DONE)).isTrue();
        assertThat(matches("icmpv6.mld.maximum_response_delay == 0", MLD1_DONE)).isTrue();
    }

    @Test
    void maximumResponseCodeUsesExponent() {
        assertThat(MldFields.maximumResponseDelay(0x7fff)).isEqualTo(0x7fff);
        assertThat(MldFields.maximumResponseDelay(0x8000)).isEqualTo(0x1000L << 3);
        assertThat(MldFields.maximumResponseDelay(0xffff)).isEqualTo(8387584);
        assertThat(MldFields.queryInterval(0x7f)).isEqualTo(0x7f);
        assertThat(MldFields.queryInterval(0xff)).isEqualTo(31744);
    }

    @Test
    void checksumOfTestFrameIsValid() {
        byte[] frame = MLD2_REPORT;
        byte[] source = java.util.Arrays.copyOfRange(frame, 22, 38);
        byte[] destination = java.util.Arrays.copyOfRange(frame, 38, 54);
        byte[] message = java.util.Arrays.copyOfRange(frame, 62, frame.length);

        // Summing a message that already contains its checksum gives 0xffff, whose complement is 0.
        assertThat(MldFrames.checksum(source, destination, message)).isZero();
    }

    @Test
    void goldenCaptureReportFromStack() throws Exception {
        Capture capture = PcapngReader.read(GOLDEN_CAPTURE);
        DisplayFilter report = DisplayFilter.parse("icmpv6.type == 143 && ipv6.nxt == 0 && ipv6.opt.router_alert == 0"
                + " && ipv6.hlim == 1 && ipv6.dst == ff02::16");

        List<FrameFields> reports = new ArrayList<>();
        for (CapturedFrame frame : capture.frames()) {
            FrameFields fields = FrameFields.decode(frame.data());
            if (report.matches(fields)) {
                reports.add(fields);
            }
        }

        assertThat(reports).hasSize(1);
        FrameFields fields = reports.get(0);
        assertThat(fields.format(FilterField.ICMPV6_MLDR_NB_MCAST_RECORDS)).containsExactly("1");
        assertThat(fields.format(FilterField.ICMPV6_MLDR_MAR_RECORD_TYPE)).containsExactly("4");
        assertThat(fields.format(FilterField.ICMPV6_MLDR_MAR_MULTICAST_ADDRESS).get(0)).startsWith("ff02:0:0:0:0:1:ff");
    }
}
