package dev.ramp.runtime;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * erf and erfc of a double, in BigDecimal to well over 60 significant digits, for measuring
 * the double implementation in ulps.
 *
 * <ul>
 *   <li>|x| &lt;= 3: Maclaurin series erf(x) = 2/sqrt(pi) sum (-1)^n x^(2n+1) / (n! (2n+1)),
 *       in 90 digits. The largest term is below 200 (at |x| = 3), so cancellation costs at most
 *       three digits; erfc(x) = 1 - erf(x) is still good to more than 80 digits relative since
 *       erfc(3) = 2.2e-5.</li>
 *   <li>|x| &gt; 3: erfc(|x|) by the even part of the Laplace continued fraction
 *       (DLMF 7.9.2 contracted): erfc(x) = 2x exp(-x^2)/sqrt(pi) / (2x^2+1 - 1*2/(2x^2+5 -
 *       3*4/(2x^2+9 - ...))), evaluated backwards from depth N = (50/x)^2 + 20, which was
 *       found sufficient for a relative error below 1e-80 on [3, 33]. exp(-x^2) is
 *       e^-floor(x^2) (a power of a 120-digit 1/e) times a Taylor series for the fraction.
 *       erf(x) = sign(x) (1 - erfc(|x|)), erfc(-x) = 2 - erfc(x).</li>
 *   <li>|x| &gt;= 40: erfc(|x|) &lt; exp(-1600) is taken as 0; its double is 0 either way
 *       (the double range ends at 4.9e-324 = exp(-744.4)).</li>
 * </ul>
 * The series and the fraction are checked against each other on [2.5, 4] and both against
 * independently published values in {@code ErfReferenceTest}.
 */
final class ErfReference {
    private ErfReference() {}

    static final MathContext MC = new MathContext(90, RoundingMode.HALF_EVEN);
    private static final MathContext WIDE = new MathContext(120, RoundingMode.HALF_EVEN);

    /** pi to 110 digits. */
    static final BigDecimal PI = new BigDecimal(
            "3.14159265358979323846264338327950288419716939937510"
                    + "58209749445923078164062862089986280348253421170679"
                    + "8214808651");

    private static final BigDecimal TWO = BigDecimal.valueOf(2);
    private static final BigDecimal SQRT_PI = PI.sqrt(WIDE);
    private static final BigDecimal TWO_OVER_SQRT_PI = TWO.divide(SQRT_PI, WIDE);
    private static final BigDecimal INV_E = expTaylor(BigDecimal.ONE.negate(), WIDE);

    /** The series-versus-fraction switch point. */
    static final double SERIES_LIMIT = 3.0;

    static BigDecimal erf(double x) {
        check(x);
        double ax = Math.abs(x);
        if (ax <= SERIES_LIMIT) {
            return maclaurinErf(new BigDecimal(x));
        }
        BigDecimal r = BigDecimal.ONE.subtract(erfcPositive(ax), MC);
        return x < 0 ? r.negate() : r;
    }

    /** {erf(x), erfc(x)} from one evaluation. */
    static BigDecimal[] both(double x) {
        check(x);
        double ax = Math.abs(x);
        if (ax <= SERIES_LIMIT) {
            BigDecimal e = maclaurinErf(new BigDecimal(x));
            return new BigDecimal[] {e, BigDecimal.ONE.subtract(e, MC)};
        }
        BigDecimal c = erfcPositive(ax);
        BigDecimal e = BigDecimal.ONE.subtract(c, MC);
        return x < 0
                ? new BigDecimal[] {e.negate(), TWO.subtract(c, MC)}
                : new BigDecimal[] {e, c};
    }

    static BigDecimal erfc(double x) {
        check(x);
        double ax = Math.abs(x);
        if (ax <= SERIES_LIMIT) {
            return BigDecimal.ONE.subtract(maclaurinErf(new BigDecimal(x)), MC);
        }
        BigDecimal c = erfcPositive(ax);
        return x < 0 ? TWO.subtract(c, MC) : c;
    }

    private static void check(double x) {
        if (!Double.isFinite(x)) {
            throw new IllegalArgumentException("reference needs a finite argument: " + x);
        }
    }

