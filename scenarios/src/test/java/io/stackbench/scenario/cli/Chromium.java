package io.stackbench.scenario.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs Debian's headless Chromium on a local HTML file. It loads only the {@code file://} URL it
 * is given, with background networking, component updates, sync and QUIC turned off, and a fresh
 * profile per run.
 */
final class Chromium {

    static final Path EXECUTABLE = Path.of("/usr/bin/chromium");

    private static final long TIMEOUT_SECONDS = 120;

    /** Output of one Chromium run. */
    record Result(String stdout, String stderr) {
    }

    private Chromium() {
    }

    static boolean installed() {
        return Files.isExecutable(EXECUTABLE);
    }

    /** Returns the DOM of {@code page} after loading, with console messages such as uncaught errors in stderr. */
    static Result dumpDom(Path page, Path scratch) throws IOException, InterruptedException {
        return run(page, scratch, List.of("--dump-dom"));
    }

    /** Writes a PNG of {@code page} rendered in a window of the given size. */
    static Result screenshot(Path page, Path scratch, Path png, int width, int height) throws IOException, InterruptedException {
        return run(page, scratch, List.of("--screenshot=" + png.toAbsolutePath(), "--window-size=" + width + "," + height, "--hide-scrollbars"));
    }

    private static Result run(Path page, Path scratch, List<String> action) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(scratch, "chromium-profile");
        Path stdout = Files.createTempFile(scratch, "chromium", ".out");
        Path stderr = Files.createTempFile(scratch, "chromium", ".err");
        List<String> command = new ArrayList<>(List.of(EXECUTABLE.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile.toAbsolutePath(), "--enable-logging=stderr", "--v=0"));
        command.addAll(action);
        command.add(page.toAbsolutePath().toUri().toString());

        Process process = new ProcessBuilder(command)
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile())
                .start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            // Chromium starts helper processes, so they are ended with it.
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
            throw new IOException("chromium timed out after " + TIMEOUT_SECONDS + " s on " + page + "; stderr:\n"
                    + Files.readString(stderr, StandardCharsets.UTF_8));
        }
        Result result = new Result(Files.readString(stdout, StandardCharsets.UTF_8), Files.readString(stderr, StandardCharsets.UTF_8));
        if (process.exitValue() != 0) {
            throw new IOException("chromium exited with " + process.exitValue() + " on " + page + "; stderr:\n" + result.stderr());
        }
        return result;
    }
}
