package io.stackbench.scenario.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.stackbench.scenario.library.Bench;
import io.stackbench.scenario.model.ExpectationSpec;
import io.stackbench.scenario.model.Scenario;
import io.stackbench.scenario.model.StepSpec;
import io.stackbench.sim.net.LinkProfile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each validation error the loader reports, checked for its location (line, column, JSON Pointer),
 * the value as written, and a message and fix that name the mistake. Locations are found by
 * searching the scenario text, so a test states which token the problem must point at.
 */
class ScenarioLoaderTest {

    /** A scenario that loads without problems. Each test below breaks one thing in a copy of it. */
    private static final String VALID = """
            {
              "name": "valid",
              "description": "two nodes and a ping",
              "duration": "5s",
              "segments": [{"name": "lan", "latency": "50us", "bandwidth": "1Gbit/s", "loss": 0.1}],
              "nodes": [
                {"name": "alice", "kind": "stack", "segment": "lan", "mac": "02:00:00:00:00:0a", "boot": ["--ipv4=10.0.0.1/24"]},
                {"name": "bob", "kind": "arp-responder", "segment": "lan", "mac": "02:00:00:00:00:0b", "entries": [{"ip": "10.0.0.2"}]}
              ],
              "steps": [
                {"id": "ping-bob", "at": "1s", "do": "ping", "node": "alice", "target": "10.0.0.2"}
              ],
              "expect": [
                {"type": "ping", "step": "ping-bob", "replies": 1},
                {"type": "trace", "filter": "arp.opcode == 1", "from": "1s", "to": "2s", "count": 1}
              ]
            }
            """;

    @TempDir
    Path directory;

    private Path file;

    // ---- helpers ----

    private Scenario load(String json) throws Exception {
        file = directory.resolve("scenario.json");
        Files.writeString(file, json, StandardCharsets.UTF_8);
        return Bench.loader().load(file, "area/scenario");
    }

    private List<ScenarioProblem> problems(String json) throws IOException {
        file = directory.resolve("scenario.json");
        Files.writeString(file, json, StandardCharsets.UTF_8);
        ScenarioException e = catchThrowableOfType(ScenarioException.class, () -> Bench.loader().load(file, "area/scenario"));
        assertThat(e).as("loading should fail for:%n%s", json).isNotNull();
        return e.problems();
    }

    /** Returns the only problem in {@code json}. */
    private ScenarioProblem onlyProblem(String json) throws IOException {
        List<ScenarioProblem> found = problems(json);
        assertThat(found).as("problems").hasSize(1);
        return found.get(0);
    }

    /** Returns the problem reported at {@code jsonPath}. */
    private static ScenarioProblem problemAt(List<ScenarioProblem> found, String jsonPath) {
        return found.stream().filter(p -> p.jsonPath().equals(jsonPath)).findFirst()
                .orElseThrow(() -> new AssertionError("no problem at " + jsonPath + " in " + found));
    }

    /** Replaces the single occurrence of {@code from} in the valid scenario. */
    private static String valid(String from, String to) {
        assertThat(VALID).containsOnlyOnce(from);
        return VALID.replace(from, to);
    }

    /** Asserts that {@code problem} points at the first occurrence of {@code token} in {@code json}. */
    private void assertAt(ScenarioProblem problem, String json, String token) {
        int offset = json.indexOf(token);
        assertThat(offset).as("token %s in the scenario", token).isNotNegative();
        String before = json.substring(0, offset);
        int line = (int) before.chars().filter(c -> c == '\n').count() + 1;
        int column = offset - (before.lastIndexOf('\n') + 1) + 1;

        assertThat(problem.file()).isEqualTo(file);
        assertThat(problem.line()).as("line of %s", problem).isEqualTo(line);
        assertThat(problem.column()).as("column of %s", problem).isEqualTo(column);
    }

    // ---- the valid scenario itself ----

    @Test
    void validScenarioLoads() throws Exception {
        Scenario scenario = load(VALID);

        assertThat(scenario.id()).isEqualTo("area/scenario");
        assertThat(scenario.name()).isEqualTo("valid");
        assertThat(scenario.durationNanos()).isEqualTo(5_000_000_000L);
        assertThat(scenario.expectations()).hasSize(2);
    }

    // ---- structure and types ----

    @Test
    void unknownTopLevelFieldSuggestsName() throws Exception {
        String json = valid("\"duration\": \"5s\",", "\"duration\": \"5s\",\n  \"descripton\": \"typo\",");

        ScenarioProblem problem = onlyProblem(json);

        assertAt(problem, json, "\"typo\"");
        assertThat(problem.jsonPath()).isEqualTo("/descripton");
        assertThat(problem.value()).isEqualTo("\"typo\"");
        assertThat(problem.message()).isEqualTo("unknown field \"descripton\"");
        assertThat(problem.fix()).isEqualTo("did you mean \"description\"?");
    }

    @Test
    void captureSnapLengthLoads() throws Exception {
        Scenario scenario = load(valid("\"duration\": \"5s\",", "\"duration\": \"5s\",\n  \"capture\": {\"snaplen\": 200},"));

        assertThat(scenario.snapLength()).isEqualTo(200);
        assertThat(load(VALID).snapLength()).as("snap length without a capture object").isZero();
    }

