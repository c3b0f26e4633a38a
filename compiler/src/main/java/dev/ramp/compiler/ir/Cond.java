package dev.ramp.compiler.ir;

import java.util.Objects;

/** Boolean conditions, used only as the first argument of {@code where}. */
public sealed interface Cond {

    /** The six comparison operators, with IEEE semantics (any comparison with NaN is false but !=). */
    enum Op {
        LT("<"), LE("<="), GT(">"), GE(">="), EQ("=="), NE("!=");

        private final String symbol;

        Op(String symbol) {
            this.symbol = symbol;
        }

        /** The operator as written in ramp source. */
        public String symbol() {
            return symbol;
        }

        /** Applies the comparison to two doubles. */
        public boolean test(double a, double b) {
            return switch (this) {
                case LT -> a < b;
                case LE -> a <= b;
                case GT -> a > b;
                case GE -> a >= b;
                case EQ -> a == b;
                case NE -> a != b;
            };
        }

        /** The comparison written {@code symbol} in ramp source ({@code "<="} is {@link #LE}). */
        public static Op ofSymbol(String symbol) {
            for (Op op : values()) {
                if (op.symbol.equals(symbol)) return op;
            }
            throw new IllegalArgumentException("not a comparison: " + symbol);
        }
    }

    /** {@code left op right}. */
    record Compare(Op op, Expr left, Expr right) implements Cond {
        public Compare {
            Objects.requireNonNull(op);
            Objects.requireNonNull(left);
            Objects.requireNonNull(right);
        }
    }

    /** {@code left and right}. */
    record And(Cond left, Cond right) implements Cond {
        public And {
            Objects.requireNonNull(left);
            Objects.requireNonNull(right);
        }
    }

    /** {@code left or right}. */
    record Or(Cond left, Cond right) implements Cond {
        public Or {
            Objects.requireNonNull(left);
            Objects.requireNonNull(right);
        }
    }

    /** {@code not operand}. */
    record Not(Cond operand) implements Cond {
        public Not {
            Objects.requireNonNull(operand);
        }
    }
}
