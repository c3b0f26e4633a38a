package dev.ramp.compiler.reference;

import static dev.ramp.compiler.reference.Val.mag;
import static dev.ramp.compiler.reference.Val.plus;
import static dev.ramp.compiler.reference.Val.times;

import dev.ramp.compiler.reference.Real.Beyond;
import dev.ramp.compiler.reference.Real.Finite;
import dev.ramp.compiler.reference.Real.Infinite;
import dev.ramp.compiler.reference.Real.Undefined;
import dev.ramp.compiler.reference.Real.Why;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

/**
 * Sums, products, quotients and comparisons of {@link Val}s at one working precision, over the
 * extended reals: IEEE's rules for infinities and undefined values, except that a nonzero
 * number divided by an exact zero is a {@link Why#POLE} rather than a signed infinity (the
 * reals have no signed zero to pick the sign). Every finite operation is rounded once to the
 * working precision; whether that rounding was exact is checked (cheaply) because exactness
 * is what lets an exact zero be trusted.
 */
final class Arithmetic {
    private final MathContext mc;
    private final int digits;

    Arithmetic(MathContext mc) {
        this.mc = mc;
        this.digits = mc.getPrecision();
    }

    /** Thrown when a value leaves the representable range in a way that loses it. */
    static final class OutOfRange extends RuntimeException {
        OutOfRange(String message) {
            super(message, null, false, false);
        }
    }

    Val negate(Val a) {
        return switch (a.value()) {
            case Finite(BigDecimal v) -> new Val(new Finite(v.negate()), a.err(), a.scale());
            case Infinite(boolean negative) -> new Val(new Infinite(!negative), a.err(), a.scale());
            case Beyond(int s, double b) -> new Val(new Beyond(-s, b), a.err(), a.scale());
            case Undefined u -> a;
        };
    }

    Val add(List<Val> terms) {
        Val special = addSpecial(terms);
        if (special != null) return special;
        BigDecimal sum = null;
        BigDecimal err = BigDecimal.ZERO;
        BigDecimal scale = BigDecimal.ZERO;
        for (Val t : terms) {
            err = plus(err, t.err());
            scale = plus(scale, t.scale());
            if (!(t.value() instanceof Finite(BigDecimal v))) continue; // a negligible tiny term
            if (sum == null) {
                sum = v;
                continue;
            }
            BigDecimal next = sum.add(v, mc);
            if (!exactSum(sum, v, next)) err = plus(err, mag(next));
            scale = plus(scale, mag(next));
            sum = next;
        }
        return new Val(Real.of(sum.round(mc)), err, scale);
    }

    /** Whether a + b rounded to {@code rounded} without error; false when too costly to tell. */
    private boolean exactSum(BigDecimal a, BigDecimal b, BigDecimal rounded) {
        if (a.signum() == 0) return rounded.compareTo(b) == 0;
        if (b.signum() == 0) return rounded.compareTo(a) == 0;
        long top = Math.max(BigMath.exponent(a), BigMath.exponent(b));
        long bottom = -Math.max((long) a.scale(), b.scale());
        if (top - bottom > 3L * digits) return false;
        return a.add(b).compareTo(rounded) == 0;
    }

    /** Sums with an infinite, undefined or beyond-range term; null when all terms are finite. */
    private Val addSpecial(List<Val> terms) {
        boolean plusInf = false, minusInf = false, beyond = false;
        for (Val t : terms) {
            switch (t.value()) {
                case Undefined u -> { return Val.special(u, terms); }
                case Infinite(boolean negative) -> { if (negative) minusInf = true; else plusInf = true; }
                case Beyond b -> beyond = true;
                case Finite f -> { }
            }
        }
        if (plusInf && minusInf) return Val.special(new Undefined(Why.INDETERMINATE), terms);
        if (plusInf || minusInf) return Val.special(new Infinite(minusInf), terms);
        if (!beyond) return null;
        // Finite terms are summed exactly as usual; a tiny term must be negligible next to that
        // sum, a huge one must dominate everything else.
        List<Val> finite = new ArrayList<>();
        List<Beyond> tiny = new ArrayList<>(), huge = new ArrayList<>();
        for (Val t : terms) {
            switch (t.value()) {
                case Beyond b when b.tiny() -> tiny.add(b);
                case Beyond b -> huge.add(b);
                default -> finite.add(t);
            }
        }
        BigDecimal sum = BigDecimal.ZERO;
        Val finiteSum = null;
        if (finite.size() == 1) finiteSum = finite.getFirst();
        if (finite.size() > 1) finiteSum = add(finite);
        if (finiteSum != null) sum = finiteSum.finite();
        if (!huge.isEmpty()) {
            int sign = sameSign(huge);
            double lo = huge.stream().mapToDouble(Beyond::log10Bound).min().orElseThrow();
            if (sum.signum() != 0 && BigMath.exponent(sum) > lo - digits - 5) throw new OutOfRange("huge + comparable finite");
            return Val.special(new Beyond(sign, lo), terms);
        }
        double hi = tiny.stream().mapToDouble(Beyond::log10Bound).max().orElseThrow() + Math.log10(tiny.size());
        if (sum.signum() == 0) {
            if (hi > -Real.EXPONENT_LIMIT) throw new OutOfRange("sum of tiny terms");
            boolean mixed = tiny.stream().anyMatch(b -> b.signum() != tiny.getFirst().signum());
            if (!mixed) return Val.special(new Beyond(tiny.getFirst().signum(), hi), terms);
            // Opposite signs: the sign is lost but not the size. A zero within 10^hi is as good
            // as the truth for every floating format (mish'(x) at x = -1e9 is such a sum).
            // (bounds can be clamped to -1e300; 10^(-2 EXPONENT_LIMIT) is still a bound and fits a BigDecimal)
            BigDecimal bound = BigDecimal.ONE.scaleByPowerOfTen((int) Math.ceil(Math.max(hi, -2.0 * Real.EXPONENT_LIMIT)));
            return new Val(new Finite(BigDecimal.ZERO), bound.scaleByPowerOfTen(digits - 1), bound);
        }
        if (BigMath.exponent(sum) < hi + digits + 5) throw new OutOfRange("tiny + comparable finite");
        // The tiny terms change the sum below its last digit: an inexact rounding.
        return new Val(Real.of(sum), plus(finiteSum.err(), mag(sum)), plus(finiteSum.scale(), mag(sum)));
    }

