package io.stackbench.scenario.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.stackbench.scenario.filter.DisplayFilter;
import io.stackbench.scenario.load.ScenarioException;
import io.stackbench.scenario.model.ExpectationSpec;
import io.stackbench.scenario.model.Scenario;
import io.stackbench.scenario.run.RunResult;
import io.stackbench.sim.capture.Capture;
import io.stackbench.sim.capture.CaptureInterface;
import io.stackbench.sim.capture.CapturedFrame;
import io.stackbench.sim.capture.InterfaceStatistics;
import io.stackbench.sim.capture.NameRecord;
import io.stackbench.sim.capture.PcapngReader;
import io.stackbench.sim.capture.PcapngWriter;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * Opens the capture of every library scenario with tshark and capinfos, as a person inspecting a
 * trace in Wireshark would, and checks that each reads cleanly and shows our comments, interface
 * names and host names. It also evaluates every trace expectation's filter with tshark's display
 * filter over the same frames, segment and window, and requires the same frame numbers as our
 * matcher. Checked with TShark 4.0.17; skipped with a message when tshark is not on the PATH.
 */
class LibraryTsharkTest {

    /** Where the captures are written, so a failure's file can be opened afterwards. */
    private static final Path CAPTURES = Path.of("target", "library-tshark");

    /**
     * Makes tshark validate the IPv4 header, UDP and TCP checksums, which it skips by default.
     * tshark 4.0 has no such preference for ICMP and ICMPv6 because it always validates them.
     */
    static final List<String> CHECKSUM_VALIDATION = List.of(
            "-o", "ip.check_checksum:TRUE", "-o", "udp.check_checksum:TRUE", "-o", "tcp.check_checksum:TRUE");

    /**
     * Turns network name resolution back on after {@code -n}, from the capture's Name Resolution
     * Block only: no DNS queries and no hosts file but the empty one of the fresh profile.
     */
    static final List<String> NAME_RESOLUTION = List.of(
            "-N", "n", "-o", "nameres.use_external_name_resolver:FALSE", "-o", "nameres.hosts_file_handling:TRUE");

    /** The value of a {@code *.checksum.status} field for a checksum that tshark found wrong. */
    private static final String CHECKSUM_BAD = "0";
    /** The value of a {@code *.checksum.status} field for a checksum that tshark found right. */
    private static final String CHECKSUM_GOOD = "1";

    /** tshark's {@code _ws.expert.severity} value for a warning. Errors have higher values. */
    private static final long SEVERITY_WARNING = 0x00600000L;

    /** Frames that tshark marks as malformed, with a wrong checksum, or with an expert warning or error. */
    static final String TROUBLE_FILTER = "_ws.malformed || _ws.expert.severity >= warning"
            + " || ip.checksum.status == 0 || icmp.checksum.status == 0 || icmpv6.checksum.status == 0"
            + " || udp.checksum.status == 0 || tcp.checksum.status == 0";

    /**
     * Expert warnings that a scenario causes on purpose, by scenario id. In gratuitous-moves-entry a
     * peer moves 10.0.0.9 to a new MAC address, which tshark reports as a duplicate address.
     */
    private static final Map<String, List<String>> EXPECTED_WARNINGS = Map.of(
            "arp/gratuitous-moves-entry", List.of("Duplicate IP address configured (10.0.0.9)"),
            // The scenario checks that a closed port answers with RST, which tshark flags as a warning.
            "tcp/closed-port-reset", List.of("Connection reset (RST)"),
            // These send RSTs on purpose, or check the RSTs that a closed port sends.
            "tcp/blind-rst-challenge-ack", List.of("Connection reset (RST)"),
            "tcp/out-of-window-rst-ignored", List.of("Connection reset (RST)"),
            "tcp/closed-port-reset-fields", List.of("Connection reset (RST)"),
            // The data on port 80 is the counting pattern, which tshark's HTTP dissector reads as a bad header line.
            "tcp/mss-1220-ipv6-mtu-1280", List.of("Illegal characters found in header name"),
            // The peer advertises a zero window on purpose, to make the stack probe it.
            "tcp/zero-window-update", List.of("TCP Zero Window segment"),
            // The link loses, duplicates and reorders segments, and tshark's TCP analysis reports each gap, copy and late arrival.
            // The 64 KiB window without window scaling also fills up while a hole waits for retransmission.
            "tcp/lossy-10mb-transfer", List.of("Previous segment(s) not captured (common at capture start)",
                    "This frame is a (suspected) out-of-order segment", "This frame is a (suspected) retransmission",
                    "This frame is a (suspected) fast retransmission", "This frame is a (suspected) spurious retransmission",
                    "ACKed segment that wasn't captured (common at capture start)",
                    "TCP window specified by the receiver is now completely full"));

