package dev.ramp.compiler.emit;

import dev.ramp.compiler.ir.Cond;
import dev.ramp.compiler.ir.Cond.*;
import dev.ramp.compiler.ir.Expr;
import dev.ramp.compiler.ir.Expr.*;
import dev.ramp.compiler.ir.Fn;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * One exponential for complementary branches: in {@code where(u <= 0, ..exp(u).., ..exp(-u)..)}
 * (the stabiliser's two-sided forms, mish's rational form) both exponentials are
 * {@code exp(-|u|)}, exactly, on the side where each is evaluated, so both become that one call,
 * shared by the two sides and by anything else of the kernel that computes it (the lane forms of
 * sigmoid and softplus of u use the same {@code exp(-|u|)}).
 *
 * <pre>{@code
 * where(u <= 0, e (e + 2) / (e (e + 2) + 2) with e = exp(u),  <the same from exp(-u)>)
 *   -> E = exp(-|u|) in both sides
 * }</pre>
 *
 * <p>Exactness: for u <= 0 (including -0.0), -|u| is u; for u > 0 it is -u (negation and abs are
 * exact); NaN fails every comparison and takes the side whose exponential is then NaN either
 * way. So every value is bit for bit what it was. Scalar code still evaluates one exponential
 * per element (the taken branch's, now with an abs and a negation); lanes, which compute both
 * sides of a blend, evaluate one instead of two. Kept only when the cost model says lanes get
 * cheaper and scalar code does not get dearer ({@link CostModel}).
 */
final class ComplementaryExp {
    private ComplementaryExp() {}

    /** {@code spec} with f and f' rewritten where it pays; {@code spec} itself otherwise. */
    static Emitter.Spec share(Emitter.Spec spec) {
        Map<Object, Expr> memo = new IdentityHashMap<>();
        Expr f = rewrite(spec.value(), memo), df = rewrite(spec.derivatives().getFirst(), memo);
        if (f == spec.value() && df == spec.derivatives().getFirst()) return spec;
        CostModel.Cost before = cost(spec, spec.value(), spec.derivatives().getFirst());
        CostModel.Cost after = cost(spec, f, df);
        if (after.laneNs() >= before.laneNs() || after.scalarNs() > before.scalarNs() + 1e-9) return spec;
        List<Expr> derivatives = new ArrayList<>(spec.derivatives());
        derivatives.set(0, df);
        return new Emitter.Spec(spec.name(), spec.variable(), spec.parameterNames(), spec.parameterValues(), f, derivatives,
                spec.parameterDerivatives());
    }

    /** The pair's cost with equal subexpressions shared (interned, as the kernels compute them). */
    private static CostModel.Cost cost(Emitter.Spec spec, Expr f, Expr df) {
        Map<String, Double> constants = new java.util.HashMap<>();
        for (int i = 0; i < spec.parameterNames().size(); i++) constants.put(spec.parameterNames().get(i), spec.parameterValues().get(i));
        Dag dag = new Dag(Map.of(spec.variable(), spec.variable()), constants);
        return CostModel.of(List.of(dag.intern(f), dag.intern(df)));
    }

    private static Expr rewrite(Expr e, Map<Object, Expr> memo) {
        Expr done = memo.get(e);
        if (done != null) return done;
        Expr out = switch (e) {
            case Const c -> c;
            case Var v -> v;
            case Neg(Expr a) -> {
                Expr ra = rewrite(a, memo);
                yield ra == a ? e : new Neg(ra);
            }
            case Add(List<Expr> t) -> rewriteAll(t, memo) instanceof List<Expr> r ? new Add(r) : e;
            case Mul(List<Expr> t) -> rewriteAll(t, memo) instanceof List<Expr> r ? new Mul(r) : e;
            case Div(Expr n, Expr d) -> {
                Expr rn = rewrite(n, memo), rd = rewrite(d, memo);
                yield rn == n && rd == d ? e : new Div(rn, rd);
            }
            case Pow(Expr b, Expr k) -> {
                Expr rb = rewrite(b, memo), rk = rewrite(k, memo);
                yield rb == b && rk == k ? e : new Pow(rb, rk);
            }
            case Call(Fn fn, List<Expr> args) -> rewriteAll(args, memo) instanceof List<Expr> r ? new Call(fn, r) : e;
            case Where(Cond c, Expr t, Expr f) -> {
                Cond rc = rewriteCond(c, memo);
                Expr rt = rewrite(t, memo), rf = rewrite(f, memo);
                Expr shared = shared(rc, rt, rf);
                yield shared != null ? shared : rc == c && rt == t && rf == f ? e : new Where(rc, rt, rf);
            }
        };
        memo.put(e, out);
        return out;
    }

    private static Cond rewriteCond(Cond c, Map<Object, Expr> memo) {
        return switch (c) {
            case Compare(Op op, Expr l, Expr r) -> {
                Expr rl = rewrite(l, memo), rr = rewrite(r, memo);
                yield rl == l && rr == r ? c : new Compare(op, rl, rr);
            }
            case And(Cond l, Cond r) -> {
                Cond rl = rewriteCond(l, memo), rr = rewriteCond(r, memo);
                yield rl == l && rr == r ? c : new And(rl, rr);
            }
            case Or(Cond l, Cond r) -> {
                Cond rl = rewriteCond(l, memo), rr = rewriteCond(r, memo);
                yield rl == l && rr == r ? c : new Or(rl, rr);
            }
            case Not(Cond a) -> {
                Cond ra = rewriteCond(a, memo);
                yield ra == a ? c : new Not(ra);
            }
        };
    }

    /** The rewritten operands, or null when none changed. */
    private static List<Expr> rewriteAll(List<Expr> es, Map<Object, Expr> memo) {
        List<Expr> out = new ArrayList<>(es.size());
        boolean changed = false;
        for (Expr x : es) {
            Expr r = rewrite(x, memo);
            changed |= r != x;
            out.add(r);
        }
        return changed ? out : null;
    }

    /** {@code where(c, t, f)} with its complementary exponentials shared, or null when it has none. */
    private static Expr shared(Cond c, Expr t, Expr f) {
        if (!(c instanceof Compare(Op op, Expr l, Expr r))) return null;
        // u and whether the true side is u's non-positive side (u < 0 or u <= 0; u = 0 gives 1 either way)
        if (op == Op.EQ || op == Op.NE || isZero(l) == isZero(r)) return null;
        Expr u = isZero(r) ? l : r;
        // u < 0 and u <= 0 (0 > u, 0 >= u) hold on u's non-positive side
        boolean uLeft = u == l;
        boolean trueIsNonPositive = switch (op) {
            case LT, LE -> uLeft;
            case GT, GE, EQ, NE -> !uLeft;
        };
        Expr nonPositive = trueIsNonPositive ? t : f, positive = trueIsNonPositive ? f : t;
        Expr expU = new Call(Fn.EXP, List.of(u));
        if (!contains(nonPositive, expU) || !containsExpOfMinus(positive, u)) return null;
        Expr e = new Call(Fn.EXP, List.of(new Neg(new Call(Fn.ABS, List.of(u)))));
        Expr np = replace(nonPositive, x -> x.equals(expU), e, new IdentityHashMap<>());
        Expr p = replace(positive, x -> isExpOfMinus(x, u), e, new IdentityHashMap<>());
        return new Where(c, trueIsNonPositive ? np : p, trueIsNonPositive ? p : np);
    }

    private static boolean isZero(Expr e) {
        return e instanceof Const(double v) && v == 0;
    }

    /** exp(-u), with -u written as a negation or as a product with -1. */
    private static boolean isExpOfMinus(Expr e, Expr u) {
        if (!(e instanceof Call(Fn fn, List<Expr> a)) || fn != Fn.EXP) return false;
        return switch (a.getFirst()) {
            case Neg(Expr inner) -> inner.equals(u);
            case Mul(List<Expr> fs) -> fs.size() == 2 && fs.get(0) instanceof Const(double k) && k == -1 && fs.get(1).equals(u);
            default -> false;
        };
    }

    private static boolean contains(Expr in, Expr target) {
        return find(in, x -> x.equals(target), new IdentityHashMap<>());
    }

    private static boolean containsExpOfMinus(Expr in, Expr u) {
        return find(in, x -> isExpOfMinus(x, u), new IdentityHashMap<>());
    }

    private static boolean find(Object n, java.util.function.Predicate<Expr> match, Map<Object, Boolean> seen) {
        if (seen.put(n, Boolean.TRUE) != null) return false;
        if (n instanceof Expr e && match.test(e)) return true;
        for (Object k : Dag.children(n)) if (find(k, match, seen)) return true;
        return false;
    }

    /** {@code in} with every subexpression that matches replaced by {@code by}. */
    private static Expr replace(Expr in, java.util.function.Predicate<Expr> match, Expr by, Map<Object, Object> memo) {
        if (match.test(in)) return by;
        Object done = memo.get(in);
        if (done != null) return (Expr) done;
        Expr out = switch (in) {
            case Const c -> c;
            case Var v -> v;
            case Neg(Expr a) -> new Neg(replace(a, match, by, memo));
            case Add(List<Expr> t) -> new Add(replaceAll(t, match, by, memo));
            case Mul(List<Expr> t) -> new Mul(replaceAll(t, match, by, memo));
            case Div(Expr n, Expr d) -> new Div(replace(n, match, by, memo), replace(d, match, by, memo));
            case Pow(Expr b, Expr k) -> new Pow(replace(b, match, by, memo), replace(k, match, by, memo));
            case Call(Fn fn, List<Expr> args) -> new Call(fn, replaceAll(args, match, by, memo));
            case Where(Cond c, Expr t, Expr f) -> new Where(replaceCond(c, match, by, memo), replace(t, match, by, memo), replace(f, match, by, memo));
        };
        memo.put(in, out);
        return out;
    }

    private static Cond replaceCond(Cond c, java.util.function.Predicate<Expr> match, Expr by, Map<Object, Object> memo) {
        return switch (c) {
            case Compare(Op op, Expr l, Expr r) -> new Compare(op, replace(l, match, by, memo), replace(r, match, by, memo));
            case And(Cond l, Cond r) -> new And(replaceCond(l, match, by, memo), replaceCond(r, match, by, memo));
            case Or(Cond l, Cond r) -> new Or(replaceCond(l, match, by, memo), replaceCond(r, match, by, memo));
            case Not(Cond a) -> new Not(replaceCond(a, match, by, memo));
        };
    }

    private static List<Expr> replaceAll(List<Expr> es, java.util.function.Predicate<Expr> match, Expr by, Map<Object, Object> memo) {
        List<Expr> out = new ArrayList<>(es.size());
        for (Expr x : es) out.add(replace(x, match, by, memo));
        return out;
    }
}
