package dev.ramp.compiler.pass;

import dev.ramp.compiler.ir.Expr;
import dev.ramp.compiler.ir.Expr.*;
import dev.ramp.compiler.ir.Fn;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an expression's computed double value can be: it lies in {@code [lo, hi]} (on the
 * extended reals, so an infinite bound means the value itself may be infinite) or is NaN when
 * {@code nan} is set. The simplifier's guards consult this: {@code exp(log u) -> u} needs
 * {@code u} never negative, {@code u / u -> 1} needs {@code u} finite, nonzero and never NaN.
 *
 * <p>Assumption: variables are finite numbers, never NaN or infinite. Everything else is derived
 * soundly from IEEE semantics: rounding is monotone, so interval endpoints computed in double
 * bound the computed values, and the library functions are semi-monotone (endpoints are widened
 * by one ulp for the ones ramp implements itself).
 *
 * @param lo the least value (may be {@code -Infinity})
 * @param hi the greatest value (may be {@code +Infinity})
 * @param nan whether the value may be NaN
 */
public record Range(double lo, double hi, boolean nan) {
    /** Anything at all. */
    public static final Range ANY = new Range(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, true);
    /** A variable: any finite number. */
    public static final Range FINITE = new Range(-Double.MAX_VALUE, Double.MAX_VALUE, false);

    /** Never negative (may be zero, +Infinity or NaN). */
    public boolean nonnegative() {
        return lo >= 0;
    }

    /** Always finite and never NaN. */
    public boolean finite() {
        return !nan && lo > Double.NEGATIVE_INFINITY && hi < Double.POSITIVE_INFINITY;
    }

    /** Always finite, never NaN and never zero. */
    public boolean finiteNonzero() {
        return finite() && (lo > 0 || hi < 0);
    }

    private static Range of(double lo, double hi, boolean nan) {
        if (Double.isNaN(lo) || Double.isNaN(hi)) return ANY;
        return new Range(lo, hi, nan);
    }

    private boolean mayBe(double v) {
        return lo <= v && v <= hi;
    }

    private boolean mayBeInfinite() {
        return lo == Double.NEGATIVE_INFINITY || hi == Double.POSITIVE_INFINITY;
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
                case Const(double v) -> Double.isNaN(v) ? ANY : new Range(v, v, false);
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
            boolean nan = a.nan || b.nan
                    || (a.hi == Double.POSITIVE_INFINITY && b.lo == Double.NEGATIVE_INFINITY)
                    || (a.lo == Double.NEGATIVE_INFINITY && b.hi == Double.POSITIVE_INFINITY);
            double lo = a.lo + b.lo, hi = a.hi + b.hi;
            return Range.of(Double.isNaN(lo) ? Double.NEGATIVE_INFINITY : lo, Double.isNaN(hi) ? Double.POSITIVE_INFINITY : hi, nan);
        }

        private static Range mul(Range a, Range b) {
            boolean nan = a.nan || b.nan || (a.mayBe(0) && b.mayBeInfinite()) || (b.mayBe(0) && a.mayBeInfinite());
            return corners(a, b, (x, y) -> x * y, nan);
        }

        private static Range div(Range n, Range d) {
            if (d.mayBe(0)) return ANY;
            boolean nan = n.nan || d.nan || (n.mayBeInfinite() && d.mayBeInfinite());
            return corners(n, d, (x, y) -> x / y, nan);
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
                boolean nan = base.nan || (!integer && base.lo < 0) || Double.isNaN(c)
                        || (Double.isInfinite(c) && base.mayBe(1) || Double.isInfinite(c) && base.mayBe(-1));
                if (even || base.nonnegative()) return Range.of(0, Double.POSITIVE_INFINITY, nan);
                return Range.of(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, nan);
            }
            // |base| = 1 with an infinite exponent is NaN in Java, as is a negative base with a fractional one.
            boolean nan = base.nan || exponent.nan || base.lo < 0 || exponent.mayBeInfinite();
            if (base.nonnegative()) return Range.of(0, Double.POSITIVE_INFINITY, nan);
            return ANY;
        }

        private static Range call(Fn fn, Range a) {
            return switch (fn) {
                case EXP, EXPM1, TANH, SINH, ATAN, SIGMOID, SOFTPLUS, ERF -> increasing(fn, a, Double.NEGATIVE_INFINITY);
                case LOG, SQRT -> increasing(fn, a, 0);
                case LOG1P -> increasing(fn, a, -1);
                case ERFC -> Range.of(down(fn.apply(a.hi)), up(fn.apply(a.lo)), a.nan);
                case ABS -> {
                    if (a.lo >= 0) yield a;
                    if (a.hi <= 0) yield Range.of(-a.hi, -a.lo, a.nan);
                    yield Range.of(0, Math.max(-a.lo, a.hi), a.nan);
                }
                case SIGN -> Range.of(-1, 1, a.nan);
                case COSH -> Range.of(1, up(Math.cosh(Math.max(-a.lo, a.hi))), a.nan);
                case SIN, COS -> Range.of(-1, 1, a.nan || a.mayBeInfinite());
                case MAX, MIN -> throw new IllegalStateException(fn + " takes two arguments");
            };
        }

        /** A monotone increasing function, NaN below {@code domainLo}; endpoints widened by an ulp. */
        private static Range increasing(Fn fn, Range a, double domainLo) {
            boolean nan = a.nan || a.lo < domainLo;
            double lo = Math.max(a.lo, domainLo), hi = a.hi;
            if (hi < domainLo) return ANY;
            return Range.of(down(fn.apply(lo)), up(fn.apply(hi)), nan);
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
