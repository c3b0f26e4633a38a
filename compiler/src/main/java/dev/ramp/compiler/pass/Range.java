package dev.ramp.compiler.pass;

import dev.ramp.compiler.ir.Expr;
import dev.ramp.compiler.ir.Expr.*;
import dev.ramp.compiler.ir.Fn;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an expression's computed double value can be, for the simplifier's guards: it lies in
 * {@code [lo, hi]}, or is NaN when {@code nan} is set. {@code exp(log u) -> u} needs {@code u}
 * never negative; {@code u / u -> 1} needs {@code u} never zero and never NaN.
 *
 * <p>The analysis assumes what the simplifier's contract assumes: variables are finite numbers,
 * and no intermediate value is infinite. Where one is (an overflow, a pole such as {@code 1/0}),
 * the simplifier may change the result (that is how {@code log(exp(800))} becomes 800), so
 * intervals are clamped to the finite doubles and {@code nan} means a domain error: the log or
 * square root of a negative number, 0/0, a negative number to a fractional power, a NaN
 * constant. Within that assumption the bounds are sound: rounding is monotone, so endpoints
 * computed in double bound the computed values, and the library functions are semi-monotone
 * (endpoints are widened by one ulp for safety, then clamped to the function's known range).
 *
 * @param lo the least value
 * @param hi the greatest value
 * @param nan whether the value may be NaN
 */
public record Range(double lo, double hi, boolean nan) {
    private static final double MAX = Double.MAX_VALUE;

    /** Anything at all. */
    public static final Range ANY = new Range(-MAX, MAX, true);
    /** A variable: any finite number. */
    public static final Range FINITE = new Range(-MAX, MAX, false);

    /** Never negative (may be zero or NaN). */
    public boolean nonnegative() {
        return lo >= 0;
    }

    /** Never NaN. */
    public boolean defined() {
        return !nan;
    }

    /** Never zero and never NaN. */
    public boolean definedNonzero() {
        return !nan && (lo > 0 || hi < 0);
    }

    /** A range clamped to the finite doubles (an infinite intermediate is outside the contract). */
    private static Range of(double lo, double hi, boolean nan) {
        if (Double.isNaN(lo) || Double.isNaN(hi)) return ANY;
        return new Range(Math.max(-MAX, Math.min(lo, MAX)), Math.min(MAX, Math.max(hi, -MAX)), nan);
    }

    private boolean mayBe(double v) {
        return lo <= v && v <= hi;
    }

    /** This range intersected with {@code [min, max]}, a function's known bounds. */
    private Range within(double min, double max) {
        return of(Math.max(lo, min), Math.min(hi, max), nan);
    }

    /** The union of two ranges (either branch of a {@code where}). */
    Range union(Range o) {
        return of(Math.min(lo, o.lo), Math.max(hi, o.hi), nan || o.nan);
    }

    /** Interval analysis with a memo by identity, so a shared subtree is analysed once. */
    static final class Analysis {
        private final Map<Expr, Range> memo = new IdentityHashMap<>();

        Range of(Expr e) {
            Range known = memo.get(e);
            if (known != null) return known;
            Range r = compute(e);
            memo.put(e, r);
            return r;
        }

        private Range compute(Expr e) {
            return switch (e) {
                case Const(double v) -> Double.isNaN(v) ? ANY : Range.of(v, v, false);
                case Var v -> FINITE;
                case Neg(Expr a) -> {
                    Range r = of(a);
                    yield Range.of(-r.hi, -r.lo, r.nan);
                }
                case Add(List<Expr> terms) -> {
                    Range sum = of(terms.getFirst());
                    for (int i = 1; i < terms.size(); i++) sum = add(sum, of(terms.get(i)));
                    yield sum;
                }
                case Mul(List<Expr> factors) -> {
                    Range product = of(factors.getFirst());
                    for (int i = 1; i < factors.size(); i++) product = mul(product, of(factors.get(i)));
                    yield product;
                }
                case Div(Expr n, Expr d) -> div(of(n), of(d));
                case Pow(Expr b, Expr x) -> pow(of(b), of(x), x);
                case Call(Fn fn, List<Expr> args) -> args.size() == 1
                        ? call(fn, of(args.getFirst()))
                        : extremum(fn, of(args.get(0)), of(args.get(1)));
                case Where(var c, Expr t, Expr f) -> of(t).union(of(f));
            };
        }

        private static Range add(Range a, Range b) {
            return Range.of(a.lo + b.lo, a.hi + b.hi, a.nan || b.nan);
        }

        private static Range mul(Range a, Range b) {
            return corners(a, b, (x, y) -> x * y, a.nan || b.nan);
        }

        /** A divisor that may be 0 gives any value (a pole), and NaN if the dividend may be 0 too. */
        private static Range div(Range n, Range d) {
            if (d.mayBe(0)) return Range.of(-MAX, MAX, n.nan || d.nan || n.mayBe(0));
            return corners(n, d, (x, y) -> x / y, n.nan || d.nan);
        }

        /** Rounding is monotone, so the extremes over a box are at its corners (0 * inf read as 0). */
        private static Range corners(Range a, Range b, java.util.function.DoubleBinaryOperator op, boolean nan) {
            double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
            for (double x : new double[] {a.lo, a.hi}) {
                for (double y : new double[] {b.lo, b.hi}) {
                    double v = op.applyAsDouble(x, y);
                    if (Double.isNaN(v)) v = 0;
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
            return Range.of(lo, hi, nan);
        }

        /** Only the signs matter to the guards: an even power or a nonnegative base is never negative. */
        private static Range pow(Range base, Range exponent, Expr exponentExpr) {
            if (exponentExpr instanceof Const(double c)) {
                boolean integer = c == Math.rint(c) && !Double.isInfinite(c);
                boolean even = integer && Math.abs(c % 2) == 0;
                boolean nan = base.nan || Double.isNaN(c) || (!integer && base.lo < 0);
                if (even || base.nonnegative()) return Range.of(0, MAX, nan);
                return Range.of(-MAX, MAX, nan);
            }
            // A negative base with a fractional exponent is NaN.
            boolean nan = base.nan || exponent.nan || base.lo < 0;
            return base.nonnegative() ? Range.of(0, MAX, nan) : Range.of(-MAX, MAX, nan);
        }

        private static Range call(Fn fn, Range a) {
            return switch (fn) {
                case EXP, EXPM1, SINH, SOFTPLUS -> increasing(fn, a, -MAX);
                case TANH, ERF -> increasing(fn, a, -MAX).within(-1, 1);
                case SIGMOID -> increasing(fn, a, -MAX).within(0, 1);
                case ATAN -> increasing(fn, a, -MAX).within(-Math.PI / 2, Math.PI / 2);
                case LOG, SQRT -> increasing(fn, a, 0);
                case LOG1P -> increasing(fn, a, -1);
                case ERFC -> Range.of(down(fn.apply(a.hi)), up(fn.apply(a.lo)), a.nan).within(0, 2);
                case ABS -> {
                    if (a.lo >= 0) yield a;
                    if (a.hi <= 0) yield Range.of(-a.hi, -a.lo, a.nan);
                    yield Range.of(0, Math.max(-a.lo, a.hi), a.nan);
                }
                case SIGN -> Range.of(-1, 1, a.nan);
                case COSH -> Range.of(1, up(Math.cosh(Math.max(-a.lo, a.hi))), a.nan);
                case SIN, COS -> Range.of(-1, 1, a.nan);
                case MAX, MIN -> throw new IllegalStateException(fn + " takes two arguments");
            };
        }

        /** A monotone increasing function, NaN below {@code domainLo}; endpoints widened by an ulp. */
        private static Range increasing(Fn fn, Range a, double domainLo) {
            boolean nan = a.nan || a.lo < domainLo;
            if (a.hi < domainLo) return ANY;
            double lo = Math.max(a.lo, domainLo);
            return Range.of(down(fn.apply(lo)), up(fn.apply(a.hi)), nan);
        }

        /**
         * One ulp below, to cover an endpoint's own rounding; but never across zero, since every
         * primitive that can reach zero (exp underflowing, tanh(0)) does so exactly and its sign
         * is what the guards need.
         */
        private static double down(double v) {
            return v == 0 ? v : Math.nextDown(v);
        }

        private static double up(double v) {
            return v == 0 ? v : Math.nextUp(v);
        }

        private static Range extremum(Fn fn, Range a, Range b) {
            boolean nan = a.nan || b.nan;
            return fn == Fn.MAX
                    ? Range.of(Math.max(a.lo, b.lo), Math.max(a.hi, b.hi), nan)
                    : Range.of(Math.min(a.lo, b.lo), Math.min(a.hi, b.hi), nan);
        }
    }
}
