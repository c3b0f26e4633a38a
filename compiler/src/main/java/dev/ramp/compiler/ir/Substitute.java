package dev.ramp.compiler.ir;

import static dev.ramp.compiler.ir.Exprs.*;

import dev.ramp.compiler.ir.Expr.*;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Simultaneous substitution of variables by expressions: how calls to definitions are inlined
 * and how parameter values are bound. Nodes are rebuilt through {@link Exprs}, so a parameter
 * replaced by a constant gets the smart constructors' O(1) canonicalisation.
 *
 * <p>Inlining shares subtrees (a let-bound value used twice is one object), so a body can be a
 * DAG far smaller than its tree; results are memoised by node identity so that substitution
 * stays linear in the DAG.
 */
public final class Substitute {
    private final Map<String, Expr> values;
    private final Map<Expr, Expr> done = new IdentityHashMap<>();

    private Substitute(Map<String, Expr> values) {
        this.values = values;
    }

    /**
     * {@code body} with every {@code Var(name)} for a key of {@code values} replaced by its value.
     *
     * {@snippet :
     * Substitute.apply(mul(var("alpha"), var("x")), Map.of("alpha", constant(2.0)));
     * // Mul[2.0, x]
     * }
     */
    public static Expr apply(Expr body, Map<String, Expr> values) {
        return values.isEmpty() ? body : new Substitute(values).expr(body);
    }

    private Expr expr(Expr e) {
        Expr cached = done.get(e);
        if (cached != null) return cached;
        Expr result = switch (e) {
            case Const c -> c;
            case Var(String name) -> values.getOrDefault(name, e);
            case Neg(Expr arg) -> neg(expr(arg));
            case Add(List<Expr> terms) -> add(all(terms));
            case Mul(List<Expr> factors) -> mul(all(factors));
            case Div(Expr num, Expr den) -> div(expr(num), expr(den));
            case Pow(Expr base, Expr exponent) -> pow(expr(base), expr(exponent));
            case Call(Fn fn, List<Expr> args) -> new Call(fn, all(args));
            case Where(Cond cond, Expr ifTrue, Expr ifFalse) -> where(cond(cond), expr(ifTrue), expr(ifFalse));
        };
        done.put(e, result);
        return result;
    }

    /** A loop, not a stream: two stack frames per level keep deep bodies safe. */
    private List<Expr> all(List<Expr> operands) {
        List<Expr> result = new ArrayList<>(operands.size());
        for (Expr operand : operands) result.add(expr(operand));
        return result;
    }

    private Cond cond(Cond c) {
        return switch (c) {
            case Cond.Compare(Cond.Op op, Expr left, Expr right) -> new Cond.Compare(op, expr(left), expr(right));
            case Cond.And(Cond left, Cond right) -> new Cond.And(cond(left), cond(right));
            case Cond.Or(Cond left, Cond right) -> new Cond.Or(cond(left), cond(right));
            case Cond.Not(Cond operand) -> new Cond.Not(cond(operand));
        };
    }
}
