package io.stackbench.scenario.filter;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Looks up filter fields by name and suggests known names for a misspelt one. */
public final class FieldRegistry {

    private static final Map<String, FilterField> BY_NAME = new LinkedHashMap<>();

    static {
        for (FilterField field : FilterField.values()) {
            BY_NAME.put(field.filterName(), field);
        }
    }

    private FieldRegistry() {
    }

    /** Returns every supported protocol and field, grouped by protocol in header order. */
    public static List<FilterField> all() {
        return List.of(FilterField.values());
    }

    /** Returns the field with this exact name; names are case-sensitive, as in Wireshark. */
    public static Optional<FilterField> lookup(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /**
     * Returns up to {@code limit} known names closest to {@code name} by edit distance, nearest first.
     *
     * <p>When no name is close, the fields of the protocol that {@code name} starts with are returned
     * instead, so {@code icmpv6.target} still points at the icmpv6 fields.
     */
    public static List<String> closestNames(String name, int limit) {
        int threshold = Math.max(3, name.length() / 3);
        List<FilterField> close = new ArrayList<>();
        for (FilterField field : FilterField.values()) {
            if (editDistance(name, field.filterName()) <= threshold) {
                close.add(field);
            }
        }
        close.sort(Comparator.comparingInt(field -> editDistance(name, field.filterName())));

        if (close.isEmpty()) {
            int dot = name.indexOf('.');
            String protocol = dot < 0 ? name : name.substring(0, dot);
            for (FilterField field : FilterField.values()) {
                if (field.protocol().equals(protocol) && field.type() != FieldType.PROTOCOL) {
                    close.add(field);
                }
            }
        }

        List<String> names = new ArrayList<>();
        for (FilterField field : close.subList(0, Math.min(limit, close.size()))) {
            names.add(field.filterName());
        }
        return names;
    }

    /** Levenshtein distance: the fewest single-character insertions, deletions and substitutions. */
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
}