    @Test
    void captureSnapLengthTooSmall() throws Exception {
        String json = valid("\"duration\": \"5s\",", "\"duration\": \"5s\",\n  \"capture\": {\"snaplen\": 60},");

        ScenarioProblem problem = onlyProblem(json);

        assertAt(problem, json, "60");
        assertThat(problem.jsonPath()).isEqualTo("/capture/snaplen");
        assertThat(problem.message()).isEqualTo("\"snaplen\" is out of range");
        assertThat(problem.fix()).isEqualTo("use a value in 128..262144");
    }

    @Test
    void tcpSendBytesUpTo2To40() throws Exception {
        String steps = "{\"id\": \"ping-bob\", \"at\": \"1s\", \"do\": \"ping\", \"node\": \"alice\", \"target\": \"10.0.0.2\"}";
        String withSend = steps + ",\n    {\"id\": \"conn\", \"at\": \"1s\", \"do\": \"tcp-connect\", \"node\": \"alice\", \"target\": \"10.0.0.2\", "
                + "\"port\": 80},\n    {\"id\": \"data\", \"at\": \"2s\", \"do\": \"tcp-send\", \"connection\": \"conn\", \"bytes\": %d}";

        Scenario scenario = load(valid(steps, withSend.formatted(1L << 40)));
        StepSpec.TcpSend send = (StepSpec.TcpSend) scenario.steps().get(2);
        assertThat(send.length()).isEqualTo(1L << 40);
        assertThat(send.text()).as("text of a bytes step").isNull();

        String json = valid(steps, withSend.formatted((1L << 40) + 1));
        ScenarioProblem problem = onlyProblem(json);
        assertAt(problem, json, "1099511627777");
        assertThat(problem.jsonPath()).isEqualTo("/steps/2/bytes");
        assertThat(problem.fix()).isEqualTo("use a value in 1..1099511627776");
    }

    @Test
    void unknownFieldFarFromAnyListsAllowed() throws Exception {
        String json = valid("\"duration\": \"5s\",", "\"duration\": \"5s\",\n  \"wallclock\": true,");

        ScenarioProblem problem = onlyProblem(json);

        assertThat(problem.jsonPath()).isEqualTo("/wallclock");
        assertThat(problem.value()).isEqualTo("true");
        assertThat(problem.fix()).startsWith("allowed fields are ").contains("duration", "segments", "expect");
    }

    @Test
    void missingRequiredFieldPointsAtParent() throws Exception {
        String json = valid("  \"duration\": \"5s\",\n", "");

        ScenarioProblem problem = onlyProblem(json);

        assertAt(problem, json, "{");
        assertThat(problem.jsonPath()).isEqualTo("/duration");
        assertThat(problem.value()).isNull();
        assertThat(problem.message()).isEqualTo("missing field \"duration\"");
        assertThat(problem.fix()).isEqualTo("add \"duration\": \"1s\"");
    }

    @Test
    void missingNodeSegmentPointsAtNode() throws Exception {
        String json = valid("\"kind\": \"stack\", \"segment\": \"lan\", ", "\"kind\": \"stack\", ");

        ScenarioProblem problem = onlyProblem(json);

        assertAt(problem, json, "{\"name\": \"alice\"");
        assertThat(problem.jsonPath()).isEqualTo("/nodes/0/segment");
        assertThat(problem.value()).isNull();
        assertThat(problem.message()).isEqualTo("missing field \"segment\"");
        assertThat(problem.fix()).isEqualTo("add \"segment\": \"lan\"");
    }

    @Test
    void wrongTypeStringField() throws Exception {
        String json = valid("\"name\": \"valid\"", "\"name\": 42");

        ScenarioProblem problem = onlyProblem(json);

        assertAt(problem, json, "42");
        assertThat(problem.jsonPath()).isEqualTo("/name");
        assertThat(problem.value()).isEqualTo("42");
        assertThat(problem.message()).isEqualTo("\"name\" must be a string");
        assertThat(problem.fix()).isEqualTo("write it as \"area/scenario\"");
    }

    @Test
    void wrongTypeIntegerField() throws Exception {
        String json = valid("\"replies\": 1", "\"replies\": \"one\"");

        ScenarioProblem problem = problemAt(problems(json), "/expect/0/replies");

        assertAt(problem, json, "\"one\"");
        assertThat(problem.jsonPath()).isEqualTo("/expect/0/replies");
        assertThat(problem.value()).isEqualTo("\"one\"");
        assertThat(problem.message()).isEqualTo("\"replies\" must be an integer");
        assertThat(problem.fix()).isEqualTo("write a whole number in 0..100000");
    }

    @Test
    void wrongTypeArrayField() throws Exception {
        String json = valid("\"steps\": [", "\"tags\": \"arp\",\n  \"steps\": [");

        ScenarioProblem problem = onlyProblem(json);

        assertAt(problem, json, "\"arp\"");
        assertThat(problem.jsonPath()).isEqualTo("/tags");
        assertThat(problem.message()).isEqualTo("\"tags\" must be an array");
        assertThat(problem.fix()).isEqualTo("write [ ... ]");
    }

    @Test
    void rootThatIsNotObject() throws Exception {
        String json = "[1, 2]\n";

        ScenarioProblem problem = onlyProblem(json);

        assertAt(problem, json, "[");
        assertThat(problem.jsonPath()).isEmpty();
        assertThat(problem.message()).isEqualTo("expected a JSON object");
        assertThat(problem.fix()).startsWith("write { ... } with the fields ").contains("name", "nodes");
    }

