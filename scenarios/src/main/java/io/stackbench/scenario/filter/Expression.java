package io.stackbench.scenario.filter;

import java.util.List;

/** A node of a compiled filter. All nodes are immutable, so a compiled filter is thread-safe. */
sealed interface Expression {

    boolean matches(FrameFields fields);

    /** Returns the expression fully parenthesized, which shows how the parser grouped it. */
    String structure();

    record And(Expression left, Expression right) implements Expression {
        @Override
        public boolean matches(FrameFields fields) {
            return left.matches(fields) && right.matches(fields);
        }

        @Override
        public String structure() {
            return "(" + left.structure() + " && " + right.structure() + ")";
        }
    }

    record Or(Expression left, Expression right) implements Expression {
        @Override
        public boolean matches(FrameFields fields) {
            return left.matches(fields) || right.matches(fields);
        }

        @Override
        public String structure() {
            return "(" + left.structure() + " || " + right.structure() + ")";
        }
    }

    record Not(Expression operand) implements Expression {
        @Override
        public boolean matches(FrameFields fields) {
            return !operand.matches(fields);
        }

        @Override
        public String structure() {
            return "!" + operand.structure();
        }
    }

    /** A bare field or protocol name: true when the frame has at least one occurrence, whatever its value. */
    record Presence(FilterField field) implements Expression {
        @Override
        public boolean matches(FrameFields fields) {
            return fields.contains(field);
        }

        @Override
        public String structure() {
            return field.filterName();
        }
    }

    /**
     * A field compared with a literal. Over the occurrences of the field, {@code ==}, {@code <},
     * {@code >}, {@code <=} and {@code >=} hold when any occurrence satisfies them, and {@code !=}
     * holds when every occurrence differs, which is {@code !(a == b)} for a present field. That is the
     * Wireshark 3.6 and later meaning, checked with tshark 4.0.17. An absent field makes every
     * comparison false, {@code !=} included.
     */
    record Comparison(FilterField field, ComparisonOperator operator, Literal literal) implements Expression {
        @Override
        public boolean matches(FrameFields fields) {
            List<FieldValue> values = fields.values(field);
            if (values.isEmpty()) {
                return false;
            }
            if (operator == ComparisonOperator.NE) {
                for (FieldValue value : values) {
                    if (satisfies(value, ComparisonOperator.EQ)) {
                        return false;
                    }
                }
                return true;
            }
            for (FieldValue value : values) {
                if (satisfies(value, operator)) {
                    return true;
                }
            }
            return false;
        }

        private boolean satisfies(FieldValue value, ComparisonOperator op) {
            if (literal instanceof Literal.NumberLiteral number && value instanceof FieldValue.Number actual) {
                return op.accepts(Long.compare(actual.value(), number.value()));
            }
            if (literal instanceof Literal.AddressLiteral address && value instanceof FieldValue.Address actual) {
                if (address.isPrefix()) {
                    // The parser admits a prefix only with == and !=, and != is evaluated as not-any-equal.
                    return address.contains(actual.octets());
                }
                return op.accepts(address.compare(actual.octets()));
            }
            return false;
        }

        @Override
        public String structure() {
            return field.filterName() + " " + operator.symbol() + " " + literal;
        }
    }
}
