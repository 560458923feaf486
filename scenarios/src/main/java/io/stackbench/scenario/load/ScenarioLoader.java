package io.stackbench.scenario.load;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stackbench.scenario.model.ExpectationSpec;
import io.stackbench.scenario.model.LinkProfileChange;
import io.stackbench.scenario.model.NodeSpec;
import io.stackbench.scenario.model.Scenario;
import io.stackbench.scenario.model.SegmentSpec;
import io.stackbench.scenario.model.StepSpec;
import io.stackbench.sim.capture.CaptureInterface;
import io.stackbench.sim.engine.SimTime;
import io.stackbench.sim.engine.Simulator;
import io.stackbench.sim.net.LinkProfile;
import io.stackbench.sim.net.MacAddress;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Loads a scenario file into the model and checks it, reporting every problem with file, line,
 * column, JSON path, the bad value and a fix.
 */
public final class ScenarioLoader {

    // The allowed fields of each object type. scenarios/scenario.schema.json must list the same
    // names; ScenarioSchemaTest compares the two.
    static final Set<String> TOP_FIELDS = Set.of("$schema", "name", "description", "tags", "seed", "duration", "limits", "segments",
            "nodes", "steps", "expect", "golden", "capture");
    static final Set<String> LIMITS_FIELDS = Set.of("events");
    static final Set<String> CAPTURE_FIELDS = Set.of("snaplen");
    /** Smallest snap length, which keeps an Ethernet, IPv6 and TCP header with options. */
    static final int MIN_SNAP_LENGTH = 128;
    /** The link-profile fields, shared by a segment and a link-profile step. */
    private static final Set<String> PROFILE_FIELD_NAMES = Set.of("latency", "bandwidth", "mtu", "queue", "loss", "duplication", "reordering",
            "reorderDelay", "corruption", "jitter");
    static final Set<String> SEGMENT_FIELDS = union(Set.of("name"), PROFILE_FIELD_NAMES);
    static final Set<String> LINK_PROFILE_STEP_FIELDS = union(Set.of("at", "do", "id", "segment"), PROFILE_FIELD_NAMES);
    static final Set<String> STACK_FIELDS = Set.of("name", "kind", "segment", "mac", "boot");
    static final Set<String> ARP_RESPONDER_FIELDS = Set.of("name", "kind", "segment", "mac", "entries", "announce", "echo");
    static final Set<String> ARP_ENTRY_FIELDS = Set.of("ip", "mac");
    static final Set<String> ANNOUNCEMENT_FIELDS = Set.of("at", "ip", "mac");
    static final Set<String> PING_STEP_FIELDS = Set.of("at", "do", "id", "node", "target", "count", "interval", "size", "timeout");
    /** The fields of both link-down and link-up. */
    static final Set<String> LINK_STEP_FIELDS = Set.of("at", "do", "id", "node");
    static final Set<String> PING_EXPECT_FIELDS = Set.of("type", "step", "replies", "error");
    static final Set<String> ARP_CACHE_EXPECT_FIELDS = Set.of("type", "node", "at", "contains", "absent");
    static final Set<String> CACHE_ENTRY_FIELDS = Set.of("ip", "mac", "state");
    static final Set<String> COUNTER_EXPECT_FIELDS = Set.of("type", "node", "name", "at", "equals", "min", "max");
    static final Set<String> TRACE_EXPECT_FIELDS = Set.of("type", "filter", "segment", "from", "to", "count", "min", "max", "none");
    static final Set<String> EVENT_EXPECT_FIELDS = Set.of("type", "node", "kind", "contains", "count", "min", "max", "none");
    static final Set<String> BOOT_ERROR_EXPECT_FIELDS = Set.of("type", "node", "contains");
    static final Set<String> RESTART_STEP_FIELDS = Set.of("at", "do", "id", "node", "boot");
    static final Set<String> ROUTER_CHANGE_STEP_FIELDS = Set.of("at", "do", "id", "node", "advertisement", "send");
    static final Set<String> ROUTER_SEND_STEP_FIELDS = Set.of("at", "do", "id", "node", "variant");
    static final Set<String> NODE_KINDS = Set.of("stack", "arp-responder", "router", "dad-attacker", "na-spoofer", "raw", "tcp-peer");
    static final Set<String> STEP_ACTIONS = Set.of("ping", "link-down", "link-up", "link-profile", "restart", "router-change",
            "router-send", "udp-bind", "udp-send", "tcp-listen", "tcp-connect", "tcp-send", "tcp-close", "tcp-abort");
    static final Set<String> EXPECT_TYPES = Set.of("ping", "arp-cache", "counter", "trace", "event", "boot-error", "addresses",
            "neighbors", "routers", "prefixes", "stack", "udp", "tcp");

    private final JsonFactory factory = new JsonFactory();
    private final ObjectMapper mapper = new ObjectMapper(factory);

