package io.stackbench.scenario.filter;

/** Raised by {@link DisplayFilter#parse(String)} for a filter that is invalid, with where and why. */
public final class FilterSyntaxException extends IllegalArgumentException {

    private final String filter;
    private final int position;
    private final String reason;

    FilterSyntaxException(String filter, int position, String reason) {
        super("invalid display filter at position " + position + ": " + reason);
        this.filter = filter;
        this.position = position;
        this.reason = reason;
    }

    /** Returns the 0-based index of the first character of the offending token in {@link #filter()}. */
    public int position() {
        return position;
    }

    /** Returns the problem without the position prefix. */
    public String reason() {
        return reason;
    }

    /** Returns the filter text that failed to parse. */
    public String filter() {
        return filter;
    }
}
