package io.stackbench.scenario.load;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.stackbench.scenario.library.Bench;
import io.stackbench.scenario.library.ScenarioDiscovery;
import io.stackbench.scenario.library.ScenarioFile;
import io.stackbench.scenario.model.StepSpec;
import io.stackbench.sim.net.MacAddress;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Keeps scenarios/scenario.schema.json and the loader from drifting apart: the same fields per
 * object type, the same node kinds, step actions and expectation types, the same required fields,
 * and patterns that accept what the loader's parsers accept. Every library scenario must also
 * validate against the schema.
 */
class ScenarioSchemaTest {

    /** The module folder: Maven runs tests there, and the library lives in it. */
    private static final Path LIBRARY = Path.of("").toAbsolutePath();
    private static final Path SCHEMA = LIBRARY.resolve("scenario.schema.json");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The classes whose static *_FIELDS sets list the fields the loader allows in each object type. */
    private static final List<Class<?>> LOADER_CLASSES = List.of(ScenarioLoader.class, PeerSpecs.class, StateSpecs.class, UdpSpecs.class,
            TcpSpecs.class, TcpPeerSpecs.class);

    /** The loader's allowed fields for each closed object definition of the schema. */
    private static final Map<String, Set<String>> FIELDS_BY_DEFINITION = Map.ofEntries(
            entry("limits", ScenarioLoader.LIMITS_FIELDS),
            entry("capture", ScenarioLoader.CAPTURE_FIELDS),
            entry("segment", ScenarioLoader.SEGMENT_FIELDS),
            entry("stackNode", ScenarioLoader.STACK_FIELDS),
            entry("arpResponderNode", ScenarioLoader.ARP_RESPONDER_FIELDS),
            entry("arpEntry", ScenarioLoader.ARP_ENTRY_FIELDS),
            entry("announcement", ScenarioLoader.ANNOUNCEMENT_FIELDS),
            entry("pingStep", ScenarioLoader.PING_STEP_FIELDS),
            entry("linkDownStep", ScenarioLoader.LINK_STEP_FIELDS),
            entry("linkUpStep", ScenarioLoader.LINK_STEP_FIELDS),
            entry("linkProfileStep", ScenarioLoader.LINK_PROFILE_STEP_FIELDS),
            entry("pingExpectation", ScenarioLoader.PING_EXPECT_FIELDS),
            entry("arpCacheExpectation", ScenarioLoader.ARP_CACHE_EXPECT_FIELDS),
            entry("cacheEntry", ScenarioLoader.CACHE_ENTRY_FIELDS),
            entry("counterExpectation", ScenarioLoader.COUNTER_EXPECT_FIELDS),
            entry("traceExpectation", ScenarioLoader.TRACE_EXPECT_FIELDS),
            entry("eventExpectation", ScenarioLoader.EVENT_EXPECT_FIELDS),
            entry("bootErrorExpectation", ScenarioLoader.BOOT_ERROR_EXPECT_FIELDS),
            entry("routerNode", PeerSpecs.ROUTER_FIELDS),
            entry("advertisement", PeerSpecs.ADVERTISEMENT_FIELDS),
            entry("prefixInformation", PeerSpecs.PREFIX_FIELDS),
            entry("dadAttackerNode", PeerSpecs.DAD_ATTACKER_FIELDS),
            entry("naSpooferNode", PeerSpecs.NA_SPOOFER_FIELDS),
            entry("rawNode", PeerSpecs.RAW_FIELDS),
            entry("rawFrame", PeerSpecs.RAW_FRAME_FIELDS),
            entry("retarget", PeerSpecs.RETARGET_FIELDS),
            entry("tcpPeerNode", TcpPeerSpecs.TCP_PEER_FIELDS),
            entry("tcpScriptEntry", TcpPeerSpecs.TCP_SCRIPT_ENTRY_FIELDS),
            entry("tcpAbsoluteNumber", TcpPeerSpecs.TCP_ABSOLUTE_NUMBER_FIELDS),
            entry("restartStep", ScenarioLoader.RESTART_STEP_FIELDS),
            entry("routerChangeStep", ScenarioLoader.ROUTER_CHANGE_STEP_FIELDS),
            entry("routerSendStep", ScenarioLoader.ROUTER_SEND_STEP_FIELDS),
            entry("addressesExpectation", StateSpecs.ADDRESSES_FIELDS),
            entry("addressEntry", StateSpecs.ADDRESS_ENTRY_FIELDS),
            entry("neighborsExpectation", StateSpecs.NEIGHBORS_FIELDS),
            entry("neighborEntry", StateSpecs.NEIGHBOR_ENTRY_FIELDS),
            entry("routersExpectation", StateSpecs.ROUTERS_FIELDS),
            entry("routerEntry", StateSpecs.ROUTER_ENTRY_FIELDS),
            entry("prefixesExpectation", StateSpecs.PREFIXES_FIELDS),
            entry("stackStateExpectation", StateSpecs.STACK_STATE_FIELDS),
            entry("udpBindStep", UdpSpecs.UDP_BIND_STEP_FIELDS),
            entry("udpSendStep", UdpSpecs.UDP_SEND_STEP_FIELDS),
            entry("udpExpectation", UdpSpecs.UDP_EXPECT_FIELDS),
            entry("tcpListenStep", TcpSpecs.TCP_LISTEN_STEP_FIELDS),
            entry("tcpConnectStep", TcpSpecs.TCP_CONNECT_STEP_FIELDS),
            entry("tcpSendStep", TcpSpecs.TCP_SEND_STEP_FIELDS),
            entry("tcpCloseStep", TcpSpecs.TCP_CLOSE_STEP_FIELDS),
            entry("tcpAbortStep", TcpSpecs.TCP_CLOSE_STEP_FIELDS),
            entry("tcpExpectation", TcpSpecs.TCP_EXPECT_FIELDS));

