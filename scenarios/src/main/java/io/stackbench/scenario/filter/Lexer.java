package io.stackbench.scenario.filter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Splits a filter into tokens; the keywords are lowercase only, as in tshark 4.0. */
final class Lexer {

    private static final Map<String, Token.Kind> KEYWORDS = Map.ofEntries(
            Map.entry("and", Token.Kind.AND),
            Map.entry("or", Token.Kind.OR),
            Map.entry("not", Token.Kind.NOT),
            Map.entry("eq", Token.Kind.COMPARISON),
            Map.entry("ne", Token.Kind.COMPARISON),
            Map.entry("lt", Token.Kind.COMPARISON),
            Map.entry("gt", Token.Kind.COMPARISON),
            Map.entry("le", Token.Kind.COMPARISON),
            Map.entry("ge", Token.Kind.COMPARISON));

    /** Two-character symbols, tried before the one-character ones so that "!=" is not "!" then "=". */
    private static final Map<String, Token.Kind> TWO_CHARACTER_SYMBOLS = Map.of(
            "==", Token.Kind.COMPARISON,
            "!=", Token.Kind.COMPARISON,
            "<=", Token.Kind.COMPARISON,
            ">=", Token.Kind.COMPARISON,
            "&&", Token.Kind.AND,
            "||", Token.Kind.OR);

    private static final Map<String, Token.Kind> ONE_CHARACTER_SYMBOLS = Map.of(
            "<", Token.Kind.COMPARISON,
            ">", Token.Kind.COMPARISON,
            "!", Token.Kind.NOT,
            "(", Token.Kind.OPEN_PAREN,
            ")", Token.Kind.CLOSE_PAREN);

    /** Operators of the full Wireshark language that this subset rejects, longest first. */
    private static final List<String> UNSUPPORTED_SYMBOLS = List.of("===", "!==", "~=", "^^", "~", "&", "|", "=");

    private final String text;
    private int position;

    private Lexer(String text) {
        this.text = text;
    }

    static List<Token> tokenize(String text) {
        return new Lexer(text).run();
    }

    private List<Token> run() {
        List<Token> tokens = new ArrayList<>();
        while (true) {
            while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
                position++;
            }
            if (position >= text.length()) {
                tokens.add(new Token(Token.Kind.END, "", text.length()));
                return tokens;
            }
            tokens.add(next());
        }
    }

    private Token next() {
        int start = position;
        char first = text.charAt(start);
        if (isWordCharacter(first)) {
            while (position < text.length() && isWordCharacter(text.charAt(position))) {
                position++;
            }
            String word = text.substring(start, position);
            return new Token(KEYWORDS.getOrDefault(word, Token.Kind.WORD), word, start);
        }

        for (String unsupported : UNSUPPORTED_SYMBOLS) {
            if (text.startsWith(unsupported, start) && !isSupportedSymbolAt(start)) {
                throw new FilterSyntaxException(text, start, "\"" + unsupported + "\" is not supported by stackbench filters;"
                        + " expected ==, !=, <, >, <=, >=, &&, ||, ! or a parenthesis");
            }
        }
        if (start + 2 <= text.length()) {
            String twoCharacters = text.substring(start, start + 2);
            Token.Kind kind = TWO_CHARACTER_SYMBOLS.get(twoCharacters);
            if (kind != null) {
                position += 2;
                return new Token(kind, twoCharacters, start);
            }
        }
        String oneCharacter = String.valueOf(first);
        Token.Kind kind = ONE_CHARACTER_SYMBOLS.get(oneCharacter);
        if (kind != null) {
            position++;
            return new Token(kind, oneCharacter, start);
        }

        String reason = first == '"'
                ? "string literals such as \"...\" are not supported: no supported field is a string"
                : "unexpected character \"" + first + "\"; expected a field name, a value, an operator or a parenthesis";
        throw new FilterSyntaxException(text, start, reason);
    }

    /** Returns whether a supported symbol starts here, so "!=" and "&&" are not taken for "!==" or "&". */
    private boolean isSupportedSymbolAt(int start) {
        boolean tripleEquals = text.startsWith("===", start) || text.startsWith("!==", start);
        if (tripleEquals) {
            return false;
        }
        return start + 2 <= text.length() && TWO_CHARACTER_SYMBOLS.containsKey(text.substring(start, start + 2));
    }

    static boolean isWordCharacter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '_' || c == '.' || c == ':' || c == '/' || c == '-';
    }
}
