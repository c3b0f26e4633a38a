package dev.ramp.compiler.check;

import dev.ramp.compiler.ir.Cond;
import dev.ramp.compiler.ir.Expr;
import dev.ramp.compiler.ir.Expr.*;
import dev.ramp.compiler.ir.Fn;
import dev.ramp.compiler.pass.Eval;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The inputs where an expression switches between pieces: the boundaries of its {@code where}
 * conditions, of {@code max} and {@code min}, and the zeros of the arguments of {@code abs}
 * and {@code sign}, located to the last double by bisection on the decision itself (evaluated
 * in double, as compiled code decides it). {@code where(beta * x > 20, ...)} with beta = 1 has
 * its kink at the first double above 20; {@code abs(x) > 0.5} has two.
 */
final class Kinks {
    private Kinks() {}

    /**
     * Every switch point of {@code exprs} (functions of {@code variable}) found between
     * consecutive points of {@code grid}, which must be sorted.
     */
    static Set<Double> find(List<Expr> exprs, String variable, double[] grid) {
        List<Cond> decisions = new ArrayList<>();
        Set<Expr> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        for (Expr e : exprs) collect(e, decisions, seen);
        Set<Double> out = new TreeSet<>();
        for (Cond c : decisions) {
            Boolean previous = null;
            double previousX = Double.NaN;
            for (double x : grid) {
                Boolean now = decide(c, variable, x);
                if (now != null && previous != null && !now.equals(previous)) out.add(boundary(c, variable, previousX, x, previous));
                if (now != null) {
                    previous = now;
                    previousX = x;
                }
            }
        }
        return out;
    }

    /** The decision at x, or null where it cannot be made (an unbound name, NaN everywhere). */
    private static Boolean decide(Cond c, String variable, double x) {
        try {
            return Eval.test(c, Eval.Env.of(variable, x));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The first double in (lo, hi] where the decision is no longer {@code atLo}. */
    private static double boundary(Cond c, String variable, double lo, double hi, boolean atLo) {
        long a = ordered(lo), b = ordered(hi);
        while (b - a > 1) {
            long m = a + (b - a) / 2;
            Boolean d = decide(c, variable, fromOrdered(m));
            if (d != null && d == atLo) a = m;
            else b = m;
        }
        return fromOrdered(b);
    }

    /** Doubles mapped to longs in the same order (so that bisection halves the count of doubles between). */
    static long ordered(double x) {
        long bits = Double.doubleToLongBits(x == 0 ? 0.0 : x);
        return bits < 0 ? Long.MIN_VALUE - bits : bits;
    }

    static double fromOrdered(long o) {
        return Double.longBitsToDouble(o < 0 ? Long.MIN_VALUE - o : o);
    }

    private static void collect(Expr e, List<Cond> out, Set<Expr> seen) {
        if (!seen.add(e)) return;
        switch (e) {
            case Const c -> {}
            case Var v -> {}
            case Neg(Expr a) -> collect(a, out, seen);
            case Add(List<Expr> terms) -> terms.forEach(t -> collect(t, out, seen));
            case Mul(List<Expr> factors) -> factors.forEach(f -> collect(f, out, seen));
            case Div(Expr n, Expr d) -> {
                collect(n, out, seen);
                collect(d, out, seen);
            }
            case Pow(Expr b, Expr x) -> {
                collect(b, out, seen);
                collect(x, out, seen);
            }
            case Call(Fn fn, List<Expr> args) -> {
                args.forEach(a -> collect(a, out, seen));
                switch (fn) {
                    case MAX, MIN -> out.add(new Cond.Compare(Cond.Op.GT, args.get(0), args.get(1)));
                    case ABS, SIGN -> out.add(new Cond.Compare(Cond.Op.GT, args.getFirst(), new Const(0)));
                    default -> {}
                }
            }
            case Where(Cond c, Expr t, Expr f) -> {
                out.addAll(comparisons(c));
                collect(t, out, seen);
                collect(f, out, seen);
            }
        }
    }

    /** The comparisons inside a condition, each a decision of its own. */
    private static List<Cond> comparisons(Cond c) {
        return switch (c) {
            case Cond.Compare cmp -> List.of(cmp);
            case Cond.And(Cond l, Cond r) -> concat(comparisons(l), comparisons(r));
            case Cond.Or(Cond l, Cond r) -> concat(comparisons(l), comparisons(r));
            case Cond.Not(Cond x) -> comparisons(x);
        };
    }

    private static List<Cond> concat(List<Cond> a, List<Cond> b) {
        List<Cond> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