    /** Name of the capture file that the sample's raw peer sends, copied next to each scenario the tests write. */
    private static final String SAMPLE_CAPTURE = "frames.pcapng";

    /**
     * A scenario that loads cleanly and uses every field of every object type at least once. The
     * required-field test removes its fields one by one.
     */
    private static final String EVERY_FIELD = """
            {
              "$schema": "../scenario.schema.json",
              "name": "every field",
              "description": "uses each field of each object type",
              "tags": ["schema"],
              "seed": 3,
              "duration": "5s",
              "limits": {"events": 1000000},
              "capture": {"snaplen": 128},
              "golden": false,
              "segments": [{"name": "lan", "latency": "50us", "bandwidth": "1Gbit/s", "mtu": 1500, "queue": 65536, "loss": 0.1,
                            "duplication": 0.02, "reordering": 0.03, "reorderDelay": "2ms", "corruption": 0.01, "jitter": "20us"}],
              "nodes": [
                {"name": "alice", "kind": "stack", "segment": "lan", "mac": "02:00:00:00:00:0a", "boot": ["--ipv4=10.0.0.1/24"]},
                {"name": "bob", "kind": "arp-responder", "segment": "lan", "mac": "02:00:00:00:00:0b",
                 "entries": [{"ip": "10.0.0.2", "mac": "02:00:00:00:00:0c"}],
                 "announce": [{"at": "2s", "ip": "10.0.0.2", "mac": "02:00:00:00:00:0b"}], "echo": true},
                {"name": "carol", "kind": "stack", "segment": "lan", "mac": "02:00:00:00:00:0d", "boot": "--ipv4-only=true --ipv6-only=true"},
                {"name": "dave", "kind": "router", "segment": "lan", "mac": "02:00:00:00:00:fe", "address": "fe80::1", "first": "500ms",
                 "interval": "2s", "solicited": false,
                 "advertisement": {"curHopLimit": 32, "managed": true, "other": true, "routerLifetime": 600, "reachableTime": 30000,
                   "retransTimer": 1000, "mtu": 1400, "sourceLinkLayer": false,
                   "prefixes": [{"prefix": "2001:db8:1::/64", "onLink": false, "autonomous": true, "validLifetime": 4294967295,
                     "preferredLifetime": 3600}]}},
                {"name": "erin", "kind": "dad-attacker", "segment": "lan", "mac": "02:00:00:00:00:0e", "mode": "ns",
                 "targets": ["2001:db8:1::a"]},
                {"name": "frank", "kind": "na-spoofer", "segment": "lan", "mac": "02:00:00:00:00:0f", "target": "2001:db8:1::b"},
                {"name": "grace", "kind": "raw", "segment": "lan", "mac": "02:00:00:00:00:10",
                 "frames": [
                   {"at": "1s", "hex": "ff:ff:ff:ff:ff:ff 02:00:00:00:00:10 08:06", "comment": "Ethernet header only"},
                   {"at": "2s", "capture": "frames.pcapng", "interval": "10ms"}],
                 "retarget": {"node": "alice", "ipv4": "10.0.0.1", "ipv6": "2001:db8:1::1"}},
                {"name": "heidi", "kind": "tcp-peer", "segment": "lan", "mac": "02:00:00:00:00:11", "ipv4": "10.0.0.3",
                 "ipv6": "2001:db8:1::3", "stack": "alice", "isn": 5000,
                 "script": [
                   {"at": "2s", "expect": "S", "seq": 0, "window": 65535, "options": "mss, TS ecr 0", "bytes": 0, "within": "10ms"},
                   {"after": "1ms", "send": "S.", "seq": 0, "ack": 1, "window": 1000,
                    "options": "mss 1460, sackOK, TS val 1 ecr 0, nop, wscale 7, eol"},
                   {"at": "3s", "send": "P.", "to": "10.0.0.1", "port": 5000, "from": 80, "destinationMac": "02:00:00:00:00:0a",
                    "text": "hi"},
                   {"send": "R", "seq": {"absolute": 7}, "bytes": 3},
                   {"expect": "nothing", "within": "1s"},
                   {"expect": ".", "ack": {"absolute": 5003}, "text": "hi"}]}
              ],
              "steps": [
                {"id": "ping-bob", "at": "1s", "do": "ping", "node": "alice", "target": "10.0.0.2", "count": 2, "interval": "500ms",
                 "size": 32, "timeout": "400ms"},
                {"id": "down", "at": "3s", "do": "link-down", "node": "alice"},
                {"id": "up", "at": "4s", "do": "link-up", "node": "alice"},
                {"id": "reboot", "at": "4500ms", "do": "restart", "node": "alice", "boot": ["--ipv4=10.0.0.1/24"]},
                {"id": "retire", "at": "3500ms", "do": "router-change", "node": "dave", "advertisement": {"routerLifetime": 0},
                 "send": false},
                {"id": "bad-ra", "at": "2500ms", "do": "router-send", "node": "dave", "variant": "hop-limit-64"},
                {"id": "bind", "at": "1s", "do": "udp-bind", "node": "alice", "port": 5000},
                {"id": "hello", "at": "2s", "do": "udp-send", "node": "alice", "from": 5000, "target": "fe80::1", "port": 7,
                 "text": "hello", "count": 2, "interval": "100ms"},
                {"at": "2s", "do": "udp-send", "node": "alice", "from": 5000, "target": "10.0.0.2", "port": 7, "bytes": 100},
                {"id": "worse-link", "at": "2200ms", "do": "link-profile", "segment": "lan", "latency": "60us", "bandwidth": "100Mbit/s",
                 "mtu": 1400, "queue": 32768, "loss": 0.2, "duplication": 0.05, "reordering": 0.05, "reorderDelay": "1ms",
                 "corruption": 0.02, "jitter": "10us"},
                {"id": "web", "at": "1s", "do": "tcp-listen", "node": "alice", "port": 80, "handler": "log"},
                {"id": "conn-1", "at": "2s", "do": "tcp-connect", "node": "alice", "target": "10.0.0.2", "port": 80},
                {"id": "say-hello", "at": "3s", "do": "tcp-send", "connection": "conn-1", "text": "hello"},
                {"at": "3s", "do": "tcp-send", "connection": "conn-1", "bytes": 100},
                {"id": "bye", "at": "4s", "do": "tcp-close", "connection": "conn-1"},
                {"id": "reset", "at": "4500ms", "do": "tcp-abort", "connection": "conn-1"}
              ],
              "expect": [
                {"type": "ping", "step": "ping-bob", "replies": 2, "error": "timed out"},
                {"type": "arp-cache", "node": "alice", "at": "2s",
                 "contains": [{"ip": "10.0.0.2", "mac": "02:00:00:00:00:0c", "state": "REACHABLE"}], "absent": ["10.0.0.3"]},
                {"type": "counter", "node": "alice", "name": "arp.replies-sent", "at": "2s", "equals": 0, "min": 0, "max": 1},
                {"type": "trace", "filter": "arp", "segment": "lan", "from": "1s", "to": "2s", "count": 1, "min": 1, "max": 2},
                {"type": "trace", "filter": "icmp.type == 3", "none": true},
                {"type": "event", "node": "alice", "kind": "arp.announce", "contains": "10.0.0.1", "count": 1, "min": 1, "max": 1,
                 "none": false},
                {"type": "boot-error", "node": "carol", "contains": "IPv4-only"},
                {"type": "addresses", "node": "alice", "at": "3s",
                 "contains": [{"address": "2001:db8:1::1", "prefixLength": 64, "state": "PREFERRED", "origin": "slaac",
                   "preferred": "3597s", "valid": "infinite"}], "absent": ["2001:db8:1::a"]},
                {"type": "neighbors", "node": "alice", "at": "3s", "protocol": "ndp",
                 "contains": [{"ip": "fe80::1", "mac": "02:00:00:00:00:fe", "state": "STALE", "router": true}], "absent": ["fe80::2"]},
                {"type": "routers", "node": "alice", "at": "3s", "contains": [{"address": "fe80::1", "lifetime": "597s"}],
                 "absent": ["fe80::2"], "count": 1},
                {"type": "prefixes", "node": "alice", "at": "3s", "contains": ["2001:db8:1::/64"], "absent": ["2001:db8:2::/64"]},
                {"type": "stack", "node": "alice", "at": "3s", "hopLimit": 32, "mtu": 1400, "ipv4": true, "ipv6": true},
                {"type": "udp", "node": "alice", "port": 5000, "datagrams": 2, "bytes": 10,
                 "sha256": "936a185caaa266bb9cbe981e9e05cb78cd732b0b3280eb944412bb6f8f8f07af", "from": ["10.0.0.2 7", "fe80::1 7"]},
                {"type": "tcp", "node": "alice", "port": 80, "state": "LISTEN", "at": "3s", "bytes": 5,
                 "sha256": "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824", "remote": ["10.0.0.2", "fe80::1"]},
                {"type": "tcp", "connection": "conn-1", "state": "ESTABLISHED"}
              ]
            }
            """;

