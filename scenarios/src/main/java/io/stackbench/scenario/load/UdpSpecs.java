package io.stackbench.scenario.load;

import com.fasterxml.jackson.databind.JsonNode;
import io.stackbench.scenario.model.ExpectationSpec;
import io.stackbench.scenario.model.StepSpec;
import io.stackbench.sim.engine.SimTime;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads the UDP steps (udp-bind, udp-send) and the udp expectation. */
final class UdpSpecs {

    static final Set<String> UDP_BIND_STEP_FIELDS = Set.of("at", "do", "id", "node", "port");
    static final Set<String> UDP_SEND_STEP_FIELDS = Set.of("at", "do", "id", "node", "from", "target", "port", "text", "bytes", "count",
            "interval");
    static final Set<String> UDP_EXPECT_FIELDS = Set.of("type", "node", "port", "datagrams", "bytes", "sha256", "from");

    /** Largest payload of one datagram: 65,535 bytes minus the 8-byte UDP header. */
    static final int MAX_PAYLOAD = 65_527;

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private UdpSpecs() {
    }

    static StepSpec bind(JsonNode s, String p, JsonFields fields, String id, long at, String node) {
        fields.object(s, p, UDP_BIND_STEP_FIELDS);
        int port = port(s, p, fields, "port");
        return new StepSpec.UdpBind(id, at, node, port);
    }

    static StepSpec send(JsonNode s, String p, JsonFields fields, String id, long at, String node) {
        fields.object(s, p, UDP_SEND_STEP_FIELDS);
        int from = port(s, p, fields, "from");
        InetAddress target = fields.address(s, p, "target", true);
        int port = port(s, p, fields, "port");
        byte[] payload = new byte[0];
        if (s.has("text") && s.has("bytes")) {
            fields.problem(p + "/bytes", s.get("bytes"), "\"text\" and \"bytes\" cannot be combined", "keep only one of them");
        } else if (s.has("text")) {
            payload = fields.string(s, p, "text", "", false, "\"hello\"").getBytes(StandardCharsets.UTF_8);
            if (payload.length > MAX_PAYLOAD) {
                fields.problem(p + "/text", s.get("text"), "text of " + payload.length + " bytes exceeds the UDP maximum of " + MAX_PAYLOAD,
                        "shorten the text");
            }
        } else if (s.has("bytes")) {
            payload = counting((int) fields.integer(s, p, "bytes", 0, 0, MAX_PAYLOAD));
        } else {
            fields.problem(p, s, "a udp-send step needs \"text\" or \"bytes\"", "add \"text\": \"hello\" or \"bytes\": 100");
        }
        int count = (int) fields.integer(s, p, "count", 1, 1, 100_000);
        long interval = fields.duration(s, p, "interval", SimTime.SECOND, false);
        return new StepSpec.UdpSend(id, at, node, from, target, port, payload, count, interval);
    }

    /** Returns {@code length} bytes counting up from 0 and wrapping at 256: the payload of the "bytes" field. */
    static byte[] counting(int length) {
        byte[] payload = new byte[length];
        for (int i = 0; i < length; i++) {
            payload[i] = (byte) i;
        }
        return payload;
    }

    /** Reads a udp expectation, whose port must be bound by a udp-bind step of the same node. */
    static ExpectationSpec expectation(JsonNode e, String p, JsonFields fields, String node, Map<String, StepSpec> steps) {
        fields.object(e, p, UDP_EXPECT_FIELDS);
        int port = port(e, p, fields, "port");
        boolean bound = steps.values().stream().anyMatch(s -> s instanceof StepSpec.UdpBind b && b.port() == port && Objects.equals(b.node(), node));
        if (node != null && port > 0 && !bound) {
            fields.problem(p + "/port", e.get("port"), "no udp-bind step binds port " + port + " on " + node,
                    "add a step {\"do\": \"udp-bind\", \"node\": \"" + node + "\", \"port\": " + port + "}");
        }
        long datagrams = fields.integer(e, p, "datagrams", -1, 0, Long.MAX_VALUE);
        long bytes = fields.integer(e, p, "bytes", -1, 0, Long.MAX_VALUE);
        String sha256 = fields.string(e, p, "sha256", null, false, "\"e3b0c442...\"");
        if (sha256 != null && !SHA256.matcher(sha256).matches()) {
            fields.problem(p + "/sha256", e.get("sha256"), "invalid SHA-256 \"" + sha256 + "\"", "write 64 lower-case hex digits");
        }
        List<String> from = e.has("from") ? endpoints(e, p, fields) : null;
        if (datagrams < 0 && bytes < 0 && sha256 == null && from == null) {
            fields.problem(p, e, "a udp expectation needs \"datagrams\", \"bytes\", \"sha256\" or \"from\"", "add \"datagrams\": N");
        }
        return new ExpectationSpec.Udp(p, node, port, datagrams, bytes, sha256, from);
    }

    /** Reads "from" as one endpoint or a list, each "address port", into the form {@link #endpoint} writes. */
    private static List<String> endpoints(JsonNode e, String p, JsonFields fields) {
        JsonNode value = e.get("from");
        List<JsonNode> items = new ArrayList<>();
        String pointer = p + "/from";
        if (value.isTextual()) {
            items.add(value);
        } else {
            items.addAll(fields.array(e, p, "from"));
            pointer = pointer + "/";
        }
        List<String> endpoints = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            String itemPointer = value.isTextual() ? pointer : pointer + i;
            String text = item.asText().trim();
            int space = text.lastIndexOf(' ');
            try {
                if (!item.isTextual() || space < 0) {
                    throw new IllegalArgumentException("missing port");
                }
                InetAddress address = Addresses.parse(text.substring(0, space));
                int port = Integer.parseInt(text.substring(space + 1));
                if (port < 0 || port > 0xffff) {
                    throw new IllegalArgumentException("port out of range");
                }
                endpoints.add(endpoint(address, port));
            } catch (IllegalArgumentException ex) {
                fields.problem(itemPointer, item, "invalid endpoint \"" + item.asText() + "\"",
                        "write an address and a port separated by a space, such as \"10.0.0.1 40000\" or \"fe80::1 40000\"");
            }
        }
        return endpoints;
    }

    /** Formats an endpoint as "address port", with the address in the RFC 5952 form for IPv6. */
    static String endpoint(InetAddress address, int port) {
        return Addresses.format(address) + " " + port;
    }

    private static int port(JsonNode object, String p, JsonFields fields, String field) {
        if (!object.has(field)) {
            fields.problem(p + "/" + field, null, "missing field \"" + field + "\"", "add \"" + field + "\": 5000");
            return 0;
        }
        return (int) fields.integer(object, p, field, 0, 1, 65_535);
    }
}
