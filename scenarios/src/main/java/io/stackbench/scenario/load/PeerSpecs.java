package io.stackbench.scenario.load;

import com.fasterxml.jackson.databind.JsonNode;
import io.stackbench.scenario.model.NodeSpec;
import io.stackbench.sim.engine.SimTime;
import io.stackbench.sim.net.MacAddress;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/** Reads the IPv6 scripted peers (router, dad-attacker, na-spoofer) and the raw peer. */
final class PeerSpecs {

    static final Set<String> ROUTER_FIELDS = Set.of("name", "kind", "segment", "mac", "address", "first", "interval", "solicited",
            "advertisement");
    static final Set<String> ADVERTISEMENT_FIELDS = Set.of("curHopLimit", "managed", "other", "routerLifetime", "reachableTime",
            "retransTimer", "mtu", "sourceLinkLayer", "prefixes");
    static final Set<String> PREFIX_FIELDS = Set.of("prefix", "onLink", "autonomous", "validLifetime", "preferredLifetime");
    static final Set<String> DAD_ATTACKER_FIELDS = Set.of("name", "kind", "segment", "mac", "mode", "targets");
    static final Set<String> NA_SPOOFER_FIELDS = Set.of("name", "kind", "segment", "mac", "target");
    static final Set<String> RAW_FIELDS = Set.of("name", "kind", "segment", "mac", "frames", "retarget");
    static final Set<String> RAW_FRAME_FIELDS = Set.of("at", "hex", "capture", "interval", "comment");
    static final Set<String> RETARGET_FIELDS = Set.of("node", "ipv4", "ipv6");

    /** RFC 4861 §6.2.1 defaults: hop limit 64, router lifetime 1800 s, a source link-layer option and no MTU option. */
    static final NodeSpec.Advertisement DEFAULT_ADVERTISEMENT = new NodeSpec.Advertisement(64, false, false, 1800, 0, 0, 0, true, List.of());

    /** 0xffffffff seconds: an infinite lifetime in a Prefix Information option. */
    static final long INFINITE_LIFETIME = 0xffff_ffffL;

    private PeerSpecs() {
    }

    static NodeSpec router(JsonNode n, String p, JsonFields fields, String name, String segment, MacAddress mac, long duration) {
        InetAddress address = n.has("address") ? fields.address(n, p, "address", false) : null;
        if (address != null && !isLinkLocalIpv6(address)) {
            fields.problem(p + "/address", n.get("address"), "a router sends advertisements from a link-local address (RFC 4861 §4.2)",
                    "use an fe80::/64 address, or leave \"address\" out for the EUI-64 address of the MAC");
        }
        long first = "never".equals(n.path("first").asText()) ? -1 : fields.duration(n, p, "first", SimTime.SECOND, false);
        if (first > duration) {
            fields.problem(p + "/first", n.get("first"), "first advertisement after the end of the scenario", "use a time within the duration");
        }
        long interval = fields.duration(n, p, "interval", 0, false);
        boolean solicited = fields.bool(n, p, "solicited", true);
        NodeSpec.Advertisement advertisement = n.has("advertisement")
                ? advertisement(n.get("advertisement"), p + "/advertisement", fields, DEFAULT_ADVERTISEMENT)
                : DEFAULT_ADVERTISEMENT;
        return new NodeSpec.Router(name, segment, mac, address, first, interval, solicited, advertisement);
    }

    /** Reads an advertisement; fields not written keep their value in {@code base}. */
    static NodeSpec.Advertisement advertisement(JsonNode a, String p, JsonFields fields, NodeSpec.Advertisement base) {
        if (!fields.object(a, p, ADVERTISEMENT_FIELDS)) {
            return base;
        }
        int curHopLimit = (int) fields.integer(a, p, "curHopLimit", base.curHopLimit(), 0, 255);
        boolean managed = fields.bool(a, p, "managed", base.managed());
        boolean other = fields.bool(a, p, "other", base.other());
        int routerLifetime = (int) fields.integer(a, p, "routerLifetime", base.routerLifetime(), 0, 65_535);
        long reachableTime = fields.integer(a, p, "reachableTime", base.reachableTime(), 0, INFINITE_LIFETIME);
        long retransTimer = fields.integer(a, p, "retransTimer", base.retransTimer(), 0, INFINITE_LIFETIME);
        long mtu = fields.integer(a, p, "mtu", base.mtu(), 0, INFINITE_LIFETIME);
        boolean sourceLinkLayer = fields.bool(a, p, "sourceLinkLayer", base.sourceLinkLayer());
        List<NodeSpec.PrefixInformation> prefixes = base.prefixes();
        if (a.has("prefixes")) {
            prefixes = new ArrayList<>();
            List<JsonNode> list = fields.array(a, p, "prefixes");
            for (int i = 0; i < list.size(); i++) {
                NodeSpec.PrefixInformation prefix = prefix(list.get(i), p + "/prefixes/" + i, fields);
                if (prefix != null) {
                    prefixes.add(prefix);
                }
            }
        }
        return new NodeSpec.Advertisement(curHopLimit, managed, other, routerLifetime, reachableTime, retransTimer, mtu, sourceLinkLayer,
                List.copyOf(prefixes));
    }