    /** A literal IPv4 or IPv6 address as tshark prints it, so that parsing it never needs DNS. */
    private static final Pattern ADDRESS_LITERAL = Pattern.compile("[0-9A-Fa-f:.]+");

    private static WiresharkTools tools;

    @BeforeAll
    static void requireTshark() {
        assumeTrue(WiresharkTools.installed("tshark"),
                "tshark is not on the PATH; install it (Debian: apt-get install tshark) to open the library's captures with it");
        tools = new WiresharkTools(CAPTURES.resolve("tools"));
    }

    @TestFactory
    Stream<DynamicNode> everyCaptureInspectsWell() throws IOException {
        List<ScenarioFile> files = ScenarioLibraryTest.library();
        assertThat(files).as("scenarios found under %s", ScenarioLibraryTest.LIBRARY).hasSizeGreaterThanOrEqualTo(8);
        List<DynamicNode> containers = new ArrayList<>();
        for (ScenarioFile file : files) {
            containers.add(scenarioTests(file));
        }
        return containers.stream();
    }

    /**
     * Shows that the trouble check can fail: it reports a wrong IPv4 header checksum unless the
     * frame's comment marks it as corrupted on purpose.
     */
    @Test
    void troubleCheckReportsBadChecksum() throws Exception {
        ScenarioFile file = ScenarioLibraryTest.library().stream()
                .filter(candidate -> candidate.id().equals("arp/ping-two-stacks")).findFirst().orElseThrow();
        Capture capture = LibraryRun.of(file).run().capture();
        int index = firstIpv4Frame(capture);
        CapturedFrame frame = capture.frames().get(index);
        byte[] broken = frame.data();
        broken[14 + 10] ^= 0x01; // low bit of the IPv4 header checksum

        Capture unexplained = withFrame(capture, index, new CapturedFrame(frame.interfaceId(), frame.timestampNanos(), broken,
                frame.originalLength(), frame.comment(), 0));
        Capture explained = withFrame(capture, index, new CapturedFrame(frame.interfaceId(), frame.timestampNanos(), broken,
                frame.originalLength(), "header checksum corrupted on purpose", 0));

        assertThat(trouble(write(unexplained, "bad-checksum.pcapng"), unexplained, file.id()))
                .as("frames flagged in a capture with a wrong IPv4 checksum in frame %d", index + 1)
                .singleElement().asString().startsWith("frame " + (index + 1) + " ");
        assertThat(trouble(write(explained, "bad-checksum-on-purpose.pcapng"), explained, file.id()))
                .as("frames flagged when the comment says the checksum was corrupted on purpose")
                .isEmpty();
    }

    private static DynamicContainer scenarioTests(ScenarioFile file) {
        LibraryRun run = LibraryRun.of(file);
        List<DynamicNode> tests = new ArrayList<>();
        tests.add(DynamicTest.dynamicTest("tshark reads every frame", () -> readsEveryFrame(run.get())));
        tests.add(DynamicTest.dynamicTest("no malformed frame or bad checksum", () -> noTrouble(run.get())));
        tests.add(DynamicTest.dynamicTest("comments are ours", () -> commentsAreOurs(run.get())));
        tests.add(DynamicTest.dynamicTest("interfaces are the segments", () -> interfacesAreSegments(run.get())));
        tests.add(DynamicTest.dynamicTest("statistics count frames and losses", () -> statisticsCountFrames(run.get())));
        tests.add(DynamicTest.dynamicTest("addresses resolve to node names", () -> addressesResolve(run.get())));
        for (ExpectationSpec expectation : run.scenario().expectations()) {
            if (expectation instanceof ExpectationSpec.Trace trace) {
                tests.add(DynamicTest.dynamicTest("trace " + trace.path() + " agrees with tshark: " + trace.filter(),
                        () -> traceAgrees(run.get(), trace)));
            }
        }
        return DynamicContainer.dynamicContainer(file.id(), file.path().toUri(), tests.stream());
    }