    /** The schema definition that applies to each object of {@link #EVERY_FIELD}, with "" for the schema root. */
    private static final Map<String, String> DEFINITION_BY_POINTER = Map.ofEntries(
            entry("", ""),
            entry("/limits", "limits"),
            entry("/capture", "capture"),
            entry("/segments/0", "segment"),
            entry("/nodes/0", "stackNode"),
            entry("/nodes/1", "arpResponderNode"),
            entry("/nodes/1/entries/0", "arpEntry"),
            entry("/nodes/1/announce/0", "announcement"),
            entry("/nodes/2", "stackNode"),
            entry("/steps/0", "pingStep"),
            entry("/steps/1", "linkDownStep"),
            entry("/steps/2", "linkUpStep"),
            entry("/steps/9", "linkProfileStep"),
            entry("/expect/0", "pingExpectation"),
            entry("/expect/1", "arpCacheExpectation"),
            entry("/expect/1/contains/0", "cacheEntry"),
            entry("/expect/2", "counterExpectation"),
            entry("/expect/3", "traceExpectation"),
            entry("/expect/4", "traceExpectation"),
            entry("/expect/5", "eventExpectation"),
            entry("/expect/6", "bootErrorExpectation"),
            entry("/nodes/3", "routerNode"),
            entry("/nodes/3/advertisement", "advertisement"),
            entry("/nodes/3/advertisement/prefixes/0", "prefixInformation"),
            entry("/nodes/4", "dadAttackerNode"),
            entry("/nodes/5", "naSpooferNode"),
            entry("/nodes/6", "rawNode"),
            entry("/nodes/6/frames/0", "rawFrame"),
            entry("/nodes/6/frames/1", "rawFrame"),
            entry("/nodes/6/retarget", "retarget"),
            entry("/nodes/7", "tcpPeerNode"),
            entry("/nodes/7/script/0", "tcpScriptEntry"),
            entry("/nodes/7/script/1", "tcpScriptEntry"),
            entry("/nodes/7/script/2", "tcpScriptEntry"),
            entry("/nodes/7/script/3", "tcpScriptEntry"),
            entry("/nodes/7/script/3/seq", "tcpAbsoluteNumber"),
            entry("/nodes/7/script/4", "tcpScriptEntry"),
            entry("/nodes/7/script/5", "tcpScriptEntry"),
            entry("/nodes/7/script/5/ack", "tcpAbsoluteNumber"),
            entry("/steps/3", "restartStep"),
            entry("/steps/4", "routerChangeStep"),
            entry("/steps/4/advertisement", "advertisement"),
            entry("/steps/5", "routerSendStep"),
            entry("/expect/7", "addressesExpectation"),
            entry("/expect/7/contains/0", "addressEntry"),
            entry("/expect/8", "neighborsExpectation"),
            entry("/expect/8/contains/0", "neighborEntry"),
            entry("/expect/9", "routersExpectation"),
            entry("/expect/9/contains/0", "routerEntry"),
            entry("/expect/10", "prefixesExpectation"),
            entry("/expect/11", "stackStateExpectation"),
            entry("/steps/6", "udpBindStep"),
            entry("/steps/7", "udpSendStep"),
            entry("/steps/8", "udpSendStep"),
            entry("/expect/12", "udpExpectation"),
            entry("/steps/10", "tcpListenStep"),
            entry("/steps/11", "tcpConnectStep"),
            entry("/steps/12", "tcpSendStep"),
            entry("/steps/13", "tcpSendStep"),
            entry("/steps/14", "tcpCloseStep"),
            entry("/steps/15", "tcpAbortStep"),
            entry("/expect/13", "tcpExpectation"),
            entry("/expect/14", "tcpExpectation"));

