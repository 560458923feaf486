package io.stackbench.scenario.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.stackbench.scenario.library.Bench;
import io.stackbench.scenario.model.ExpectationSpec;
import io.stackbench.scenario.model.Scenario;
import io.stackbench.scenario.model.StepSpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UdpSpecsTest {

    private static final String VALID = """
            {
              "name": "udp",
              "description": "a binds 5000 and b sends to it",
              "duration": "5s",
              "segments": [{"name": "lan"}],
              "nodes": [
                {"name": "a", "kind": "stack", "segment": "lan", "mac": "02:00:00:00:00:0a", "boot": ["--ipv4=10.0.0.1/24"]},
                {"name": "b", "kind": "stack", "segment": "lan", "mac": "02:00:00:00:00:0b", "boot": ["--ipv4=10.0.0.2/24"]}
              ],
              "steps": [
                {"at": "0s", "do": "udp-bind", "node": "a", "port": 5000},
                {"at": "0s", "do": "udp-bind", "node": "b", "port": 6000},
                {"id": "send", "at": "1s", "do": "udp-send", "node": "b", "from": 6000, "target": "10.0.0.1", "port": 5000,
                 "text": "hé", "count": 3, "interval": "10ms"}
              ],
              "expect": [
                {"type": "udp", "node": "a", "port": 5000, "datagrams": 3, "from": "10.0.0.2 6000"}
              ]
            }
            """;

    @TempDir
    Path directory;

    private Scenario load(String json) throws Exception {
        Path file = directory.resolve("scenario.json");
        Files.writeString(file, json, StandardCharsets.UTF_8);
        return Bench.loader().load(file, "area/scenario");
    }

    private List<ScenarioProblem> problems(String json) throws Exception {
        Path file = directory.resolve("scenario.json");
        Files.writeString(file, json, StandardCharsets.UTF_8);
        ScenarioException e = catchThrowableOfType(ScenarioException.class, () -> Bench.loader().load(file, "area/scenario"));
        assertThat(e).as("loading should fail for:%n%s", json).isNotNull();
        return e.problems();
    }

    private static String valid(String from, String to) {
        assertThat(VALID).contains(from);
        return VALID.replace(from, to);
    }

    @Test
    void sendStepReadsTextAsUtf8() throws Exception {
        Scenario scenario = load(VALID);

        StepSpec.UdpSend send = (StepSpec.UdpSend) scenario.steps().get(2);
        assertThat(send.fromPort()).isEqualTo(6000);
        assertThat(send.port()).isEqualTo(5000);
        assertThat(send.payload()).containsExactly('h', 0xc3, 0xa9);
        assertThat(send.count()).isEqualTo(3);
        assertThat(send.intervalNanos()).isEqualTo(10_000_000L);
    }

    @Test
    void sendStepReadsBytesAsCountingPattern() throws Exception {
        Scenario scenario = load(valid("\"text\": \"hé\"", "\"bytes\": 300"));

        byte[] payload = ((StepSpec.UdpSend) scenario.steps().get(2)).payload();
        assertThat(payload).hasSize(300);
        assertThat(payload[255]).isEqualTo((byte) 255);
        assertThat(payload[256]).isEqualTo((byte) 0);
    }

    @Test
    void expectationReadsOneEndpoint() throws Exception {
        Scenario scenario = load(valid("\"from\": \"10.0.0.2 6000\"", "\"from\": [\"10.0.0.2 6000\", \"2001:DB8:0::2 6000\"]"));

        ExpectationSpec.Udp udp = (ExpectationSpec.Udp) scenario.expectations().get(0);
        assertThat(udp.from()).containsExactly("10.0.0.2 6000", "2001:db8::2 6000");
        assertThat(udp.datagrams()).isEqualTo(3);
        assertThat(udp.bytes()).isEqualTo(-1);
    }

    @Test
    void textAndBytesRejectedTogether() throws Exception {
        List<ScenarioProblem> found = problems(valid("\"text\": \"hé\"", "\"text\": \"hé\", \"bytes\": 3"));

        assertThat(found).extracting(ScenarioProblem::jsonPath).containsExactly("/steps/2/bytes");
    }

    @Test
    void sendWithoutPayloadRejected() throws Exception {
        List<ScenarioProblem> found = problems(valid("\"text\": \"hé\", ", ""));

        assertThat(found).extracting(ScenarioProblem::message).containsExactly("a udp-send step needs \"text\" or \"bytes\"");
    }

    @Test
    void expectationOnUnboundPortRejected() throws Exception {
        List<ScenarioProblem> found = problems(valid("\"node\": \"a\", \"port\": 5000, \"datagrams\"", "\"node\": \"a\", \"port\": 5001, \"datagrams\""));

        assertThat(found).extracting(ScenarioProblem::message).containsExactly("no udp-bind step binds port 5001 on a");
    }

    @Test
    void endpointWithoutPortRejected() throws Exception {
        List<ScenarioProblem> found = problems(valid("\"from\": \"10.0.0.2 6000\"", "\"from\": \"10.0.0.2\""));

        assertThat(found).extracting(ScenarioProblem::jsonPath).containsExactly("/expect/0/from");
    }

    @Test
    void portZeroRejected() throws Exception {
        List<ScenarioProblem> found = problems(valid("\"node\": \"b\", \"port\": 6000", "\"node\": \"b\", \"port\": 0"));

        assertThat(found).extracting(ScenarioProblem::jsonPath).contains("/steps/1/port");
    }

    @Test
    void invalidSha256Rejected() throws Exception {
        List<ScenarioProblem> found = problems(valid("\"datagrams\": 3", "\"sha256\": \"ABC\""));

        assertThat(found).extracting(ScenarioProblem::message).containsExactly("invalid SHA-256 \"ABC\"");
    }
}
