package io.stackbench.scenario.load;

import com.fasterxml.jackson.databind.JsonNode;
import io.stackbench.scenario.model.NodeSpec;
import io.stackbench.scenario.model.TcpScript;
import io.stackbench.sim.engine.SimTime;
import io.stackbench.sim.net.MacAddress;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads the {@code tcp-peer} node and its script. */
final class TcpPeerSpecs {

    static final Set<String> TCP_PEER_FIELDS = Set.of("name", "kind", "segment", "mac", "ipv4", "ipv6", "stack", "isn", "script");
    static final Set<String> TCP_SCRIPT_ENTRY_FIELDS = Set.of("at", "after", "send", "expect", "to", "port", "from", "destinationMac",
            "seq", "ack", "window", "options", "text", "bytes", "within");
    static final Set<String> TCP_ABSOLUTE_NUMBER_FIELDS = Set.of("absolute");

    /** The fields that only a send entry, or only an expect entry, takes. */
    private static final Set<String> SEND_ONLY = Set.of("to", "port", "from", "destinationMac");
    private static final Set<String> EXPECT_ONLY = Set.of("within");

    /** The peer's initial sequence number when the node sets none. */
    static final long DEFAULT_ISN = 1_000_000;
    /** How long an expect entry waits when it sets no "within". */
    static final long DEFAULT_WITHIN = SimTime.SECOND;
    /** Largest payload of one segment: an IPv4 datagram of 65,535 bytes without options. */
    static final int MAX_PAYLOAD = 65_535 - 40;

    private static final String FLAGS_FIX = "write flags as tcpdump prints them: S, F, R, P, . (ACK), U, E, W, such as \"S.\" for SYN-ACK, or \"none\"";
    private static final String OPTIONS_FIX = "write options as packetdrill does, separated by commas: \"mss 1460, sackOK, TS val 1 ecr 0, nop, wscale 7\"";
    private static final long MAX_NUMBER = 0xffff_ffffL;

    private TcpPeerSpecs() {
    }

    static NodeSpec tcpPeer(JsonNode n, String p, JsonFields fields, String name, String segment, MacAddress mac, long duration) {
        InetAddress ipv4 = n.has("ipv4") ? fields.address(n, p, "ipv4", false) : null;
        InetAddress ipv6 = n.has("ipv6") ? fields.address(n, p, "ipv6", false) : null;
        if (ipv4 != null && ipv4.getAddress().length != 4) {
            fields.problem(p + "/ipv4", n.get("ipv4"), "\"ipv4\" must be an IPv4 address", "write one such as \"10.0.0.2\"");
            ipv4 = null;
        }
        if (ipv6 != null && ipv6.getAddress().length != 16) {
            fields.problem(p + "/ipv6", n.get("ipv6"), "\"ipv6\" must be an IPv6 address", "write one such as \"2001:db8::b\"");
            ipv6 = null;
        }
        if (!n.has("ipv4") && !n.has("ipv6")) {
            fields.problem(p, n, "a tcp-peer needs an address", "add \"ipv4\": \"10.0.0.2\" and/or \"ipv6\": \"2001:db8::b\"");
        }
        String stack = fields.string(n, p, "stack", null, true, "\"a\"");
        long isn = fields.integer(n, p, "isn", DEFAULT_ISN, 0, MAX_NUMBER);

        List<TcpScript.Entry> script = new ArrayList<>();
        List<JsonNode> list = fields.array(n, p, "script");
        if (list.isEmpty()) {
            fields.problem(p + "/script", n.get("script"), "a tcp-peer needs a script",
                    "add \"script\": [{\"at\": \"1s\", \"send\": \"S\", \"to\": \"10.0.0.1\", \"port\": 80, \"from\": 40000}]");
        }
        boolean connectionKnown = false;
        long lastAbsolute = 0;
        String lastAbsolutePath = null;
        for (int i = 0; i < list.size(); i++) {
            String ep = p + "/script/" + i;
            JsonNode e = list.get(i);
            if (!fields.object(e, ep, TCP_SCRIPT_ENTRY_FIELDS)) {
                continue;
            }
            TcpScript.Entry entry = entry(e, ep, fields, ipv4, ipv6, connectionKnown, duration);
            if (entry == null) {
                continue;
            }
            if (entry.atNanos() >= 0) {
                if (lastAbsolutePath != null && entry.atNanos() < lastAbsolute) {
                    fields.problem(ep + "/at", e.get("at"), "script entries run in order, and this time is before "
                            + SimTime.format(lastAbsolute) + " of " + lastAbsolutePath, "order the entries by time, or use \"after\"");
                }
                lastAbsolute = entry.atNanos();
                lastAbsolutePath = ep;
            }
            connectionKnown |= entry.action() == TcpScript.Action.EXPECT || entry.to() != null;
            script.add(entry);
        }
        return new NodeSpec.TcpPeer(name, segment, mac, ipv4, ipv6, stack, isn, List.copyOf(script));
    }

