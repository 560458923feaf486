package io.stackbench.scenario.filter;

import java.util.Objects;

/**
 * A compiled trace predicate in a subset of the Wireshark display-filter language, such as
 * {@code arp.opcode == 1 && arp.dst.proto_ipv4 == 10.0.0.2}.
 *
 * <p>Instances are immutable and thread-safe. Field names, literal forms and the any/all meaning
 * of {@code ==} and {@code !=} on multi-valued fields follow tshark 4.0.17; scenarios/FILTERS.md
 * lists the fields and the known differences.
 */
public final class DisplayFilter {

    private final String text;
    private final Expression expression;

    private DisplayFilter(String text, Expression expression) {
        this.text = text;
        this.expression = expression;
    }

    /**
     * Compiles {@code text}. Field names, literal types and ranges are all checked here, because
     * matching reports no errors.
     *
     * @throws FilterSyntaxException for a syntax error, an unknown field, or a value of the wrong type
     *     or range for its field
     */
    public static DisplayFilter parse(String text) {
        Objects.requireNonNull(text, "text");
        return new DisplayFilter(text, Parser.parse(text));
    }

    /** Decodes an Ethernet II frame with pcap4j and evaluates the filter; never throws for malformed frames. */
    public boolean matches(byte[] frame) {
        return matches(FrameFields.decode(frame));
    }

    /** Evaluates the filter against a frame decoded once, so several filters can share one decode. */
    public boolean matches(FrameFields fields) {
        return expression.matches(fields);
    }

    /** Returns the source text given to {@link #parse(String)}. */
    public String text() {
        return text;
    }

    /** Returns the parsed expression fully parenthesized, showing operator precedence. */
    String structure() {
        return expression.structure();
    }

    @Override
    public String toString() {
        return text;
    }
}
