package io.stackbench.scenario.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.stackbench.scenario.library.Bench;
import io.stackbench.scenario.model.NodeSpec;
import io.stackbench.scenario.model.Scenario;
import io.stackbench.scenario.model.TcpScript;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tcp-peer node and its script as the loader reads them, and each mistake it reports with location, value and fix. */
class TcpPeerSpecsTest {

    private static final String VALID = """
            {
              "name": "tcp-peer",
              "description": "p connects to a's port 80",
              "duration": "5s",
              "segments": [{"name": "lan"}],
              "nodes": [
                {"name": "a", "kind": "stack", "segment": "lan", "mac": "02:00:00:00:00:0a", "boot": ["--ipv4=10.0.0.1/24"]},
                {"name": "p", "kind": "tcp-peer", "segment": "lan", "mac": "02:00:00:00:00:0b", "ipv4": "10.0.0.2", "stack": "a",
                 "script": [
                   {"at": "1s", "send": "S", "to": "10.0.0.1", "port": 80, "from": 40000, "options": "mss 1460, nop, wscale 7"},
                   {"expect": "S.", "seq": 0, "ack": 1, "options": "mss, TS ecr 0", "within": "10ms"},
                   {"after": "1ms", "send": ".", "ack": {"absolute": 7}, "text": "hi"},
                   {"expect": "nothing", "within": "500ms"}
                 ]}
              ],
              "steps": [{"at": "0s", "do": "tcp-listen", "node": "a", "port": 80}]
            }
            """;

    @TempDir
    Path directory;

    private Path file;

    private Scenario load(String json) throws Exception {
        file = directory.resolve("scenario.json");
        Files.writeString(file, json, StandardCharsets.UTF_8);
        return Bench.loader().load(file, "area/scenario");
    }

    private List<ScenarioProblem> problems(String json) throws Exception {
        file = directory.resolve("scenario.json");
        Files.writeString(file, json, StandardCharsets.UTF_8);
        ScenarioException e = catchThrowableOfType(ScenarioException.class, () -> Bench.loader().load(file, "area/scenario"));
        assertThat(e).as("loading should fail for:%n%s", json).isNotNull();
        return e.problems();
    }

    private ScenarioProblem onlyProblem(String json) throws Exception {
        List<ScenarioProblem> found = problems(json);
        assertThat(found).as("problems").hasSize(1);
        return found.get(0);
    }

    private static String valid(String from, String to) {
        assertThat(VALID).containsOnlyOnce(from);
        return VALID.replace(from, to);
    }

    /** Asserts that {@code problem} points at the first occurrence of {@code token} in {@code json}. */
    private void assertAt(ScenarioProblem problem, String json, String token) {
        int offset = json.indexOf(token);
        assertThat(offset).as("token %s in the scenario", token).isNotNegative();
        String before = json.substring(0, offset);
        assertThat(problem.file()).isEqualTo(file);
        assertThat(problem.line()).as("line of %s", problem).isEqualTo((int) before.chars().filter(c -> c == '\n').count() + 1);
        assertThat(problem.column()).as("column of %s", problem).isEqualTo(offset - (before.lastIndexOf('\n') + 1) + 1);
    }

    @Test
    void validPeerLoads() throws Exception {
        NodeSpec.TcpPeer peer = (NodeSpec.TcpPeer) load(VALID).nodes().get(1);

        assertThat(peer.stack()).isEqualTo("a");
        assertThat(peer.isn()).isEqualTo(TcpPeerSpecs.DEFAULT_ISN);
        assertThat(peer.ipv6()).isNull();
        List<TcpScript.Entry> script = peer.script();
        assertThat(script).extracting(TcpScript.Entry::action).containsExactly(TcpScript.Action.SEND, TcpScript.Action.EXPECT,
                TcpScript.Action.SEND, TcpScript.Action.EXPECT_NOTHING);
        assertThat(script.get(0).atNanos()).isEqualTo(1_000_000_000L);
        assertThat(script.get(0).flags()).isEqualTo(TcpScript.SYN);
        assertThat(script.get(0).options()).containsExactly(new TcpScript.Option("mss", 1460L, null), new TcpScript.Option("nop", null, null),
                new TcpScript.Option("wscale", 7L, null));
        assertThat(script.get(1).atNanos()).isEqualTo(-1);
        assertThat(script.get(1).flags()).isEqualTo(TcpScript.SYN | TcpScript.ACK);
        assertThat(script.get(1).seq()).isEqualTo(new TcpScript.Number(0, false));
        assertThat(script.get(1).withinNanos()).isEqualTo(10_000_000L);
        assertThat(script.get(1).options()).containsExactly(new TcpScript.Option("mss", null, null), new TcpScript.Option("TS", null, 0L));
        assertThat(script.get(2).afterNanos()).isEqualTo(1_000_000L);
        assertThat(script.get(2).ack()).isEqualTo(new TcpScript.Number(7, true));
        assertThat(script.get(2).payload()).containsExactly('h', 'i');
        assertThat(script.get(3).withinNanos()).isEqualTo(500_000_000L);
    }