    private static int sameSign(List<Beyond> values) {
        int sign = values.getFirst().signum();
        for (Beyond b : values) {
            if (b.signum() != sign) throw new OutOfRange("beyond-range terms of opposite signs");
        }
        return sign;
    }

    Val multiply(List<Val> factors) {
        Val special = productSpecial(factors, false);
        if (special != null) return special;
        int n = factors.size();
        // err and scale of a product: sum over i of bound_i * prod_{j != i} |f_j|, by prefix/suffix products.
        BigDecimal[] suffix = new BigDecimal[n + 1];
        suffix[n] = BigDecimal.ONE;
        for (int i = n - 1; i >= 0; i--) suffix[i] = times(suffix[i + 1], mag(factors.get(i).finite()));
        BigDecimal prefix = BigDecimal.ONE;
        BigDecimal err = BigDecimal.ZERO, scale = BigDecimal.ZERO;
        BigDecimal product = null;
        int inexact = 0;
        for (int i = 0; i < n; i++) {
            Val f = factors.get(i);
            BigDecimal others = times(prefix, suffix[i + 1]);
            err = plus(err, times(f.err(), others));
            scale = plus(scale, times(f.scale(), others));
            prefix = times(prefix, mag(f.finite()));
            BigDecimal v = f.finite();
            if (product == null) {
                product = v;
                continue;
            }
            BigDecimal next = product.multiply(v, mc);
            if (!exactProduct(product, v, next)) inexact++;
            product = next;
        }
        // Rounding a partial product is a relative error that the later factors carry along:
        // each rounding adds one unit of the final product, not of the partial one (x * 0.4 *
        // e^-277512 rounds x * 0.4 ~ 300, but the error that reaches the result is 1e-120520).
        BigDecimal r = mag(product);
        err = plus(err, r.multiply(BigDecimal.valueOf(inexact)));
        scale = plus(scale, r.multiply(BigDecimal.valueOf(n - 1)));
        return new Val(Real.of(product), err, scale);
    }

    private boolean exactProduct(BigDecimal a, BigDecimal b, BigDecimal rounded) {
        if (a.signum() == 0 || b.signum() == 0) return true;
        int needed = a.precision() + b.precision();
        if (needed <= digits) return true;
        if (needed > 3 * digits) return false;
        return a.multiply(b).compareTo(rounded) == 0;
    }

