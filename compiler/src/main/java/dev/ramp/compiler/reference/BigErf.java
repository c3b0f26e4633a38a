package dev.ramp.compiler.reference;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * erf and erfc of finite {@link BigDecimal} arguments, accurate in relative terms everywhere,
 * including erfc deep in its tail (erfc(30) = 2.56e-393) and erf of tiny arguments.
 *
 * <ul>
 *   <li>Small and moderate |x|: erf x = 2/sqrt(pi) e^(-x^2) sum 2^n x^(2n+1) / (1*3*...*(2n+1))
 *       (DLMF 7.6.2). Every term is positive, so unlike the alternating Maclaurin series it
 *       loses nothing to cancellation at any x.</li>
 *   <li>Large x: erfc by the even contraction of Laplace's continued fraction (DLMF 7.9.2),
 *       erfc x = 2x e^(-x^2) / sqrt(pi) / (2x^2+1 - 1*2 / (2x^2+5 - 3*4 / (2x^2+9 - ...))),
 *       evaluated backwards from a depth of (0.7 digits / x)^2 + 10, enough for the working
 *       precision (checked against the series where both are used, in the tests).</li>
 *   <li>The switch is at x = 0.6 sqrt(digits) (4.2 at 50 digits), where the two cost about
 *       the same; erfc below it is 1 - erf computed with extra digits for the cancellation
 *       (about x^2 / ln 10 of them), erf above it is 1 - erfc.</li>
 * </ul>
 */
final class BigErf {
    private BigErf() {}

    /** erf x. */
    static BigDecimal erf(BigDecimal x, MathContext mc) {
        if (x.signum() == 0) return BigDecimal.ZERO;
        MathContext w = BigMath.widen(mc, BigMath.GUARD);
        BigDecimal a = x.abs();
        BigDecimal r;
        if (a.compareTo(switchPoint(w)) < 0) {
            r = series(a, w);
        } else if (a.multiply(a).doubleValue() > (w.getPrecision() + 2) * Math.log(10)) {
            r = BigDecimal.ONE; // erfc below the last digit
        } else {
            r = BigDecimal.ONE.subtract(continuedFraction(a, w), w);
        }
        return x.signum() < 0 ? r.negate().round(mc) : r.round(mc);
    }

    /** erfc x; for x^2 up to {@link BigMath#EXP_ARGUMENT_LIMIT}. */
    static BigDecimal erfc(BigDecimal x, MathContext mc) {
        if (x.signum() == 0) return BigDecimal.ONE;
        MathContext w = BigMath.widen(mc, BigMath.GUARD);
        if (x.signum() < 0) return BigDecimal.ONE.add(erf(x.negate(), w), mc); // no cancellation
        if (x.compareTo(switchPoint(w)) >= 0) return continuedFraction(x, w).round(mc);
        // 1 - erf x loses about log10(1/erfc x) ~ x^2 / ln 10 digits: carry that many more.
        int extra = (int) Math.ceil(x.doubleValue() * x.doubleValue() / Math.log(10)) + 2;
        MathContext wide = BigMath.widen(w, extra);
        return BigDecimal.ONE.subtract(series(x, wide), mc);
    }

    private static BigDecimal switchPoint(MathContext w) {
        return BigDecimal.valueOf(Math.max(2.0, 0.6 * Math.sqrt(w.getPrecision())));
    }

    /** erf a for a > 0 by DLMF 7.6.2, the sum in fixed point. */
    static BigDecimal series(BigDecimal a, MathContext w) {
        BigDecimal sum = FixedPoint.erfSeriesSum(a, w);
        // a^2 exactly in the exponent: rounding it would cost log10(a^2) digits of e^(-a^2).
        BigDecimal scale = BigMath.exp(a.multiply(a).negate(), w).multiply(twoOverSqrtPi(w), w);
        return sum.multiply(scale, w);
    }

    /** erfc a for a >= 2 by the even contraction of Laplace's continued fraction. */
    static BigDecimal continuedFraction(BigDecimal a, MathContext w) {
        double ad = a.doubleValue();
        int depth = (int) Math.ceil(Math.pow(0.7 * w.getPrecision() / ad, 2)) + 10;
        BigDecimal den = FixedPoint.erfcFraction(a, depth, w);
        BigDecimal numerator = a.multiply(twoOverSqrtPi(w), w).multiply(BigMath.exp(a.multiply(a).negate(), w), w);
        return numerator.divide(den, w);
    }

    static BigDecimal twoOverSqrtPi(MathContext w) {
        return BigConstants.twoOverSqrtPi(w.getPrecision());
    }
}
