package io.stackbench.report.html;

import io.stackbench.report.ScenarioOutcome;
import io.stackbench.sim.capture.Capture;
import io.stackbench.sim.capture.CapturedFrame;
import io.stackbench.sim.capture.PcapngReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Captures and node lists of library scenarios, read from the committed goldens, as test input. */
final class Goldens {

    private Goldens() {
    }

    /** Returns the golden capture of scenario {@code id}; Maven runs tests in the module folder, beside {@code ../pcaps}. */
    static Capture capture(String id) {
        try {
            return PcapngReader.read(Path.of("..", "pcaps", id + ".pcapng"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ScenarioOutcome.Node stack(String name, String mac) {
        return new ScenarioOutcome.Node(name, "stack", "lan", mac, List.of());
    }

    static ScenarioOutcome.Node responder(String name, String mac, String... otherMacs) {
        return new ScenarioOutcome.Node(name, "arp-responder", "lan", mac, List.of(otherMacs));
    }

    /** Nodes of {@code arp/ping-two-stacks}. */
    static List<ScenarioOutcome.Node> twoStacks() {
        return List.of(stack("a", "02:00:00:00:00:0a"), stack("b", "02:00:00:00:00:0b"));
    }

    /**
     * Returns a capture of the echo exchange of {@code arp/ping-two-stacks} (frames 7 and 8)
     * repeated {@code exchanges} times, one second apart.
     */
    static Capture repeatedEchoes(int exchanges) {
        Capture ping = capture("arp/ping-two-stacks");
        CapturedFrame request = ping.frames().get(6);
        CapturedFrame reply = ping.frames().get(7);
        List<CapturedFrame> frames = new ArrayList<>();
        for (int i = 0; i < exchanges; i++) {
            long second = 1_000_000_000L * (i + 1);
            frames.add(new CapturedFrame(0, second, request.data(), request.originalLength(), request.comment(), 0));
            frames.add(new CapturedFrame(0, second + 50_000, reply.data(), reply.originalLength(), reply.comment(), 0));
        }
        return new Capture(null, ping.interfaces(), frames, List.of(), List.of());
    }
}