    /** tshark exits cleanly, prints nothing on standard error, and shows every frame at its simulated time. */
    private static void readsEveryFrame(LibraryCapture run) throws Exception {
        List<String> command = new ArrayList<>(List.of("-n", "-r", run.file().toString(),
                "-T", "fields", "-e", "frame.number", "-e", "frame.time_epoch"));
        WiresharkTools.Result result = tools.tshark(command);

        assertThat(result.exitCode()).as("tshark exit code for %s; stderr: %s", run.file(), result.problems()).isZero();
        assertThat(result.problems()).as("tshark stderr for %s", run.file()).isEmpty();
        List<String> expected = new ArrayList<>();
        List<CapturedFrame> frames = run.capture().frames();
        for (int i = 0; i < frames.size(); i++) {
            expected.add((i + 1) + "\t" + seconds(frames.get(i).timestampNanos()));
        }
        assertThat(result.lines()).as("frame numbers and frame.time_epoch in %s", run.file()).containsExactlyElementsOf(expected);
    }

    /** No frame is malformed, has a bad checksum or an expert warning, and tshark did validate checksums. */
    private static void noTrouble(LibraryCapture run) throws Exception {
        assertThat(trouble(run.file(), run.capture(), run.id())).as("frames tshark flags in %s", run.file()).isEmpty();

        List<String> options = new ArrayList<>(List.of("-n", "-r", run.file().toString()));
        options.addAll(CHECKSUM_VALIDATION);
        List<Map<String, List<String>>> frames = tools.fields(options,
                List.of("frame.number", "frame.comment", "ip.checksum.status", "icmp.checksum.status", "icmpv6.checksum.status"));
        for (Map<String, List<String>> frame : frames) {
            if (brokenOnPurpose(single(frame, "frame.comment"))) {
                continue;
            }
            // Only the outermost header counts, because a header quoted in an ICMP error may be cut short and stay unverified.
            for (String field : List.of("ip.checksum.status", "icmp.checksum.status", "icmpv6.checksum.status")) {
                if (!frame.get(field).isEmpty()) {
                    assertThat(frame.get(field).get(0)).as("%s of frame %s in %s (1 = good, 2 = unverified)",
                            field, single(frame, "frame.number"), run.file()).isEqualTo(CHECKSUM_GOOD);
                }
            }
        }
    }

    /** Every frame shows our comment, and capinfos shows our section comment. */
    private static void commentsAreOurs(LibraryCapture run) throws Exception {
        List<Map<String, List<String>>> frames = tools.fields(List.of("-n", "-r", run.file().toString()), List.of("frame.comment"));

        List<String> theirs = new ArrayList<>();
        for (Map<String, List<String>> frame : frames) {
            theirs.add(String.join(" | ", frame.get("frame.comment")));
        }
        List<String> ours = new ArrayList<>();
        for (CapturedFrame frame : run.capture().frames()) {
            ours.add(frame.comment() == null ? "" : frame.comment());
        }
        assertThat(theirs).as("frame.comment of each frame in %s", run.file()).containsExactlyElementsOf(ours);

        assumeTrue(WiresharkTools.installed("capinfos"), "capinfos is not on the PATH; it comes with tshark (Debian: wireshark-common)");
        WiresharkTools.Result capinfos = tools.capinfos(run.file());
        WiresharkTools.requireSuccess(capinfos);
        assertThat(capinfos.lines()).as("capinfos output for %s", run.file())
                .contains("Capture comment:     " + run.capture().sectionComment());
    }

