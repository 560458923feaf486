package io.stackbench.scenario.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stackbench.report.ScenarioOutcome;
import io.stackbench.scenario.library.Bench;
import io.stackbench.scenario.library.ScenarioDiscovery;
import io.stackbench.scenario.library.ScenarioFile;
import io.stackbench.scenario.load.SchemaChecker;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code stackbench new} writes into a temporary library. Each template must give a scenario that
 * the schema and the loader accept and that passes: its golden is recorded once with
 * --update-goldens into a temporary folder, and a second run must match it.
 */
class NewScenarioTest {

    /** The repository's schema: Maven runs tests with the scenarios module as working directory. */
    private static final Path SCHEMA = Path.of("scenario.schema.json").toAbsolutePath();
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path work;

    private Path library;

    /** Output of one command-line run. */
    private record Result(int exitCode, String out, String err) {
    }

    @BeforeEach
    void createLibrary() throws IOException {
        library = Files.createDirectories(work.resolve("scenarios"));
        Files.copy(SCHEMA, library.resolve("scenario.schema.json"));
    }

    private static Result cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode;
        try (PrintWriter outWriter = new PrintWriter(out); PrintWriter errWriter = new PrintWriter(err)) {
            exitCode = StackbenchCli.execute(args, outWriter, errWriter);
        }
        return new Result(exitCode, out.toString(), err.toString());
    }

    private Result newScenario(String name, String template) {
        return cli("new", name, "--from", template, "--dir", library.toString());
    }

    private ScenarioOutcome run(Path file, boolean updateGoldens) throws IOException {
        ScenarioFile scenario = ScenarioDiscovery.find(List.of(file)).get(0);
        Bench bench = new Bench(new Bench.Options(work.resolve("report"), work.resolve("pcaps"), updateGoldens, null));
        return bench.run(scenario).report();
    }

    @ParameterizedTest(name = "template {0}")
    @ValueSource(strings = {"minimal", "ping", "gateway", "tcp"})
    void templateGivesPassingScenario(String template) throws IOException {
        Result result = newScenario("area/first-" + template, template);
        Path file = library.resolve("area/first-" + template + ".json");

        assertThat(result.exitCode()).as("exit code; err: %s", result.err()).isEqualTo(StackbenchCli.PASSED);
        assertThat(result.out()).contains("wrote " + file);
        assertThat(result.out()).doesNotContain("note:");
        JsonNode scenario = MAPPER.readTree(file.toFile());
        assertThat(scenario.fieldNames().next()).isEqualTo("$schema");
        assertThat(scenario.get("$schema").asText()).isEqualTo("../scenario.schema.json");
        assertThat(scenario.get("name").asText()).isEqualTo("first " + template);
        assertThat(scenario.get("description").asText()).startsWith("area/first-" + template + ": ");
        assertThat(new SchemaChecker(MAPPER.readTree(SCHEMA.toFile())).check(scenario)).as("schema errors").isEmpty();

        Result validate = cli("validate", file.toString());
        assertThat(validate.exitCode()).as("validate output: %s", validate.out()).isEqualTo(StackbenchCli.PASSED);

        ScenarioOutcome recorded = run(file, true);
        assertThat(recorded.failure()).as("run with --update-goldens").isNull();
        assertThat(work.resolve("pcaps/area/first-" + template + ".pcapng")).exists();
        ScenarioOutcome compared = run(file, false);
        assertThat(compared.failure()).as("run against the recorded golden").isNull();
    }

    @Test
    void newRefusesExistingFile() throws IOException {
        Path file = library.resolve("arp/taken.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{}", StandardCharsets.UTF_8);

        Result result = newScenario("arp/taken", "ping");

        assertThat(result.exitCode()).isEqualTo(StackbenchCli.FAILED);
        assertThat(result.err()).contains(file + " already exists");
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo("{}");
    }

    @Test
    void unknownTemplateListsAvailable() {
        Result result = newScenario("arp/x", "pong");

        assertThat(result.exitCode()).isEqualTo(StackbenchCli.USAGE);
        assertThat(result.err()).contains("unknown template 'pong'");
        assertThat(result.err()).contains("available templates: minimal, ping, gateway");
        assertThat(library.resolve("arp/x.json")).doesNotExist();
    }

    @Test
    void missingTemplateListsAvailable() {
        Result result = cli("new", "arp/x", "--dir", library.toString());

        assertThat(result.exitCode()).isEqualTo(StackbenchCli.USAGE);
        assertThat(result.err()).contains("missing --from TEMPLATE");
        assertThat(result.err()).contains("available templates: minimal, ping, gateway");
    }

    @Test
    void listShowsEveryTemplate() {
        Result result = cli("new", "--list");

        assertThat(result.exitCode()).isEqualTo(StackbenchCli.PASSED);
        for (NewScenario.Template template : NewScenario.TEMPLATES) {
            assertThat(result.out()).contains(template.name());
            assertThat(result.out()).contains(template.summary());
        }
    }

    @ParameterizedTest(name = "NAME {0}")
    @ValueSource(strings = {"../outside", "/absolute", "arp//double", "arp/.hidden", "arp/", "my case"})
    void invalidNameIsRejected(String name) throws IOException {
        Result result = newScenario(name, "minimal");

        assertThat(result.exitCode()).isEqualTo(StackbenchCli.USAGE);
        assertThat(result.err()).contains("invalid NAME");
        try (var files = Files.walk(work)) {
            assertThat(files.filter(p -> p.toString().endsWith(".json") && !p.endsWith("scenario.schema.json")).toList()).isEmpty();
        }
    }

    @Test
    void missingNameIsRejected() {
        Result result = cli("new", "--from", "minimal", "--dir", library.toString());

        assertThat(result.exitCode()).isEqualTo(StackbenchCli.USAGE);
        assertThat(result.err()).contains("missing NAME");
    }

    @Test
    void nestedNameGetsDeeperSchemaPath() throws IOException {
        Result result = newScenario("tcp/handshake/simultaneous-open.json", "minimal");

        assertThat(result.exitCode()).as("err: %s", result.err()).isEqualTo(StackbenchCli.PASSED);
        JsonNode scenario = MAPPER.readTree(library.resolve("tcp/handshake/simultaneous-open.json").toFile());
        assertThat(scenario.get("$schema").asText()).isEqualTo("../../scenario.schema.json");
        assertThat(scenario.get("name").asText()).isEqualTo("simultaneous open");
    }

    @Test
    void missingSchemaIsNoted() throws IOException {
        Files.delete(library.resolve("scenario.schema.json"));

        Result result = newScenario("arp/x", "minimal");

        assertThat(result.exitCode()).isEqualTo(StackbenchCli.PASSED);
        assertThat(result.out()).contains("note: " + library.resolve("scenario.schema.json") + " does not exist");
    }
}