    /** Returns the entry, or null when it has neither or both of "send" and "expect". */
    private static TcpScript.Entry entry(JsonNode e, String p, JsonFields fields, InetAddress ipv4, InetAddress ipv6, boolean connectionKnown,
            long duration) {
        if (e.has("send") == e.has("expect")) {
            fields.problem(p, e, "a script entry needs exactly one of \"send\" and \"expect\"",
                    "keep one of them: \"send\": \"S\" sends a SYN, \"expect\": \"S.\" waits for a SYN-ACK");
            return null;
        }
        boolean send = e.has("send");
        String flagText = fields.string(e, p, send ? "send" : "expect", "", true, "\"S\"");
        TcpScript.Action action = send ? TcpScript.Action.SEND
                : flagText.equals("nothing") ? TcpScript.Action.EXPECT_NOTHING : TcpScript.Action.EXPECT;
        int flags = 0;
        if (action != TcpScript.Action.EXPECT_NOTHING) {
            try {
                flags = TcpScript.parseFlags(flagText);
            } catch (IllegalArgumentException ex) {
                String field = send ? "send" : "expect";
                fields.problem(p + "/" + field, e.get(field), "invalid TCP flags \"" + flagText + "\": " + ex.getMessage(),
                        send ? FLAGS_FIX : FLAGS_FIX + ", or \"nothing\" for silence");
            }
        }
        checkFieldsOfAction(e, p, fields, action);

        long at = -1;
        long after = 0;
        if (e.has("at") && e.has("after")) {
            fields.problem(p + "/after", e.get("after"), "\"at\" and \"after\" cannot be combined", "keep only one of them");
        } else if (e.has("at")) {
            at = fields.duration(e, p, "at", 0, false);
            if (at > duration) {
                fields.problem(p + "/at", e.get("at"), "entry after the end of the scenario (" + SimTime.format(duration) + ")",
                        "use a time within the duration or extend \"duration\"");
            }
        } else {
            after = fields.duration(e, p, "after", 0, false);
        }
        long within = fields.duration(e, p, "within", DEFAULT_WITHIN, false);
        if (e.has("within") && within <= 0) {
            fields.problem(p + "/within", e.get("within"), "\"within\" must be positive", "write a duration such as \"10ms\"");
        }

        InetAddress to = e.has("to") ? fields.address(e, p, "to", false) : null;
        if (to != null && (to.getAddress().length == 4 ? ipv4 : ipv6) == null) {
            fields.problem(p + "/to", e.get("to"), "the peer has no " + (to.getAddress().length == 4 ? "IPv4" : "IPv6")
                    + " address to send from", "add \"" + (to.getAddress().length == 4 ? "ipv4" : "ipv6") + "\" to the node");
        }
        int port = (int) fields.integer(e, p, "port", 0, 1, 65_535);
        int from = (int) fields.integer(e, p, "from", 0, 1, 65_535);
        String missing = !e.has("to") ? "to" : !e.has("port") ? "port" : !e.has("from") ? "from" : null;
        if (send && !connectionKnown && missing != null) {
            fields.problem(p + "/" + missing, null, "missing field \"" + missing + "\": no earlier entry sets the connection",
                    "give \"to\", \"port\" and \"from\" on the first send, or start with an expect entry");
        }
        MacAddress destinationMac = e.has("destinationMac") ? fields.mac(e, p, "destinationMac", false) : null;

        TcpScript.Number seq = number(e, p, "seq", fields);
        TcpScript.Number ack = number(e, p, "ack", fields);
        int window = (int) fields.integer(e, p, "window", -1, 0, 65_535);
        List<TcpScript.Option> options = options(e, p, fields, send);
        byte[] payload = null;
        int payloadLength = -1;
        if (e.has("text") && e.has("bytes")) {
            fields.problem(p + "/bytes", e.get("bytes"), "\"text\" and \"bytes\" cannot be combined", "keep only one of them");
        } else if (e.has("text")) {
            payload = fields.string(e, p, "text", "", false, "\"hello\"").getBytes(StandardCharsets.UTF_8);
        } else if (e.has("bytes")) {
            payloadLength = (int) fields.integer(e, p, "bytes", 0, 0, MAX_PAYLOAD);
            if (send) {
                payload = UdpSpecs.counting(payloadLength);
            }
        }
        return new TcpScript.Entry(p, action, at, after, within, to, port, from, destinationMac, flags, seq, ack, window, options, payload,
                payloadLength);
    }

