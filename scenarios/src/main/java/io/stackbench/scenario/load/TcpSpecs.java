package io.stackbench.scenario.load;

import com.fasterxml.jackson.databind.JsonNode;
import io.stackbench.scenario.model.ExpectationSpec;
import io.stackbench.scenario.model.StepSpec;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/** Reads the TCP steps (tcp-listen, tcp-connect, tcp-send, tcp-close, tcp-abort) and the tcp expectation. */
final class TcpSpecs {

    static final Set<String> TCP_LISTEN_STEP_FIELDS = Set.of("at", "do", "id", "node", "port", "handler");
    static final Set<String> TCP_CONNECT_STEP_FIELDS = Set.of("at", "do", "id", "node", "target", "port");
    static final Set<String> TCP_SEND_STEP_FIELDS = Set.of("at", "do", "id", "connection", "text", "bytes");
    static final Set<String> TCP_CLOSE_STEP_FIELDS = Set.of("at", "do", "id", "connection");
    static final Set<String> TCP_EXPECT_FIELDS = Set.of("type", "node", "port", "connection", "state", "at", "bytes", "sha256", "remote");
    static final List<String> STATES = List.of("LISTEN", "SYN-SENT", "SYN-RECEIVED", "ESTABLISHED", "FIN-WAIT-1", "FIN-WAIT-2",
            "CLOSE-WAIT", "CLOSING", "LAST-ACK", "TIME-WAIT", "CLOSED");

    /** Largest "bytes" of one tcp-send step, 2^40 (1 TiB); the bench streams them and keeps none. */
    static final long MAX_SEND = 1L << 40;

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private TcpSpecs() {
    }

    static StepSpec listen(JsonNode s, String p, JsonFields fields, String id, long at, String node) {
        fields.object(s, p, TCP_LISTEN_STEP_FIELDS);
        int port = port(s, p, fields);
        String handler = fields.string(s, p, "handler", "sink", false, "\"echo\"");
        if (!StepSpec.TcpListen.HANDLERS.contains(handler)) {
            fields.problem(p + "/handler", s.get("handler"), "unknown TCP handler \"" + handler + "\"",
                    "use one of " + String.join(", ", StepSpec.TcpListen.HANDLERS));
        }
        return new StepSpec.TcpListen(id, at, node, port, handler);
    }

    static StepSpec connect(JsonNode s, String p, JsonFields fields, String id, long at, String node) {
        fields.object(s, p, TCP_CONNECT_STEP_FIELDS);
        if (!s.has("id")) {
            fields.problem(p + "/id", null, "missing field \"id\", which later steps use to name the connection",
                    "add \"id\": \"conn-1\"");
        }
        InetAddress target = fields.address(s, p, "target", true);
        int port = port(s, p, fields);
        return new StepSpec.TcpConnect(id, at, node, target, port);
    }

    /** Returns the tcp-connect step named by the step's or expectation's "connection" field, or null after a problem. */
    static StepSpec.TcpConnect connection(JsonNode s, String p, JsonFields fields, Map<String, StepSpec> steps) {
        String connection = fields.string(s, p, "connection", null, true, "\"" + exampleConnection(steps) + "\"");
        if (connection == null) {
            return null;
        }
        if (steps.get(connection) instanceof StepSpec.TcpConnect connect) {
            return connect;
        }
        fields.problem(p + "/connection", s.get("connection"), "no earlier tcp-connect step has id \"" + connection + "\"",
                "use the \"id\" of a step with \"do\": \"tcp-connect\"");
        return null;
    }

    /**
     * Returns the id of the tcp-connect or tcp-listen step that a tcp-send, tcp-close or tcp-abort
     * step names in "connection", or null after a problem. A tcp-listen step stands for the first
     * connection its port accepts.
     */
    static String connectionOrListener(JsonNode s, String p, JsonFields fields, Map<String, StepSpec> steps) {
        String connection = fields.string(s, p, "connection", null, true, "\"" + exampleConnection(steps) + "\"");
        if (connection == null) {
            return null;
        }
        if (steps.get(connection) instanceof StepSpec.TcpConnect || steps.get(connection) instanceof StepSpec.TcpListen) {
            return connection;
        }
        fields.problem(p + "/connection", s.get("connection"), "no earlier tcp-connect or tcp-listen step has id \"" + connection + "\"",
                "use the \"id\" of a step with \"do\": \"tcp-connect\", or of a tcp-listen step for the first connection it accepts");
        return null;
    }

    /** Returns the id of the last earlier tcp-connect step, for a fix that works as written, or "conn-1" when there is none. */
    private static String exampleConnection(Map<String, StepSpec> steps) {
        String example = "conn-1";
        for (Map.Entry<String, StepSpec> step : steps.entrySet()) {
            if (step.getValue() instanceof StepSpec.TcpConnect) {
                example = step.getKey();
            }
        }
        return example;
    }

