package io.stackbench.scenario.filter;

/** One lexical token of a filter and the index of its first character. */
record Token(Kind kind, String text, int position) {

    enum Kind {
        /** A field name, protocol name or literal: letters, digits and {@code _ . : / -}. */
        WORD,
        COMPARISON,
        AND,
        OR,
        NOT,
        OPEN_PAREN,
        CLOSE_PAREN,
        END
    }

    /** Returns the token as quoted in error messages, or "the end of the filter". */
    String describe() {
        return kind == Kind.END ? "the end of the filter" : "\"" + text + "\"";
    }
}
