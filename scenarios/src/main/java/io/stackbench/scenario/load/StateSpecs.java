package io.stackbench.scenario.load;

import com.fasterxml.jackson.databind.JsonNode;
import io.stackbench.scenario.model.ExpectationSpec;
import io.stackbench.sim.net.MacAddress;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Reads the expectations on a stack's IPv6 and neighbour state: addresses, neighbors, routers, prefixes and stack. */
final class StateSpecs {

    static final Set<String> ADDRESSES_FIELDS = Set.of("type", "node", "at", "contains", "absent");
    static final Set<String> ADDRESS_ENTRY_FIELDS = Set.of("address", "prefixLength", "state", "origin", "preferred", "valid");
    static final Set<String> NEIGHBORS_FIELDS = Set.of("type", "node", "at", "protocol", "contains", "absent");
    static final Set<String> NEIGHBOR_ENTRY_FIELDS = Set.of("ip", "mac", "state", "router");
    static final Set<String> ROUTERS_FIELDS = Set.of("type", "node", "at", "contains", "absent", "count");
    static final Set<String> ROUTER_ENTRY_FIELDS = Set.of("address", "lifetime");
    static final Set<String> PREFIXES_FIELDS = Set.of("type", "node", "at", "contains", "absent");
    static final Set<String> STACK_STATE_FIELDS = Set.of("type", "node", "at", "hopLimit", "mtu", "ipv4", "ipv6");
    static final Set<String> STATES = Set.of("TENTATIVE", "PREFERRED", "DEPRECATED", "DUPLICATE");

    private StateSpecs() {
    }

    static ExpectationSpec read(String type, JsonNode e, String p, JsonFields fields, String node, long at) {
        return switch (type) {
            case "addresses" -> addresses(e, p, fields, node, at);
            case "neighbors" -> neighbors(e, p, fields, node, at);
            case "routers" -> routers(e, p, fields, node, at);
            case "prefixes" -> prefixes(e, p, fields, node, at);
            default -> stackState(e, p, fields, node, at);
        };
    }

    private static ExpectationSpec addresses(JsonNode e, String p, JsonFields fields, String node, long at) {
        fields.object(e, p, ADDRESSES_FIELDS);
        List<ExpectationSpec.AddressEntry> present = new ArrayList<>();
        List<JsonNode> list = fields.array(e, p, "contains");
        for (int i = 0; i < list.size(); i++) {
            String ep = p + "/contains/" + i;
            JsonNode a = list.get(i);
            if (!fields.object(a, ep, ADDRESS_ENTRY_FIELDS)) {
                continue;
            }
            InetAddress address = fields.address(a, ep, "address", true);
            int prefixLength = (int) fields.integer(a, ep, "prefixLength", -1, 0, 128);
            String state = fields.string(a, ep, "state", null, false, "\"PREFERRED\"");
            if (state != null && !STATES.contains(state)) {
                fields.problem(ep + "/state", a.get("state"), "unknown address state \"" + state + "\"",
                        "use one of TENTATIVE, PREFERRED, DEPRECATED, DUPLICATE");
            }
            String origin = fields.string(a, ep, "origin", null, false, "\"slaac\"");
            long preferred = lifetime(a, ep, fields, "preferred");
            long valid = lifetime(a, ep, fields, "valid");
            present.add(new ExpectationSpec.AddressEntry(address, prefixLength, state, origin, preferred, valid));
        }
        List<InetAddress> absent = addressList(e, p, fields, "absent");
        requireSomething(e, p, fields, present.isEmpty() && absent.isEmpty(), "\"contains\": [{\"address\": \"fe80::1\"}]");
        return new ExpectationSpec.Addresses(p, node, at, present, absent);
    }

    private static ExpectationSpec neighbors(JsonNode e, String p, JsonFields fields, String node, long at) {
        fields.object(e, p, NEIGHBORS_FIELDS);
        String protocol = fields.string(e, p, "protocol", "ndp", false, "\"ndp\"");
        if (!protocol.equals("ndp") && !protocol.equals("arp")) {
            fields.problem(p + "/protocol", e.get("protocol"), "unknown neighbour protocol \"" + protocol + "\"", "use \"ndp\" or \"arp\"");
        }
        List<ExpectationSpec.CacheEntry> present = new ArrayList<>();
        List<JsonNode> list = fields.array(e, p, "contains");
        for (int i = 0; i < list.size(); i++) {
            String ep = p + "/contains/" + i;
            JsonNode c = list.get(i);
            if (!fields.object(c, ep, NEIGHBOR_ENTRY_FIELDS)) {
                continue;
            }
            InetAddress ip = fields.address(c, ep, "ip", true);
            MacAddress mac = c.has("mac") ? fields.mac(c, ep, "mac", false) : null;
            String state = fields.string(c, ep, "state", null, false, "\"REACHABLE\"");
            Boolean router = c.has("router") ? fields.bool(c, ep, "router", false) : null;
            present.add(new ExpectationSpec.CacheEntry(ip, mac, state, router));
        }
        List<InetAddress> absent = addressList(e, p, fields, "absent");
        requireSomething(e, p, fields, present.isEmpty() && absent.isEmpty(), "\"contains\": [{\"ip\": \"fe80::1\"}]");
        return new ExpectationSpec.Neighbors(p, node, protocol, at, present, absent);
    }