    @Test
    void unknownFlagLetter() throws Exception {
        String json = valid("\"send\": \"S\",", "\"send\": \"SYN\",");

        ScenarioProblem problem = onlyProblem(json);

        assertAt(problem, json, "\"SYN\"");
        assertThat(problem.jsonPath()).isEqualTo("/nodes/1/script/0/send");
        assertThat(problem.value()).isEqualTo("\"SYN\"");
        assertThat(problem.message()).isEqualTo("invalid TCP flags \"SYN\": unknown flag letter 'Y'");
        assertThat(problem.fix()).contains("\"S.\" for SYN-ACK");
    }

    @Test
    void repeatedFlagLetter() throws Exception {
        ScenarioProblem problem = onlyProblem(valid("\"expect\": \"S.\"", "\"expect\": \"SS\""));

        assertThat(problem.jsonPath()).isEqualTo("/nodes/1/script/1/expect");
        assertThat(problem.message()).isEqualTo("invalid TCP flags \"SS\": flag letter 'S' written twice");
        assertThat(problem.fix()).endsWith("or \"nothing\" for silence");
    }

    @Test
    void nothingIsNotSendable() throws Exception {
        ScenarioProblem problem = onlyProblem(valid("\"send\": \".\"", "\"send\": \"nothing\""));

        assertThat(problem.jsonPath()).isEqualTo("/nodes/1/script/2/send");
        assertThat(problem.message()).startsWith("invalid TCP flags \"nothing\"");
    }

    @Test
    void entryWithSendAndExpect() throws Exception {
        String json = valid("{\"after\": \"1ms\", \"send\": \".\",", "{\"after\": \"1ms\", \"expect\": \".\", \"send\": \".\",");

        ScenarioProblem problem = onlyProblem(json);

        assertAt(problem, json, "{\"after\": \"1ms\", \"expect\"");
        assertThat(problem.jsonPath()).isEqualTo("/nodes/1/script/2");
        assertThat(problem.message()).isEqualTo("a script entry needs exactly one of \"send\" and \"expect\"");
    }

    @Test
    void atAndAfterTogether() throws Exception {
        ScenarioProblem problem = onlyProblem(valid("{\"after\": \"1ms\",", "{\"at\": \"2s\", \"after\": \"1ms\","));

        assertThat(problem.jsonPath()).isEqualTo("/nodes/1/script/2/after");
        assertThat(problem.message()).isEqualTo("\"at\" and \"after\" cannot be combined");
    }

    @Test
    void absoluteTimeBeforeEarlierEntry() throws Exception {
        ScenarioProblem problem = onlyProblem(valid("{\"after\": \"1ms\",", "{\"at\": \"500ms\","));

        assertThat(problem.jsonPath()).isEqualTo("/nodes/1/script/2/at");
        assertThat(problem.message()).isEqualTo("script entries run in order, and this time is before 1s of /nodes/1/script/0");
        assertThat(problem.fix()).isEqualTo("order the entries by time, or use \"after\"");
    }

    @Test
    void entryAfterTheEnd() throws Exception {
        ScenarioProblem problem = onlyProblem(valid("\"at\": \"1s\"", "\"at\": \"6s\""));

        assertThat(problem.jsonPath()).isEqualTo("/nodes/1/script/0/at");
        assertThat(problem.message()).isEqualTo("entry after the end of the scenario (5s)");
    }

    @Test
    void withinOnSendIsRejected() throws Exception {
        String json = valid("\"text\": \"hi\"", "\"text\": \"hi\", \"within\": \"1s\"");

        ScenarioProblem problem = onlyProblem(json);

        assertAt(problem, json, "\"1s\"}");
        assertThat(problem.jsonPath()).isEqualTo("/nodes/1/script/2/within");
        assertThat(problem.message()).isEqualTo("\"within\" does not apply to a send entry");
    }

