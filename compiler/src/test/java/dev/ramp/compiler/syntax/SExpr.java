package dev.ramp.compiler.syntax;

import dev.ramp.compiler.ir.Cond;
import dev.ramp.compiler.ir.Expr;
import dev.ramp.compiler.ir.Expr.*;
import dev.ramp.compiler.ir.Fn;
import dev.ramp.compiler.ir.Function;
import dev.ramp.compiler.ir.Parameter;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** IR as s-expressions, for golden tests: {@code (neg (^ x 2))}, {@code (where (> x 0) x 0)}. */
public final class SExpr {
    private SExpr() {}

    /** {@code expr} alone for a bare expression, else {@code name(x; a = 1) = expr}. */
    public static String of(Function f) {
        String body = of(f.body());
        if (f.name().equals("expr") && f.parameters().isEmpty()) return body;
        String params = f.parameters().stream().map(SExpr::of).collect(Collectors.joining(", "));
        return f.name() + "(" + f.variable() + (params.isEmpty() ? "" : "; " + params) + ") = " + body;
    }

    private static String of(Parameter p) {
        return p.name() + (p.defaultValue().isPresent() ? " = " + number(p.defaultValue().getAsDouble()) : "");
    }

    public static String of(Expr e) {
        return switch (e) {
            case Const(double v) -> number(v);
            case Var(String name) -> name;
            case Neg(Expr arg) -> list("neg", arg);
            case Add(List<Expr> terms) -> list("+", terms.toArray(Expr[]::new));
            case Mul(List<Expr> factors) -> list("*", factors.toArray(Expr[]::new));
            case Div(Expr num, Expr den) -> list("/", num, den);
            case Pow(Expr base, Expr exponent) -> list("^", base, exponent);
            case Call(Fn fn, List<Expr> args) -> list(fn.symbol(), args.toArray(Expr[]::new));
            case Where(Cond cond, Expr ifTrue, Expr ifFalse) -> "(where " + of(cond) + " " + of(ifTrue) + " " + of(ifFalse) + ")";
        };
    }

    public static String of(Cond c) {
        return switch (c) {
            case Cond.Compare(Cond.Op op, Expr left, Expr right) -> list(op.symbol(), left, right);
            case Cond.And(Cond left, Cond right) -> "(and " + of(left) + " " + of(right) + ")";
            case Cond.Or(Cond left, Cond right) -> "(or " + of(left) + " " + of(right) + ")";
            case Cond.Not(Cond operand) -> "(not " + of(operand) + ")";
        };
    }

    private static String list(String head, Expr... operands) {
        return Stream.concat(Stream.of(head), Stream.of(operands).map(SExpr::of)).collect(Collectors.joining(" ", "(", ")"));
    }

    /** 2 rather than 2.0; otherwise Java's shortest round-tripping form. */
    static String number(double v) {
        if (Double.isNaN(v)) return "nan";
        if (Double.isInfinite(v)) return v > 0 ? "inf" : "-inf";
        if (v == 0) return 1 / v < 0 ? "-0" : "0";
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        return Double.toString(v);
    }
}