    /** Reports fields that the entry's action does not use. */
    private static void checkFieldsOfAction(JsonNode e, String p, JsonFields fields, TcpScript.Action action) {
        for (Map.Entry<String, JsonNode> field : (Iterable<Map.Entry<String, JsonNode>>) e::fields) {
            String name = field.getKey();
            boolean wrong = switch (action) {
                case SEND -> EXPECT_ONLY.contains(name);
                case EXPECT -> SEND_ONLY.contains(name);
                case EXPECT_NOTHING -> SEND_ONLY.contains(name) || !Set.of("at", "after", "expect", "within").contains(name);
            };
            if (wrong) {
                String kind = switch (action) {
                    case SEND -> "a send entry";
                    case EXPECT -> "an expect entry";
                    case EXPECT_NOTHING -> "an \"expect\": \"nothing\" entry";
                };
                fields.problem(p + "/" + name, field.getValue(), "\"" + name + "\" does not apply to " + kind,
                        action == TcpScript.Action.SEND ? "remove it; \"within\" belongs to expect entries"
                                : action == TcpScript.Action.EXPECT ? "remove it; the expected segment can come from any connection"
                                : "remove it; silence has only \"at\" or \"after\" and \"within\"");
            }
        }
    }

    /** Reads a sequence or acknowledgment number: an integer relative to the ISN, or {"absolute": N}. */
    private static TcpScript.Number number(JsonNode e, String p, String field, JsonFields fields) {
        JsonNode value = e.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isObject()) {
            String np = p + "/" + field;
            if (!fields.object(value, np, TCP_ABSOLUTE_NUMBER_FIELDS)) {
                return null;
            }
            if (!value.has("absolute")) {
                fields.problem(np + "/absolute", null, "missing field \"absolute\"", "write {\"absolute\": 305419896}");
                return null;
            }
            return new TcpScript.Number(fields.integer(value, np, "absolute", 0, 0, MAX_NUMBER), true);
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong() || Math.abs(value.asLong()) > MAX_NUMBER) {
            fields.problem(p + "/" + field, value, "\"" + field + "\" must be an integer relative to the initial sequence number, or "
                    + "{\"absolute\": N}", "write a whole number in -" + MAX_NUMBER + ".." + MAX_NUMBER + ", or {\"absolute\": N} with N in 0.."
                    + MAX_NUMBER);
            return null;
        }
        return new TcpScript.Number(value.asLong(), false);
    }

    private static List<TcpScript.Option> options(JsonNode e, String p, JsonFields fields, boolean send) {
        String text = fields.string(e, p, "options", null, false, "\"mss 1460, nop, wscale 7\"");
        List<TcpScript.Option> options = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return options;
        }
        for (String item : text.split(",")) {
            try {
                options.add(option(item.trim(), send));
            } catch (IllegalArgumentException ex) {
                fields.problem(p + "/options", e.get("options"), "invalid TCP option \"" + item.trim() + "\": " + ex.getMessage(), OPTIONS_FIX);
            }
        }
        return options;
    }

    /** Parses one packetdrill-style option; an expected option may leave its values out. */
    static TcpScript.Option option(String item, boolean send) {
        String[] words = item.split("\\s+");
        String kind = words[0];
        switch (kind) {
            case "nop", "eol", "sackOK" -> {
                if (words.length != 1) {
                    throw new IllegalArgumentException(kind + " takes no value");
                }
                return new TcpScript.Option(kind, null, null);
            }
            case "mss", "wscale" -> {
                long max = kind.equals("mss") ? 65_535 : 255;
                if (words.length == 1 && !send) {
                    return new TcpScript.Option(kind, null, null);
                }
                if (words.length != 2) {
                    throw new IllegalArgumentException(kind + " takes one value");
                }
                return new TcpScript.Option(kind, value(words[1], max), null);
            }
            case "TS" -> {
                Long val = null;
                Long ecr = null;
                for (int i = 1; i < words.length; i += 2) {
                    if (i + 1 >= words.length) {
                        throw new IllegalArgumentException("\"" + words[i] + "\" needs a value");
                    }
                    if (words[i].equals("val") && val == null) {
                        val = value(words[i + 1], MAX_NUMBER);
                    } else if (words[i].equals("ecr") && ecr == null) {
                        ecr = value(words[i + 1], MAX_NUMBER);
                    } else {
                        throw new IllegalArgumentException("expected \"val N\" and \"ecr N\", got \"" + words[i] + "\"");
                    }
                }
                if (send && (val == null || ecr == null)) {
                    throw new IllegalArgumentException("a sent TS option needs \"val N ecr N\"");
                }
                return new TcpScript.Option(kind, val, ecr);
            }
            default -> throw new IllegalArgumentException("unknown option \"" + kind + "\"; known are mss, wscale, sackOK, TS, nop and eol");
        }
    }

    private static long value(String word, long max) {
        try {
            long value = Long.parseLong(word);
            if (value >= 0 && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("\"" + word + "\" is not a number in 0.." + max);
    }

    /** Reports a tcp-peer's "stack" that names no stack node; it may name a node declared after the peer. */
    static void checkStackNodes(List<JsonNode> list, JsonFields fields, Map<String, NodeSpec> nodes) {
        for (int i = 0; i < list.size(); i++) {
            JsonNode stack = list.get(i).path("stack");
            if (!list.get(i).path("kind").asText().equals("tcp-peer") || !stack.isTextual()) {
                continue;
            }
            NodeSpec named = nodes.get(stack.asText());
            if (named == null) {
                String closest = JsonFields.closest(stack.asText(), nodes.keySet());
                fields.problem("/nodes/" + i + "/stack", stack, "unknown node \"" + stack.asText() + "\"",
                        closest != null ? "did you mean \"" + closest + "\"?" : "use one of the nodes: " + String.join(", ", nodes.keySet()));
            } else if (!(named instanceof NodeSpec.Stack)) {
                fields.problem("/nodes/" + i + "/stack", stack, "node \"" + stack.asText() + "\" is a scripted peer, not a stack",
                        "name a node of kind \"stack\"");
            }
        }
    }
}
