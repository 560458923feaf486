package io.stackbench.scenario.library;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs tshark and capinfos over capture files for the library tests. They only read files: no
 * live capture and no network traffic. Every call has a timeout and its own empty Wireshark
 * configuration folder, so a user's preferences and hosts file do not change the output.
 */
final class WiresharkTools {

    static final long TIMEOUT_SECONDS = 60;

    /** The notice tshark and capinfos print to standard error when run as root, which is not about the file. */
    private static final String ROOT_NOTICE = "Running as user \"root\" and group \"root\". This could be dangerous.";

    /** Separates the occurrences of a multi-valued field in {@code -T fields} output, a control character that our comments do not use. */
    static final char AGGREGATOR = '\u001f';

    private final Path scratch;

    /** @param scratch a folder for the configuration folders and output files of each call */
    WiresharkTools(Path scratch) {
        this.scratch = scratch;
    }

    /** Returns whether {@code program} is an executable file in a folder of the PATH. */
    static boolean installed(String program) {
        for (String folder : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!folder.isEmpty() && Files.isExecutable(Path.of(folder, program))) {
                return true;
            }
        }
        return false;
    }

    /** The exit code and output of one call. */
    record Result(List<String> command, int exitCode, String output, String errors) {

        /** Returns standard error without the notice about running as root. */
        String problems() {
            return errors.lines().filter(line -> !line.equals(ROOT_NOTICE)).reduce("", (a, b) -> a + b + "\n").strip();
        }

        List<String> lines() {
            return output.lines().toList();
        }
    }

    /** Runs tshark with {@code arguments}, which must include {@code -n} and every other option. */
    Result tshark(List<String> arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add("tshark");
        command.addAll(arguments);
        return run(command);
    }

    /** Runs capinfos on {@code file} with its default report, which includes the interface details. */
    Result capinfos(Path file) throws IOException, InterruptedException {
        return run(List.of("capinfos", file.toString()));
    }

    /**
     * Runs {@code tshark -T fields} with the given fields and returns one map per frame, from field
     * name to its occurrences in tree order (an empty list when the frame lacks the field).
     */
    List<Map<String, List<String>>> fields(List<String> options, List<String> fieldNames) throws IOException, InterruptedException {
        List<String> arguments = new ArrayList<>(options);
        arguments.addAll(List.of("-T", "fields", "-E", "separator=/t", "-E", "occurrence=a", "-E", "aggregator=" + AGGREGATOR));
        for (String name : fieldNames) {
            arguments.add("-e");
            arguments.add(name);
        }
        Result result = tshark(arguments);
        requireSuccess(result);

        List<Map<String, List<String>>> frames = new ArrayList<>();
        for (String line : result.lines()) {
            String[] values = line.split("\t", -1);
            if (values.length != fieldNames.size()) {
                throw new IllegalStateException("tshark printed " + values.length + " columns, expected " + fieldNames.size()
                        + ", in line \"" + line + "\" of " + result.command());
            }
            Map<String, List<String>> frame = new LinkedHashMap<>();
            for (int i = 0; i < values.length; i++) {
                frame.put(fieldNames.get(i), values[i].isEmpty() ? List.of() : List.of(values[i].split(String.valueOf(AGGREGATOR), -1)));
            }
            frames.add(frame);
        }
        return frames;
    }

    /** Raises an {@link IllegalStateException} with the command and its errors unless the call exited with 0. */
    static void requireSuccess(Result result) {
        if (result.exitCode() != 0) {
            throw new IllegalStateException(result.command().get(0) + " failed with exit code " + result.exitCode() + ": "
                    + result.command() + "\n" + result.problems());
        }
    }

    private Result run(List<String> command) throws IOException, InterruptedException {
        Path call = Files.createTempDirectory(Files.createDirectories(scratch), "call-");
        Path configuration = Files.createDirectory(call.resolve("wireshark-config"));
        Path output = call.resolve("stdout");
        Path errors = call.resolve("stderr");

        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(output.toFile())
                .redirectError(errors.toFile());
        builder.environment().put("WIRESHARK_CONFIG_DIR", configuration.toString());
        Process process = builder.start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(command.get(0) + " timed out after " + TIMEOUT_SECONDS + " s: " + command);
        }
        return new Result(command, process.exitValue(), Files.readString(output, StandardCharsets.UTF_8),
                Files.readString(errors, StandardCharsets.UTF_8));
    }
}