    @Test
    void portOnExpectIsRejected() throws Exception {
        ScenarioProblem problem = onlyProblem(valid("\"expect\": \"S.\",", "\"expect\": \"S.\", \"port\": 80,"));

        assertThat(problem.jsonPath()).isEqualTo("/nodes/1/script/1/port");
        assertThat(problem.message()).isEqualTo("\"port\" does not apply to an expect entry");
    }

    @Test
    void fieldsOnNothingAreRejected() throws Exception {
        ScenarioProblem problem = onlyProblem(valid("{\"expect\": \"nothing\",", "{\"expect\": \"nothing\", \"seq\": 1,"));

        assertThat(problem.jsonPath()).isEqualTo("/nodes/1/script/3/seq");
        assertThat(problem.message()).isEqualTo("\"seq\" does not apply to an \"expect\": \"nothing\" entry");
    }

    @Test
    void firstSendNeedsTheConnection() throws Exception {
        ScenarioProblem problem = onlyProblem(valid("\"port\": 80, \"from\": 40000,", "\"from\": 40000,"));

        assertThat(problem.jsonPath()).isEqualTo("/nodes/1/script/0/port");
        assertThat(problem.message()).isEqualTo("missing field \"port\": no earlier entry sets the connection");
        assertThat(problem.fix()).contains("start with an expect entry");
    }

    @Test
    void sendToFamilyWithoutAddress() throws Exception {
        String json = valid("\"to\": \"10.0.0.1\"", "\"to\": \"2001:db8::a\"");

        ScenarioProblem problem = onlyProblem(json);

        assertAt(problem, json, "\"2001:db8::a\"");
        assertThat(problem.jsonPath()).isEqualTo("/nodes/1/script/0/to");
        assertThat(problem.message()).isEqualTo("the peer has no IPv6 address to send from");
        assertThat(problem.fix()).isEqualTo("add \"ipv6\" to the node");
    }

    @Test
    void peerWithoutAddress() throws Exception {
        List<ScenarioProblem> found = problems(valid("\"ipv4\": \"10.0.0.2\", ", ""));

        ScenarioProblem problem = found.stream().filter(p -> p.jsonPath().equals("/nodes/1")).findFirst().orElseThrow();
        assertThat(problem.message()).isEqualTo("a tcp-peer needs an address");
        assertThat(found).anyMatch(p -> p.jsonPath().equals("/nodes/1/script/0/to"));
    }

    @Test
    void ipv4FieldWithIpv6Address() throws Exception {
        List<ScenarioProblem> found = problems(valid("\"ipv4\": \"10.0.0.2\"", "\"ipv4\": \"2001:db8::b\", \"ipv6\": \"2001:db8::c\""));

        assertThat(found).extracting(ScenarioProblem::jsonPath).containsExactly("/nodes/1/ipv4", "/nodes/1/script/0/to");
        assertThat(found.get(0).message()).isEqualTo("\"ipv4\" must be an IPv4 address");
    }

    @Test
    void stackNamesUnknownNode() throws Exception {
        String json = valid("\"stack\": \"a\"", "\"stack\": \"b\"");

        ScenarioProblem problem = onlyProblem(json);

        assertAt(problem, json, "\"b\"");
        assertThat(problem.jsonPath()).isEqualTo("/nodes/1/stack");
        assertThat(problem.message()).isEqualTo("unknown node \"b\"");
        assertThat(problem.fix()).isEqualTo("did you mean \"a\"?");
    }

    @Test
    void stackNamesPeer() throws Exception {
        ScenarioProblem problem = onlyProblem(valid("\"stack\": \"a\"", "\"stack\": \"p\""));

        assertThat(problem.jsonPath()).isEqualTo("/nodes/1/stack");
        assertThat(problem.message()).isEqualTo("node \"p\" is a scripted peer, not a stack");
    }

    @Test
    void missingStack() throws Exception {
        ScenarioProblem problem = onlyProblem(valid("\"stack\": \"a\",", ""));

        assertThat(problem.jsonPath()).isEqualTo("/nodes/1/stack");
        assertThat(problem.message()).isEqualTo("missing field \"stack\"");
    }

