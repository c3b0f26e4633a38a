package dev.ramp.compiler.gen;

import dev.ramp.compiler.ir.Cond;
import dev.ramp.compiler.ir.Expr;
import dev.ramp.compiler.ir.Expr.*;
import dev.ramp.compiler.ir.Fn;
import dev.ramp.compiler.pass.Eval;
import java.util.List;
import java.util.Map;

/**
 * A value with a bound on its accumulated rounding error: running (first-order) error analysis
 * evaluated beside the value. Each operation contributes half an ulp of its result (a few ulps
 * for library functions, plus the smallest subnormal for underflow) and propagates its operands'
 * errors through its local derivative, so cancellation and division by small numbers widen the
 * bound exactly where they amplify error. Two evaluations of equal real quantities should differ
 * by no more than the sum of their bounds; tests allow a small multiple for the second-order
 * terms the analysis drops.
 *
 * @param value the computed value (as {@link Eval} computes it)
 * @param error a bound on |value - exact value|
 */
public record ErrorBound(double value, double error) {
    /** An error that cannot be computed (inf * 0 in the propagation) is unknown, so unbounded. */
    public ErrorBound {
        if (Double.isNaN(error)) error = Double.POSITIVE_INFINITY;
    }

    private static final double U = 0x1p-53;
    private static final double TINY = Double.MIN_VALUE;
    /** Library functions are within 1 ulp (java.lang.Math) or a few (ramp's own). */
    private static final double LIBRARY_ULPS = 4;

    /** The value of {@code e} at {@code env} with its error bound. */
    public static ErrorBound eval(Expr e, Map<String, Double> env) {
        return switch (e) {
            case Const(double c) -> new ErrorBound(c, 0);
            case Var(String n) -> new ErrorBound(env.get(n), 0);
            case Neg(Expr a) -> {
                ErrorBound x = eval(a, env);
                yield new ErrorBound(-x.value, x.error);
            }
            case Add(List<Expr> ts) -> {
                ErrorBound sum = eval(ts.getFirst(), env);
                for (Expr t : ts.subList(1, ts.size())) {
                    ErrorBound x = eval(t, env);
                    double v = sum.value + x.value;
                    sum = new ErrorBound(v, sum.error + x.error + rounding(v, 1));
                }
                yield sum;
            }
            case Mul(List<Expr> fs) -> {
                ErrorBound p = eval(fs.getFirst(), env);
                for (Expr f : fs.subList(1, fs.size())) {
                    ErrorBound x = eval(f, env);
                    double v = p.value * x.value;
                    p = new ErrorBound(v, times(Math.abs(x.value), p.error) + times(Math.abs(p.value), x.error) + p.error * x.error + rounding(v, 1));
                }
                yield p;
            }
            case Div(Expr n, Expr d) -> {
                ErrorBound a = eval(n, env), b = eval(d, env);
                double v = a.value / b.value;
                double denominator = Math.abs(b.value) - b.error;   // the smallest the divisor can be
                double propagated = denominator > 0 ? (a.error + times(Math.abs(v), b.error)) / denominator : Double.POSITIVE_INFINITY;
                yield new ErrorBound(v, propagated + rounding(v, 1));
            }
            case Pow(Expr b, Expr x) -> {
                ErrorBound base = eval(b, env), exponent = eval(x, env);
                double v = Math.pow(base.value, exponent.value);
                double dBase = exponent.value == 0 ? 0 : Math.abs(exponent.value * Math.pow(base.value, exponent.value - 1));
                double dExponent = exponent.error == 0 ? 0 : Math.abs(v * Math.log(Math.abs(base.value)));
                yield new ErrorBound(v, times(dBase, base.error) + times(dExponent, exponent.error) + rounding(v, LIBRARY_ULPS));
            }
            case Call(Fn fn, List<Expr> args) -> {
                if (args.size() == 2) {
                    ErrorBound a = eval(args.get(0), env), b = eval(args.get(1), env);
                    yield new ErrorBound(fn.apply(a.value, b.value), Math.max(a.error, b.error));
                }
                ErrorBound a = eval(args.getFirst(), env);
                double v = fn.apply(a.value);
                double slope = a.error == 0 ? 0 : Math.abs(HyperDual.eval(new Call(fn, List.of(new Var("t"))), Map.of("t", a.value), "t").d1());
                yield new ErrorBound(v, times(slope, a.error) + rounding(v, LIBRARY_ULPS));
            }
            case Where(Cond c, Expr t, Expr f) -> Eval.test(c, Eval.Env.of(env)) ? eval(t, env) : eval(f, env);
        };
    }

    /**
     * A slope times an error; a zero of either propagates nothing (even against an infinity), and
     * an unknown (NaN) slope gives an unknown, hence unbounded, error.
     */
    private static double times(double slope, double error) {
        if (error == 0 || slope == 0) return 0;
        double product = slope * error;
        return Double.isNaN(product) ? Double.POSITIVE_INFINITY : product;
    }

    private static double rounding(double v, double ulps) {
        return Double.isFinite(v) ? ulps * U * Math.abs(v) + TINY : 0;
    }
}