    static StepSpec send(JsonNode s, String p, JsonFields fields, String id, long at, Map<String, StepSpec> steps) {
        fields.object(s, p, TCP_SEND_STEP_FIELDS);
        String connection = connectionOrListener(s, p, fields, steps);
        byte[] text = null;
        long length = 0;
        if (s.has("text") && s.has("bytes")) {
            fields.problem(p + "/bytes", s.get("bytes"), "\"text\" and \"bytes\" cannot be combined", "keep only one of them");
        } else if (s.has("text")) {
            text = fields.string(s, p, "text", "", false, "\"hello\"").getBytes(StandardCharsets.UTF_8);
            length = text.length;
        } else if (s.has("bytes")) {
            length = fields.integer(s, p, "bytes", 0, 1, MAX_SEND);
        } else {
            fields.problem(p, s, "a tcp-send step needs \"text\" or \"bytes\"", "add \"text\": \"hello\" or \"bytes\": 100");
        }
        return new StepSpec.TcpSend(id, at, connection, text, length);
    }

    static StepSpec close(JsonNode s, String p, JsonFields fields, String id, long at, Map<String, StepSpec> steps, boolean abort) {
        fields.object(s, p, TCP_CLOSE_STEP_FIELDS);
        return new StepSpec.TcpClose(id, at, connectionOrListener(s, p, fields, steps), abort);
    }

    /** Reads a tcp expectation about a listening port ("node" and "port") or a connection ("connection"). */
    static ExpectationSpec expectation(JsonNode e, String p, JsonFields fields, Map<String, StepSpec> steps, long at,
            Supplier<String> stackNode) {
        fields.object(e, p, TCP_EXPECT_FIELDS);
        String node = null;
        int port = -1;
        String connection = null;
        if (e.has("connection")) {
            if (e.has("port") || e.has("node")) {
                fields.problem(p + "/connection", e.get("connection"), "\"connection\" cannot be combined with \"node\" or \"port\"",
                        "name either a connection or a node and its listening port");
            }
            StepSpec.TcpConnect connect = connection(e, p, fields, steps);
            node = connect == null ? null : connect.node();
            connection = connect == null ? null : connect.id();
        } else if (e.has("node") && e.has("port")) {
            String listenNode = stackNode.get();
            int listenPort = (int) fields.integer(e, p, "port", 0, 1, 65_535);
            boolean listening = steps.values().stream()
                    .anyMatch(s -> s instanceof StepSpec.TcpListen l && l.port() == listenPort && Objects.equals(l.node(), listenNode));
            if (listenNode != null && listenPort > 0 && !listening) {
                fields.problem(p + "/port", e.get("port"), "no tcp-listen step opens port " + listenPort + " on " + listenNode,
                        "add a step {\"do\": \"tcp-listen\", \"node\": \"" + listenNode + "\", \"port\": " + listenPort + "}");
            }
            node = listenNode;
            port = listenPort;
        } else {
            fields.problem(p, e, "a tcp expectation needs \"connection\", or \"node\" and \"port\"",
                    "add \"connection\": \"conn-1\" or \"node\": \"a\", \"port\": 80");
        }
        String state = fields.string(e, p, "state", null, false, "\"ESTABLISHED\"");
        if (state != null && !STATES.contains(state)) {
            fields.problem(p + "/state", e.get("state"), "unknown TCP state \"" + state + "\"", "use one of " + String.join(", ", STATES));
        }
        long bytes = fields.integer(e, p, "bytes", -1, 0, Long.MAX_VALUE);
        String sha256 = fields.string(e, p, "sha256", null, false, "\"e3b0c442...\"");
        if (sha256 != null && !SHA256.matcher(sha256).matches()) {
            fields.problem(p + "/sha256", e.get("sha256"), "invalid SHA-256 \"" + sha256 + "\"", "write 64 lower-case hex digits");
        }
        List<String> remote = e.has("remote") ? remotes(e, p, fields) : null;
        if (state == null && bytes < 0 && sha256 == null && remote == null) {
            fields.problem(p, e, "a tcp expectation needs \"state\", \"bytes\", \"sha256\" or \"remote\"", "add \"state\": \"ESTABLISHED\"");
        }
        return new ExpectationSpec.Tcp(p, node, port, connection, state, at, bytes, sha256, remote);
    }

    /** Reads "remote" as one address or a list of addresses, in the form {@link Addresses#format} writes. */
    private static List<String> remotes(JsonNode e, String p, JsonFields fields) {
        JsonNode value = e.get("remote");
        List<JsonNode> items = new ArrayList<>();
        if (value.isTextual()) {
            items.add(value);
        } else {
            items.addAll(fields.array(e, p, "remote"));
        }
        List<String> remotes = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            String pointer = value.isTextual() ? p + "/remote" : p + "/remote/" + i;
            try {
                remotes.add(Addresses.format(Addresses.parse(item.asText().trim())));
            } catch (IllegalArgumentException ex) {
                fields.problem(pointer, item, "invalid address \"" + item.asText() + "\"", "write an address such as \"10.0.0.2\" or \"2001:db8::b\"");
            }
        }
        return remotes;
    }

    private static int port(JsonNode object, String p, JsonFields fields) {
        if (!object.has("port")) {
            fields.problem(p + "/port", null, "missing field \"port\"", "add \"port\": 80");
            return 0;
        }
        return (int) fields.integer(object, p, "port", 0, 1, 65_535);
    }
}