    /** The Maclaurin series, exposed so that the test can compare it with the fraction. */
    static BigDecimal maclaurinErf(BigDecimal x) {
        return maclaurinErf(x, MC);
    }

    static BigDecimal maclaurinErf(BigDecimal x, MathContext mc) {
        if (x.signum() == 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal x2 = x.multiply(x, mc);
        BigDecimal power = x.round(mc); // x^(2n+1) / n!
        BigDecimal sum = power;
        for (int n = 1; ; n++) {
            power = power.multiply(x2, mc).divide(BigDecimal.valueOf(n), mc).negate();
            BigDecimal term = power.divide(BigDecimal.valueOf(2L * n + 1), mc);
            sum = sum.add(term, mc);
            if (n > 2 && term.abs().compareTo(sum.abs().movePointLeft(mc.getPrecision() + 5)) < 0) {
                break;
            }
        }
        return sum.multiply(TWO_OVER_SQRT_PI, mc);
    }

    /** erfc(x) for x &gt; 3 by the continued fraction; exposed for the overlap check. */
    static BigDecimal erfcPositive(double x) {
        if (x >= 40) {
            return BigDecimal.ZERO;
        }
        return continuedFractionErfc(x, (int) Math.ceil((50 / x) * (50 / x)) + 20);
    }

    static BigDecimal continuedFractionErfc(double x, int depth) {
        BigDecimal bx = new BigDecimal(x);
        BigDecimal x2 = bx.multiply(bx); // exact
        BigDecimal twoX2 = x2.add(x2);
        BigDecimal t = BigDecimal.ZERO;
        for (int n = depth; n >= 1; n--) {
            BigDecimal num = BigDecimal.valueOf((2L * n - 1) * (2L * n));
            BigDecimal den = twoX2.add(BigDecimal.valueOf(4L * n + 1)).add(t, MC);
            t = num.divide(den, MC).negate();
        }
        BigDecimal den = twoX2.add(BigDecimal.ONE).add(t, MC);
        return bx.multiply(TWO_OVER_SQRT_PI, MC).multiply(expNeg(x2), MC).divide(den, MC);
    }

    /** exp(-v) for v &gt;= 0 (v exact). */
    static BigDecimal expNeg(BigDecimal v) {
        BigDecimal whole = new BigDecimal(v.toBigInteger());
        BigDecimal frac = v.subtract(whole);
        BigDecimal ew = INV_E.pow(whole.intValueExact(), WIDE);
        return ew.multiply(expTaylor(frac.negate(), WIDE), MC);
    }

    /** exp(y) by its Taylor series; meant for |y| &lt;= 1. */
    private static BigDecimal expTaylor(BigDecimal y, MathContext mc) {
        BigDecimal sum = BigDecimal.ONE;
        BigDecimal term = BigDecimal.ONE;
        for (int k = 1; ; k++) {
            term = term.multiply(y, mc).divide(BigDecimal.valueOf(k), mc);
            sum = sum.add(term, mc);
            if (term.signum() == 0 || term.abs().compareTo(BigDecimal.ONE.movePointLeft(mc.getPrecision() + 5)) < 0) {
                return sum;
            }
        }
    }

    /**
     * |computed - exact| in units of the last place of the exact value: the spacing of the
     * doubles in the binade of the exact value (one step below a power of two that the exact
     * value rounds up to, which is the stricter choice). NaN or infinite results count as
     * infinitely wrong.
     */
    static double ulpError(double computed, BigDecimal exact) {
        if (!Double.isFinite(computed)) {
            return Double.POSITIVE_INFINITY;
        }
        double rounded = exact.doubleValue();
        double ulp = Math.ulp(rounded);
        double below = Math.nextDown(Math.abs(rounded));
        if (rounded != 0 && exact.abs().compareTo(new BigDecimal(Math.abs(rounded))) < 0) {
            ulp = Math.ulp(below);
        }
        BigDecimal diff = new BigDecimal(computed).subtract(exact).abs();
        return diff.divide(new BigDecimal(ulp), MathContext.DECIMAL64).doubleValue();
    }
}