    /** Each frame's interface has our segment's name and description, and capinfos lists every segment. */
    private static void interfacesAreSegments(LibraryCapture run) throws Exception {
        List<Map<String, List<String>>> frames = tools.fields(List.of("-n", "-r", run.file().toString()),
                List.of("frame.interface_id", "frame.interface_name", "frame.interface_description"));

        List<CaptureInterface> interfaces = run.capture().interfaces();
        List<String> theirs = new ArrayList<>();
        for (Map<String, List<String>> frame : frames) {
            theirs.add(single(frame, "frame.interface_id") + " " + single(frame, "frame.interface_name") + ": "
                    + single(frame, "frame.interface_description"));
        }
        List<String> ours = new ArrayList<>();
        for (CapturedFrame frame : run.capture().frames()) {
            CaptureInterface segment = interfaces.get(frame.interfaceId());
            ours.add(frame.interfaceId() + " " + segment.name() + ": " + segment.description());
        }
        assertThat(theirs).as("interface id, name and description of each frame in %s", run.file()).containsExactlyElementsOf(ours);

        assumeTrue(WiresharkTools.installed("capinfos"), "capinfos is not on the PATH; it comes with tshark (Debian: wireshark-common)");
        Map<Integer, Map<String, String>> listed = capinfosInterfaces(run.file());
        assertThat(listed.keySet()).as("interfaces capinfos lists for %s", run.file()).hasSize(interfaces.size());
        for (int i = 0; i < interfaces.size(); i++) {
            assertThat(listed.get(i)).as("capinfos interface #%d of %s", i, run.file())
                    .containsEntry("Name", interfaces.get(i).name())
                    .containsEntry("Description", interfaces.get(i).description());
        }
    }

    /**
     * One Interface Statistics Block per segment, taken at the scenario's end: received counts every
     * frame on the segment and dropped the ones the link lost. capinfos reports one block per interface.
     */
    private static void statisticsCountFrames(LibraryCapture run) throws Exception {
        assertThat(run.run().abortReason()).as("abort reason of %s", run.id()).isNull();
        Capture read = PcapngReader.read(run.file());
        long end = run.scenario().durationNanos();

        List<InterfaceStatistics> expected = new ArrayList<>();
        for (int i = 0; i < read.interfaces().size(); i++) {
            long received = 0;
            long lost = 0;
            for (CapturedFrame frame : read.frames()) {
                if (frame.interfaceId() == i) {
                    received++;
                    if (frame.comment() != null && frame.comment().contains("lost on link " + read.interfaces().get(i).name())) {
                        lost++;
                    }
                }
            }
            expected.add(new InterfaceStatistics(i, end, received, lost, 0, end));
        }
        assertThat(read.statistics()).as("Interface Statistics Blocks of %s", run.file()).containsExactlyElementsOf(expected);

        assumeTrue(WiresharkTools.installed("capinfos"), "capinfos is not on the PATH; it comes with tshark (Debian: wireshark-common)");
        Map<Integer, Map<String, String>> listed = capinfosInterfaces(run.file());
        for (int i = 0; i < read.interfaces().size(); i++) {
            assertThat(listed.get(i)).as("capinfos interface #%d of %s", i, run.file()).containsEntry("Number of stat entries", "1");
        }
    }