    // ---- units and ranges ----

    @Test
    void badDurationUnit() throws Exception {
        String json = valid("\"duration\": \"5s\"", "\"duration\": \"5 parsecs\"");

        ScenarioProblem problem = onlyProblem(json);

        assertAt(problem, json, "\"5 parsecs\"");
        assertThat(problem.jsonPath()).isEqualTo("/duration");
        assertThat(problem.value()).isEqualTo("\"5 parsecs\"");
        assertThat(problem.message()).startsWith("invalid duration unit \"parsecs\" in \"5 parsecs\"");
        assertThat(problem.fix()).isEqualTo("write " + Units.DURATION_HELP);
    }

    @Test
    void zeroDurationRejected() throws Exception {
        String json = valid("\"duration\": \"5s\"", "\"duration\": \"0s\"");

        List<ScenarioProblem> found = problems(json);

        assertThat(found).extracting(ScenarioProblem::message).contains("duration must be positive");
        ScenarioProblem problem = found.stream().filter(p -> p.jsonPath().equals("/duration")).findFirst().orElseThrow();
        assertAt(problem, json, "\"0s\"");
        assertThat(problem.value()).isEqualTo("\"0s\"");
        assertThat(problem.fix()).contains("\"5s\"");
    }

    @Test
    void badBandwidth() throws Exception {
        String json = valid("\"1Gbit/s\"", "\"1GB/s\"");

        ScenarioProblem problem = onlyProblem(json);

        assertAt(problem, json, "\"1GB/s\"");
        assertThat(problem.jsonPath()).isEqualTo("/segments/0/bandwidth");
        assertThat(problem.value()).isEqualTo("\"1GB/s\"");
        assertThat(problem.message()).startsWith("invalid bandwidth unit \"GB/s\"");
        assertThat(problem.fix()).isEqualTo("write " + Units.BANDWIDTH_HELP);
    }

    @Test
    void lossOutOfRange() throws Exception {
        for (String loss : List.of("1.5", "1.0", "-0.1", "\"5%\"")) {
            String json = valid("\"loss\": 0.1", "\"loss\": " + loss);

            ScenarioProblem problem = onlyProblem(json);

            assertAt(problem, json, loss + "}");
            assertThat(problem.jsonPath()).isEqualTo("/segments/0/loss");
            assertThat(problem.value()).as("value for %s", loss).isEqualTo(loss);
            assertThat(problem.message()).isEqualTo("\"loss\" must be a probability");
            assertThat(problem.fix()).contains("[0, 1)");
        }
    }

    @Test
    void integerOutOfRange() throws Exception {
        String json = valid("\"replies\": 1", "\"replies\": -3");

        ScenarioProblem problem = problemAt(problems(json), "/expect/0/replies");

        assertAt(problem, json, "-3");
        assertThat(problem.jsonPath()).isEqualTo("/expect/0/replies");
        assertThat(problem.message()).isEqualTo("\"replies\" is out of range");
        assertThat(problem.fix()).isEqualTo("use a value in 0..100000");
    }

    // ---- references between parts ----

    @Test
    void unknownSegment() throws Exception {
        String json = valid("\"kind\": \"stack\", \"segment\": \"lan\"", "\"kind\": \"stack\", \"segment\": \"wan\"");

        ScenarioProblem problem = onlyProblem(json);

        assertAt(problem, json, "\"wan\"");
        assertThat(problem.jsonPath()).isEqualTo("/nodes/0/segment");
        assertThat(problem.value()).isEqualTo("\"wan\"");
        assertThat(problem.message()).isEqualTo("unknown segment \"wan\"");
        assertThat(problem.fix()).endsWith(": lan");
    }

    @Test
    void unknownTraceSegment() throws Exception {
        String json = valid("\"from\": \"1s\"", "\"segment\": \"wan\", \"from\": \"1s\"");

        ScenarioProblem problem = onlyProblem(json);

        assertAt(problem, json, "\"wan\"");
        assertThat(problem.jsonPath()).isEqualTo("/expect/1/segment");
        assertThat(problem.message()).isEqualTo("unknown segment \"wan\"");
        assertThat(problem.fix()).endsWith(": lan");
    }

    @Test
    void unknownNodeSuggestsClosest() throws Exception {
        String json = valid("\"node\": \"alice\"", "\"node\": \"alcie\"");

        ScenarioProblem problem = onlyProblem(json);

        assertAt(problem, json, "\"alcie\"");
        assertThat(problem.jsonPath()).isEqualTo("/steps/0/node");
        assertThat(problem.value()).isEqualTo("\"alcie\"");
        assertThat(problem.message()).isEqualTo("unknown node \"alcie\"");
        assertThat(problem.fix()).isEqualTo("did you mean \"alice\"?");
    }

    @Test
    void unknownNodeListsNodes() throws Exception {
        String json = valid("\"node\": \"alice\"", "\"node\": \"gateway\"");

        ScenarioProblem problem = onlyProblem(json);

        assertThat(problem.jsonPath()).isEqualTo("/steps/0/node");
        assertThat(problem.message()).isEqualTo("unknown node \"gateway\"");
        assertThat(problem.fix()).isEqualTo("use one of the nodes: alice, bob");
    }

