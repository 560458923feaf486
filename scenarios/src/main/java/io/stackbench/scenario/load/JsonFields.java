package io.stackbench.scenario.load;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import io.stackbench.sim.net.MacAddress;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Typed reads from a scenario's JSON tree that never stop at the first mistake: each bad or missing
 * value becomes a {@link ScenarioProblem} with its location, and the read returns a fallback.
 */
final class JsonFields {

    private final Path file;
    private final JsonLocations locations;
    private final List<ScenarioProblem> problems = new ArrayList<>();

    JsonFields(Path file, JsonLocations locations) {
        this.file = file;
        this.locations = locations;
    }

    List<ScenarioProblem> problems() {
        return problems;
    }

    void problem(String pointer, JsonNode value, String message, String fix) {
        JsonLocation location = locations.find(pointer);
        String shown = value == null || value.isMissingNode() ? null : abbreviate(value.toString());
        problems.add(new ScenarioProblem(file, Math.max(location.getLineNr(), 1), Math.max(location.getColumnNr(), 1), pointer, shown,
                message, fix));
    }

    /** Checks that {@code node} is an object whose fields are all in {@code allowed}. */
    boolean object(JsonNode node, String pointer, Set<String> allowed) {
        if (node == null || !node.isObject()) {
            problem(pointer, node, "expected a JSON object", "write { ... } with the fields " + String.join(", ", new TreeSet<>(allowed)));
            return false;
        }
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!allowed.contains(name)) {
                String closest = closest(name, allowed);
                problem(pointer + "/" + escape(name), node.get(name), "unknown field \"" + name + "\"",
                        closest != null ? "did you mean \"" + closest + "\"?" : "allowed fields are " + String.join(", ", new TreeSet<>(allowed)));
            }
        }
        return true;
    }

    String string(JsonNode object, String pointer, String field, String fallback, boolean required, String example) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                problem(pointer + "/" + field, null, "missing field \"" + field + "\"", "add \"" + field + "\": " + example);
            }
            return fallback;
        }
        if (!value.isTextual()) {
            problem(pointer + "/" + field, value, "\"" + field + "\" must be a string", "write it as " + example);
            return fallback;
        }
        return value.asText();
    }

    long duration(JsonNode object, String pointer, String field, long fallback, boolean required) {
        String text = string(object, pointer, field, null, required, "\"1s\"");
        if (text == null) {
            return fallback;
        }
        try {
            return Units.parseDuration(text);
        } catch (IllegalArgumentException e) {
            problem(pointer + "/" + field, object.get(field), e.getMessage(), "write " + Units.DURATION_HELP);
            return fallback;
        }
    }

    long integer(JsonNode object, String pointer, String field, long fallback, long min, long max) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.canConvertToLong() || !value.isIntegralNumber()) {
            problem(pointer + "/" + field, value, "\"" + field + "\" must be an integer", "write a whole number in " + min + ".." + max);
            return fallback;
        }
        long n = value.asLong();
        if (n < min || n > max) {
            problem(pointer + "/" + field, value, "\"" + field + "\" is out of range", "use a value in " + min + ".." + max);
            return fallback;
        }
        return n;
    }

    double fraction(JsonNode object, String pointer, String field, double fallback) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isNumber() || value.asDouble() < 0.0 || value.asDouble() >= 1.0) {
            problem(pointer + "/" + field, value, "\"" + field + "\" must be a probability", "use a number in [0, 1), such as 0.05 for 5%");
            return fallback;
        }
        return value.asDouble();
    }

    boolean bool(JsonNode object, String pointer, String field, boolean fallback) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isBoolean()) {
            problem(pointer + "/" + field, value, "\"" + field + "\" must be true or false", "write true or false without quotes");
            return fallback;
        }
        return value.asBoolean();
    }

    MacAddress mac(JsonNode object, String pointer, String field, boolean required) {
        String text = string(object, pointer, field, null, required, "\"02:00:00:00:00:01\"");
        if (text == null) {
            return null;
        }
        try {
            return MacAddress.parse(text);
        } catch (IllegalArgumentException e) {
            problem(pointer + "/" + field, object.get(field), "invalid MAC address", "write six hex octets such as \"02:00:00:00:00:01\"");
            return null;
        }
    }

    InetAddress address(JsonNode object, String pointer, String field, boolean required) {
        String text = string(object, pointer, field, null, required, "\"10.0.0.2\"");
        if (text == null) {
            return null;
        }
        try {
            return Addresses.parse(text);
        } catch (IllegalArgumentException e) {
            problem(pointer + "/" + field, object.get(field), "invalid IP address", "write a literal such as \"10.0.0.2\" or \"2001:db8::1\"");
            return null;
        }
    }

    /** Returns the elements of an optional array field, or an empty list. */
    List<JsonNode> array(JsonNode object, String pointer, String field) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            problem(pointer + "/" + field, value, "\"" + field + "\" must be an array", "write [ ... ]");
            return List.of();
        }
        List<JsonNode> elements = new ArrayList<>();
        value.forEach(elements::add);
        return elements;
    }

    List<String> strings(JsonNode object, String pointer, String field) {
        List<String> result = new ArrayList<>();
        List<JsonNode> elements = array(object, pointer, field);
        for (int i = 0; i < elements.size(); i++) {
            JsonNode element = elements.get(i);
            if (!element.isTextual()) {
                problem(pointer + "/" + field + "/" + i, element, "expected a string", "quote it: \"" + element.asText() + "\"");
            } else {
                result.add(element.asText());
            }
        }
        return result;
    }

    /** Returns the allowed name closest to {@code name} by edit distance, or null when none is close. */
    static String closest(String name, Iterable<String> allowed) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : new TreeSet<>(toList(allowed))) {
            int distance = editDistance(name, candidate);
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return bestDistance <= Math.max(2, name.length() / 3) ? best : null;
    }

    private static List<String> toList(Iterable<String> items) {
        List<String> list = new ArrayList<>();
        items.forEach(list::add);
        return list;
    }

    static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }
}
