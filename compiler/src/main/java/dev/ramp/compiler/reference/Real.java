package dev.ramp.compiler.reference;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * An extended real number as the reference evaluator computes it: a finite value held exactly
 * in a {@link BigDecimal}, a signed infinity, a magnitude beyond any representable exponent, or
 * no value at all.
 *
 * <p>Finite values keep their decimal exponent within {@code +-}{@link #EXPONENT_LIMIT}. That is
 * far past every floating-point format (doubles end near 10^308) yet keeps every
 * {@code BigDecimal} operation clear of its 32-bit scale. Anything further out becomes
 * {@link Beyond}, which remembers only a sign and a bound on its exponent: enough to know that
 * the correctly rounded double is 0 or infinite, and that adding it to an ordinary number
 * changes nothing at any working precision. That is how {@code x * exp(-x^2)} at
 * {@code x = 1e300} still has a reference (a tiny positive number, whose double is +0).
 * Arithmetic on such values is done on their bounds where that is sound (a product of tiny
 * values is tiny; tanh of a tiny value is that value up to a factor 1 + 10^-(10^7)) and
 * otherwise gives up with {@link Why#OUT_OF_RANGE}, as for {@code exp(x) * exp(-x)} at
 * {@code x = 1e9}.
 *
 * {@snippet :
 * Real r = new HighPrecision().evaluate(expr, "x", 800.0).value();
 * if (r instanceof Real.Finite(BigDecimal v)) System.out.println(v.round(new MathContext(20)));
 * double nearest = r.toDouble(); // correctly rounded: Infinity for exp(800)
 * }
 */
public sealed interface Real {

    /**
     * Decimal exponents of finite values stay within {@code +-EXPONENT_LIMIT}: 10^7 is far past
     * every floating format, yet products and powers of such values cannot overflow the
     * {@code int} scale of {@code BigDecimal} (2^31 ~ 2.1e9).
     */
    long EXPONENT_LIMIT = 10_000_000L;

    /** A finite real, exactly the value of its {@code BigDecimal}; zero has no sign. */
    record Finite(BigDecimal value) implements Real {
        public Finite {
            Objects.requireNonNull(value);
        }
    }

    /** {@code +infinity} when {@code negative} is false, else {@code -infinity}. */
    record Infinite(boolean negative) implements Real {}

    /**
     * A finite nonzero real too far from 1 to hold: when {@code log10Bound < 0} its magnitude is
     * below {@code 10^log10Bound} (tiny), otherwise above {@code 10^log10Bound} (huge). The bound
     * is at least {@link #EXPONENT_LIMIT} in magnitude; it may be clamped towards zero (which
     * keeps it a true bound) when the real exponent does not fit a double, as for
     * {@code exp(-1e300)}.
     *
     * @param signum -1 or 1
     */
    record Beyond(int signum, double log10Bound) implements Real {
        public Beyond {
            if (signum != 1 && signum != -1) throw new IllegalArgumentException("signum " + signum);
            if (!(Math.abs(log10Bound) >= EXPONENT_LIMIT)) throw new IllegalArgumentException("bound " + log10Bound);
        }

        /** True for a magnitude below 10^-EXPONENT_LIMIT, false for one above 10^EXPONENT_LIMIT. */
        public boolean tiny() {
            return log10Bound < 0;
        }
    }

    /** No value: what a double computation would turn into NaN, with the reason. */
    record Undefined(Why why) implements Real {
        public Undefined {
            Objects.requireNonNull(why);
        }
    }

    /** Why a result is {@link Undefined}. */
    enum Why {
        /** An argument outside the function's domain: log(-1), sqrt(-1), (-8)^(1/3), sin(inf). */
        DOMAIN,
        /** An indeterminate form: 0/0, inf - inf, 0 * inf, inf/inf, 1^inf. */
        INDETERMINATE,
        /**
         * A nonzero number divided by exact zero (or zero to an odd negative power): the one-sided
         * limits are infinities of opposite sign, so there is no value to compare with. Doubles
         * give a signed infinity there, which callers should not count as an error.
         */
        POLE,
        /** A variable was bound to NaN. */
        NAN_INPUT,
        /**
         * The value exists but left the representable range in a way that loses it, e.g.
         * log(exp(1e9)) or tiny * huge; practically this needs arguments beyond 10^7 to exp.
         */
        OUT_OF_RANGE
    }

    /** The finite real {@code v} (or {@link Beyond} when its exponent is out of range). */
    static Real of(BigDecimal v) {
        if (v.signum() == 0) return new Finite(BigDecimal.ZERO);
        long exponent = (long) v.precision() - v.scale() - 1; // v = d.ddd * 10^exponent
        if (exponent > EXPONENT_LIMIT) return new Beyond(v.signum(), exponent);
        if (exponent < -EXPONENT_LIMIT) return new Beyond(v.signum(), exponent + 1);
        return new Finite(v);
    }

    /** The exact value of a double: NaN is {@link Why#NAN_INPUT}, +-0 are both zero. */
    static Real of(double d) {
        if (Double.isNaN(d)) return new Undefined(Why.NAN_INPUT);
        if (Double.isInfinite(d)) return new Infinite(d < 0);
        return new Finite(new BigDecimal(d));
    }

    /** The double nearest to this value (ties to even): NaN for {@link Undefined}. */
    default double toDouble() {
        return switch (this) {
            case Finite(BigDecimal v) -> v.doubleValue();
            case Infinite(boolean negative) -> negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            case Beyond b -> b.tiny() ? Math.copySign(0.0, b.signum()) : b.signum() * Double.POSITIVE_INFINITY;
            case Undefined u -> Double.NaN;
        };
    }

    /** The float nearest to this value (ties to even): NaN for {@link Undefined}. */
    default float toFloat() {
        return switch (this) {
            case Finite(BigDecimal v) -> v.floatValue();
            case Infinite(boolean negative) -> negative ? Float.NEGATIVE_INFINITY : Float.POSITIVE_INFINITY;
            case Beyond b -> b.tiny() ? Math.copySign(0.0f, b.signum()) : b.signum() * Float.POSITIVE_INFINITY;
            case Undefined u -> Float.NaN;
        };
    }

    /** -1, 0 or 1; throws for {@link Undefined}. */
    default int signum() {
        return switch (this) {
            case Finite(BigDecimal v) -> v.signum();
            case Infinite(boolean negative) -> negative ? -1 : 1;
            case Beyond b -> b.signum();
            case Undefined u -> throw new IllegalStateException("undefined value has no sign");
        };
    }
}