    @Test
    void stepOnPeerNode() throws Exception {
        String json = valid("\"node\": \"alice\"", "\"node\": \"bob\"");

        ScenarioProblem problem = onlyProblem(json);

        assertAt(problem, json, "\"bob\", \"target\"");
        assertThat(problem.jsonPath()).isEqualTo("/steps/0/node");
        assertThat(problem.value()).isEqualTo("\"bob\"");
        assertThat(problem.message()).isEqualTo("node \"bob\" is a scripted peer, not a stack");
        assertThat(problem.fix()).contains("\"stack\"");
    }

    @Test
    void pingExpectationMissingStep() throws Exception {
        String json = valid("\"step\": \"ping-bob\"", "\"step\": \"ping-carol\"");

        ScenarioProblem problem = onlyProblem(json);

        assertAt(problem, json, "\"ping-carol\"");
        assertThat(problem.jsonPath()).isEqualTo("/expect/0/step");
        assertThat(problem.value()).isEqualTo("\"ping-carol\"");
        assertThat(problem.message()).isEqualTo("no ping step with id \"ping-carol\"");
        assertThat(problem.fix()).contains("\"do\": \"ping\"");
    }

    @Test
    void pingExpectationOnLinkStep() throws Exception {
        String json = valid("\"target\": \"10.0.0.2\"}",
                "\"target\": \"10.0.0.2\"},\n    {\"id\": \"cut\", \"at\": \"2s\", \"do\": \"link-down\", \"node\": \"alice\"}")
                .replace("\"step\": \"ping-bob\"", "\"step\": \"cut\"");

        ScenarioProblem problem = onlyProblem(json);

        assertAt(problem, json, "\"cut\", \"replies\"");
        assertThat(problem.jsonPath()).isEqualTo("/expect/0/step");
        assertThat(problem.message()).isEqualTo("no ping step with id \"cut\"");
    }

    // ---- names of kinds, actions and types ----

    @Test
    void unknownNodeKindSuggests() throws Exception {
        String json = valid("\"kind\": \"stack\"", "\"kind\": \"stak\"");

        List<ScenarioProblem> found = problems(json);

        // A node of unknown kind is left out, so the step on it names an unknown node too.
        assertThat(found).extracting(ScenarioProblem::jsonPath).containsExactly("/nodes/0/kind", "/steps/0/node");
        ScenarioProblem problem = found.get(0);

        assertAt(problem, json, "\"stak\"");
        assertThat(problem.jsonPath()).isEqualTo("/nodes/0/kind");
        assertThat(problem.value()).isEqualTo("\"stak\"");
        assertThat(problem.message()).isEqualTo("unknown node kind \"stak\"");
        assertThat(problem.fix()).isEqualTo("did you mean \"stack\"?");
    }

    @Test
    void unknownNodeKindListsKinds() throws Exception {
        String json = valid("\"kind\": \"arp-responder\"", "\"kind\": \"dhcp-server\"");

        List<ScenarioProblem> found = problems(json);

        // The step on alice still loads; the ping target bob is no node, which the loader does not check.
        ScenarioProblem problem = found.get(0);
        assertThat(problem.jsonPath()).isEqualTo("/nodes/1/kind");
        assertThat(problem.message()).isEqualTo("unknown node kind \"dhcp-server\"");
        assertThat(problem.fix()).isEqualTo("use one of arp-responder, dad-attacker, na-spoofer, raw, router, stack, tcp-peer");
    }

    @Test
    void unknownStepActionSuggests() throws Exception {
        String json = valid("\"do\": \"ping\"", "\"do\": \"pnig\"");

        List<ScenarioProblem> found = problems(json);

        ScenarioProblem problem = found.get(0);
        assertAt(problem, json, "\"pnig\"");
        assertThat(problem.jsonPath()).isEqualTo("/steps/0/do");
        assertThat(problem.value()).isEqualTo("\"pnig\"");
        assertThat(problem.message()).isEqualTo("unknown step action \"pnig\"");
        assertThat(problem.fix()).isEqualTo("did you mean \"ping\"?");
        // The step is skipped, so the ping expectation that names it is reported too.
        assertThat(found).extracting(ScenarioProblem::jsonPath).containsExactly("/steps/0/do", "/expect/0/step");
    }

    @Test
    void unknownStepActionListsActions() throws Exception {
        String json = valid("\"do\": \"ping\"", "\"do\": \"reboot-everything\"");

        ScenarioProblem problem = problems(json).get(0);

        assertThat(problem.message()).isEqualTo("unknown step action \"reboot-everything\"");
        assertThat(problem.fix()).isEqualTo("use one of link-down, link-profile, link-up, ping, restart, router-change, router-send, tcp-abort, tcp-close, tcp-connect, tcp-listen, tcp-send, udp-bind, udp-send");
    }

    @Test
    void segmentReadsImpairments() throws Exception {
        String json = valid("\"loss\": 0.1}", "\"loss\": 0.1, \"duplication\": 0.2, \"reordering\": 0.3, \"reorderDelay\": \"2ms\","
                + " \"corruption\": 0.05, \"jitter\": \"20us\"}");

        LinkProfile profile = load(json).segments().get(0).profile();

        assertThat(profile.loss()).isEqualTo(0.1);
        assertThat(profile.duplication()).isEqualTo(0.2);
        assertThat(profile.reordering()).isEqualTo(0.3);
        assertThat(profile.reorderDelayNanos()).isEqualTo(2_000_000);
        assertThat(profile.corruption()).isEqualTo(0.05);
        assertThat(profile.jitterNanos()).isEqualTo(20_000);
    }