    /**
     * With name resolution from the Name Resolution Block only, tshark shows the node name for
     * every named IPv4 and IPv6 address and the bare address for the others. This holds in the IP
     * host fields and in the ARP packet details.
     */
    private static void addressesResolve(LibraryCapture run) throws Exception {
        Map<InetAddress, List<String>> names = new LinkedHashMap<>();
        for (NameRecord record : run.capture().names()) {
            names.put(record.address(), record.names());
        }

        List<String> options = new ArrayList<>(List.of("-n", "-r", run.file().toString()));
        options.addAll(NAME_RESOLUTION);
        List<Map<String, List<String>>> frames = tools.fields(options, List.of("frame.number",
                "ip.src", "ip.src_host", "ip.dst", "ip.dst_host", "ipv6.src", "ipv6.src_host", "ipv6.dst", "ipv6.dst_host"));
        for (Map<String, List<String>> frame : frames) {
            String number = single(frame, "frame.number");
            for (String address : List.of("ip.src", "ip.dst", "ipv6.src", "ipv6.dst")) {
                List<String> literals = frame.get(address);
                List<String> hosts = frame.get(address + "_host");
                assertThat(hosts).as("%s_host occurrences of frame %s in %s", address, number, run.file()).hasSameSizeAs(literals);
                for (int i = 0; i < literals.size(); i++) {
                    assertThat(hosts.get(i)).as("%s_host of %s in frame %s of %s", address, literals.get(i), number, run.file())
                            .isIn(expectedHosts(names, literals.get(i), false));
                }
            }
        }

        List<String> arpOptions = new ArrayList<>(options);
        arpOptions.addAll(List.of("-Y", "arp", "-T", "pdml"));
        WiresharkTools.Result pdml = tools.tshark(arpOptions);
        WiresharkTools.requireSuccess(pdml);
        List<ArpAddress> shownAddresses = arpAddresses(pdml.output());
        long arpFrames = run.capture().frames().stream().filter(frame -> DisplayFilter.parse("arp").matches(frame.data())).count();
        assertThat(shownAddresses).as("sender and target IPv4 addresses in the ARP packet details of %s", run.file())
                .hasSize((int) (2 * arpFrames));
        for (ArpAddress shown : shownAddresses) {
            assertThat(shown.label()).as("%s of frame %d in %s, as the packet details show it", shown.field(), shown.frame(), run.file())
                    .isIn(expectedHosts(names, shown.literal(), true));
        }
    }

    /**
     * Frames the trace expectation's filter selects on its segment within its inclusive window:
     * tshark's display filter with the segment and window added must select the same frames as
     * our matcher. Timestamps are simulated nanoseconds from the Unix epoch, so frame.time_epoch
     * equals simulated time.
     */
    private static void traceAgrees(LibraryCapture run, ExpectationSpec.Trace trace) throws Exception {
        DisplayFilter filter = DisplayFilter.parse(trace.filter());
        List<CaptureInterface> interfaces = run.capture().interfaces();
        List<CapturedFrame> frames = run.capture().frames();
        List<Integer> ours = new ArrayList<>();
        for (int i = 0; i < frames.size(); i++) {
            CapturedFrame frame = frames.get(i);
            boolean onSegment = trace.segment() == null || interfaces.get(frame.interfaceId()).name().equals(trace.segment());
            boolean inWindow = frame.timestampNanos() >= trace.fromNanos() && frame.timestampNanos() <= trace.toNanos();
            if (onSegment && inWindow && filter.matches(frame.data())) {
                ours.add(i + 1);
            }
        }

        String tsharkFilter = tsharkFilter(trace);
        List<Map<String, List<String>>> matched = tools.fields(List.of("-n", "-r", run.file().toString(),
                "-o", "tcp.relative_sequence_numbers:FALSE", "-Y", tsharkFilter), List.of("frame.number"));
        List<Integer> theirs = new ArrayList<>();
        for (Map<String, List<String>> frame : matched) {
            theirs.add(Integer.parseInt(single(frame, "frame.number")));
        }

        assertThat(theirs).as("frames tshark selects with %s in %s (ours: DisplayFilter over the same segment and window)",
                tsharkFilter, run.file()).isEqualTo(ours);
    }

