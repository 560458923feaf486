package io.stackbench.scenario.filter;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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

    /** Returns the field with this exact name. Names are case-sensitive, as in Wireshark. */
    public static Optional<FilterField> lookup(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /**
     * Returns up to {@code limit} known names that {@code name} was probably meant to be, best first.
     *
     * <p>Names at most 2 edits away come first. Next come names of the same protocol that share the
     * parent ({@code arp.src.} for {@code arp.src.ip}) or contain the last dotted part of at least 3
     * characters ({@code target} for {@code icmpv6.nd.target}), then names a few more edits away. When none
     * of these exists, the fields of the same protocol are returned, and an empty list means that
     * nothing resembles {@code name}.
     */
    public static List<String> closestNames(String name, int limit) {
        int dot = name.indexOf('.');
        String protocol = dot < 0 ? name : name.substring(0, dot);
        int lastDot = name.lastIndexOf('.');
        String parent = lastDot > dot ? name.substring(0, lastDot + 1) : null;
        String lastPart = name.substring(lastDot + 1);

        Set<FilterField> ranked = new LinkedHashSet<>();
        // A name that stops one level short, such as tcp.options.wscale, gets the fields under it first.
        for (FilterField field : FilterField.values()) {
            if (field.filterName().startsWith(name + ".")) {
                ranked.add(field);
            }
        }
        ranked.addAll(withinEdits(name, 2));
        for (FilterField field : FilterField.values()) {
            boolean sameProtocol = field.protocol().equals(protocol) && field.type() != FieldType.PROTOCOL;
            boolean sharesParent = parent != null && field.filterName().startsWith(parent);
            boolean containsLastPart = lastPart.length() >= 3 && field.filterName().contains(lastPart);
            if (sameProtocol && (sharesParent || containsLastPart)) {
                ranked.add(field);
            }
        }
        ranked.addAll(withinEdits(name, Math.max(2, name.length() / 3)));
        if (ranked.isEmpty()) {
            for (FilterField field : FilterField.values()) {
                if (field.protocol().equals(protocol) && field.type() != FieldType.PROTOCOL) {
                    ranked.add(field);
                }
            }
        }

        List<String> names = new ArrayList<>();
        for (FilterField field : ranked) {
            if (names.size() == limit) {
                break;
            }
            names.add(field.filterName());
        }
        return names;
    }

    private static List<FilterField> withinEdits(String name, int maxEdits) {
        List<FilterField> close = new ArrayList<>();
        for (FilterField field : FilterField.values()) {
            if (editDistance(name, field.filterName()) <= maxEdits) {
                close.add(field);
            }
        }
        close.sort(Comparator.comparingInt(field -> editDistance(name, field.filterName())));
        return close;
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