    /**
     * Products and quotients with a non-finite or beyond-range operand, or a zero divisor; null
     * when ordinary arithmetic applies. For quotients, factors are {numerator, denominator}.
     */
    private Val productSpecial(List<Val> factors, boolean quotient) {
        boolean zero = false, infinite = false, beyond = false;
        int sign = 1;
        for (int i = 0; i < factors.size(); i++) {
            Real r = factors.get(i).value();
            if (r instanceof Undefined u) return Val.special(u, factors);
            int s = r.signum();
            if (s == 0) zero = true;
            sign *= s == 0 ? 1 : s;
            if (r instanceof Infinite) infinite = true;
            if (r instanceof Beyond) beyond = true;
        }
        if (quotient) {
            Real num = factors.get(0).value(), den = factors.get(1).value();
            if (num.signum() == 0 && den.signum() == 0) return Val.special(new Undefined(Why.INDETERMINATE), factors);
            if (num instanceof Infinite && den instanceof Infinite) return Val.special(new Undefined(Why.INDETERMINATE), factors);
            if (den instanceof Infinite) return Val.special(new Finite(BigDecimal.ZERO), factors);
            if (num.signum() == 0) return zeroQuotient(factors.get(0), den);
            if (den.signum() == 0) return Val.special(new Undefined(Why.POLE), factors);
            if (num instanceof Infinite) return Val.special(new Infinite(sign < 0), factors);
        } else {
            if (zero && infinite) return Val.special(new Undefined(Why.INDETERMINATE), factors);
            if (zero) return zero(factors);
            if (infinite) return Val.special(new Infinite(sign < 0), factors);
        }
        if (!beyond) return null;
        // Only magnitudes are known: add the log10 intervals of the operands.
        double lo = 0, hi = 0;
        for (int i = 0; i < factors.size(); i++) {
            double[] m = log10Interval(factors.get(i).value());
            if (quotient && i == 1) {
                lo -= m[1];
                hi -= m[0];
            } else {
                lo += m[0];
                hi += m[1];
            }
        }
        if (hi <= -Real.EXPONENT_LIMIT) return Val.special(new Beyond(sign, Math.max(hi, -1e300)), factors);
        if (lo >= Real.EXPONENT_LIMIT) return Val.special(new Beyond(sign, Math.min(lo, 1e300)), factors);
        throw new OutOfRange("product of beyond-range values lands in range");
    }

    /**
     * A product with a zero factor: exact if some zero factor is exact; otherwise the true
     * product is about (the zeros' errors) times |the other factors|, which bounds it.
     */
    private static Val zero(List<Val> factors) {
        BigDecimal err = BigDecimal.ZERO, scale = BigDecimal.ZERO, others = BigDecimal.ONE;
        for (Val f : factors) {
            if (f.value().signum() != 0) {
                others = times(others, f.value() instanceof Finite(BigDecimal v) ? mag(v) : null);
            } else if (f.err() != null && f.err().signum() == 0) {
                return new Val(new Finite(BigDecimal.ZERO), BigDecimal.ZERO, times(f.scale(), BigDecimal.ZERO));
            } else {
                err = plus(err, f.err());
                scale = plus(scale, f.scale());
            }
        }
        return new Val(new Finite(BigDecimal.ZERO), times(err, others), times(scale, others));
    }

    /** 0 / den: exact if the zero is; otherwise its error divided by |den|. */
    private static Val zeroQuotient(Val num, Real den) {
        if (num.err() != null && num.err().signum() == 0) return new Val(new Finite(BigDecimal.ZERO), BigDecimal.ZERO, BigDecimal.ZERO);
        BigDecimal inv = den instanceof Finite(BigDecimal v) ? BigDecimal.ONE.divide(mag(v), Val.LOW) : null;
        return new Val(new Finite(BigDecimal.ZERO), times(num.err(), inv), times(num.scale(), inv));
    }

    /** [lo, hi] bounds on log10 |r| for a nonzero finite or beyond-range value. */
    static double[] log10Interval(Real r) {
        return switch (r) {
            case Finite(BigDecimal v) -> new double[] {BigMath.exponent(v), BigMath.exponent(v) + 1};
            case Beyond b when b.tiny() -> new double[] {Double.NEGATIVE_INFINITY, b.log10Bound()};
            case Beyond b -> new double[] {b.log10Bound(), Double.POSITIVE_INFINITY};
            case Infinite i -> new double[] {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
            case Undefined u -> throw new IllegalArgumentException("undefined");
        };
    }

    Val divide(Val num, Val den) {
        Val special = productSpecial(List.of(num, den), true);
        if (special != null) return special;
        BigDecimal a = num.finite(), b = den.finite();
        BigDecimal q = a.divide(b, mc);
        boolean exact = q.multiply(b).compareTo(a) == 0;
        // d(a/b) = da / b - (a/b) db / b
        BigDecimal invB = BigDecimal.ONE.divide(mag(b), Val.LOW);
        BigDecimal qm = mag(q);
        BigDecimal err = times(plus(num.err(), times(qm, den.err())), invB);
        if (!exact) err = plus(err, qm);
        BigDecimal scale = plus(times(plus(num.scale(), times(qm, den.scale())), invB), qm);
        return new Val(Real.of(q), err, scale);
    }

    /**
     * The sign of a - b, or null when the comparison is false whatever the operator (an
     * undefined operand); infinities compare as in IEEE.
     */
    Integer compare(Real a, Real b) {
        if (a instanceof Undefined || b instanceof Undefined) return null;
        if (a instanceof Finite(BigDecimal x) && b instanceof Finite(BigDecimal y)) return x.compareTo(y);
        if (a instanceof Infinite(boolean na) && b instanceof Infinite(boolean nb)) return Boolean.compare(nb, na);
        if (a instanceof Infinite(boolean na)) return na ? -1 : 1;
        if (b instanceof Infinite(boolean nb)) return nb ? 1 : -1;
        Val d = add(List.of(Val.exact(a), negate(Val.exact(b))));
        return d.value().signum();
    }
}