    @Test
    void segmentWithoutImpairmentsHasNone() throws Exception {
        LinkProfile profile = load(VALID).segments().get(0).profile();

        assertThat(profile).isEqualTo(new LinkProfile(50_000, 1_000_000_000, 1500, LinkProfile.DEFAULT_QUEUE_LIMIT_BYTES, 0.1));
    }

    @Test
    void duplicationAboveOneIsRejected() throws Exception {
        String json = valid("\"loss\": 0.1}", "\"loss\": 0.1, \"duplication\": 1.5}");

        ScenarioProblem problem = onlyProblem(json);

        assertThat(problem.jsonPath()).isEqualTo("/segments/0/duplication");
        assertThat(problem.message()).isEqualTo("\"duplication\" must be a probability");
    }

    @Test
    void linkProfileStepKeepsFieldsNotGiven() throws Exception {
        String json = valid("\"target\": \"10.0.0.2\"}", "\"target\": \"10.0.0.2\"},\n"
                + "    {\"id\": \"worse\", \"at\": \"2s\", \"do\": \"link-profile\", \"segment\": \"lan\", \"jitter\": \"5us\", \"corruption\": 0.2}");

        StepSpec.LinkProfileStep step = (StepSpec.LinkProfileStep) load(json).steps().get(1);
        LinkProfile before = new LinkProfile(50_000, 1_000_000_000, 1500, LinkProfile.DEFAULT_QUEUE_LIMIT_BYTES, 0.1);

        assertThat(step.segment()).isEqualTo("lan");
        assertThat(step.atNanos()).isEqualTo(2_000_000_000L);
        assertThat(step.change().applyTo(before)).isEqualTo(before.withJitter(5_000).withCorruption(0.2));
    }

    @Test
    void linkProfileStepNeedsKnownSegment() throws Exception {
        String json = valid("\"target\": \"10.0.0.2\"}", "\"target\": \"10.0.0.2\"},\n"
                + "    {\"at\": \"2s\", \"do\": \"link-profile\", \"segment\": \"lna\", \"loss\": 0.5}");

        ScenarioProblem problem = onlyProblem(json);

        assertThat(problem.jsonPath()).isEqualTo("/steps/1/segment");
        assertThat(problem.message()).isEqualTo("unknown segment \"lna\"");
        assertThat(problem.fix()).isEqualTo("did you mean \"lan\"?");
    }

    @Test
    void linkProfileStepMustChangeSomething() throws Exception {
        String json = valid("\"target\": \"10.0.0.2\"}", "\"target\": \"10.0.0.2\"},\n"
                + "    {\"at\": \"2s\", \"do\": \"link-profile\", \"segment\": \"lan\"}");

        ScenarioProblem problem = onlyProblem(json);

        assertThat(problem.jsonPath()).isEqualTo("/steps/1");
        assertThat(problem.message()).isEqualTo("a link-profile step changes no field");
    }

    @Test
    void unknownExpectationTypeSuggests() throws Exception {
        String json = valid("\"type\": \"trace\"", "\"type\": \"trcae\"");

        ScenarioProblem problem = onlyProblem(json);

        assertAt(problem, json, "\"trcae\"");
        assertThat(problem.jsonPath()).isEqualTo("/expect/1/type");
        assertThat(problem.value()).isEqualTo("\"trcae\"");
        assertThat(problem.message()).isEqualTo("unknown expectation type \"trcae\"");
        assertThat(problem.fix()).isEqualTo("did you mean \"trace\"?");
    }

    @Test
    void unknownExpectationTypeListsTypes() throws Exception {
        String json = valid("\"type\": \"trace\"", "\"type\": \"latency-histogram\"");

        ScenarioProblem problem = onlyProblem(json);

        assertThat(problem.message()).isEqualTo("unknown expectation type \"latency-histogram\"");
        assertThat(problem.fix()).isEqualTo("use one of addresses, arp-cache, boot-error, counter, event, neighbors, ping, prefixes, routers, stack, tcp, "
                + "trace, udp");
    }

    // ---- duplicates ----

    @Test
    void duplicateSegmentName() throws Exception {
        String json = valid("[{\"name\": \"lan\", \"latency\"", "[{\"name\": \"lan\"}, {\"name\": \"lan\", \"latency\"");

        ScenarioProblem problem = onlyProblem(json);

        assertAt(problem, json, "\"lan\", \"latency\"");
        assertThat(problem.jsonPath()).isEqualTo("/segments/1/name");
        assertThat(problem.value()).isEqualTo("\"lan\"");
        assertThat(problem.message()).isEqualTo("duplicate segment name \"lan\"");
        assertThat(problem.fix()).isEqualTo("give each segment its own name");
    }

    @Test
    void duplicateNodeName() throws Exception {
        String json = valid("{\"name\": \"bob\"", "{\"name\": \"alice\"");

        ScenarioProblem problem = onlyProblem(json);

        assertAt(problem, json, "\"alice\", \"kind\": \"arp-responder\"");
        assertThat(problem.jsonPath()).isEqualTo("/nodes/1/name");
        assertThat(problem.value()).isEqualTo("\"alice\"");
        assertThat(problem.message()).isEqualTo("duplicate node name \"alice\"");
        assertThat(problem.fix()).isEqualTo("give each node its own name");
    }

