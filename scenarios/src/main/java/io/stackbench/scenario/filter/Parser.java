package io.stackbench.scenario.filter;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Recursive-descent parser for the filter grammar, loosest binding first:
 *
 * <pre>
 * filter     = or END
 * or         = and { ("||" | "or") and }
 * and        = unary { ("&amp;&amp;" | "and") unary }
 * unary      = ("!" | "not") unary | primary
 * primary    = "(" or ")" | field [ comparison value ]
 * comparison = "==" | "!=" | "&lt;" | "&gt;" | "&lt;=" | "&gt;=" | "eq" | "ne" | "lt" | "gt" | "le" | "ge"
 * </pre>
 *
 * So {@code !} binds tighter than {@code &&}, which binds tighter than {@code ||}, as tshark 4.0.17
 * does. Both binary operators group from the left.
 */
final class Parser {

    private static final String EXPRESSION_START = "a field name, \"!\", \"not\" or \"(\"";
    private static final String COMPARISONS = "==, !=, <, >, <=, >=, eq, ne, lt, gt, le, ge";
    private static final int SUGGESTIONS = 3;

    /** Words of the full Wireshark language that this subset does not implement. */
    private static final Set<String> UNSUPPORTED_WORDS = Set.of(
            "contains", "matches", "in", "xor", "any_eq", "all_eq", "any_ne", "all_ne", "bitand", "bitwise_and");

    private final String text;
    private final List<Token> tokens;
    private int index;

    private Parser(String text) {
        this.text = text;
        this.tokens = Lexer.tokenize(text);
    }

    static Expression parse(String text) {
        return new Parser(text).filter();
    }

    private Expression filter() {
        if (peek().kind() == Token.Kind.END) {
            throw error(peek(), "the filter is empty; expected " + EXPRESSION_START);
        }
        Expression expression = or();
        Token next = peek();
        if (next.kind() != Token.Kind.END) {
            throw unexpectedAfterExpression(next, "\"&&\", \"||\", \"and\", \"or\" or the end of the filter");
        }
        return expression;
    }

    private Expression or() {
        Expression left = and();
        while (peek().kind() == Token.Kind.OR) {
            index++;
            left = new Expression.Or(left, and());
        }
        return left;
    }

    private Expression and() {
        Expression left = unary();
        while (peek().kind() == Token.Kind.AND) {
            index++;
            left = new Expression.And(left, unary());
        }
        return left;
    }

    private Expression unary() {
        if (peek().kind() == Token.Kind.NOT) {
            index++;
            return new Expression.Not(unary());
        }
        return primary();
    }

    private Expression primary() {
        Token token = next();
        if (token.kind() == Token.Kind.OPEN_PAREN) {
            Expression inner = or();
            Token close = peek();
            if (close.kind() != Token.Kind.CLOSE_PAREN) {
                String expected = close.kind() == Token.Kind.END
                        ? "\")\" to close the \"(\" at position " + token.position()
                        : "\"&&\", \"||\", \"and\", \"or\" or \")\"";
                throw unexpectedAfterExpression(close, expected);
            }
            index++;
            return inner;
        }
        if (token.kind() != Token.Kind.WORD) {
            throw unexpected(token, EXPRESSION_START);
        }

        FilterField field = field(token);
        Token operatorToken = peek();
        if (operatorToken.kind() == Token.Kind.WORD && UNSUPPORTED_WORDS.contains(operatorToken.text())) {
            throw error(operatorToken, "the operator \"" + operatorToken.text()
                    + "\" is not supported by stackbench filters; expected " + COMPARISONS);
        }
        if (operatorToken.kind() == Token.Kind.WORD) {
            throw unexpected(operatorToken, "a comparison operator (" + COMPARISONS + "), \"&&\", \"||\" or the end of the filter after "
                    + field.filterName());
        }
        if (operatorToken.kind() != Token.Kind.COMPARISON) {
            return new Expression.Presence(field);
        }
        index++;
        ComparisonOperator operator = operator(operatorToken);

        Token valueToken = next();
        if (valueToken.kind() != Token.Kind.WORD) {
            throw unexpected(valueToken, "a value for " + field.filterName() + " after \"" + operatorToken.text() + "\"");
        }
        if (FieldRegistry.lookup(valueToken.text()).isPresent()) {
            throw error(valueToken, "comparing two fields is not supported; expected a value for "
                    + field.filterName() + " after \"" + operatorToken.text() + "\"");
        }
        Literal literal = Literals.parse(field, valueToken, text);
        boolean ordering = operator != ComparisonOperator.EQ && operator != ComparisonOperator.NE;
        if (ordering && literal instanceof Literal.AddressLiteral address && address.isPrefix()) {
            throw error(valueToken, "the prefix \"" + valueToken.text() + "\" can only be compared with == or !=, not with \""
                    + operatorToken.text() + "\"");
        }
        return new Expression.Comparison(field, operator, literal);
    }

    private FilterField field(Token token) {
        Optional<FilterField> field = FieldRegistry.lookup(token.text());
        if (field.isPresent()) {
            return field.get();
        }
        char first = token.text().charAt(0);
        boolean looksLikeValue = Character.isDigit(first) || first == ':' || token.text().contains(":");
        if (looksLikeValue) {
            throw error(token, "expected a field name but found the value \"" + token.text()
                    + "\"; write the field on the left, as in ip.src == 10.0.0.1");
        }
        List<String> closest = FieldRegistry.closestNames(token.text(), SUGGESTIONS);
        String hint = closest.isEmpty()
                ? "scenarios/FILTERS.md lists the supported fields"
                : "did you mean " + String.join(", ", closest) + "?";
        throw error(token, "unknown field \"" + token.text() + "\"; expected a supported field or protocol name; " + hint);
    }

    private static ComparisonOperator operator(Token token) {
        for (ComparisonOperator operator : ComparisonOperator.values()) {
            if (operator.symbol().equals(token.text()) || operator.word().equals(token.text())) {
                return operator;
            }
        }
        throw new IllegalStateException("lexer produced an unknown comparison operator " + token.text());
    }

    private FilterSyntaxException unexpectedAfterExpression(Token token, String expected) {
        if (token.kind() == Token.Kind.WORD && index > 0 && tokens.get(index - 1).kind() == Token.Kind.WORD) {
            return unexpected(token, "a comparison operator (" + COMPARISONS + "), " + expected);
        }
        return unexpected(token, expected);
    }

    private FilterSyntaxException unexpected(Token token, String expected) {
        if (token.kind() == Token.Kind.END) {
            return error(token, "unexpected end of the filter; expected " + expected);
        }
        return error(token, token.describe() + " was unexpected; expected " + expected);
    }

    private FilterSyntaxException error(Token token, String reason) {
        return new FilterSyntaxException(text, token.position(), reason);
    }

    private Token peek() {
        return tokens.get(index);
    }

    private Token next() {
        Token token = tokens.get(index);
        if (token.kind() != Token.Kind.END) {
            index++;
        }
        return token;
    }
}
