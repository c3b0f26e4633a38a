package dev.ramp.compiler.print;

import dev.ramp.compiler.ir.Cond;
import dev.ramp.compiler.ir.Expr;
import dev.ramp.compiler.ir.Expr.*;
import java.util.List;

/**
 * Prints IR in ramp's own infix syntax, with the fewest parentheses that parse back to the same
 * tree: for any tree the parser can build, parsing the printed text gives an equal tree.
 *
 * <p>Precedence, loosest first: {@code or}, {@code and}, {@code not}, comparisons, {@code + -},
 * {@code * /}, unary {@code -}, {@code ^} (right-associative, tighter than unary minus, so a
 * negative base is parenthesised: {@code (-2)^x}, {@code (-x)^2}). A negated term of a sum prints
 * as a subtraction, and so does a negative constant term. Numbers print in the shortest form that
 * reads back to the same double ({@link Double#toString}), without a trailing {@code .0}:
 * {@code 2}, {@code 0.5}, {@code 1.0E-300}; infinity and NaN print as {@code inf} and {@code nan}.
 *
 * {@snippet :
 * Printer.print(sub(ONE, pow(call(Fn.TANH, var("x")), TWO)));   // 1 - tanh(x)^2
 * Printer.print(neg(pow(var("x"), TWO)));                        // -x^2
 * Printer.print(pow(neg(var("x")), TWO));                        // (-x)^2
 * }
 */
public final class Printer {
    private Printer() {}

    // Binding strength of each syntactic level; a child printed where a tighter level is required gets parentheses.
    private static final int OR = 1, AND = 2, NOT = 3, COMPARE = 4, SUM = 5, PRODUCT = 6, UNARY = 7, POWER = 8, ATOM = 9;

    /** {@code e} in ramp syntax. */
    public static String print(Expr e) {
        StringBuilder out = new StringBuilder();
        expr(e, out);
        return out.toString();
    }

    /** {@code c} in ramp syntax. */
    public static String print(Cond c) {
        StringBuilder out = new StringBuilder();
        cond(c, out);
        return out.toString();
    }

    /** A number as ramp source writes it. */
    public static String number(double v) {
        if (Double.isNaN(v)) return "nan";
        if (Double.isInfinite(v)) return v > 0 ? "inf" : "-inf";
        String s = Double.toString(v);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }

    /** The level an expression's printed form sits at: what it needs from its context to avoid parentheses. */
    private static int level(Expr e) {
        return switch (e) {
            case Const(double v) -> v < 0 || Double.doubleToRawLongBits(v) == Long.MIN_VALUE ? UNARY : ATOM;
            case Var v -> ATOM;
            case Neg n -> UNARY;
            case Add a -> SUM;
            case Mul m -> PRODUCT;
            case Div d -> PRODUCT;
            case Pow p -> POWER;
            case Call c -> ATOM;
            case Where w -> ATOM;
        };
    }

    private static void expr(Expr e, StringBuilder out) {
        switch (e) {
            case Const(double v) -> out.append(number(v));
            case Var(String name) -> out.append(name);
            case Neg(Expr a) -> {
                out.append('-');
                // -(x * y) keeps its parentheses: -x * y would parse as (-x) * y.
                child(a, UNARY, out);
            }
            case Add(List<Expr> terms) -> {
                // The first term is the left operand of a left-associative +: a sum there would regroup.
                child(terms.getFirst(), SUM + 1, out);
                for (Expr t : terms.subList(1, terms.size())) {
                    switch (t) {
                        case Neg(Expr a) -> {
                            out.append(" - ");
                            child(a, SUM + 1, out);
                        }
                        case Const(double v) when v < 0 || Double.doubleToRawLongBits(v) == Long.MIN_VALUE -> out.append(" - ").append(number(-v));
                        default -> {
                            out.append(" + ");
                            child(t, SUM + 1, out);
                        }
                    }
                }
            }
            case Mul(List<Expr> factors) -> {
                // a / b * c reads back as (a / b) * c, so a quotient may come first but not later.
                child(factors.getFirst(), factors.getFirst() instanceof Mul ? ATOM : PRODUCT, out);
                // Later factors: a quotient would regroup, and a negation reads better parenthesised: x * (-2).
                for (Expr f : factors.subList(1, factors.size())) {
                    out.append(" * ");
                    child(f, POWER, out);
                }
            }
            case Div(Expr num, Expr den) -> {
                child(num, PRODUCT, out);
                out.append(" / ");
                child(den, POWER, out);
            }
            case Pow(Expr base, Expr exponent) -> {
                child(base, ATOM, out);
                out.append('^');
                // Right-associative: a^b^c is a^(b^c); an exponent below a power needs parentheses.
                child(exponent, POWER, out);
            }
            case Call(var fn, List<Expr> args) -> {
                out.append(fn.symbol()).append('(');
                for (int i = 0; i < args.size(); i++) {
                    if (i > 0) out.append(", ");
                    expr(args.get(i), out);
                }
                out.append(')');
            }
            case Where(Cond c, Expr t, Expr f) -> {
                out.append("where(");
                cond(c, out);
                out.append(", ");
                expr(t, out);
                out.append(", ");
                expr(f, out);
                out.append(')');
            }
        }
    }

    /** Prints {@code e} in a position that needs at least {@code required}, parenthesised if it binds more loosely. */
    private static void child(Expr e, int required, StringBuilder out) {
        if (level(e) < required) {
            out.append('(');
            expr(e, out);
            out.append(')');
        } else {
            expr(e, out);
        }
    }

    private static int level(Cond c) {
        return switch (c) {
            case Cond.Compare x -> COMPARE;
            case Cond.Not x -> NOT;
            case Cond.And x -> AND;
            case Cond.Or x -> OR;
        };
    }

    private static void cond(Cond c, StringBuilder out) {
        switch (c) {
            case Cond.Compare(Cond.Op op, Expr l, Expr r) -> {
                // Comparisons do not chain: a comparison operand is an arithmetic expression.
                child(l, SUM, out);
                out.append(' ').append(op.symbol()).append(' ');
                child(r, SUM, out);
            }
            case Cond.Not(Cond x) -> {
                out.append("not ");
                condChild(x, NOT, out);
            }
            // The front end reads a chain p and q and r as a balanced tree, so nested connectives
            // of the same kind are parenthesised on both sides: (p and q) and r.
            case Cond.And(Cond l, Cond r) -> {
                condChild(l, AND + 1, out);
                out.append(" and ");
                condChild(r, AND + 1, out);
            }
            case Cond.Or(Cond l, Cond r) -> {
                condChild(l, OR + 1, out);
                out.append(" or ");
                condChild(r, OR + 1, out);
            }
        }
    }

    private static void condChild(Cond c, int required, StringBuilder out) {
        if (level(c) < required) {
            out.append('(');
            cond(c, out);
            out.append(')');
        } else {
            cond(c, out);
        }
    }
}