    @Test
    void duplicateStepId() throws Exception {
        String json = valid("\"target\": \"10.0.0.2\"}",
                "\"target\": \"10.0.0.2\"},\n    {\"id\": \"ping-bob\", \"at\": \"2s\", \"do\": \"link-down\", \"node\": \"alice\"}");

        List<ScenarioProblem> found = problems(json);

        ScenarioProblem problem = found.get(0);
        assertAt(problem, json, "\"ping-bob\", \"at\": \"2s\"");
        assertThat(problem.jsonPath()).isEqualTo("/steps/1/id");
        assertThat(problem.value()).isEqualTo("\"ping-bob\"");
        assertThat(problem.message()).isEqualTo("duplicate step id \"ping-bob\"");
        assertThat(problem.fix()).isEqualTo("give each step its own id");
    }

    // ---- times ----

    @Test
    void stepAfterDuration() throws Exception {
        String json = valid("\"at\": \"1s\"", "\"at\": \"6s\"");

        ScenarioProblem problem = onlyProblem(json);

        assertAt(problem, json, "\"6s\"");
        assertThat(problem.jsonPath()).isEqualTo("/steps/0/at");
        assertThat(problem.value()).isEqualTo("\"6s\"");
        assertThat(problem.message()).isEqualTo("step starts after the end of the scenario (5s)");
        assertThat(problem.fix()).contains("extend \"duration\"");
    }

    @Test
    void stepAtDurationAccepted() throws Exception {
        Scenario scenario = load(valid("\"at\": \"1s\"", "\"at\": \"5s\""));

        assertThat(scenario.steps()).hasSize(1);
    }

    @Test
    void expectationAfterDuration() throws Exception {
        String json = valid("\"replies\": 1}",
                "\"replies\": 1},\n    {\"type\": \"arp-cache\", \"node\": \"alice\", \"at\": \"5.5s\", \"contains\": [{\"ip\": \"10.0.0.2\"}]}");

        ScenarioProblem problem = onlyProblem(json);

        assertAt(problem, json, "\"5.5s\"");
        assertThat(problem.jsonPath()).isEqualTo("/expect/1/at");
        assertThat(problem.value()).isEqualTo("\"5.5s\"");
        assertThat(problem.message()).isEqualTo("time after the end of the scenario (5s)");
        assertThat(problem.fix()).contains("leave \"at\" out");
    }

    @Test
    void traceWindowEndsBeforeStart() throws Exception {
        String json = valid("\"to\": \"2s\"", "\"to\": \"500ms\"");

        ScenarioProblem problem = onlyProblem(json);

        assertAt(problem, json, "\"500ms\"");
        assertThat(problem.jsonPath()).isEqualTo("/expect/1/to");
        assertThat(problem.value()).isEqualTo("\"500ms\"");
        assertThat(problem.message()).isEqualTo("\"to\" is before \"from\"");
        assertThat(problem.fix()).isEqualTo("make the window end after it starts");
    }

    // ---- addresses ----

    @Test
    void invalidMac() throws Exception {
        String json = valid("\"02:00:00:00:00:0a\"", "\"02:00:00:00:0a\"");

        ScenarioProblem problem = onlyProblem(json);

        assertAt(problem, json, "\"02:00:00:00:0a\"");
        assertThat(problem.jsonPath()).isEqualTo("/nodes/0/mac");
        assertThat(problem.value()).isEqualTo("\"02:00:00:00:0a\"");
        assertThat(problem.message()).isEqualTo("invalid MAC address");
        assertThat(problem.fix()).contains("six hex octets");
    }

    @Test
    void multicastMac() throws Exception {
        String json = valid("\"02:00:00:00:00:0a\"", "\"01:00:5e:00:00:01\"");

        ScenarioProblem problem = onlyProblem(json);

        assertAt(problem, json, "\"01:00:5e:00:00:01\"");
        assertThat(problem.jsonPath()).isEqualTo("/nodes/0/mac");
        assertThat(problem.value()).isEqualTo("\"01:00:5e:00:00:01\"");
        assertThat(problem.message()).isEqualTo("a node's MAC must be unicast");
        assertThat(problem.fix()).contains("first octet must be even");
    }

    @Test
    void broadcastMacIsMulticast() throws Exception {
        String json = valid("\"02:00:00:00:00:0b\"", "\"ff:ff:ff:ff:ff:ff\"");

        ScenarioProblem problem = onlyProblem(json);

        assertThat(problem.jsonPath()).isEqualTo("/nodes/1/mac");
        assertThat(problem.message()).isEqualTo("a node's MAC must be unicast");
    }

    @Test
    void invalidIpAddress() throws Exception {
        for (String target : List.of("10.0.0.256", "10.0.0", "bob.example", "2001:db8:::1")) {
            String json = valid("\"target\": \"10.0.0.2\"", "\"target\": \"" + target + "\"");

            ScenarioProblem problem = onlyProblem(json);

            assertAt(problem, json, "\"" + target + "\"");
            assertThat(problem.jsonPath()).isEqualTo("/steps/0/target");
            assertThat(problem.value()).isEqualTo("\"" + target + "\"");
            assertThat(problem.message()).as("message for %s", target).isEqualTo("invalid IP address");
            assertThat(problem.fix()).contains("\"10.0.0.2\"", "\"2001:db8::1\"");
        }
    }

