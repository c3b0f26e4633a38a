package dev.ramp.compiler.emit;

import dev.ramp.compiler.ir.Cond;
import dev.ramp.compiler.ir.Cond.*;
import dev.ramp.compiler.ir.Expr;
import dev.ramp.compiler.ir.Expr.*;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A tree-walking evaluator with exactly the emitter's arithmetic: sums and products fold left,
 * constant powers follow {@link PowLowering}, parameters are substituted first (so a power whose
 * exponent is a parameter lowers the same way). The oracle for bit-exact tests.
 */
final class RefEval {
    private RefEval() {}

    static double eval(Expr e, String variable, double x, Map<String, Double> params) {
        return value(substitute(e, params), variable, x);
    }

    static Expr substitute(Expr e, Map<String, Double> params) {
        return switch (e) {
            case Const c -> c;
            case Var(String n) -> params.containsKey(n) ? new Const(params.get(n)) : e;
            case Neg(Expr a) -> new Neg(substitute(a, params));
            case Add(List<Expr> t) -> new Add(t.stream().map(a -> substitute(a, params)).toList());
            case Mul(List<Expr> f) -> new Mul(f.stream().map(a -> substitute(a, params)).toList());
            case Div(Expr n, Expr d) -> new Div(substitute(n, params), substitute(d, params));
            case Pow(Expr b, Expr k) -> new Pow(substitute(b, params), substitute(k, params));
            case Call(var fn, List<Expr> a) -> new Call(fn, a.stream().map(v -> substitute(v, params)).toList());
            case Where(Cond c, Expr t, Expr f) -> new Where(substitute(c, params), substitute(t, params), substitute(f, params));
        };
    }

    private static Cond substitute(Cond c, Map<String, Double> params) {
        return switch (c) {
            case Compare(Op op, Expr l, Expr r) -> new Compare(op, substitute(l, params), substitute(r, params));
            case And(Cond l, Cond r) -> new And(substitute(l, params), substitute(r, params));
            case Or(Cond l, Cond r) -> new Or(substitute(l, params), substitute(r, params));
            case Not(Cond a) -> new Not(substitute(a, params));
        };
    }

    static double value(Expr e, String variable, double x) {
        return switch (e) {
            case Const(double v) -> v;
            case Var(String n) -> {
                if (!n.equals(variable)) throw new IllegalArgumentException("unbound " + n);
                yield x;
            }
            case Neg(Expr a) -> -value(a, variable, x);
            case Add(List<Expr> t) -> {
                double s = value(t.getFirst(), variable, x);
                for (int i = 1; i < t.size(); i++) s += value(t.get(i), variable, x);
                yield s;
            }
            case Mul(List<Expr> f) -> {
                double p = value(f.getFirst(), variable, x);
                for (int i = 1; i < f.size(); i++) p *= value(f.get(i), variable, x);
                yield p;
            }
            case Div(Expr n, Expr d) -> value(n, variable, x) / value(d, variable, x);
            case Pow(Expr b, Expr k) -> {
                // An exponent without variables is a constant to the emitter (it folds it), so
                // it picks the lowered form by its value.
                Expr exponent = mentionsVariable(k) ? k : new Const(value(k, variable, x));
                yield PowLowering.apply(PowLowering.formOf(b, exponent), value(b, variable, x), value(k, variable, x));
            }
            case Call(var fn, List<Expr> a) -> {
                double[] args = new double[a.size()];
                for (int i = 0; i < args.length; i++) args[i] = value(a.get(i), variable, x);
                yield fn.apply(args);
            }
            case Where(Cond c, Expr t, Expr f) -> test(c, variable, x) ? value(t, variable, x) : value(f, variable, x);
        };
    }

    static boolean mentionsVariable(Expr e) {
        return switch (e) {
            case Const c -> false;
            case Var v -> true;
            case Neg(Expr a) -> mentionsVariable(a);
            case Add(List<Expr> t) -> t.stream().anyMatch(RefEval::mentionsVariable);
            case Mul(List<Expr> f) -> f.stream().anyMatch(RefEval::mentionsVariable);
            case Div(Expr n, Expr d) -> mentionsVariable(n) || mentionsVariable(d);
            case Pow(Expr b, Expr k) -> mentionsVariable(b) || mentionsVariable(k);
            case Call(var fn, List<Expr> a) -> a.stream().anyMatch(RefEval::mentionsVariable);
            // The emitter folds a where whose test is constant, so only the chosen side counts then.
            case Where(Cond c, Expr t, Expr f) -> mentionsVariable(c) || mentionsVariable(test(c, "", 0.0) ? t : f);
        };
    }

    static boolean mentionsVariable(Cond c) {
        return switch (c) {
            case Compare(Op op, Expr l, Expr r) -> mentionsVariable(l) || mentionsVariable(r);
            case And(Cond l, Cond r) -> mentionsVariable(l) || mentionsVariable(r);
            case Or(Cond l, Cond r) -> mentionsVariable(l) || mentionsVariable(r);
            case Not(Cond a) -> mentionsVariable(a);
        };
    }

    static boolean test(Cond c, String variable, double x) {
        return switch (c) {
            case Compare(Op op, Expr l, Expr r) -> op.test(value(l, variable, x), value(r, variable, x));
            case And(Cond l, Cond r) -> test(l, variable, x) && test(r, variable, x);
            case Or(Cond l, Cond r) -> test(l, variable, x) || test(r, variable, x);
            case Not(Cond a) -> !test(a, variable, x);
        };
    }

    /** Interesting inputs: signed zeros, infinities, NaN, tiny, huge, and ordinary values. */
    static final double[] SPECIAL = {
            0.0, -0.0, 1.0, -1.0, 0.5, -0.5, 2.0, -3.0, 20.0, -20.0, 40.0, -40.0, 700.0, -700.0, 800.0, -800.0,
            1e-8, -1e-8, 1e-300, -1e-300, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE,
            Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN, Math.PI, -Math.E, 0.1, 1e154, 1e-154,
    };

    static List<Double> inputs(long seed, int n) {
        List<Double> out = new ArrayList<>();
        for (double d : SPECIAL) out.add(d);
        java.util.Random r = new java.util.Random(seed);
        for (int i = 0; i < n; i++) {
            out.add(switch (i % 3) {
                case 0 -> r.nextGaussian() * 5;
                case 1 -> (r.nextDouble() - 0.5) * 60;
                default -> Double.longBitsToDouble(r.nextLong());
            });
        }
        return out;
    }
}
