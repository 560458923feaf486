package io.stackbench.scenario.filter;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs the tshark installed on PATH over a capture file; tshark only reads the file, it never captures. */
final class Tshark {

    private static final long TIMEOUT_SECONDS = 60;

    private Tshark() {
    }

    static Optional<Path> find() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String directory : path.split(File.pathSeparator)) {
            Path candidate = Path.of(directory, "tshark");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Returns the first line of {@code tshark --version}, such as "TShark (Wireshark) 4.0.17 (...)". */
    static String version(Path tshark) throws IOException, InterruptedException {
        String output = run(List.of(tshark.toString(), "--version"));
        return output.lines().findFirst().orElse("");
    }

    /**
     * Returns the 1-based numbers of the frames in {@code capture} that tshark's display filter keeps.
     * Sequence numbers are raw, as in our matcher.
     */
    static TreeSet<Integer> matchingFrames(Path tshark, Path capture, String filter) throws IOException, InterruptedException {
        String output = run(List.of(tshark.toString(), "-n", "-r", capture.toString(),
                "-o", "tcp.relative_sequence_numbers:FALSE", "-Y", filter, "-T", "fields", "-e", "frame.number"));
        TreeSet<Integer> frames = new TreeSet<>();
        for (String line : output.split("\n")) {
            if (!line.isBlank()) {
                frames.add(Integer.parseInt(line.trim()));
            }
        }
        return frames;
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).start();
        process.getOutputStream().close();
        CompletableFuture<String> stdout = readAsync(process.getInputStream());
        CompletableFuture<String> stderr = readAsync(process.getErrorStream());
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("tshark timed out after " + TIMEOUT_SECONDS + " s: " + command);
        }
        if (process.exitValue() != 0) {
            throw new IOException("tshark failed with exit code " + process.exitValue() + ": " + command + "\n" + stderr.join());
        }
        return stdout.join();
    }

    private static CompletableFuture<String> readAsync(InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try (stream) {
                return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalStateException("failed to read tshark output", e);
            }
        });
    }
}
