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
import java.util.List;

/**
 * x^y with {@link Math#pow}'s conventions where they are the mathematical ones: x^0 = 1 for
 * every x (even undefined, as Math.pow(NaN, 0)), integer powers of any real by repeated
 * multiplication (so (-2)^3 = -8 exactly, without logarithms), real powers of positive reals
 * as e^(y log x), 0^y = 0 for y > 0 and +infinity for y < 0 except a {@link Why#POLE} for odd
 * negative integers (where Math.pow gives a signed infinity). Unlike Math.pow, a negative base
 * with a non-integer or infinite exponent is {@link Why#DOMAIN} (no real value) and 1^inf is
 * {@link Why#INDETERMINATE}.
 */
final class Powers {
    /** Integer exponents up to this size are done by BigDecimal.pow; larger ones through logs. */
    private static final int DIRECT_LIMIT = 10_000;

    private final MathContext mc;

    Powers(MathContext mc) {
        this.mc = mc;
    }

    Val pow(Val base, Val exponent) {
        List<Val> both = List.of(base, exponent);
        Real x = base.value(), y = exponent.value();
        if (y instanceof Finite(BigDecimal n) && n.signum() == 0) return Val.exact(new Finite(BigDecimal.ONE));
        if (y instanceof Undefined) return exponent;
        if (x instanceof Undefined) return base;
        if (y instanceof Infinite(boolean negative)) return infiniteExponent(x, negative, both);
        if (y instanceof Beyond b) return beyondExponent(base, b, both);
        BigDecimal e = ((Finite) y).value();
        boolean integer = e.stripTrailingZeros().scale() <= 0;
        boolean odd = integer && e.toBigInteger().testBit(0);
        if (x.signum() < 0 && !integer) return Val.special(new Undefined(Why.DOMAIN), both);
        int resultSign = x.signum() < 0 && odd ? -1 : 1;
        return switch (x) {
            case Infinite inf -> Val.special(e.signum() > 0 ? new Infinite(resultSign < 0) : zero(), both);
            case Beyond b -> {
                double bound = b.log10Bound() * e.doubleValue(); // tiny^-y is huge and so on
                bound = Math.max(-1e300, Math.min(1e300, bound));
                if (Math.abs(bound) < Real.EXPONENT_LIMIT) throw new Arithmetic.OutOfRange("power of a beyond-range value");
                yield Val.special(new Beyond(resultSign, bound), both);
            }
            case Finite(BigDecimal v) when v.signum() == 0 -> {
                if (e.signum() > 0) yield Val.special(zero(), both);
                yield Val.special(odd ? new Undefined(Why.POLE) : new Infinite(false), both);
            }
            case Finite(BigDecimal v) -> finitePower(base, v, exponent, e, integer, resultSign);
            case Undefined u -> throw new IllegalStateException("handled above");
        };
    }