    @Test
    void arpEntryMustBeIpv4() throws Exception {
        String json = valid("{\"ip\": \"10.0.0.2\"}", "{\"ip\": \"2001:db8::2\"}");

        ScenarioProblem problem = onlyProblem(json);

        assertAt(problem, json, "\"2001:db8::2\"");
        assertThat(problem.jsonPath()).isEqualTo("/nodes/1/entries/0/ip");
        assertThat(problem.message()).isEqualTo("ARP entries are IPv4 addresses");
    }

    // ---- semantic checks from other modules ----

    @Test
    void traceFilterThatDoesNotParse() throws Exception {
        String json = valid("\"arp.opcode == 1\"", "\"arp.opcode ==\"");

        ScenarioProblem problem = onlyProblem(json);

        assertAt(problem, json, "\"arp.opcode ==\"");
        assertThat(problem.jsonPath()).isEqualTo("/expect/1/filter");
        assertThat(problem.value()).isEqualTo("\"arp.opcode ==\"");
        assertThat(problem.message()).startsWith("invalid display filter: ").hasSizeGreaterThan("invalid display filter: ".length());
        assertThat(problem.fix()).contains("display-filter");
    }

    @Test
    void traceFilterWithUnknownField() throws Exception {
        String json = valid("\"arp.opcode == 1\"", "\"arp.opcod == 1\"");

        ScenarioProblem problem = onlyProblem(json);

        assertThat(problem.jsonPath()).isEqualTo("/expect/1/filter");
        assertThat(problem.message()).startsWith("invalid display filter: ").contains("arp.opcod");
    }

    @Test
    void invalidBootArgumentsWithoutBootError() throws Exception {
        String json = valid("[\"--ipv4=10.0.0.1/24\"]", "[\"--ipv4=10.0.0.1\"]");

        ScenarioProblem problem = onlyProblem(json);

        assertAt(problem, json, "[\"--ipv4=10.0.0.1\"]");
        assertThat(problem.jsonPath()).isEqualTo("/nodes/0/boot");
        assertThat(problem.value()).isEqualTo("[\"--ipv4=10.0.0.1\"]");
        assertThat(problem.message()).startsWith("invalid boot arguments: ").contains("10.0.0.1");
        assertThat(problem.fix()).contains("{\"type\": \"boot-error\", \"node\": \"alice\"}");
    }

    @Test
    void invalidBootArgumentsWithBootErrorAccepted() throws Exception {
        String json = valid("[\"--ipv4=10.0.0.1/24\"]", "[\"--ipv4-only=true\", \"--ipv6-only=true\"]")
                .replace("\"replies\": 1}", "\"replies\": 0},\n    {\"type\": \"boot-error\", \"node\": \"alice\", \"contains\": \"IPv4-only\"}");

        Scenario scenario = load(json);

        assertThat(scenario.expectations()).hasAtLeastOneElementOfType(ExpectationSpec.BootError.class);
    }

    @Test
    void bootErrorOnOtherNodeDoesNotExcuse() throws Exception {
        String json = valid("[\"--ipv4=10.0.0.1/24\"]", "[\"--ipv4=10.0.0.1\"]")
                .replace("\"steps\": [", "\"steps\": [\n    {\"at\": \"0s\", \"do\": \"link-down\", \"node\": \"carol\"},")
                .replace("{\"name\": \"bob\"", "{\"name\": \"carol\", \"kind\": \"stack\", \"segment\": \"lan\", \"mac\": \"02:00:00:00:00:0c\", "
                        + "\"boot\": [\"--ipv4-only=true\", \"--ipv6-only=true\"]},\n    {\"name\": \"bob\"")
                .replace("\"replies\": 1}", "\"replies\": 1},\n    {\"type\": \"boot-error\", \"node\": \"carol\", \"contains\": \"IPv4-only\"}");

        List<ScenarioProblem> found = problems(json);

        assertThat(found).extracting(ScenarioProblem::jsonPath).containsExactly("/nodes/0/boot");
    }

    // ---- syntax ----

    @Test
    void invalidJsonSyntax() throws Exception {
        String json = valid("\"duration\": \"5s\",", "\"duration\": \"5s\"");

        ScenarioProblem problem = onlyProblem(json);

        assertAt(problem, json, "\"segments\"");
        assertThat(problem.jsonPath()).isEmpty();
        assertThat(problem.value()).isNull();
        assertThat(problem.message()).startsWith("invalid JSON: ");
        assertThat(problem.fix()).isEqualTo("correct the JSON syntax at this position");
    }

    @Test
    void truncatedJson() throws Exception {
        String json = "{\n  \"name\": \"cut\",\n  \"nodes\": [\n";

        ScenarioProblem problem = onlyProblem(json);

        assertThat(problem.line()).isGreaterThanOrEqualTo(3);
        assertThat(problem.message()).startsWith("invalid JSON: ");
    }

    @Test
    void emptyFile() throws Exception {
        ScenarioProblem problem = onlyProblem("");

        assertThat(problem.file()).isEqualTo(file);
        assertThat(problem.line()).isEqualTo(1);
        assertThat(problem.column()).isEqualTo(1);
        assertThat(problem.jsonPath()).isEmpty();
        assertThat(problem.value()).isNull();
        assertThat(problem.message()).isEqualTo("empty file");
        assertThat(problem.fix()).contains("scenario object");
    }

    @Test
    void whitespaceOnlyFile() throws Exception {
        ScenarioProblem problem = onlyProblem("  \n\n");

        assertThat(problem.message()).isEqualTo("empty file");
    }

    // ---- several problems ----

