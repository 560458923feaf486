package io.stackbench.stack.config;

/**
 * Invalid text given to {@link AddressLiterals}: the rejected text and the reason, kept apart so
 * that a caller can put them into its own message.
 */
public final class AddressLiteralException extends IllegalArgumentException {

    private final String text;
    private final String reason;

    AddressLiteralException(String family, String text, String reason) {
        super("invalid " + family + " address '" + text + "': " + reason);
        this.text = text;
        this.reason = reason;
    }

    /** Returns the literal as given. */
    public String text() {
        return text;
    }

    /** Returns why the literal is invalid, as a clause without the literal, such as "octet '256' is greater than 255". */
    public String reason() {
        return reason;
    }
}