    @Test
    void emptyScript() throws Exception {
        String json = VALID.substring(0, VALID.indexOf("\"script\": [") + "\"script\": [".length()) + "]}\n  ],\n"
                + VALID.substring(VALID.indexOf("  \"steps\""));

        ScenarioProblem problem = onlyProblem(json);

        assertThat(problem.jsonPath()).isEqualTo("/nodes/1/script");
        assertThat(problem.message()).isEqualTo("a tcp-peer needs a script");
    }

    @Test
    void sequenceNumberAsText() throws Exception {
        String json = valid("\"seq\": 0,", "\"seq\": \"0\",");

        ScenarioProblem problem = onlyProblem(json);

        assertAt(problem, json, "\"0\"");
        assertThat(problem.jsonPath()).isEqualTo("/nodes/1/script/1/seq");
        assertThat(problem.value()).isEqualTo("\"0\"");
        assertThat(problem.fix()).contains("{\"absolute\": N}");
    }

    @Test
    void absoluteNumberOutOfRange() throws Exception {
        ScenarioProblem problem = onlyProblem(valid("{\"absolute\": 7}", "{\"absolute\": 4294967296}"));

        assertThat(problem.jsonPath()).isEqualTo("/nodes/1/script/2/ack/absolute");
        assertThat(problem.message()).isEqualTo("\"absolute\" is out of range");
    }

    @Test
    void absoluteNumberWithUnknownField() throws Exception {
        List<ScenarioProblem> found = problems(valid("{\"absolute\": 7}", "{\"absolut\": 7}"));

        // The missing field is reported at its object, which starts before the misspelt field.
        assertThat(found).extracting(ScenarioProblem::jsonPath).containsExactly("/nodes/1/script/2/ack/absolute",
                "/nodes/1/script/2/ack/absolut");
        assertThat(found.get(0).message()).isEqualTo("missing field \"absolute\"");
        assertThat(found.get(1).fix()).isEqualTo("did you mean \"absolute\"?");
    }

    @Test
    void unknownOption() throws Exception {
        ScenarioProblem problem = onlyProblem(valid("\"mss 1460, nop, wscale 7\"", "\"mss 1460, sack, wscale 7\""));

        assertThat(problem.jsonPath()).isEqualTo("/nodes/1/script/0/options");
        assertThat(problem.message()).isEqualTo(
                "invalid TCP option \"sack\": unknown option \"sack\"; known are mss, wscale, sackOK, TS, nop and eol");
        assertThat(problem.fix()).contains("mss 1460, sackOK, TS val 1 ecr 0, nop, wscale 7");
    }

    @Test
    void sentOptionNeedsItsValue() throws Exception {
        ScenarioProblem problem = onlyProblem(valid("\"mss 1460, nop, wscale 7\"", "\"mss, nop, wscale 7\""));

        assertThat(problem.message()).isEqualTo("invalid TCP option \"mss\": mss takes one value");
    }

    @Test
    void optionValueOutOfRange() throws Exception {
        ScenarioProblem problem = onlyProblem(valid("\"mss 1460, nop, wscale 7\"", "\"mss 1460, nop, wscale 256\""));

        assertThat(problem.message()).isEqualTo("invalid TCP option \"wscale 256\": \"256\" is not a number in 0..255");
    }

    @Test
    void sentTimestampNeedsBothValues() throws Exception {
        ScenarioProblem problem = onlyProblem(valid("\"mss 1460, nop, wscale 7\"", "\"TS val 5\""));

        assertThat(problem.message()).isEqualTo("invalid TCP option \"TS val 5\": a sent TS option needs \"val N ecr N\"");
    }

    @Test
    void textAndBytesTogether() throws Exception {
        ScenarioProblem problem = onlyProblem(valid("\"text\": \"hi\"", "\"text\": \"hi\", \"bytes\": 2"));

        assertThat(problem.jsonPath()).isEqualTo("/nodes/1/script/2/bytes");
        assertThat(problem.message()).isEqualTo("\"text\" and \"bytes\" cannot be combined");
    }

    @Test
    void nonPositiveWithin() throws Exception {
        ScenarioProblem problem = onlyProblem(valid("\"within\": \"500ms\"", "\"within\": \"0s\""));

        assertThat(problem.jsonPath()).isEqualTo("/nodes/1/script/3/within");
        assertThat(problem.message()).isEqualTo("\"within\" must be positive");
    }
}
