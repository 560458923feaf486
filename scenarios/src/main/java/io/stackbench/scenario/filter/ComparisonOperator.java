package io.stackbench.scenario.filter;

/** A relational operator, written as a symbol or as the Wireshark word form. */
enum ComparisonOperator {
    EQ("==", "eq"),
    NE("!=", "ne"),
    LT("<", "lt"),
    GT(">", "gt"),
    LE("<=", "le"),
    GE(">=", "ge");

    private final String symbol;
    private final String word;

    ComparisonOperator(String symbol, String word) {
        this.symbol = symbol;
        this.word = word;
    }

    String symbol() {
        return symbol;
    }

    String word() {
        return word;
    }

    /** Returns whether a comparison whose result is {@code comparison} (as from compareTo) satisfies this operator. */
    boolean accepts(int comparison) {
        return switch (this) {
            case EQ -> comparison == 0;
            case NE -> comparison != 0;
            case LT -> comparison < 0;
            case GT -> comparison > 0;
            case LE -> comparison <= 0;
            case GE -> comparison >= 0;
        };
    }
}
