package dev.ramp.compiler.gen;

import dev.ramp.compiler.ir.Cond;
import dev.ramp.compiler.ir.Expr;
import dev.ramp.compiler.ir.Expr.*;
import dev.ramp.compiler.pass.Eval;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * How close two double computations of the same real quantity must be. Both sides round at every
 * step, in different orders, so an absolute error bound relative to the result alone is wrong
 * where terms cancel: {@code (x + 1e-9) - x}. The bound used is therefore
 * {@code 1e-8 · max(|got|, |expected|) + 1e-11 · scale}, where {@code scale} is the largest
 * magnitude any intermediate value or derivative reaches at that point: rounding errors are
 * about 1.1e-16 of the largest intermediate, amplified by at most a few orders of magnitude by
 * the tree's depth and the functions' condition numbers, so 1e-11 leaves five digits of headroom
 * yet still catches a wrong rule, which is off by O(1) of the terms it touches.
 */
public final class Tolerance {
    private Tolerance() {}

    /** Whether {@code got} matches {@code expected} within the bound described above. */
    public static boolean close(double got, double expected, double scale) {
        if (got == expected) return true;
        double diff = Math.abs(got - expected);
        return diff <= 1e-8 * Math.max(Math.abs(got), Math.abs(expected)) + 1e-11 * scale;
    }

    /** The largest magnitude the oracle meets evaluating {@code e} (see {@link HyperDual#scale}). */
    public static double scale(Expr e, Map<String, Double> env, String wrt) {
        return HyperDual.scale(e, env, wrt);
    }

    /** Whether some subexpression of {@code e} (taken branch or not) is infinite at {@code env}. */
    public static boolean hasInfinity(Expr e, Map<String, Double> env) {
        boolean[] found = {false};
        Eval.Env values = Eval.Env.of(env);
        forEachSubexpression(e, s -> found[0] |= Double.isInfinite(Eval.eval(s, values)));
        return found[0];
    }

    /**
     * Whether a comparison in {@code e} (or the argument of a {@code sign}) is within rounding of
     * its tie at {@code env}: there a change within rounding, which simplification may make,
     * legitimately flips the branch ({@code log(exp(x)) - x == 0} is false in doubles, true after
     * {@code log-exp}).
     */
    public static boolean nearTie(Expr e, Map<String, Double> env) {
        boolean[] found = {false};
        Eval.Env values = Eval.Env.of(env);
        forEachSubexpression(e, s -> {
            switch (s) {
                case Where(Cond c, Expr t, Expr f) -> found[0] |= nearTie(c, values);
                case Call(var fn, List<Expr> args) when fn == dev.ramp.compiler.ir.Fn.SIGN -> found[0] |= near(Eval.eval(args.getFirst(), values), 0);
                default -> {}
            }
        });
        return found[0];
    }

    private static boolean nearTie(Cond c, Eval.Env values) {
        return switch (c) {
            case Cond.Compare(var op, Expr l, Expr r) -> near(Eval.eval(l, values), Eval.eval(r, values));
            case Cond.And(Cond l, Cond r) -> nearTie(l, values) || nearTie(r, values);
            case Cond.Or(Cond l, Cond r) -> nearTie(l, values) || nearTie(r, values);
            case Cond.Not(Cond x) -> nearTie(x, values);
        };
    }

    private static boolean near(double a, double b) {
        return a != b && Math.abs(a - b) <= 1e-9 * Math.max(1, Math.max(Math.abs(a), Math.abs(b)));
    }

    /** Whether a branch decision of {@code e} changes when {@code wrt} moves by 1e-6 either way. */
    public static boolean kinkNear(Expr e, Map<String, Double> env, String wrt) {
        String here = HyperDual.branches(e, env);
        for (double h : new double[] {-1e-6, 1e-6}) {
            Map<String, Double> moved = new HashMap<>(env);
            moved.put(wrt, env.get(wrt) + h);
            if (!HyperDual.branches(e, moved).equals(here)) return true;
        }
        return false;
    }

    /** Visits {@code e} and every subexpression, conditions' operands included. */
    public static void forEachSubexpression(Expr e, Consumer<Expr> visit) {
        visit.accept(e);
        switch (e) {
            case Const c -> {}
            case Var v -> {}
            case Neg(Expr a) -> forEachSubexpression(a, visit);
            case Add(List<Expr> ts) -> ts.forEach(t -> forEachSubexpression(t, visit));
            case Mul(List<Expr> fs) -> fs.forEach(f -> forEachSubexpression(f, visit));
            case Div(Expr n, Expr d) -> { forEachSubexpression(n, visit); forEachSubexpression(d, visit); }
            case Pow(Expr b, Expr x) -> { forEachSubexpression(b, visit); forEachSubexpression(x, visit); }
            case Call(var fn, List<Expr> args) -> args.forEach(a -> forEachSubexpression(a, visit));
            case Where(Cond c, Expr t, Expr f) -> {
                forEachCondOperand(c, visit);
                forEachSubexpression(t, visit);
                forEachSubexpression(f, visit);
            }
        }
    }

    private static void forEachCondOperand(Cond c, Consumer<Expr> visit) {
        switch (c) {
            case Cond.Compare(var op, Expr l, Expr r) -> { forEachSubexpression(l, visit); forEachSubexpression(r, visit); }
            case Cond.And(Cond l, Cond r) -> { forEachCondOperand(l, visit); forEachCondOperand(r, visit); }
            case Cond.Or(Cond l, Cond r) -> { forEachCondOperand(l, visit); forEachCondOperand(r, visit); }
            case Cond.Not(Cond x) -> forEachCondOperand(x, visit);
        }
    }
}
