package io.stackbench.scenario.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code stackbench new NAME --from TEMPLATE}: writes {@code <dir>/<NAME>.json} from a template
 * resource under {@code templates/}, with the name, description and {@code $schema} path filled in.
 * Templates keep the golden comparison on, so the new scenario needs its golden recorded once.
 */
@Command(name = "new", mixinStandardHelpOptions = true,
        description = "Write a new scenario file from a template. The scenario compares its capture with a golden, "
                + "so record that once with run --update-goldens.")
final class NewScenario implements Callable<Integer> {

    /** A scenario template: a resource {@code templates/<name>.json} and a one-line summary for --list. */
    record Template(String name, String summary) {
    }

    static final List<Template> TEMPLATES = List.of(
            new Template("minimal", "one stack and one trace expectation: its gratuitous ARP at boot"),
            new Template("ping", "two stacks on one segment, one pinging the other"),
            new Template("gateway", "a stack pinging an off-link address through an arp-responder gateway"),
            new Template("tcp", "two dual stacks: one sends 100,000 bytes to the other's sink over IPv6 and closes"));

    /** Path segments of NAME: a letter or digit first, so "." and ".." cannot leave the library folder. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*(/[A-Za-z0-9][A-Za-z0-9._-]*)*");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "NAME",
            description = "Scenario id below the library folder, such as arp/my-case. The file written is <dir>/<NAME>.json.")
    String name;

    @Option(names = "--from", paramLabel = "TEMPLATE", description = "Template to start from, one of those that --list shows.")
    String template;

    @Option(names = "--dir", paramLabel = "DIR", description = "Library folder the file is written below (default: ${DEFAULT-VALUE}).")
    Path directory = Path.of("scenarios");

    @Option(names = "--list", description = "List the templates and exit.")
    boolean list;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (list) {
            TEMPLATES.forEach(t -> out.println(String.format("%-8s %s", t.name(), t.summary())));
            return StackbenchCli.PASSED;
        }

        String id = name == null ? null : (name.endsWith(".json") ? name.substring(0, name.length() - ".json".length()) : name);
        if (id == null || !NAME.matcher(id).matches()) {
            err.println("error: " + (id == null ? "missing NAME" : "invalid NAME '" + name + "'")
                    + "; write AREA/NAME with letters, digits, '.', '_' or '-', such as arp/my-case");
            return StackbenchCli.USAGE;
        }
        if (template == null || TEMPLATES.stream().noneMatch(t -> t.name().equals(template))) {
            err.println("error: " + (template == null ? "missing --from TEMPLATE" : "unknown template '" + template + "'")
                    + "; available templates: " + String.join(", ", TEMPLATES.stream().map(Template::name).toList()));
            return StackbenchCli.USAGE;
        }

        Path file = directory.resolve(id + ".json");
        Path schema = directory.resolve("scenario.schema.json");
        String text = fill(readTemplate(template), id, file, schema);
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (OutputStream output = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            output.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (FileAlreadyExistsException e) {
            err.println("error: " + file + " already exists; choose another NAME or delete the file first");
            return StackbenchCli.FAILED;
        }

        out.println("wrote " + file + " from template " + template);
        if (!Files.exists(schema)) {
            out.println("note: " + schema + " does not exist; copy scenarios/scenario.schema.json of stackbench there for editor completion");
        }
        out.println("next: edit the description and expectations, then record its golden with");
        out.println("  ./stackbench run --update-goldens " + file);
        out.println("and read the trace before committing it");
        return StackbenchCli.PASSED;
    }

    private static String readTemplate(String template) throws IOException {
        String resource = "/templates/" + template + ".json";
        try (InputStream input = NewScenario.class.getResourceAsStream(resource)) {
            if (input == null) {
                throw new IOException("template resource " + resource + " is missing from the stackbench jar");
            }
            return new String(input.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Replaces the template's placeholders: {{id}}, {{name}} (the id's last segment in words) and {{schema}}. */
    static String fill(String template, String id, Path file, Path schema) {
        String lastSegment = id.substring(id.lastIndexOf('/') + 1);
        String title = lastSegment.replace('-', ' ').replace('_', ' ');
        Path folder = file.toAbsolutePath().normalize().getParent();
        String schemaPath = folder.relativize(schema.toAbsolutePath().normalize()).toString().replace('\\', '/');
        return template.replace("{{id}}", jsonText(id)).replace("{{name}}", jsonText(title)).replace("{{schema}}", jsonText(schemaPath));
    }

    /** Escapes {@code text} for use inside a JSON string literal. */
    private static String jsonText(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
