package io.stackbench.report;

import io.stackbench.sim.capture.Capture;
import io.stackbench.sim.spi.StackEvent;
import java.util.List;

/**
 * What the reports need to know about one scenario run.
 *
 * @param id scenario id such as {@code arp/gratuitous-at-boot}
 * @param checks every expectation with its verdict, in file order, the golden comparison last
 * @param failure the first problem in words, or null when the scenario passed
 * @param capturePath where the run's pcapng was written, relative to the report directory
 * @param run the capture, event log and nodes of the run for the HTML report, or null when the
 *     scenario file did not load
 */
public record ScenarioOutcome(String id, String name, List<String> tags, String description, long simulatedNanos, int frames,
        List<Check> checks, String failure, String capturePath, Run run) {

    /** Creates an outcome without run details, as for a scenario file that did not load. */
    public ScenarioOutcome(String id, String name, List<String> tags, String description, long simulatedNanos, int frames,
            List<Check> checks, String failure, String capturePath) {
        this(id, name, tags, description, simulatedNanos, frames, checks, failure, capturePath, null);
    }

    /** One verdict. */
    public record Check(String path, String description, boolean passed, String actual) {
    }

    /**
     * One node of the scenario, as the ladder diagram needs it to place frames in columns.
     *
     * @param kind {@code stack} or the peer kind, such as {@code arp-responder}
     * @param mac the MAC of the node's interface, in colon-separated lowercase hex
     * @param otherMacs further source MACs the node sends from without an interface of its own for
     *     them, such as the MACs an ARP responder replies with or announces. The segment floods
     *     frames addressed to them.
     */
    public record Node(String name, String kind, String segment, String mac, List<String> otherMacs) {

        public Node {
            otherMacs = List.copyOf(otherMacs);
        }
    }

    /**
     * The capture, event log and nodes of a run, which the HTML report draws.
     *
     * @param capture the run's capture
     * @param events the stacks' event logs merged in time order
     * @param nodes the scenario's nodes in file order
     * @param divergence the first packet at which the capture differs from its golden, or null
     * @param goldenPath the golden capture relative to the report directory, or null when the
     *     scenario has no golden comparison
     * @param actualBesideGoldenPath the run's capture written beside the golden after a mismatch,
     *     relative to the report directory, or null
     */
    public record Run(Capture capture, List<StackEvent> events, List<Node> nodes, GoldenComparison.Divergence divergence,
            String goldenPath, String actualBesideGoldenPath) {

        public Run {
            events = List.copyOf(events);
            nodes = List.copyOf(nodes);
        }
    }

    public boolean passed() {
        return failure == null;
    }
}