    /** A validation that needs another module, such as boot-argument or display-filter parsing. */
    public interface SemanticCheck {
        /** Returns an error message for {@code value}, or null when it is fine. */
        String check(String value);
    }

    private SemanticCheck filterCheck = value -> null;
    private SemanticCheck bootCheck = value -> null;

    public ScenarioLoader() {
    }

    /** Sets the check run on every trace filter. */
    public ScenarioLoader withFilterCheck(SemanticCheck check) {
        this.filterCheck = check;
        return this;
    }

    /** Sets the check run on each stack's boot arguments (joined by spaces). */
    public ScenarioLoader withBootCheck(SemanticCheck check) {
        this.bootCheck = check;
        return this;
    }

    /**
     * Loads {@code file}; {@code id} names the scenario and its golden capture.
     *
     * @throws ScenarioException listing every problem found
     */
    public Scenario load(Path file, String id) throws ScenarioException, IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        JsonNode root;
        try {
            root = mapper.readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation location = e.getLocation() == null ? JsonLocation.NA : e.getLocation();
            throw new ScenarioException(List.of(new ScenarioProblem(file, Math.max(location.getLineNr(), 1),
                    Math.max(location.getColumnNr(), 1), "", null, "invalid JSON: " + e.getOriginalMessage(),
                    "correct the JSON syntax at this position")));
        }
        // Jackson returns a missing node, not null, for a text with no JSON value in it.
        if (root == null || root.isMissingNode()) {
            throw new ScenarioException(List.of(new ScenarioProblem(file, 1, 1, "", null, "empty file",
                    "write a scenario object; see the README for a first scenario")));
        }
        JsonFields fields = new JsonFields(file, JsonLocations.index(factory, text));
        Scenario scenario = read(root, fields, file, id);
        if (!fields.problems().isEmpty()) {
            // The checks run part by part, so boot arguments come after expectations and an unknown
            // field before the known ones. A stable sort by position restores file order.
            List<ScenarioProblem> inFileOrder = new ArrayList<>(fields.problems());
            inFileOrder.sort(Comparator.comparingInt(ScenarioProblem::line).thenComparingInt(ScenarioProblem::column));
            throw new ScenarioException(inFileOrder);
        }
        return scenario;
    }

    private Scenario read(JsonNode root, JsonFields fields, Path file, String id) {
        if (!fields.object(root, "", TOP_FIELDS)) {
            return null;
        }
        String name = fields.string(root, "", "name", id, true, "\"" + id + "\"");
        String description = fields.string(root, "", "description", "", true, "\"what this scenario shows\"");
        List<String> tags = fields.strings(root, "", "tags");
        long seed = fields.integer(root, "", "seed", 1, Long.MIN_VALUE, Long.MAX_VALUE);
        long duration = fields.duration(root, "", "duration", SimTime.seconds(10), true);
        if (duration <= 0) {
            fields.problem("/duration", root.get("duration"), "duration must be positive", "write a duration such as \"5s\"");
        }
        long eventBudget = Simulator.DEFAULT_EVENT_BUDGET;
        JsonNode limits = root.get("limits");
        if (limits != null && fields.object(limits, "/limits", LIMITS_FIELDS)) {
            eventBudget = fields.integer(limits, "/limits", "events", Simulator.DEFAULT_EVENT_BUDGET, 1, Long.MAX_VALUE);
        }
        boolean golden = fields.bool(root, "", "golden", true);
        int snapLength = 0;
        JsonNode capture = root.get("capture");
        if (capture != null && fields.object(capture, "/capture", CAPTURE_FIELDS)) {
            snapLength = (int) fields.integer(capture, "/capture", "snaplen", 0, MIN_SNAP_LENGTH, CaptureInterface.DEFAULT_SNAP_LENGTH);
        }

        Map<String, SegmentSpec> segments = readSegments(root, fields);
        Map<String, NodeSpec> nodes = readNodes(root, fields, segments, duration, file);
        Map<String, StepSpec> steps = readSteps(root, fields, nodes, segments, duration);
        List<ExpectationSpec> expectations = readExpectations(root, fields, nodes, segments, steps, duration);
        checkBootArguments(root, fields, nodes, expectations);

        return new Scenario(id, file, name, description, tags, seed, duration, eventBudget, List.copyOf(segments.values()),
                List.copyOf(nodes.values()), List.copyOf(steps.values()), expectations, golden, snapLength);
    }

    private Map<String, SegmentSpec> readSegments(JsonNode root, JsonFields fields) {
        Map<String, SegmentSpec> segments = new LinkedHashMap<>();
        List<JsonNode> list = fields.array(root, "", "segments");
        if (list.isEmpty()) {
            fields.problem("/segments", root.get("segments"), "a scenario needs at least one segment",
                    "add \"segments\": [{\"name\": \"lan\"}]");
        }
        for (int i = 0; i < list.size(); i++) {
            String p = "/segments/" + i;
            JsonNode s = list.get(i);
            if (!fields.object(s, p, SEGMENT_FIELDS)) {
                continue;
            }
            String name = fields.string(s, p, "name", "segment-" + i, true, "\"lan\"");
            LinkProfile profile = readProfile(s, p, fields).applyTo(LinkProfile.DEFAULT);
            if (segments.containsKey(name)) {
                fields.problem(p + "/name", s.get("name"), "duplicate segment name \"" + name + "\"", "give each segment its own name");
            }
            segments.putIfAbsent(name, new SegmentSpec(name, profile));
        }
        return segments;
    }

    /** Reads the link-profile fields present in {@code object}. A field that is absent stays null. */
    private LinkProfileChange readProfile(JsonNode object, String p, JsonFields fields) {
        Long latency = given(object, "latency") ? fields.duration(object, p, "latency", 0, false) : null;
        Long bandwidth = null;
        String bandwidthText = fields.string(object, p, "bandwidth", null, false, "\"1Gbit/s\"");
        if (bandwidthText != null) {
            try {
                bandwidth = Units.parseBandwidth(bandwidthText);
            } catch (IllegalArgumentException e) {
                fields.problem(p + "/bandwidth", object.get("bandwidth"), e.getMessage(), "write " + Units.BANDWIDTH_HELP);
            }
        }
        Integer mtu = given(object, "mtu") ? (int) fields.integer(object, p, "mtu", LinkProfile.ETHERNET_MTU, 68, 65_535) : null;
        Integer queue = given(object, "queue")
                ? (int) fields.integer(object, p, "queue", LinkProfile.DEFAULT_QUEUE_LIMIT_BYTES, 1, Integer.MAX_VALUE) : null;
        Double loss = given(object, "loss") ? fields.fraction(object, p, "loss", 0.0) : null;
        Double duplication = given(object, "duplication") ? fields.fraction(object, p, "duplication", 0.0) : null;
        Double reordering = given(object, "reordering") ? fields.fraction(object, p, "reordering", 0.0) : null;
        Long reorderDelay = given(object, "reorderDelay") ? fields.duration(object, p, "reorderDelay", 0, false) : null;
        Double corruption = given(object, "corruption") ? fields.fraction(object, p, "corruption", 0.0) : null;
        Long jitter = given(object, "jitter") ? fields.duration(object, p, "jitter", 0, false) : null;
        return new LinkProfileChange(latency, bandwidth, mtu, queue, loss, duplication, reordering, reorderDelay, corruption, jitter);
    }

    private static boolean given(JsonNode object, String field) {
        JsonNode value = object.get(field);
        return value != null && !value.isNull();
    }

    private static Set<String> union(Set<String> first, Set<String> second) {
        Set<String> all = new LinkedHashSet<>(first);
        all.addAll(second);
        return Set.copyOf(all);
    }

    private Map<String, NodeSpec> readNodes(JsonNode root, JsonFields fields, Map<String, SegmentSpec> segments, long duration, Path file) {
        Map<String, NodeSpec> nodes = new LinkedHashMap<>();
        List<JsonNode> list = fields.array(root, "", "nodes");
        if (list.isEmpty()) {
            fields.problem("/nodes", root.get("nodes"), "a scenario needs at least one node",
                    "add \"nodes\": [{\"name\": \"a\", \"kind\": \"stack\", \"segment\": \"lan\", \"mac\": \"02:00:00:00:00:01\"}]");
        }
        for (int i = 0; i < list.size(); i++) {
            String p = "/nodes/" + i;
            JsonNode n = list.get(i);
            if (n == null || !n.isObject()) {
                fields.object(n, p, STACK_FIELDS);
                continue;
            }
            String kind = fields.string(n, p, "kind", "stack", true, "\"stack\"");
            if (!NODE_KINDS.contains(kind)) {
                String closest = JsonFields.closest(kind, NODE_KINDS);
                fields.problem(p + "/kind", n.get("kind"), "unknown node kind \"" + kind + "\"",
                        closest != null ? "did you mean \"" + closest + "\"?" : "use one of " + String.join(", ", new TreeSet<>(NODE_KINDS)));
                continue;
            }
            fields.object(n, p, switch (kind) {
                case "stack" -> STACK_FIELDS;
                case "router" -> PeerSpecs.ROUTER_FIELDS;
                case "dad-attacker" -> PeerSpecs.DAD_ATTACKER_FIELDS;
                case "na-spoofer" -> PeerSpecs.NA_SPOOFER_FIELDS;
                case "raw" -> PeerSpecs.RAW_FIELDS;
                case "tcp-peer" -> TcpPeerSpecs.TCP_PEER_FIELDS;
                default -> ARP_RESPONDER_FIELDS;
            });
            String name = fields.string(n, p, "name", "node-" + i, true, "\"a\"");
            String segment = fields.string(n, p, "segment", null, true, "\"" + firstKey(segments, "lan") + "\"");
            if (segment != null && !segments.containsKey(segment)) {
                fields.problem(p + "/segment", n.get("segment"), "unknown segment \"" + segment + "\"",
                        "use one of the segments declared under /segments: " + String.join(", ", segments.keySet()));
            }
            MacAddress mac = fields.mac(n, p, "mac", true);
            if (mac != null && mac.isMulticast()) {
                fields.problem(p + "/mac", n.get("mac"), "a node's MAC must be unicast", "clear the group bit: the first octet must be even, such as 02");
            }
            if (nodes.containsKey(name)) {
                fields.problem(p + "/name", n.get("name"), "duplicate node name \"" + name + "\"", "give each node its own name");
            }
            NodeSpec node = switch (kind) {
                case "stack" -> new NodeSpec.Stack(name, segment, mac, bootArguments(n, p, fields));
                case "router" -> PeerSpecs.router(n, p, fields, name, segment, mac, duration);
                case "dad-attacker" -> PeerSpecs.dadAttacker(n, p, fields, name, segment, mac);
                case "na-spoofer" -> PeerSpecs.naSpoofer(n, p, fields, name, segment, mac);
                case "raw" -> PeerSpecs.raw(n, p, fields, name, segment, mac, file, duration);
                case "tcp-peer" -> TcpPeerSpecs.tcpPeer(n, p, fields, name, segment, mac, duration);
                default -> readArpResponder(n, p, fields, name, segment, mac, duration);
            };
            nodes.putIfAbsent(name, node);
        }
        checkRetargetNodes(list, fields, nodes);
        TcpPeerSpecs.checkStackNodes(list, fields, nodes);
        return nodes;
    }

    /** Reports a raw peer's retarget node that names no node; it may name a node declared after the peer. */
    private static void checkRetargetNodes(List<JsonNode> list, JsonFields fields, Map<String, NodeSpec> nodes) {
        for (int i = 0; i < list.size(); i++) {
            JsonNode retargetNode = list.get(i).path("retarget").path("node");
            boolean raw = list.get(i).path("kind").asText().equals("raw");
            if (raw && retargetNode.isTextual() && !nodes.containsKey(retargetNode.asText())) {
                String closest = JsonFields.closest(retargetNode.asText(), nodes.keySet());
                fields.problem("/nodes/" + i + "/retarget/node", retargetNode, "unknown node \"" + retargetNode.asText() + "\"",
                        closest != null ? "did you mean \"" + closest + "\"?" : "use one of the nodes: " + String.join(", ", nodes.keySet()));
            }
        }
    }

    private static List<String> bootArguments(JsonNode node, String p, JsonFields fields) {
        JsonNode boot = node.get("boot");
        if (boot != null && boot.isTextual()) {
            String text = boot.asText().trim();
            return text.isEmpty() ? List.of() : List.of(text.split("\\s+"));
        }
        return fields.strings(node, p, "boot");
    }

    private NodeSpec readArpResponder(JsonNode n, String p, JsonFields fields, String name, String segment, MacAddress mac, long duration) {
        List<NodeSpec.ArpEntry> entries = new ArrayList<>();
        List<JsonNode> list = fields.array(n, p, "entries");
        for (int j = 0; j < list.size(); j++) {
            String ep = p + "/entries/" + j;
            JsonNode e = list.get(j);
            if (!fields.object(e, ep, ARP_ENTRY_FIELDS)) {
                continue;
            }
            InetAddress ip = fields.address(e, ep, "ip", true);
            MacAddress entryMac = e.has("mac") ? fields.mac(e, ep, "mac", false) : mac;
            if (ip != null && ip.getAddress().length != 4) {
                fields.problem(ep + "/ip", e.get("ip"), "ARP entries are IPv4 addresses", "write an IPv4 address such as \"10.0.0.9\"");
            }
            entries.add(new NodeSpec.ArpEntry(ip, entryMac));
        }
        List<NodeSpec.Announcement> announcements = new ArrayList<>();
        List<JsonNode> announce = fields.array(n, p, "announce");
        for (int j = 0; j < announce.size(); j++) {
            String ap = p + "/announce/" + j;
            JsonNode a = announce.get(j);
            if (!fields.object(a, ap, ANNOUNCEMENT_FIELDS)) {
                continue;
            }
            long at = fields.duration(a, ap, "at", 0, true);
            if (at > duration) {
                fields.problem(ap + "/at", a.get("at"), "announcement after the end of the scenario (" + SimTime.format(duration) + ")",
                        "use a time within the duration or extend \"duration\"");
            }
            InetAddress ip = fields.address(a, ap, "ip", true);
            MacAddress announcedMac = a.has("mac") ? fields.mac(a, ap, "mac", false) : mac;
            announcements.add(new NodeSpec.Announcement(at, ip, announcedMac));
        }
        boolean echo = fields.bool(n, p, "echo", false);
        return new NodeSpec.ArpResponder(name, segment, mac, entries, announcements, echo);
    }

    private Map<String, StepSpec> readSteps(JsonNode root, JsonFields fields, Map<String, NodeSpec> nodes, Map<String, SegmentSpec> segments,
            long duration) {
        Map<String, StepSpec> steps = new LinkedHashMap<>();
        List<JsonNode> list = fields.array(root, "", "steps");
        for (int i = 0; i < list.size(); i++) {
            String p = "/steps/" + i;
            JsonNode s = list.get(i);
            if (s == null || !s.isObject()) {
                fields.object(s, p, Set.of("at", "do"));
                continue;
            }
            String action = fields.string(s, p, "do", null, true, "\"ping\"");
            if (action == null) {
                continue;
            }
            if (!STEP_ACTIONS.contains(action)) {
                String closest = JsonFields.closest(action, STEP_ACTIONS);
                fields.problem(p + "/do", s.get("do"), "unknown step action \"" + action + "\"",
                        closest != null ? "did you mean \"" + closest + "\"?" : "use one of " + String.join(", ", new TreeSet<>(STEP_ACTIONS)));
                continue;
            }
            String id = fields.string(s, p, "id", "step-" + i, false, "\"ping-1\"");
            long at = fields.duration(s, p, "at", 0, true);
            if (at > duration) {
                fields.problem(p + "/at", s.get("at"), "step starts after the end of the scenario (" + SimTime.format(duration) + ")",
                        "use a time within the duration or extend \"duration\"");
            }
            StepSpec step;
            if (action.equals("link-profile")) {
                step = readLinkProfileStep(s, p, fields, segments, id, at);
                if (steps.containsKey(id)) {
                    fields.problem(p + "/id", s.get("id"), "duplicate step id \"" + id + "\"", "give each step its own id");
                }
                steps.putIfAbsent(id, step);
                continue;
            }
            if (action.equals("tcp-send") || action.equals("tcp-close") || action.equals("tcp-abort")) {
                // These name a connection, whose tcp-connect step names the node.
                StepSpec connectionStep = action.equals("tcp-send") ? TcpSpecs.send(s, p, fields, id, at, steps)
                        : TcpSpecs.close(s, p, fields, id, at, steps, action.equals("tcp-abort"));
                if (steps.containsKey(id)) {
                    fields.problem(p + "/id", s.get("id"), "duplicate step id \"" + id + "\"", "give each step its own id");
                }
                steps.putIfAbsent(id, connectionStep);
                continue;
            }
            boolean routerStep = action.startsWith("router-");
            String node = routerStep ? routerNode(s, p, fields, nodes) : stackNode(s, p, fields, nodes);
            if (action.equals("restart")) {
                fields.object(s, p, RESTART_STEP_FIELDS);
                step = new StepSpec.Restart(id, at, node, bootArguments(s, p, fields));
            } else if (action.equals("router-change")) {
                fields.object(s, p, ROUTER_CHANGE_STEP_FIELDS);
                NodeSpec.Advertisement base = nodes.get(node) instanceof NodeSpec.Router router ? router.advertisement()
                        : PeerSpecs.DEFAULT_ADVERTISEMENT;
                NodeSpec.Advertisement advertisement = base;
                if (!s.has("advertisement")) {
                    fields.problem(p + "/advertisement", null, "missing field \"advertisement\"",
                            "add \"advertisement\": {\"routerLifetime\": 0}");
                } else {
                    advertisement = PeerSpecs.advertisement(s.get("advertisement"), p + "/advertisement", fields, base);
                }
                step = new StepSpec.RouterChange(id, at, node, advertisement, fields.bool(s, p, "send", true));
            } else if (action.equals("router-send")) {
                fields.object(s, p, ROUTER_SEND_STEP_FIELDS);
                String variant = fields.string(s, p, "variant", null, false, "\"hop-limit-64\"");
                if (variant != null && !StepSpec.RouterSend.VARIANTS.contains(variant)) {
                    fields.problem(p + "/variant", s.get("variant"), "unknown advertisement variant \"" + variant + "\"",
                            "use one of " + String.join(", ", StepSpec.RouterSend.VARIANTS) + ", or leave it out for a valid advertisement");
                }
                step = new StepSpec.RouterSend(id, at, node, variant);
            } else if (action.equals("udp-bind")) {
                step = UdpSpecs.bind(s, p, fields, id, at, node);
            } else if (action.equals("udp-send")) {
                step = UdpSpecs.send(s, p, fields, id, at, node);
            } else if (action.equals("tcp-listen")) {
                step = TcpSpecs.listen(s, p, fields, id, at, node);
            } else if (action.equals("tcp-connect")) {
                step = TcpSpecs.connect(s, p, fields, id, at, node);
            } else if (action.equals("ping")) {
                fields.object(s, p, PING_STEP_FIELDS);
                InetAddress target = fields.address(s, p, "target", true);
                int count = (int) fields.integer(s, p, "count", 1, 1, 100_000);
                long interval = fields.duration(s, p, "interval", SimTime.SECOND, false);
                int size = (int) fields.integer(s, p, "size", 56, 0, 65_000);
                long timeout = fields.duration(s, p, "timeout", SimTime.SECOND, false);
                step = new StepSpec.Ping(id, at, node, target, count, interval, size, timeout);
            } else {
                fields.object(s, p, LINK_STEP_FIELDS);
                step = new StepSpec.Link(id, at, node, action.equals("link-up"));
            }
            if (steps.containsKey(id)) {
                fields.problem(p + "/id", s.get("id"), "duplicate step id \"" + id + "\"", "give each step its own id");
            }
            steps.putIfAbsent(id, step);
        }
        return steps;
    }

    private StepSpec readLinkProfileStep(JsonNode s, String p, JsonFields fields, Map<String, SegmentSpec> segments, String id, long at) {
        fields.object(s, p, LINK_PROFILE_STEP_FIELDS);
        String segment = fields.string(s, p, "segment", null, true, "\"" + firstKey(segments, "lan") + "\"");
        if (segment != null && !segments.containsKey(segment)) {
            String closest = JsonFields.closest(segment, segments.keySet());
            fields.problem(p + "/segment", s.get("segment"), "unknown segment \"" + segment + "\"",
                    closest != null ? "did you mean \"" + closest + "\"?" : "use one of the segments: " + String.join(", ", segments.keySet()));
        }
        LinkProfileChange change = readProfile(s, p, fields);
        if (change.isEmpty()) {
            fields.problem(p, s, "a link-profile step changes no field", "add a link-profile field such as \"loss\": 0.1 or \"jitter\": \"20us\"");
        }
        return new StepSpec.LinkProfileStep(id, at, segment, change);
    }

    private String routerNode(JsonNode object, String p, JsonFields fields, Map<String, NodeSpec> nodes) {
        String node = fields.string(object, p, "node", null, true, "\"router\"");
        if (node != null && !(nodes.get(node) instanceof NodeSpec.Router)) {
            List<String> routers = new ArrayList<>();
            nodes.values().stream().filter(n -> n instanceof NodeSpec.Router).forEach(n -> routers.add(n.name()));
            fields.problem(p + "/node", object.get("node"), "node \"" + node + "\" is not a router",
                    routers.isEmpty() ? "add a node of kind \"router\"" : "use one of the routers: " + String.join(", ", routers));
        }
        return node;
    }

    private String stackNode(JsonNode object, String p, JsonFields fields, Map<String, NodeSpec> nodes) {
        String node = fields.string(object, p, "node", null, true, "\"" + firstKey(nodes, "a") + "\"");
        if (node == null) {
            return null;
        }
        NodeSpec spec = nodes.get(node);
        if (spec == null) {
            String closest = JsonFields.closest(node, nodes.keySet());
            fields.problem(p + "/node", object.get("node"), "unknown node \"" + node + "\"",
                    closest != null ? "did you mean \"" + closest + "\"?" : "use one of the nodes: " + String.join(", ", nodes.keySet()));
        } else if (!(spec instanceof NodeSpec.Stack)) {
            fields.problem(p + "/node", object.get("node"), "node \"" + node + "\" is a scripted peer, not a stack",
                    "name a node of kind \"stack\"");
        }
        return node;
    }

    private List<ExpectationSpec> readExpectations(JsonNode root, JsonFields fields, Map<String, NodeSpec> nodes,
            Map<String, SegmentSpec> segments, Map<String, StepSpec> steps, long duration) {
        List<ExpectationSpec> expectations = new ArrayList<>();
        List<JsonNode> list = fields.array(root, "", "expect");
        for (int i = 0; i < list.size(); i++) {
            String p = "/expect/" + i;
            JsonNode e = list.get(i);
            if (e == null || !e.isObject()) {
                fields.object(e, p, Set.of("type"));
                continue;
            }
            String type = fields.string(e, p, "type", null, true, "\"trace\"");
            if (type == null) {
                continue;
            }
            if (!EXPECT_TYPES.contains(type)) {
                String closest = JsonFields.closest(type, EXPECT_TYPES);
                fields.problem(p + "/type", e.get("type"), "unknown expectation type \"" + type + "\"",
                        closest != null ? "did you mean \"" + closest + "\"?" : "use one of " + String.join(", ", new TreeSet<>(EXPECT_TYPES)));
                continue;
            }
            ExpectationSpec expectation = switch (type) {
                case "ping" -> readPingExpectation(e, p, fields, steps);
                case "arp-cache" -> readArpCacheExpectation(e, p, fields, nodes, duration);
                case "counter" -> readCounterExpectation(e, p, fields, nodes, duration);
                case "trace" -> readTraceExpectation(e, p, fields, segments, duration);
                case "event" -> readEventExpectation(e, p, fields, nodes);
                case "udp" -> UdpSpecs.expectation(e, p, fields, stackNode(e, p, fields, nodes), steps);
                case "tcp" -> TcpSpecs.expectation(e, p, fields, steps, time(e, p, fields, duration), () -> stackNode(e, p, fields, nodes));
                case "addresses", "neighbors", "routers", "prefixes", "stack" -> StateSpecs.read(type, e, p, fields, stackNode(e, p, fields, nodes),
                        time(e, p, fields, duration));
                default -> readBootErrorExpectation(e, p, fields, nodes);
            };
            expectations.add(expectation);
        }
        return expectations;
    }

    private ExpectationSpec readPingExpectation(JsonNode e, String p, JsonFields fields, Map<String, StepSpec> steps) {
        fields.object(e, p, PING_EXPECT_FIELDS);
        String step = fields.string(e, p, "step", null, true, "\"" + firstKey(steps, "ping-1") + "\"");
        if (step != null && !(steps.get(step) instanceof StepSpec.Ping)) {
            fields.problem(p + "/step", e.get("step"), "no ping step with id \"" + step + "\"",
                    "use the \"id\" of a step with \"do\": \"ping\"");
        }
        int replies = (int) fields.integer(e, p, "replies", -1, 0, 100_000);
        String error = fields.string(e, p, "error", null, false, "\"no route\"");
        if (replies < 0 && error == null) {
            fields.problem(p, e, "a ping expectation needs \"replies\" or \"error\"", "add \"replies\": N or \"error\": \"text\"");
        }
        return new ExpectationSpec.Ping(p, step, replies, error);
    }

    private ExpectationSpec readArpCacheExpectation(JsonNode e, String p, JsonFields fields, Map<String, NodeSpec> nodes, long duration) {
        fields.object(e, p, ARP_CACHE_EXPECT_FIELDS);
        String node = stackNode(e, p, fields, nodes);
        long at = time(e, p, fields, duration);
        List<ExpectationSpec.CacheEntry> present = new ArrayList<>();
        List<JsonNode> contains = fields.array(e, p, "contains");
        for (int j = 0; j < contains.size(); j++) {
            String cp = p + "/contains/" + j;
            JsonNode c = contains.get(j);
            if (!fields.object(c, cp, CACHE_ENTRY_FIELDS)) {
                continue;
            }
            InetAddress ip = fields.address(c, cp, "ip", true);
            MacAddress mac = c.has("mac") ? fields.mac(c, cp, "mac", false) : null;
            String state = fields.string(c, cp, "state", null, false, "\"REACHABLE\"");
            present.add(new ExpectationSpec.CacheEntry(ip, mac, state));
        }
        List<InetAddress> absent = new ArrayList<>();
        List<JsonNode> absentList = fields.array(e, p, "absent");
        for (int j = 0; j < absentList.size(); j++) {
            JsonNode a = absentList.get(j);
            try {
                absent.add(Addresses.parse(a.asText()));
            } catch (IllegalArgumentException ex) {
                fields.problem(p + "/absent/" + j, a, "invalid IP address", "write a literal such as \"10.0.0.9\"");
            }
        }
        if (present.isEmpty() && absent.isEmpty()) {
            fields.problem(p, e, "an arp-cache expectation needs \"contains\" or \"absent\"", "add \"contains\": [{\"ip\": \"10.0.0.2\"}]");
        }
        return new ExpectationSpec.ArpCache(p, node, at, present, absent);
    }

    private ExpectationSpec readCounterExpectation(JsonNode e, String p, JsonFields fields, Map<String, NodeSpec> nodes, long duration) {
        fields.object(e, p, COUNTER_EXPECT_FIELDS);
        String node = stackNode(e, p, fields, nodes);
        String name = fields.string(e, p, "name", null, true, "\"drop.arp.bad-hardware-type\"");
        long at = time(e, p, fields, duration);
        long[] range = range(e, p, fields, "equals");
        return new ExpectationSpec.Counter(p, node, name, at, range[0], range[1]);
    }

    private ExpectationSpec readTraceExpectation(JsonNode e, String p, JsonFields fields, Map<String, SegmentSpec> segments, long duration) {
        fields.object(e, p, TRACE_EXPECT_FIELDS);
        String filter = fields.string(e, p, "filter", "", true, "\"arp.opcode == 1\"");
        if (!filter.isEmpty()) {
            String error = filterCheck.check(filter);
            if (error != null) {
                fields.problem(p + "/filter", e.get("filter"), "invalid display filter: " + error,
                        "use the Wireshark display-filter subset listed in scenarios/FILTERS.md (for example arp.opcode == 1)");
            }
        }
        String segment = fields.string(e, p, "segment", null, false, "\"lan\"");
        if (segment != null && !segments.containsKey(segment)) {
            fields.problem(p + "/segment", e.get("segment"), "unknown segment \"" + segment + "\"",
                    "use one of: " + String.join(", ", segments.keySet()));
        }
        long from = fields.duration(e, p, "from", 0, false);
        long to = fields.duration(e, p, "to", duration, false);
        if (to < from) {
            fields.problem(p + "/to", e.get("to"), "\"to\" is before \"from\"", "make the window end after it starts");
        }
        long[] range;
        if (fields.bool(e, p, "none", false)) {
            if (e.has("count") || e.has("min") || e.has("max")) {
                fields.problem(p + "/none", e.get("none"), "\"none\" cannot be combined with count, min or max", "keep only one of them");
            }
            range = new long[] {0, 0};
        } else {
            range = range(e, p, fields, "count");
        }
        return new ExpectationSpec.Trace(p, filter, segment, from, to, range[0], range[1]);
    }

    private ExpectationSpec readEventExpectation(JsonNode e, String p, JsonFields fields, Map<String, NodeSpec> nodes) {
        fields.object(e, p, EVENT_EXPECT_FIELDS);
        String node = stackNode(e, p, fields, nodes);
        String kind = fields.string(e, p, "kind", null, false, "\"arp.resolution-failed\"");
        String contains = fields.string(e, p, "contains", null, false, "\"10.0.0.9\"");
        long[] range = fields.bool(e, p, "none", false) ? new long[] {0, 0} : range(e, p, fields, "count");
        if (kind == null && contains == null) {
            fields.problem(p, e, "an event expectation needs \"kind\" or \"contains\"", "add \"kind\": \"arp.resolution-failed\"");
        }
        return new ExpectationSpec.Event(p, node, kind, contains, range[0], range[1]);
    }

    private ExpectationSpec readBootErrorExpectation(JsonNode e, String p, JsonFields fields, Map<String, NodeSpec> nodes) {
        fields.object(e, p, BOOT_ERROR_EXPECT_FIELDS);
        String node = stackNode(e, p, fields, nodes);
        String contains = fields.string(e, p, "contains", "", true, "\"cannot run IPv4-only and IPv6-only at once\"");
        return new ExpectationSpec.BootError(p, node, contains);
    }

    private void checkBootArguments(JsonNode root, JsonFields fields, Map<String, NodeSpec> nodes, List<ExpectationSpec> expectations) {
        Set<String> expectedToFail = new LinkedHashSet<>();
        for (ExpectationSpec e : expectations) {
            if (e instanceof ExpectationSpec.BootError bootError) {
                expectedToFail.add(bootError.node());
            }
        }
        int i = 0;
        for (NodeSpec node : nodes.values()) {
            if (node instanceof NodeSpec.Stack stack && !expectedToFail.contains(stack.name())) {
                String error = bootCheck.check(String.join(" ", stack.boot()));
                if (error != null) {
                    String pointer = "/nodes/" + indexOfNode(root, stack.name(), i) + "/boot";
                    fields.problem(pointer, root.at(pointer), "invalid boot arguments: " + error,
                            "correct the argument, or expect the failure with {\"type\": \"boot-error\", \"node\": \"" + stack.name() + "\"}");
                }
            }
            i++;
        }
    }

    private static int indexOfNode(JsonNode root, String name, int fallback) {
        JsonNode list = root.get("nodes");
        for (int i = 0; list != null && i < list.size(); i++) {
            if (name.equals(list.get(i).path("name").asText())) {
                return i;
            }
        }
        return fallback;
    }

    private static long time(JsonNode e, String p, JsonFields fields, long duration) {
        long at = fields.duration(e, p, "at", duration, false);
        if (at > duration) {
            fields.problem(p + "/at", e.get("at"), "time after the end of the scenario (" + SimTime.format(duration) + ")",
                    "use a time within the duration or leave \"at\" out to check at the end");
        }
        return at;
    }

    /** Reads {@code exact} or min/max into an inclusive range; with none of them, the range is "at least one". */
    private static long[] range(JsonNode e, String p, JsonFields fields, String exact) {
        if (e.has(exact)) {
            long n = fields.integer(e, p, exact, 0, 0, Long.MAX_VALUE);
            return new long[] {n, n};
        }
        long min = fields.integer(e, p, "min", 1, 0, Long.MAX_VALUE);
        long max = fields.integer(e, p, "max", Long.MAX_VALUE, 0, Long.MAX_VALUE);
        if (!e.has("min") && e.has("max")) {
            min = 0;
        }
        if (max < min) {
            fields.problem(p + "/max", e.get("max"), "\"max\" is below \"min\"", "make max at least min");
        }
        return new long[] {min, max};
    }

    private static String firstKey(Map<String, ?> map, String fallback) {
        return map.isEmpty() ? fallback : map.keySet().iterator().next();
    }
}
