package dev.ramp.compiler.syntax;

import dev.ramp.compiler.diag.Span;
import java.util.List;
import java.util.Objects;

/**
 * An expression as the user wrote it, with source spans, before names are resolved. Parentheses
 * are dropped (the tree shape keeps the grouping). Chains of one left-associative operator level
 * ({@code a - b + c}, {@code a * b / c}, {@code p and q and r}) are one {@link Infix} node, so that
 * a 100,000-term sum is a flat list rather than a 100,000-deep tree.
 */
public sealed interface Syntax {

    /** Where the expression starts, and its length when it fits on one line. */
    Span span();

    /** A number literal, kept as written ({@code 1e-6}); its value is read by the resolver. */
    record Num(String text, Span span) implements Syntax {}

    /** A name: the variable, a parameter, a let-bound name or a constant. */
    record Name(String name, Span span) implements Syntax {}

    /** {@code -operand} or {@code +operand}. */
    record Unary(boolean negate, Syntax operand, Span span) implements Syntax {}

    /** {@code base ^ exponent}; right-associative. */
    record Power(Syntax base, Syntax exponent, Span span) implements Syntax {}

    /** {@code first op1 e1 op2 e2 ...}, every operator of the same precedence level. */
    record Infix(Syntax first, List<Step> steps, Span span) implements Syntax {
        public Infix {
            Objects.requireNonNull(first);
            steps = List.copyOf(steps);
        }
    }

    /** One {@code op operand} link of an {@link Infix} chain; {@code at} is the operator's span. */
    record Step(Operator op, Span at, Syntax operand) {}

    /** {@code not operand}. */
    record Not(Syntax operand, Span span) implements Syntax {}

    /** {@code let a = 1, b = a + 1 in body}. */
    record Let(List<Binding> bindings, Syntax body, Span span) implements Syntax {
        public Let {
            bindings = List.copyOf(bindings);
        }
    }

    /** One {@code name = value} of a {@link Let}. */
    record Binding(String name, Span at, Syntax value) {}

    /**
     * {@code callee(args; name = value, ...)}: positional arguments, then named ones after
     * {@code ;}. {@code at} is the callee name's span.
     */
    record Call(String callee, Span at, List<Syntax> args, List<NamedArgument> named, Span span) implements Syntax {
        public Call {
            args = List.copyOf(args);
            named = List.copyOf(named);
        }
    }

    /** {@code name = value} after the {@code ;} of a {@link Call}. */
    record NamedArgument(String name, Span at, Syntax value) {}

    /** The binary operators of the left-associative levels, loosest last. */
    enum Operator {
        MUL("*", Kind.ARITHMETIC), DIV("/", Kind.ARITHMETIC), ADD("+", Kind.ARITHMETIC), SUB("-", Kind.ARITHMETIC),
        LT("<", Kind.COMPARISON), LE("<=", Kind.COMPARISON), GT(">", Kind.COMPARISON),
        GE(">=", Kind.COMPARISON), EQ("==", Kind.COMPARISON), NE("!=", Kind.COMPARISON),
        AND("and", Kind.LOGIC), OR("or", Kind.LOGIC);

        /** What an operator combines: numbers into a number, numbers into a condition, or conditions. */
        public enum Kind { ARITHMETIC, COMPARISON, LOGIC }

        private final String symbol;
        private final Kind kind;

        Operator(String symbol, Kind kind) {
            this.symbol = symbol;
            this.kind = kind;
        }

        /** The operator as written. */
        public String symbol() {
            return symbol;
        }

        public Kind kind() {
            return kind;
        }

        /** The operator written {@code symbol}. */
        public static Operator of(String symbol) {
            for (Operator op : values()) {
                if (op.symbol.equals(symbol)) return op;
            }
            throw new IllegalArgumentException("not an operator: " + symbol);
        }
    }
}
