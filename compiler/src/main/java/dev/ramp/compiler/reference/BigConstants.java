package dev.ramp.compiler.reference;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.function.IntFunction;

/**
 * pi, ln 2 and ln 10 to any number of digits, computed from exact rational series and cached
 * at the largest precision asked for so far (they are constants, not per-point results). The
 * series are independent of {@link BigMath}, which reduces its arguments with them, so an
 * error in one cannot hide an error in the other; the tests pin their digits to published
 * values.
 */
final class BigConstants {
    private BigConstants() {}

    private static final Cached PI = new Cached(BigConstants::computePi);
    private static final Cached LN2 = new Cached(BigConstants::computeLn2);
    private static final Cached LN10 = new Cached(BigConstants::computeLn10);
    private static final Cached TWO_OVER_SQRT_PI = new Cached(BigConstants::computeTwoOverSqrtPi);

    /** pi to {@code digits} significant digits (within one unit in the last place); likewise below. */
    static BigDecimal pi(int digits) {
        return PI.get(digits);
    }

    static BigDecimal ln2(int digits) {
        return LN2.get(digits);
    }

    static BigDecimal ln10(int digits) {
        return LN10.get(digits);
    }

    /** 2 / sqrt(pi), the factor of erf. */
    static BigDecimal twoOverSqrtPi(int digits) {
        return TWO_OVER_SQRT_PI.get(digits);
    }

    private static BigDecimal computeTwoOverSqrtPi(int digits) {
        MathContext mc = new MathContext(digits + 10, RoundingMode.HALF_EVEN);
        return BigDecimal.TWO.divide(pi(digits + 10).sqrt(mc), mc);
    }

    /** Machin: pi = 16 atan(1/5) - 4 atan(1/239). */
    private static BigDecimal computePi(int digits) {
        MathContext mc = new MathContext(digits + 10, RoundingMode.HALF_EVEN);
        BigDecimal a = atanOfInverse(5, mc).multiply(BigDecimal.valueOf(16), mc);
        BigDecimal b = atanOfInverse(239, mc).multiply(BigDecimal.valueOf(4), mc);
        return a.subtract(b, mc);
    }

    /** ln 2 = 2 atanh(1/3). */
    private static BigDecimal computeLn2(int digits) {
        MathContext mc = new MathContext(digits + 10, RoundingMode.HALF_EVEN);
        return atanhOfInverse(3, mc).multiply(BigDecimal.TWO, mc);
    }

    /** ln 10 = 3 ln 2 + ln(5/4), and ln(5/4) = 2 atanh(1/9). */
    private static BigDecimal computeLn10(int digits) {
        MathContext mc = new MathContext(digits + 10, RoundingMode.HALF_EVEN);
        BigDecimal ln2 = atanhOfInverse(3, mc).multiply(BigDecimal.TWO, mc);
        BigDecimal ln125 = atanhOfInverse(9, mc).multiply(BigDecimal.TWO, mc);
        return ln2.multiply(BigDecimal.valueOf(3), mc).add(ln125, mc);
    }

    /** atan(1/q) = sum (-1)^n / ((2n+1) q^(2n+1)), for an integer q >= 2. */
    private static BigDecimal atanOfInverse(int q, MathContext mc) {
        return inverseSeries(q, true, mc);
    }

    /** atanh(1/q) = sum 1 / ((2n+1) q^(2n+1)), for an integer q >= 2. */
    private static BigDecimal atanhOfInverse(int q, MathContext mc) {
        return inverseSeries(q, false, mc);
    }

    private static BigDecimal inverseSeries(int q, boolean alternate, MathContext mc) {
        BigDecimal q2 = BigDecimal.valueOf((long) q * q);
        BigDecimal power = BigDecimal.ONE.divide(BigDecimal.valueOf(q), mc); // 1/q^(2n+1)
        BigDecimal sum = power;
        BigDecimal negligible = BigDecimal.ONE.movePointLeft(mc.getPrecision() + 2);
        for (int n = 1; ; n++) {
            power = power.divide(q2, mc);
            BigDecimal term = power.divide(BigDecimal.valueOf(2L * n + 1), mc);
            sum = alternate && n % 2 == 1 ? sum.subtract(term, mc) : sum.add(term, mc);
            if (term.compareTo(negligible) < 0) return sum;
        }
    }

    /** A constant kept at the highest precision computed so far; races only repeat work. */
    private static final class Cached {
        private final IntFunction<BigDecimal> compute;
        private volatile BigDecimal value = BigDecimal.ZERO;

        Cached(IntFunction<BigDecimal> compute) {
            this.compute = compute;
        }

        BigDecimal get(int digits) {
            BigDecimal v = value;
            if (v.precision() < digits + 5) {
                // Grow geometrically so that rising precision costs O(log) recomputations.
                v = compute.apply(Math.max(digits + 5, 2 * v.precision()));
                value = v;
            }
            return v.round(new MathContext(digits, RoundingMode.HALF_EVEN));
        }
    }
}