    private static NodeSpec.PrefixInformation prefix(JsonNode x, String p, JsonFields fields) {
        if (!fields.object(x, p, PREFIX_FIELDS)) {
            return null;
        }
        String text = fields.string(x, p, "prefix", null, true, "\"2001:db8:1::/64\"");
        if (text == null) {
            return null;
        }
        Ipv6Prefix prefix = Ipv6Prefix.parse(text);
        if (prefix == null) {
            fields.problem(p + "/prefix", x.get("prefix"), "invalid IPv6 prefix", Ipv6Prefix.FIX);
            return null;
        }
        boolean onLink = fields.bool(x, p, "onLink", true);
        boolean autonomous = fields.bool(x, p, "autonomous", true);
        long valid = fields.integer(x, p, "validLifetime", 2_592_000, 0, INFINITE_LIFETIME);
        long preferred = fields.integer(x, p, "preferredLifetime", 604_800, 0, INFINITE_LIFETIME);
        return new NodeSpec.PrefixInformation(prefix.address(), prefix.length(), onLink, autonomous, valid, preferred);
    }

    /** An IPv6 prefix written as address/length, such as 2001:db8:1::/64. */
    record Ipv6Prefix(InetAddress address, int length) {

        static final String FIX = "write an IPv6 prefix with its length, such as \"2001:db8:1::/64\"";