    private Val finitePower(Val base, BigDecimal v, Val exponent, BigDecimal e, boolean integer, int sign) {
        // Estimate log10 |result| first: out-of-range results become Beyond without computing.
        double log10v = BigMath.exponent(v) + Math.log10(v.abs().movePointLeft((int) BigMath.exponent(v)).doubleValue());
        double log10 = log10v == 0 ? 0 : e.doubleValue() * log10v;
        if (log10 > Real.EXPONENT_LIMIT + 1 || log10 < -Real.EXPONENT_LIMIT - 1) {
            double bound = Math.max(-1e300, Math.min(1e300, log10));
            return Val.special(new Beyond(sign, bound), List.of(base, exponent));
        }
        BigDecimal r;
        boolean exact;
        if (integer && e.abs().compareTo(BigDecimal.valueOf(DIRECT_LIMIT)) <= 0) {
            int n = e.intValueExact();
            r = v.pow(n, mc);
            long digits = (long) v.precision() * n;
            exact = n > 0 && (digits <= mc.getPrecision() || digits <= 3L * mc.getPrecision() && v.pow(n).compareTo(r) == 0);
        } else {
            // e^(y log|x|): the exponent's absolute error becomes the result's relative error,
            // so y log|x| gets as many extra digits as its integer part has.
            int extra = (int) Math.max(0, Math.log10(Math.abs(log10) + 1)) + 2;
            MathContext w = BigMath.widen(mc, BigMath.GUARD + extra);
            BigDecimal t = e.multiply(BigMath.log(v.abs(), w), w);
            if (t.abs().compareTo(BigDecimal.valueOf(BigMath.EXP_ARGUMENT_LIMIT)) > 0) {
                // The estimate above reads log|x| as 0 for |x| within a double's rounding of 1:
                // (1 + 1e-300)^(1e600) is e^(1e300), out of range however close x is to 1.
                double bound = Math.max(-1e300, Math.min(1e300, t.doubleValue() / Math.log(10)));
                return Val.special(new Beyond(sign, bound), List.of(base, exponent));
            }
            r = BigMath.exp(t, mc);
            if (sign < 0) r = r.negate();
            exact = false;
        }
        // d/dx x^y = y x^y / x, d/dy x^y = x^y log|x|.
        BigDecimal rm = mag(r);
        BigDecimal dx = mag(e).multiply(rm, Val.LOW).divide(mag(v), Val.LOW);
        BigDecimal dy = exponent.err() != null && exponent.err().signum() == 0 && exponent.scale().signum() == 0
                ? BigDecimal.ZERO
                : rm.multiply(BigDecimal.valueOf(Math.abs(log10v) * Math.log(10) + 1), Val.LOW);
        BigDecimal local = exact ? BigDecimal.ZERO : rm;
        BigDecimal err = plus(plus(times(dx, base.err()), times(dy, exponent.err())), local);
        BigDecimal scale = plus(plus(times(dx, base.scale()), times(dy, exponent.scale())), rm);
        return new Val(Real.of(r), err, scale);
    }

    /** x^(+-inf): 0 or infinity by whether |x| is below or above 1. */
    private static Val infiniteExponent(Real x, boolean negative, List<Val> both) {
        if (x.signum() < 0) return Val.special(new Undefined(Why.DOMAIN), both);
        int vsOne = switch (x) {
            case Finite(BigDecimal v) -> v.compareTo(BigDecimal.ONE);
            case Beyond b -> b.tiny() ? -1 : 1;
            case Infinite i -> 1;
            case Undefined u -> throw new IllegalStateException("handled above");
        };
        if (vsOne == 0) return Val.special(new Undefined(Why.INDETERMINATE), both);
        return Val.special((vsOne > 0) != negative ? new Infinite(false) : zero(), both);
    }

    /** x^y with y beyond range: 1 for tiny y and positive x; for huge y only 0 < x handled. */
    private static Val beyondExponent(Val base, Beyond y, List<Val> both) {
        Real x = base.value();
        if (x.signum() < 0) return Val.special(new Undefined(Why.DOMAIN), both);
        if (x.signum() == 0) return Val.special(y.signum() > 0 ? zero() : new Infinite(false), both);
        if (y.tiny()) {
            if (x instanceof Finite) return new Val(new Finite(BigDecimal.ONE), base.err() == null ? null : BigDecimal.ONE, BigDecimal.ONE);
            throw new Arithmetic.OutOfRange("beyond-range power");
        }
        if (x instanceof Finite(BigDecimal v) && v.compareTo(BigDecimal.ONE) == 0) return Val.special(new Finite(BigDecimal.ONE), both);
        if (x instanceof Infinite) return Val.special(y.signum() > 0 ? new Infinite(false) : zero(), both);
        throw new Arithmetic.OutOfRange("power with a huge exponent");
    }

    private static Real zero() {
        return new Finite(BigDecimal.ZERO);
    }
}