    @Test
    void everyProblemReportedInFileOrder() throws Exception {
        String json = VALID
                .replace("\"1Gbit/s\"", "\"fast\"")
                .replace("[\"--ipv4=10.0.0.1/24\"]", "[\"--ipv4=10.0.0.1\"]")
                .replace("\"02:00:00:00:00:0b\"", "\"01:00:00:00:00:0b\"")
                .replace("\"at\": \"1s\"", "\"at\": \"1 s\", \"color\": \"red\"")
                .replace("\"node\": \"alice\"", "\"node\": \"alcie\"")
                .replace("\"replies\": 1", "\"replies\": -1")
                .replace("\"to\": \"2s\"", "\"to\": \"0s\"");

        List<ScenarioProblem> found = problems(json);

        assertThat(found).extracting(ScenarioProblem::jsonPath).containsExactly(
                "/segments/0/bandwidth",
                "/nodes/0/boot",
                "/nodes/1/mac",
                "/steps/0/color",
                "/steps/0/node",
                "/expect/0",
                "/expect/0/replies",
                "/expect/1/to");
        for (int i = 1; i < found.size(); i++) {
            ScenarioProblem previous = found.get(i - 1);
            ScenarioProblem current = found.get(i);
            assertThat(current.line() > previous.line() || current.line() == previous.line() && current.column() > previous.column())
                    .as("%s comes after %s", current, previous).isTrue();
        }
    }

    @Test
    void problemsInOneObjectInColumnOrder() throws Exception {
        String json = valid("\"mac\": \"02:00:00:00:00:0a\", \"boot\"", "\"mac\": \"zz\", \"bot\"");

        List<ScenarioProblem> found = problems(json);

        assertThat(found).extracting(ScenarioProblem::jsonPath).containsExactly("/nodes/0/mac", "/nodes/0/bot");
        assertAt(found.get(0), json, "\"zz\"");
        assertAt(found.get(1), json, "[\"--ipv4=10.0.0.1/24\"]");
    }

    @Test
    void exceptionMessageListsEveryProblem() throws Exception {
        String json = VALID.replace("\"5s\"", "\"5x\"").replace("\"10.0.0.2\"}", "\"10.0.0.999\"}");
        file = directory.resolve("scenario.json");
        Files.writeString(file, json, StandardCharsets.UTF_8);

        ScenarioException e = catchThrowableOfType(ScenarioException.class, () -> Bench.loader().load(file, "area/scenario"));

        assertThat(e.getMessage().lines()).hasSize(e.problems().size()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(e.getMessage()).contains(file + ":4:15: /duration: invalid duration unit \"x\"");
        assertThat(e.getMessage()).contains("(value: \"10.0.0.999\")").contains(". Fix: ");
    }

    // ---- TCP steps naming a listener ----

    @Test
    void tcpCloseNamesListenStep() throws Exception {
        String json = valid("{\"id\": \"ping-bob\", \"at\": \"1s\", \"do\": \"ping\", \"node\": \"alice\", \"target\": \"10.0.0.2\"}",
                "{\"id\": \"ping-bob\", \"at\": \"1s\", \"do\": \"ping\", \"node\": \"alice\", \"target\": \"10.0.0.2\"},\n"
                        + "    {\"id\": \"web\", \"at\": \"0s\", \"do\": \"tcp-listen\", \"node\": \"alice\", \"port\": 80},\n"
                        + "    {\"id\": \"bye\", \"at\": \"2s\", \"do\": \"tcp-close\", \"connection\": \"web\"}");

        Scenario scenario = load(json);

        assertThat(scenario.steps()).contains(new StepSpec.TcpClose("bye", 2_000_000_000L, "web", false));
    }

    @Test
    void tcpCloseOfUnknownStepNamesBothKinds() throws Exception {
        String json = valid("{\"id\": \"ping-bob\", \"at\": \"1s\", \"do\": \"ping\", \"node\": \"alice\", \"target\": \"10.0.0.2\"}",
                "{\"id\": \"ping-bob\", \"at\": \"1s\", \"do\": \"ping\", \"node\": \"alice\", \"target\": \"10.0.0.2\"},\n"
                        + "    {\"id\": \"bye\", \"at\": \"2s\", \"do\": \"tcp-close\", \"connection\": \"ping-bob\"}");

        ScenarioProblem problem = onlyProblem(json);

        assertThat(problem.jsonPath()).isEqualTo("/steps/1/connection");
        assertThat(problem.message()).isEqualTo("no earlier tcp-connect or tcp-listen step has id \"ping-bob\"");
    }

    @Test
    void tcpSendWithoutConnectionSuggestsExistingId() throws Exception {
        String steps = "{\"id\": \"ping-bob\", \"at\": \"1s\", \"do\": \"ping\", \"node\": \"alice\", \"target\": \"10.0.0.2\"}";
        String json = valid(steps, steps + ",\n    {\"id\": \"conn\", \"at\": \"1s\", \"do\": \"tcp-connect\", \"node\": \"alice\", "
                + "\"target\": \"10.0.0.2\", \"port\": 80},\n    {\"id\": \"data\", \"at\": \"2s\", \"do\": \"tcp-send\", \"text\": \"hi\"}");

        ScenarioProblem problem = onlyProblem(json);

        assertThat(problem.jsonPath()).isEqualTo("/steps/2/connection");
        assertThat(problem.fix()).isEqualTo("add \"connection\": \"conn\"");
    }
}
