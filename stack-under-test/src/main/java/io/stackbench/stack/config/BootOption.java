package io.stackbench.stack.config;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The boot options, each with its accepted spellings and the value form shown in messages. */
enum BootOption {
    IPV4("A.B.C.D/LEN", "10.0.0.2/24", "--ipv4"),
    IPV4_GATEWAY("A.B.C.D", "10.0.0.1", "--ipv4-gateway"),
    IPV6("X:X::X/LEN", "2001:db8::2/64", "--ipv6"),
    IPV6_GATEWAY("X:X::X", "fe80::1", "--ipv6-gateway"),
    ACCEPT_ROUTER_ADVERTISEMENTS("BOOL", "false", "--accept-router-advertisements", "--accept-router-advertisement"),
    IPV4_ONLY("BOOL", "true", "--ipv4-only"),
    IPV6_ONLY("BOOL", "true", "--ipv6-only"),
    ARP_CONFLICT_DETECTION("BOOL", "true", "--arp-conflict-detection");

    /** Edit distance up to which an unknown name gets a "did you mean" suggestion. */
    private static final int MAX_SUGGESTION_DISTANCE = 3;

    private final String valueForm;
    private final String exampleValue;
    private final List<String> spellings;

    BootOption(String valueForm, String exampleValue, String... spellings) {
        this.valueForm = valueForm;
        this.exampleValue = exampleValue;
        this.spellings = List.of(spellings);
    }

    /** Returns the spelling that {@link StackConfig#toBootArguments()} writes. */
    String canonicalName() {
        return spellings.get(0);
    }

    /** Returns the form of the value, such as {@code A.B.C.D/LEN} or {@code BOOL}. */
    String valueForm() {
        return valueForm;
    }

    String exampleValue() {
        return exampleValue;
    }

    boolean isBool() {
        return valueForm.equals("BOOL");
    }

    /** Finds the option with exactly this spelling. */
    static Optional<BootOption> bySpelling(String name) {
        for (BootOption option : values()) {
            if (option.spellings.contains(name)) {
                return Optional.of(option);
            }
        }
        return Optional.empty();
    }

    /**
     * Finds the spelling closest to {@code name} by edit distance, ignoring case, if it is within
     * {@link #MAX_SUGGESTION_DISTANCE}. Ties go to the option declared first.
     */
    static Optional<String> closestSpelling(String name) {
        String lowerName = name.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = MAX_SUGGESTION_DISTANCE + 1;
        for (BootOption option : values()) {
            for (String spelling : option.spellings) {
                int distance = editDistance(lowerName, spelling);
                if (distance < bestDistance) {
                    best = spelling;
                    bestDistance = distance;
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /** Lists every canonical name, in declaration order, for messages. */
    static String allCanonicalNames() {
        StringBuilder names = new StringBuilder();
        for (BootOption option : values()) {
            if (names.length() > 0) {
                names.append(", ");
            }
            names.append(option.canonicalName());
        }
        return names.toString();
    }

    /**
     * Counts the insertions, deletions, substitutions and swaps of two adjacent characters that
     * turn {@code a} into {@code b} (optimal string alignment distance), so a typo such as
     * {@code --ipv4-gatewya} is one edit away.
     */
    static int editDistance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int substitution = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + substitution);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