    private static JsonNode schema;
    private static SchemaChecker checker;

    @TempDir
    Path directory;

    @BeforeAll
    static void readSchema() throws IOException {
        schema = MAPPER.readTree(SCHEMA.toFile());
        checker = new SchemaChecker(schema);
    }

    /** Puts a real capture where the sample's raw peer expects it, because the loader checks that the file exists. */
    @BeforeEach
    void copySampleCapture() throws IOException {
        Files.copy(LIBRARY.resolveSibling("pcaps").resolve("arp").resolve("ping-two-stacks.pcapng"), directory.resolve(SAMPLE_CAPTURE));
    }

    // ---- helpers ----

    private static JsonNode definition(String name) {
        return name.isEmpty() ? schema : checker.resolve("#/definitions/" + name);
    }

    private static Set<String> propertyNames(JsonNode objectSchema) {
        Set<String> names = new TreeSet<>();
        objectSchema.path("properties").fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Set<String> texts(JsonNode array) {
        Set<String> values = new TreeSet<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    /** Returns each oneOf branch's definition name by the const of its {@code discriminator} property. */
    private static Map<String, String> branchesByDiscriminator(String dispatcher, String discriminator) {
        Map<String, String> branches = new LinkedHashMap<>();
        for (JsonNode branch : definition(dispatcher).path("oneOf")) {
            String reference = branch.path("$ref").asText();
            String name = reference.substring(reference.lastIndexOf('/') + 1);
            JsonNode constant = definition(name).path("properties").path(discriminator).path("const");
            assertThat(constant.isTextual()).as("%s.properties.%s.const", name, discriminator).isTrue();
            branches.put(constant.asText(), name);
        }
        return branches;
    }

    private List<ScenarioProblem> problems(JsonNode scenario) throws IOException {
        Path file = directory.resolve("scenario.json");
        Files.writeString(file, MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(scenario), StandardCharsets.UTF_8);
        ScenarioException e = catchThrowableOfType(ScenarioException.class, () -> Bench.loader().load(file, "area/scenario"));
        return e == null ? List.of() : e.problems();
    }

    private static boolean hasProblemAt(List<ScenarioProblem> problems, String pointer) {
        return problems.stream().anyMatch(p -> p.jsonPath().equals(pointer));
    }

    /**
     * Returns the field names that the anyOf or oneOf branches of {@code objectSchema} require, or
     * none. These are the alternatives, such as "replies" or "error", and "hex" or "capture".
     */
    private static Set<String> alternativeFields(JsonNode objectSchema) {
        Set<String> fields = new TreeSet<>();
        for (String keyword : List.of("anyOf", "oneOf")) {
            for (JsonNode branch : objectSchema.path(keyword)) {
                fields.addAll(texts(branch.path("required")));
            }
        }
        return fields;
    }

    /** Returns true when {@code instance} satisfies the anyOf and oneOf keywords of {@code objectSchema}, if it has them. */
    private static boolean satisfiesAlternatives(JsonNode objectSchema, JsonNode instance) {
        ObjectNode alternativesOnly = MAPPER.createObjectNode();
        for (String keyword : List.of("anyOf", "oneOf")) {
            if (objectSchema.has(keyword)) {
                alternativesOnly.set(keyword, objectSchema.get(keyword));
            }
        }
        return checker.check(alternativesOnly, instance).isEmpty();
    }

    // ---- field sets and discriminators ----

    @Test
    void topLevelFieldsMatchLoader() {
        assertThat(propertyNames(schema)).isEqualTo(new TreeSet<>(ScenarioLoader.TOP_FIELDS));
        assertThat(schema.path("additionalProperties").isBoolean() && !schema.get("additionalProperties").asBoolean()).isTrue();
    }

    @Test
    void objectFieldsMatchLoader() {
        for (Map.Entry<String, Set<String>> entry : FIELDS_BY_DEFINITION.entrySet()) {
            JsonNode definition = definition(entry.getKey());
            assertThat(propertyNames(definition)).as("properties of %s", entry.getKey()).isEqualTo(new TreeSet<>(entry.getValue()));
            assertThat(definition.path("additionalProperties").asBoolean(true)).as("%s.additionalProperties", entry.getKey()).isFalse();
        }
    }

    /**
     * Compares every definition with properties except the dispatchers ("node", "step" and
     * "expectation"), which select a closed definition by one property and leave the other
     * fields to it.
     */
    @Test
    void everyClosedDefinitionIsCompared() {
        Set<String> closed = new TreeSet<>();
        Set<String> open = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> definitions = schema.path("definitions").fields(); definitions.hasNext(); ) {
            Map.Entry<String, JsonNode> definition = definitions.next();
            if (!definition.getValue().has("properties")) {
                continue;
            }
            if (definition.getValue().has("additionalProperties")) {
                closed.add(definition.getKey());
            } else {
                open.add(definition.getKey());
            }
        }
        assertThat(closed).isEqualTo(new TreeSet<>(FIELDS_BY_DEFINITION.keySet()));
        assertThat(open).as("definitions with properties that accept any other field").containsExactly("expectation", "node", "step");
    }

    @Test
    void everyLoaderFieldSetIsCompared() throws IllegalAccessException {
        List<Set<String>> compared = new ArrayList<>(FIELDS_BY_DEFINITION.values());
        compared.add(ScenarioLoader.TOP_FIELDS);
        List<String> missing = new ArrayList<>();
        int scanned = 0;
        for (Class<?> loaderClass : LOADER_CLASSES) {
            for (Field field : loaderClass.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) && field.getName().endsWith("_FIELDS")) {
                    scanned++;
                    Object value = field.get(null);
                    if (compared.stream().noneMatch(set -> set == value)) {
                        missing.add(loaderClass.getSimpleName() + "." + field.getName());
                    }
                }
            }
        }
        assertThat(missing).as("loader field sets with no schema definition in FIELDS_BY_DEFINITION").isEmpty();
        Set<Set<String>> distinct = Collections.newSetFromMap(new IdentityHashMap<>());
        distinct.addAll(compared);
        assertThat(scanned).as("*_FIELDS sets found by reflection").isEqualTo(distinct.size());
    }

    @Test
    void nodeKindsMatchLoader() {
        assertThat(texts(definition("node").path("properties").path("kind").path("enum"))).isEqualTo(new TreeSet<>(ScenarioLoader.NODE_KINDS));
        assertThat(branchesByDiscriminator("node", "kind")).containsOnly(
                entry("stack", "stackNode"), entry("arp-responder", "arpResponderNode"), entry("router", "routerNode"),
                entry("dad-attacker", "dadAttackerNode"), entry("na-spoofer", "naSpooferNode"), entry("raw", "rawNode"),
                entry("tcp-peer", "tcpPeerNode"));
    }

    @Test
    void stepActionsMatchLoader() {
        assertThat(texts(definition("step").path("properties").path("do").path("enum"))).isEqualTo(new TreeSet<>(ScenarioLoader.STEP_ACTIONS));
        assertThat(branchesByDiscriminator("step", "do")).containsOnly(
                entry("ping", "pingStep"), entry("link-down", "linkDownStep"), entry("link-up", "linkUpStep"), entry("link-profile", "linkProfileStep"),
                entry("restart", "restartStep"), entry("router-change", "routerChangeStep"), entry("router-send", "routerSendStep"),
                entry("udp-bind", "udpBindStep"), entry("udp-send", "udpSendStep"), entry("tcp-listen", "tcpListenStep"),
                entry("tcp-connect", "tcpConnectStep"), entry("tcp-send", "tcpSendStep"), entry("tcp-close", "tcpCloseStep"),
                entry("tcp-abort", "tcpAbortStep"));
    }

    @Test
    void routerSendVariantsMatchLoader() {
        assertThat(texts(definition("routerSendStep").path("properties").path("variant").path("enum")))
                .isEqualTo(new TreeSet<>(StepSpec.RouterSend.VARIANTS));
    }

    @Test
    void addressStatesMatchLoader() {
        assertThat(texts(definition("addressEntry").path("properties").path("state").path("enum"))).isEqualTo(new TreeSet<>(StateSpecs.STATES));
    }

    @Test
    void expectationTypesMatchLoader() {
        assertThat(texts(definition("expectation").path("properties").path("type").path("enum")))
                .isEqualTo(new TreeSet<>(ScenarioLoader.EXPECT_TYPES));
        assertThat(branchesByDiscriminator("expectation", "type")).containsOnly(
                entry("ping", "pingExpectation"), entry("arp-cache", "arpCacheExpectation"), entry("counter", "counterExpectation"),
                entry("trace", "traceExpectation"), entry("event", "eventExpectation"), entry("boot-error", "bootErrorExpectation"),
                entry("addresses", "addressesExpectation"), entry("neighbors", "neighborsExpectation"), entry("routers", "routersExpectation"),
                entry("prefixes", "prefixesExpectation"), entry("stack", "stackStateExpectation"), entry("udp", "udpExpectation"),
                entry("tcp", "tcpExpectation"));
    }

    // ---- required fields, checked against the loader's behaviour ----

    @Test
    void sampleUsesEveryField() throws IOException {
        JsonNode sample = MAPPER.readTree(EVERY_FIELD);
        Map<String, Set<String>> used = new LinkedHashMap<>();
        DEFINITION_BY_POINTER.forEach((pointer, name) -> sample.at(pointer).fieldNames()
                .forEachRemaining(field -> used.computeIfAbsent(name, k -> new TreeSet<>()).add(field)));

        assertThat(used.keySet()).containsExactlyInAnyOrderElementsOf(DEFINITION_BY_POINTER.values().stream().distinct().toList());
        used.forEach((name, fields) -> assertThat(fields).as("fields of %s used in the sample", name.isEmpty() ? "the root" : name)
                .isEqualTo(propertyNames(definition(name))));
        assertThat(checker.check(sample)).as("schema errors in the sample").isEmpty();
        assertThat(problems(sample)).as("loader problems in the sample").isEmpty();
    }

    /**
     * Removes each field of the sample in turn. The loader must report "missing" at that field
     * exactly when the schema lists it as required, and must report the object itself exactly when
     * the removal breaks the schema's anyOf or oneOf alternatives (such as "replies" or "error").
     */
    @Test
    void requiredFieldsMatchLoader() throws IOException {
        JsonNode sample = MAPPER.readTree(EVERY_FIELD);
        for (Map.Entry<String, String> entry : new TreeMap<>(DEFINITION_BY_POINTER).entrySet()) {
            String pointer = entry.getKey();
            JsonNode definition = definition(entry.getValue());
            Set<String> required = texts(definition.path("required"));
            List<String> fields = new ArrayList<>();
            sample.at(pointer).fieldNames().forEachRemaining(fields::add);

            for (String field : fields) {
                JsonNode changed = sample.deepCopy();
                ObjectNode object = (ObjectNode) changed.at(pointer);
                object.remove(field);
                List<ScenarioProblem> problems = problems(changed);

                assertThat(hasProblemAt(problems, pointer + "/" + field))
                        .as("loader reports %s/%s missing (schema required: %s); problems: %s", pointer, field, required, problems)
                        .isEqualTo(required.contains(field));
                if (!pointer.isEmpty()) {
                    assertThat(hasProblemAt(problems, pointer))
                            .as("loader reports %s without %s (alternatives: %s); problems: %s", pointer, field, alternativeFields(definition),
                                    problems)
                            .isEqualTo(!satisfiesAlternatives(definition, object));
                }
            }

            Set<String> alternatives = alternativeFields(definition);
            if (!alternatives.isEmpty()) {
                JsonNode changed = sample.deepCopy();
                ((ObjectNode) changed.at(pointer)).remove(alternatives);
                assertThat(hasProblemAt(problems(changed), pointer)).as("loader reports %s without any of %s", pointer, alternatives).isTrue();
            }
        }
    }

    // ---- patterns against the loader's parsers ----

    @ParameterizedTest(name = "duration {0}")
    @CsvSource(delimiter = '|', value = {
        "1s", "1.5s", "250ms", "10us", "10µs", "100ns", "2min", "2 MIN", "' 3s '", "0s", "1.25ms",
        "1", "s", "1sec", "1h", "-1s", "1,5s", ".5s", "1.s", "5 m"})
    void durationPatternMatchesParser(String text) {
        boolean parses;
        try {
            Units.parseDuration(text);
            parses = true;
        } catch (IllegalArgumentException e) {
            parses = false;
        }
        assertThat(matches("duration", text)).as("schema accepts \"%s\"", text).isEqualTo(parses);
    }

    @ParameterizedTest(name = "bandwidth {0}")
    @CsvSource(delimiter = '|', value = {
        "1Gbit/s", "100Mbit/s", "64kbit/s", "10Mbps", "9600", "9600 bit/s", "1.5Gbit/s", "1 GBPS",
        "1Gb", "1 Gbit", "fast", "1Tbit/s", "-1Mbit/s", "''"})
    void bandwidthPatternMatchesParser(String text) {
        boolean parses;
        try {
            Units.parseBandwidth(text);
            parses = true;
        } catch (IllegalArgumentException e) {
            parses = false;
        }
        assertThat(matches("bandwidth", text)).as("schema accepts \"%s\"", text).isEqualTo(parses);
    }

    @ParameterizedTest(name = "MAC {0}")
    @CsvSource(delimiter = '|', value = {
        "02:00:00:00:00:01", "02-00-00-00-00-01", "AA:bb:CC:dd:EE:ff", "' 02:00:00:00:00:01 '",
        "02:00:00:00:00", "02:00:00:00:00:01:02", "2:00:00:00:00:01", "02:00:00:00:00:0g", "0200.0000.0001"})
    void macPatternMatchesParser(String text) {
        boolean parses;
        try {
            MacAddress.parse(text);
            parses = true;
        } catch (IllegalArgumentException e) {
            parses = false;
        }
        assertThat(matches("mac", text)).as("schema accepts \"%s\"", text).isEqualTo(parses);
    }

    @ParameterizedTest(name = "unicast MAC {0}")
    @CsvSource(delimiter = '|', value = {"02:00:00:00:00:01", "52:54:00:12:34:56", "fe:00:00:00:00:01", "01:00:5e:00:00:01", "ff:ff:ff:ff:ff:ff"})
    void unicastMacPatternMatchesGroupBit(String text) {
        assertThat(matches("unicastMac", text)).as("schema accepts \"%s\" as unicast", text).isEqualTo(!MacAddress.parse(text).isMulticast());
    }

    /** Cases where the schema's prefix pattern and the loader agree; see ipv6PatternsAcceptLoaderAddresses for looser cases. */
    @ParameterizedTest(name = "prefix {0}")
    @CsvSource(delimiter = '|', value = {
        "2001:db8:1::/64", "2001:db8:1::/0", "::/128", "' 2001:db8::/48'", "'2001:db8:: /48'", "2001:db8::/+64", "2001:db8::/064",
        "2001:db8::/129", "2001:db8::/-1", "2001:db8::", "2001:db8::/ 64", "'2001:db8::/64 '", "10.0.0.0/8", "2001:db8::/x",
        "2001:db8::g/64", "fast/64"})
    void prefixPatternMatchesLoader(String text) throws IOException {
        ObjectNode scenario = (ObjectNode) MAPPER.readTree(EVERY_FIELD);
        ((ObjectNode) scenario.at("/nodes/3/advertisement/prefixes/0")).put("prefix", text);
        ((ArrayNode) scenario.at("/expect/10/contains")).set(0, TextNode.valueOf(text));

        List<ScenarioProblem> problems = problems(scenario);

        boolean matches = matches("ipv6Prefix", text);
        assertThat(!hasProblemAt(problems, "/nodes/3/advertisement/prefixes/0/prefix")).as("router accepts \"%s\"", text).isEqualTo(matches);
        assertThat(!hasProblemAt(problems, "/expect/10/contains/0")).as("prefixes expectation accepts \"%s\"", text).isEqualTo(matches);
    }

    /**
     * The IPv6 patterns check the characters and, for link-local addresses, the first group, so
     * they accept some malformed literals that the loader rejects (such as "fe80::1::2"). They
     * must accept every address the loader accepts.
     */
    @ParameterizedTest(name = "IPv6 {0}")
    @CsvSource(delimiter = '|', value = {
        "2001:db8:1::5", "::", "::1", "' fe80::1 '", "FE80::1", "febf:ffff::1", "fe80:0:0:0:0:0:0:1", "fec0::1", "fe8::1",
        "fe80::1::2", "::ffff:10.0.0.1", "10.0.0.1", "2001:db8::g", "host", "''"})
    void ipv6PatternsAcceptLoaderAddresses(String text) {
        InetAddress address;
        try {
            address = Addresses.parse(text);
        } catch (IllegalArgumentException e) {
            address = null;
        }
        boolean ipv6 = address != null && address.getAddress().length == 16;
        boolean linkLocal = address != null && PeerSpecs.isLinkLocalIpv6(address);

        if (ipv6) {
            assertThat(matches("ipv6Address", text)).as("schema accepts \"%s\" as IPv6", text).isTrue();
        }
        if (linkLocal) {
            assertThat(matches("linkLocalIpv6Address", text)).as("schema accepts \"%s\" as link-local", text).isTrue();
        }
        if (ipv6 && !linkLocal) {
            assertThat(matches("linkLocalIpv6Address", text)).as("schema rejects \"%s\" as link-local", text).isFalse();
        }
        if (!ipv6 && !text.contains(":")) {
            assertThat(matches("ipv6Address", text)).as("schema rejects \"%s\" as IPv6", text).isFalse();
        }
    }

    @ParameterizedTest(name = "hex {0}")
    @CsvSource(delimiter = '|', value = {
        "ffffffffffff020000000010 0806", "'FF:FF:FF:FF:FF:FF 02:00:00:00:00:10 08:06 00 01'", "' ffffffffffff0200000000100806 '",
        "f f ff ff ff ff ff 02 00 00 00 00 10 08 06", "ffffffffffff02000000001008", "ffffffffffff0200000000100806f",
        "ffffffffffff02000000001008-06", "0x ffffffffffff0200000000100806", "''"})
    void hexPatternMatchesLoader(String text) throws IOException {
        ObjectNode scenario = (ObjectNode) MAPPER.readTree(EVERY_FIELD);
        ((ObjectNode) scenario.at("/nodes/6/frames/0")).put("hex", text);

        boolean loaderAccepts = !hasProblemAt(problems(scenario), "/nodes/6/frames/0/hex");

        assertThat(matches("rawFrame", "hex", text)).as("schema accepts \"%s\"", text).isEqualTo(loaderAccepts);
    }

    @Test
    void rawFrameWithHexAndCaptureIsRejected() throws IOException {
        ObjectNode scenario = (ObjectNode) MAPPER.readTree(EVERY_FIELD);
        ((ObjectNode) scenario.at("/nodes/6/frames/0")).put("capture", SAMPLE_CAPTURE);

        assertThat(checker.check(scenario)).as("schema errors").anyMatch(error -> error.startsWith("/nodes/6/frames/0:"));
        assertThat(hasProblemAt(problems(scenario), "/nodes/6/frames/0")).as("loader reports the frame").isTrue();
    }

    @ParameterizedTest(name = "lifetime {0}")
    @CsvSource(delimiter = '|', value = {"infinite", "3600s", "1.5s", "0s", "Infinite", "' infinite'", "forever", "3600", "-1s"})
    void lifetimeMatchesLoader(String text) throws IOException {
        ObjectNode scenario = (ObjectNode) MAPPER.readTree(EVERY_FIELD);
        ((ObjectNode) scenario.at("/expect/9/contains/0")).put("lifetime", text);

        boolean loaderAccepts = !hasProblemAt(problems(scenario), "/expect/9/contains/0/lifetime");
        List<String> errors = checker.check(definition("lifetime"), TextNode.valueOf(text));

        assertThat(errors.isEmpty()).as("schema accepts \"%s\"; errors: %s", text, errors).isEqualTo(loaderAccepts);
    }

    private static boolean matches(String definitionName, String property, String text) {
        return Pattern.compile(definition(definitionName).path("properties").path(property).path("pattern").asText()).matcher(text).find();
    }

    private static boolean matches(String definitionName, String text) {
        return Pattern.compile(definition(definitionName).path("pattern").asText()).matcher(text).find();
    }

    // ---- the library and negative cases ----

    @Test
    void libraryScenariosValidate() throws IOException {
        List<ScenarioFile> files = ScenarioDiscovery.find(List.of(LIBRARY));
        assertThat(files).as("library scenarios").isNotEmpty();
        for (ScenarioFile file : files) {
            JsonNode scenario = MAPPER.readTree(file.path().toFile());
            assertThat(checker.check(scenario)).as("schema errors in %s", file.id()).isEmpty();
            assertThat(scenario.fieldNames().next()).as("first field of %s", file.id()).isEqualTo("$schema");
            assertThat(file.root().resolve(file.path().getParent()).resolve(scenario.get("$schema").asText()).normalize())
                    .as("$schema of %s", file.id()).isEqualTo(SCHEMA.normalize());
        }
    }

    /** Each case sets one field of the sample to a value that both the schema and the loader reject. */
    @ParameterizedTest(name = "{0}{1} = {2}")
    @CsvSource(delimiter = '|', value = {
        "            | colour | '\"red\"'",
        "/nodes/1    | kind   | '\"arp-responser\"'",
        "/nodes/0    | echo   | true",
        "/nodes/0    | mac    | '\"03:00:00:00:00:0a\"'",
        "/steps/1    | do     | '\"link-off\"'",
        "/steps/0    | count  | 0",
        "/expect/4   | type   | '\"frames\"'",
        "/expect/0   | replies| 1.5",
        "            | duration | '\"5 seconds\"'",
        "/segments/0 | loss   | 1.0",
        "/segments/0 | bandwidth | '\"1Gbit\"'",
        "/nodes/3    | address | '\"2001:db8::1\"'",
        "/nodes/3    | interval | '\"2\"'",
        "/nodes/3/advertisement | curHopLimit | 256",
        "/nodes/3/advertisement | routerLifetime | 65536",
        "/nodes/3/advertisement/prefixes/0 | validLifetime | 4294967296",
        "/nodes/4    | mode   | '\"nd\"'",
        "/nodes/5    | target | '\"10.0.0.5\"'",
        "/nodes/6    | frames | '[]'",
        "/nodes/6/frames/0 | hex | '\"ffff\"'",
        "/nodes/6/retarget | ipv4 | '\"2001:db8::1\"'",
        "/steps/5    | variant | '\"hop-limit-63\"'",
        "/steps/4    | send   | '\"yes\"'",
        "/expect/7/contains/0 | state | '\"VALID\"'",
        "/expect/7/contains/0 | prefixLength | 129",
        "/expect/8   | protocol | '\"icmpv6\"'",
        "/expect/8/contains/0 | router | '\"yes\"'",
        "/expect/9   | count  | -1",
        "/expect/11  | hopLimit | 256",
        "/expect/11  | ipv6   | '\"on\"'",
        "/nodes/7    | isn    | -1",
        "/nodes/7    | ipv4   | '\"2001:db8::1\"'",
        "/nodes/7/script/0 | expect | '\"SYN\"'",
        "/nodes/7/script/1 | send | '\"nothing\"'",
        "/nodes/7/script/1 | window | 65536",
        "/nodes/7/script/2 | port | 0",
        "/nodes/7/script/3 | seq | 4294967296",
        "/nodes/7/script/3 | ack | '\"1\"'"})
    void schemaRejectsMistake(String object, String field, String value) throws IOException {
        String objectPointer = object == null ? "" : object;
        ObjectNode scenario = (ObjectNode) MAPPER.readTree(EVERY_FIELD);
        ((ObjectNode) scenario.at(objectPointer)).set(field, MAPPER.readTree(value));

        List<String> errors = checker.check(scenario);
        List<ScenarioProblem> problems = problems(scenario);

        assertThat(errors).as("schema errors").anyMatch(error -> error.startsWith(objectPointer + "/" + field + ":"));
        assertThat(hasProblemAt(problems, objectPointer + "/" + field)).as("loader problems: %s", problems).isTrue();
    }
}