    /** Returns the tshark display filter that selects what {@code trace} counts: its filter, segment and window. */
    static String tsharkFilter(ExpectationSpec.Trace trace) {
        StringBuilder text = new StringBuilder("(").append(trace.filter()).append(')');
        if (trace.segment() != null) {
            text.append(" && frame.interface_name == \"").append(trace.segment().replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        text.append(" && frame.time_epoch >= ").append(seconds(trace.fromNanos()));
        text.append(" && frame.time_epoch <= ").append(seconds(trace.toNanos()));
        return text.toString();
    }

    /**
     * Returns one line per frame that tshark flags as malformed, with a bad checksum, or with an
     * expert warning or error. Frames whose comment marks them as broken on purpose and warnings
     * listed in {@link #EXPECTED_WARNINGS} for the scenario do not count.
     */
    private static List<String> trouble(Path file, Capture capture, String scenarioId) throws Exception {
        List<String> options = new ArrayList<>(List.of("-n", "-r", file.toString()));
        options.addAll(CHECKSUM_VALIDATION);
        options.addAll(List.of("-Y", TROUBLE_FILTER));
        List<Map<String, List<String>>> flagged = tools.fields(options, List.of("frame.number", "_ws.expert.severity",
                "_ws.expert.message", "ip.checksum.status", "icmp.checksum.status", "icmpv6.checksum.status",
                "udp.checksum.status", "tcp.checksum.status"));

        List<String> expectedWarnings = EXPECTED_WARNINGS.getOrDefault(scenarioId, List.of());
        List<String> problems = new ArrayList<>();
        for (Map<String, List<String>> frame : flagged) {
            int number = Integer.parseInt(single(frame, "frame.number"));
            String comment = capture.frames().get(number - 1).comment();
            if (brokenOnPurpose(comment)) {
                continue;
            }

            List<String> reasons = new ArrayList<>();
            List<String> severities = frame.get("_ws.expert.severity");
            List<String> messages = frame.get("_ws.expert.message");
            for (int i = 0; i < severities.size(); i++) {
                String message = i < messages.size() ? messages.get(i) : "";
                if (Long.parseLong(severities.get(i)) >= SEVERITY_WARNING && !expectedWarnings.contains(message)) {
                    reasons.add("expert severity 0x" + Long.toHexString(Long.parseLong(severities.get(i))) + ": " + message);
                }
            }
            for (String field : List.of("ip", "icmp", "icmpv6", "udp", "tcp")) {
                if (frame.get(field + ".checksum.status").contains(CHECKSUM_BAD)) {
                    reasons.add(field + " checksum bad");
                }
            }
            if (reasons.isEmpty() && messages.stream().noneMatch(expectedWarnings::contains)) {
                reasons.add("matched the trouble filter, but no expert message says why: " + messages);
            }
            if (!reasons.isEmpty()) {
                problems.add("frame " + number + " (comment: " + comment + "): " + String.join("; ", reasons));
            }
        }
        return problems;
    }

    /** Returns whether a frame's comment marks it as corrupted or made invalid on purpose. */
    static boolean brokenOnPurpose(String comment) {
        return comment != null && (comment.contains("corrupted") || comment.contains("on purpose"));
    }

    /**
     * Returns the texts tshark may show for an address: its node names, or the bare address when it
     * has none. With name resolution on, tshark 4.0.17's packet details write an address as
     * {@code name (address)}, and as {@code address (address)} when it has no name.
     */
    private static List<String> expectedHosts(Map<InetAddress, List<String>> names, String literal, boolean detailsForm)
            throws IOException {
        if (!ADDRESS_LITERAL.matcher(literal).matches()) {
            throw new IllegalStateException("tshark printed \"" + literal + "\" where an address literal was expected");
        }
        List<String> known = names.get(InetAddress.getByName(literal));
        if (known == null) {
            return List.of(detailsForm ? literal + " (" + literal + ")" : literal);
        }
        List<String> hosts = new ArrayList<>();
        for (String name : known) {
            hosts.add(detailsForm ? name + " (" + literal + ")" : name);
        }
        return hosts;
    }

    /** One ARP protocol address in tshark's packet details: the field, its bare value and the label after "Sender IP address: ". */
    private record ArpAddress(int frame, String field, String literal, String label) {
    }

    private static List<ArpAddress> arpAddresses(String pdml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        Document document = factory.newDocumentBuilder().parse(new InputSource(new StringReader(pdml)));

        List<ArpAddress> addresses = new ArrayList<>();
        NodeList packets = document.getElementsByTagName("packet");
        for (int p = 0; p < packets.getLength(); p++) {
            Element packet = (Element) packets.item(p);
            NodeList fields = packet.getElementsByTagName("field");
            int frame = -1;
            for (int f = 0; f < fields.getLength(); f++) {
                Element field = (Element) fields.item(f);
                String name = field.getAttribute("name");
                if (name.equals("frame.number")) {
                    frame = Integer.parseInt(field.getAttribute("show"));
                } else if (name.equals("arp.src.proto_ipv4") || name.equals("arp.dst.proto_ipv4")) {
                    String showname = field.getAttribute("showname");
                    String label = showname.substring(showname.indexOf(": ") + 2);
                    addresses.add(new ArpAddress(frame, name, field.getAttribute("show"), label));
                }
            }
        }
        return addresses;
    }

    /** Returns capinfos' interface sections as "key = value" pairs by interface number. */
    private static Map<Integer, Map<String, String>> capinfosInterfaces(Path file) throws Exception {
        WiresharkTools.Result result = tools.capinfos(file);
        WiresharkTools.requireSuccess(result);

        Map<Integer, Map<String, String>> interfaces = new TreeMap<>();
        Map<String, String> current = null;
        for (String line : result.lines()) {
            if (line.startsWith("Interface #") && line.endsWith(" info:")) {
                current = new LinkedHashMap<>();
                interfaces.put(Integer.parseInt(line.substring("Interface #".length(), line.length() - " info:".length())), current);
            } else if (current != null && line.startsWith(" ") && line.contains(" = ")) {
                String pair = line.strip();
                int equals = pair.indexOf(" = ");
                current.put(pair.substring(0, equals), pair.substring(equals + 3));
            } else {
                current = null;
            }
        }
        return interfaces;
    }

    /** Returns the only occurrence of {@code field}, or "" when the frame lacks it. */
    private static String single(Map<String, List<String>> frame, String field) {
        List<String> values = frame.get(field);
        if (values.size() > 1) {
            throw new IllegalStateException(field + " occurs " + values.size() + " times: " + values);
        }
        return values.isEmpty() ? "" : values.get(0);
    }

    /** Formats simulated nanoseconds as tshark prints frame.time_epoch: seconds with nine decimals. */
    static String seconds(long nanos) {
        return BigDecimal.valueOf(nanos, 9).toPlainString();
    }

    private static int firstIpv4Frame(Capture capture) {
        for (int i = 0; i < capture.frames().size(); i++) {
            byte[] data = capture.frames().get(i).data();
            if (data.length >= 34 && data[12] == 0x08 && data[13] == 0x00) {
                return i;
            }
        }
        throw new IllegalStateException("the capture has no IPv4 frame");
    }

    private static Capture withFrame(Capture capture, int index, CapturedFrame replacement) {
        List<CapturedFrame> frames = new ArrayList<>(capture.frames());
        frames.set(index, replacement);
        return new Capture(capture.sectionComment(), capture.interfaces(), frames, capture.names(), capture.statistics());
    }

    private static Path write(Capture capture, String name) throws IOException {
        Path file = Files.createDirectories(CAPTURES.resolve("negative")).resolve(name);
        PcapngWriter.write(capture, file);
        return file;
    }

    /** A scenario run and its capture file. */
    record LibraryCapture(String id, Scenario scenario, RunResult run, Path file) {
        Capture capture() {
            return run.capture();
        }
    }

    /** Loads a scenario at once and runs it on first use, so one run serves all of its tests. */
    static final class LibraryRun {
        private final ScenarioFile file;
        private final Scenario scenario;
        private LibraryCapture capture;

        private LibraryRun(ScenarioFile file, Scenario scenario) {
            this.file = file;
            this.scenario = scenario;
        }

        static LibraryRun of(ScenarioFile file) {
            try {
                return new LibraryRun(file, Bench.loader().load(file.path(), file.id()));
            } catch (IOException | ScenarioException e) {
                throw new IllegalStateException("failed to load " + file.path() + ": " + e.getMessage(), e);
            }
        }

        Scenario scenario() {
            return scenario;
        }

        RunResult run() throws IOException {
            return get().run();
        }

        synchronized LibraryCapture get() throws IOException {
            if (capture == null) {
                RunResult result = Bench.runner().run(scenario);
                Path path = Files.createDirectories(CAPTURES.resolve(file.id()).getParent()).resolve(file.path().getFileName()
                        .toString().replace(".json", ".pcapng"));
                PcapngWriter.write(result.capture(), path);
                capture = new LibraryCapture(file.id(), scenario, result, path);
            }
            return capture;
        }
    }
}