    private static ExpectationSpec routers(JsonNode e, String p, JsonFields fields, String node, long at) {
        fields.object(e, p, ROUTERS_FIELDS);
        List<InetAddress> present = new ArrayList<>();
        List<Long> lifetimes = new ArrayList<>();
        List<JsonNode> list = fields.array(e, p, "contains");
        for (int i = 0; i < list.size(); i++) {
            String ep = p + "/contains/" + i;
            JsonNode r = list.get(i);
            if (!fields.object(r, ep, ROUTER_ENTRY_FIELDS)) {
                continue;
            }
            present.add(fields.address(r, ep, "address", true));
            lifetimes.add(lifetime(r, ep, fields, "lifetime"));
        }
        List<InetAddress> absent = addressList(e, p, fields, "absent");
        int count = (int) fields.integer(e, p, "count", -1, 0, 1_000_000);
        requireSomething(e, p, fields, present.isEmpty() && absent.isEmpty() && count < 0, "\"count\": 1");
        return new ExpectationSpec.Routers(p, node, at, present, lifetimes, absent, count);
    }

    private static ExpectationSpec prefixes(JsonNode e, String p, JsonFields fields, String node, long at) {
        fields.object(e, p, PREFIXES_FIELDS);
        List<String> present = prefixList(e, p, fields, "contains");
        List<String> absent = prefixList(e, p, fields, "absent");
        requireSomething(e, p, fields, present.isEmpty() && absent.isEmpty(), "\"contains\": [\"2001:db8:1::/64\"]");
        return new ExpectationSpec.Prefixes(p, node, at, present, absent);
    }

    private static ExpectationSpec stackState(JsonNode e, String p, JsonFields fields, String node, long at) {
        fields.object(e, p, STACK_STATE_FIELDS);
        int hopLimit = (int) fields.integer(e, p, "hopLimit", -1, 0, 255);
        int mtu = (int) fields.integer(e, p, "mtu", -1, 0, 65_535);
        Boolean ipv4 = e.has("ipv4") ? fields.bool(e, p, "ipv4", true) : null;
        Boolean ipv6 = e.has("ipv6") ? fields.bool(e, p, "ipv6", true) : null;
        requireSomething(e, p, fields, hopLimit < 0 && mtu < 0 && ipv4 == null && ipv6 == null, "\"hopLimit\": 64");
        return new ExpectationSpec.StackState(p, node, at, hopLimit, mtu, ipv4, ipv6);
    }

    /** Reads a remaining lifetime as a duration or "infinite"; returns -1 when absent. */
    private static long lifetime(JsonNode object, String p, JsonFields fields, String field) {
        JsonNode value = object.get(field);
        if (value == null) {
            return -1;
        }
        if (value.isTextual() && value.asText().equals("infinite")) {
            return Long.MAX_VALUE;
        }
        return fields.duration(object, p, field, -1, false);
    }

    /** Reads a list of IPv6 prefixes and reports each invalid one, because it would never match and so would make "absent" pass. */
    private static List<String> prefixList(JsonNode e, String p, JsonFields fields, String field) {
        List<String> result = new ArrayList<>();
        List<JsonNode> list = fields.array(e, p, field);
        for (int i = 0; i < list.size(); i++) {
            JsonNode value = list.get(i);
            if (!value.isTextual() || PeerSpecs.Ipv6Prefix.parse(value.asText()) == null) {
                fields.problem(p + "/" + field + "/" + i, value, "invalid IPv6 prefix", PeerSpecs.Ipv6Prefix.FIX);
            } else {
                result.add(value.asText());
            }
        }
        return result;
    }

    private static List<InetAddress> addressList(JsonNode e, String p, JsonFields fields, String field) {
        List<InetAddress> result = new ArrayList<>();
        List<JsonNode> list = fields.array(e, p, field);
        for (int i = 0; i < list.size(); i++) {
            try {
                result.add(Addresses.parse(list.get(i).asText()));
            } catch (IllegalArgumentException ex) {
                fields.problem(p + "/" + field + "/" + i, list.get(i), "invalid IP address", "write a literal such as \"fe80::1\"");
            }
        }
        return result;
    }

    private static void requireSomething(JsonNode e, String p, JsonFields fields, boolean empty, String example) {
        if (empty) {
            fields.problem(p, e, "this expectation checks nothing", "add for example " + example);
        }
    }
}