        /** Parses {@code text}, or returns null when it is not an IPv6 address, a slash and a length in 0..128. */
        static Ipv6Prefix parse(String text) {
            int slash = text.indexOf('/');
            if (slash < 0) {
                return null;
            }
            try {
                InetAddress address = Addresses.parse(text.substring(0, slash));
                int length = Integer.parseInt(text.substring(slash + 1));
                return address.getAddress().length == 16 && length >= 0 && length <= 128 ? new Ipv6Prefix(address, length) : null;
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
    }

    static NodeSpec dadAttacker(JsonNode n, String p, JsonFields fields, String name, String segment, MacAddress mac) {
        String mode = fields.string(n, p, "mode", "na", false, "\"na\"");
        if (!mode.equals("na") && !mode.equals("ns")) {
            fields.problem(p + "/mode", n.get("mode"), "unknown dad-attacker mode \"" + mode + "\"",
                    "use \"na\" (claim the address with an advertisement) or \"ns\" (send a competing DAD probe)");
        }
        List<InetAddress> targets = new ArrayList<>();
        List<JsonNode> list = fields.array(n, p, "targets");
        for (int i = 0; i < list.size(); i++) {
            InetAddress target = ipv6Literal(list.get(i), p + "/targets/" + i, fields);
            if (target != null) {
                targets.add(target);
            }
        }
        return new NodeSpec.DadAttacker(name, segment, mac, mode, List.copyOf(targets));
    }

    static NodeSpec naSpoofer(JsonNode n, String p, JsonFields fields, String name, String segment, MacAddress mac) {
        InetAddress target = fields.address(n, p, "target", true);
        if (target != null && target.getAddress().length != 16) {
            fields.problem(p + "/target", n.get("target"), "an na-spoofer target is an IPv6 address", "write one such as \"2001:db8:1::5\"");
        }
        return new NodeSpec.NaSpoofer(name, segment, mac, target);
    }

    static NodeSpec raw(JsonNode n, String p, JsonFields fields, String name, String segment, MacAddress mac, Path scenarioFile, long duration) {
        List<NodeSpec.RawFrame> frames = new ArrayList<>();
        List<JsonNode> list = fields.array(n, p, "frames");
        if (list.isEmpty()) {
            fields.problem(p + "/frames", n.get("frames"), "a raw peer needs frames to send",
                    "add \"frames\": [{\"at\": \"1s\", \"hex\": \"ffffffffffff...\"}] or [{\"at\": \"1s\", \"capture\": \"file.pcap\"}]");
        }
        for (int i = 0; i < list.size(); i++) {
            String fp = p + "/frames/" + i;
            JsonNode f = list.get(i);
            if (!fields.object(f, fp, RAW_FRAME_FIELDS)) {
                continue;
            }
            long at = fields.duration(f, fp, "at", 0, true);
            if (at > duration) {
                fields.problem(fp + "/at", f.get("at"), "frame sent after the end of the scenario", "use a time within the duration");
            }
            String hex = fields.string(f, fp, "hex", null, false, "\"ffffffffffff0200000000010806...\"");
            String capture = fields.string(f, fp, "capture", null, false, "\"../../pcaps/arp/ping-two-stacks.pcapng\"");
            long interval = fields.duration(f, fp, "interval", SimTime.MILLISECOND, false);
            String comment = fields.string(f, fp, "comment", null, false, "\"invalid NS with hop limit 64\"");
            byte[] bytes = null;
            Path capturePath = null;
            if ((hex == null) == (capture == null)) {
                fields.problem(fp, f, "a raw frame needs exactly one of \"hex\" and \"capture\"", "keep one of them");
            } else if (hex != null) {
                try {
                    bytes = HexFormat.of().parseHex(hex.replaceAll("[\\s:]", ""));
                } catch (IllegalArgumentException e) {
                    fields.problem(fp + "/hex", f.get("hex"), "invalid hex", "write pairs of hex digits; spaces and colons are ignored");
                }
                if (bytes != null && bytes.length < 14) {
                    fields.problem(fp + "/hex", f.get("hex"), "a frame has at least a 14-byte Ethernet header", "give the whole frame");
                }
            } else {
                capturePath = scenarioFile.toAbsolutePath().getParent().resolve(capture).normalize();
                if (!java.nio.file.Files.isRegularFile(capturePath)) {
                    fields.problem(fp + "/capture", f.get("capture"), "capture file not found: " + capturePath,
                            "give a pcap or pcapng path relative to the scenario file");
                }
            }
            frames.add(new NodeSpec.RawFrame(at, bytes, capturePath, interval, comment));
        }
        String retargetNode = null;
        InetAddress ipv4 = null;
        InetAddress ipv6 = null;
        JsonNode retarget = n.get("retarget");
        if (retarget != null && fields.object(retarget, p + "/retarget", RETARGET_FIELDS)) {
            retargetNode = fields.string(retarget, p + "/retarget", "node", null, false, "\"a\"");
            ipv4 = retarget.has("ipv4") ? fields.address(retarget, p + "/retarget", "ipv4", false) : null;
            ipv6 = retarget.has("ipv6") ? fields.address(retarget, p + "/retarget", "ipv6", false) : null;
            // The raw peer copies 4 or 16 bytes of these addresses into the frame, so the family must match.
            if (ipv4 != null && ipv4.getAddress().length != 4) {
                fields.problem(p + "/retarget/ipv4", retarget.get("ipv4"), "retarget \"ipv4\" must be an IPv4 address",
                        "write one such as \"10.0.0.2\"");
                ipv4 = null;
            }
            if (ipv6 != null && ipv6.getAddress().length != 16) {
                fields.problem(p + "/retarget/ipv6", retarget.get("ipv6"), "retarget \"ipv6\" must be an IPv6 address",
                        "write one such as \"2001:db8:1::2\"");
                ipv6 = null;
            }
        }
        return new NodeSpec.Raw(name, segment, mac, List.copyOf(frames), retargetNode, ipv4, ipv6);
    }

    private static InetAddress ipv6Literal(JsonNode value, String p, JsonFields fields) {
        try {
            InetAddress address = Addresses.parse(value.asText());
            if (address.getAddress().length == 16) {
                return address;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        fields.problem(p, value, "invalid IPv6 address", "write a literal such as \"2001:db8:1::5\"");
        return null;
    }

    static boolean isLinkLocalIpv6(InetAddress address) {
        byte[] b = address.getAddress();
        return b.length == 16 && (b[0] & 0xff) == 0xfe && (b[1] & 0xc0) == 0x80;
    }
}
