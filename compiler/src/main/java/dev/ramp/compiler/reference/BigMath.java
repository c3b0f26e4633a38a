package dev.ramp.compiler.reference;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Elementary functions of finite {@link BigDecimal} arguments, each to within about one unit in
 * the last place of the requested precision, in relative terms, over the whole argument range
 * the reference evaluator feeds them: exp up to {@link #EXP_ARGUMENT_LIMIT}, sin and cos of any
 * argument (reduced exactly, with as many more digits of pi as the argument has before the
 * point; the evaluator stops at 10^2000, far past every double). The work is done with
 * {@link #GUARD} extra digits and rounded once at the end; the series run in binary fixed
 * point ({@link FixedPoint}).
 *
 * <p>Why plain {@code BigDecimal} and no arbitrary-precision library: the one with all the
 * functions ramp needs (apfloat, which has erf and erfc) costs several milliseconds per
 * activation evaluation at 60 digits, against tens of microseconds here, and ramp's checker
 * evaluates tens of thousands of points per function. The algorithms are the textbook ones,
 * chosen so that no step cancels: expm1 and log1p are primary (exp and log near 1 go through
 * them), the hyperbolic functions, sigmoid and softplus are written in terms of expm1/exp/log1p
 * of a non-positive or non-negative argument so that their small and large ends keep full
 * relative accuracy.
 *
 * {@snippet :
 * MathContext mc = new MathContext(40);
 * BigDecimal e800 = BigMath.exp(BigDecimal.valueOf(800), mc);      // 2.7263745721125665673647795463672698e347
 * BigDecimal t = BigMath.expm1(new BigDecimal("1e-30"), mc);       // 1.000...0005e-30, no cancellation
 * }
 */
public final class BigMath {
    private BigMath() {}

    /** Extra digits carried inside each function. */
    static final int GUARD = 10;

    /**
     * Largest |x| for which {@link #exp} is computed: e^x then has a decimal exponent of at most
     * about {@link Real#EXPONENT_LIMIT}. The evaluator turns larger arguments into {@link Real.Beyond}.
     */
    public static final double EXP_ARGUMENT_LIMIT = Real.EXPONENT_LIMIT * Math.log(10);

    private static final double LN10 = Math.log(10);
    private static final BigDecimal HALF = new BigDecimal("0.5");
    private static final BigDecimal REDUCED_LIMIT = new BigDecimal("2.5");
    private static final BigDecimal ATAN_SERIES_LIMIT = new BigDecimal("0.25");
    private static final BigDecimal PI_OVER_4 = new BigDecimal("0.78");
    private static final BigDecimal LOG1P_SERIES_LIMIT = new BigDecimal("1e-20");

    static MathContext widen(MathContext mc, int extra) {
        return new MathContext(mc.getPrecision() + extra, RoundingMode.HALF_EVEN);
    }

    /** The decimal exponent e of a nonzero v = d.ddd * 10^e. */
    static long exponent(BigDecimal v) {
        return (long) v.precision() - v.scale() - 1;
    }

    /** |term| is below 10^-digits of |sum|: the series has converged. */
    private static boolean negligible(BigDecimal term, BigDecimal sum, int digits) {
        return term.signum() == 0 || exponent(term) < exponent(sum) - digits - 1;
    }

    private static BigDecimal requireFinite(double limit, BigDecimal x) {
        if (x.abs().compareTo(BigDecimal.valueOf(limit)) > 0) {
            throw new ArithmeticException("argument beyond " + limit + ": " + x.round(MathContext.DECIMAL32));
        }
        return x;
    }

    /** e^x, for |x| up to {@link #EXP_ARGUMENT_LIMIT}. */
    public static BigDecimal exp(BigDecimal x, MathContext mc) {
        if (x.signum() == 0) return BigDecimal.ONE;
        requireFinite(EXP_ARGUMENT_LIMIT, x);
        MathContext w = widen(mc, GUARD);
        if (x.abs().compareTo(REDUCED_LIMIT) <= 0) return BigDecimal.ONE.add(expm1Reduced(x, w), mc);
        // x = k ln10 + r with |r| <= 1.2, so e^x = e^r * 10^k and the scaling is exact.
        long k = Math.round(x.doubleValue() / LN10);
        int kDigits = Long.toString(Math.abs(k)).length();
        BigDecimal ln10 = BigConstants.ln10(w.getPrecision() + kDigits);
        BigDecimal r = x.subtract(ln10.multiply(BigDecimal.valueOf(k)), w);
        return BigDecimal.ONE.add(expm1Reduced(r, w), mc).scaleByPowerOfTen(Math.toIntExact(k));
    }

    /** e^x - 1, accurate in relative terms for tiny x. */
    public static BigDecimal expm1(BigDecimal x, MathContext mc) {
        if (x.signum() == 0) return BigDecimal.ZERO;
        if (x.abs().compareTo(REDUCED_LIMIT) <= 0) return expm1Reduced(x, widen(mc, GUARD)).round(mc);
        // Outside [-2.5, 2.5] e^x - 1 cancels at most one digit (e^-2.5 = 0.08); far out the 1 is
        // below the last digit (and subtracting it from e^(10^6) exactly would take a million digits).
        if (x.compareTo(saturation(mc, 1)) > 0) return exp(x, mc);
        return exp(x, widen(mc, 2)).subtract(BigDecimal.ONE, mc);
    }

    /** e^r - 1 for moderate r, in fixed point: see {@link FixedPoint#expm1}. */
    private static BigDecimal expm1Reduced(BigDecimal r, MathContext w) {
        return FixedPoint.expm1(r, w);
    }

    /** The natural logarithm of x > 0. */
    public static BigDecimal log(BigDecimal x, MathContext mc) {
        if (x.signum() <= 0) throw new ArithmeticException("log of " + x);
        if (x.compareTo(BigDecimal.ONE) == 0) return BigDecimal.ZERO;
        if (x.compareTo(HALF) >= 0 && x.compareTo(BigDecimal.TWO) <= 0) {
            return log1p(x.subtract(BigDecimal.ONE), mc); // no cancellation near 1
        }
        MathContext w = widen(mc, GUARD);
        long k = exponent(x); // x = m * 10^k with m in [1, 10)
        BigDecimal m = x.movePointLeft(Math.toIntExact(k));
        BigDecimal logM = m.compareTo(BigDecimal.TWO) <= 0
                ? log1p(m.subtract(BigDecimal.ONE), w)
                : halleyLog(m.round(w), w);
        if (k == 0) return logM.round(mc);
        int kDigits = Long.toString(Math.abs(k)).length();
        BigDecimal ln10 = BigConstants.ln10(w.getPrecision() + kDigits);
        return ln10.multiply(BigDecimal.valueOf(k)).add(logM, mc);
    }

    /** log m for m in [1, 10]: Halley's iteration y += 2 (m - e^y) / (m + e^y), cubic, from the double log. */
    private static BigDecimal halleyLog(BigDecimal m, MathContext w) {
        BigDecimal y = new BigDecimal(Math.log(m.doubleValue()));
        int digits = 15;
        do {
            BigDecimal e = BigDecimal.ONE.add(expm1Reduced(y, w), w);
            y = y.add(m.subtract(e).multiply(BigDecimal.TWO).divide(m.add(e), w), w);
            digits *= 3;
        } while (digits < w.getPrecision());
        return y;
    }

    /** log(1 + x) for x > -1, accurate in relative terms for tiny x. */
    public static BigDecimal log1p(BigDecimal x, MathContext mc) {
        if (x.signum() == 0) return BigDecimal.ZERO;
        if (x.compareTo(BigDecimal.ONE.negate()) <= 0) throw new ArithmeticException("log1p of " + x);
        MathContext w = widen(mc, GUARD);
        if (x.abs().compareTo(LOG1P_SERIES_LIMIT) < 0) {
            // x - x^2/2 + x^3/3 - ...: each term is 1e-20 of the one before.
            BigDecimal power = x.round(w);
            BigDecimal sum = power;
            for (int k = 2; ; k++) {
                power = power.multiply(x, w).negate();
                BigDecimal term = power.divide(BigDecimal.valueOf(k), w);
                sum = sum.add(term, w);
                if (negligible(term, sum, w.getPrecision())) return sum.round(mc);
            }
        }
        if (x.compareTo(HALF.negate()) < 0 || x.compareTo(BigDecimal.ONE) > 0) {
            return log(x.add(BigDecimal.ONE, w), mc); // 1 + x is far from 1: no cancellation
        }
        // Halley on e^y = 1 + x in the form y += 2 (x - expm1 y) / (2 + x + expm1 y), which never
        // forms 1 + x, so the correction and hence the result stay accurate relative to x.
        BigDecimal y = new BigDecimal(Math.log1p(x.doubleValue()));
        int digits = 15;
        do {
            BigDecimal em = expm1Reduced(y, w);
            BigDecimal num = x.subtract(em, w).multiply(BigDecimal.TWO);
            y = y.add(num.divide(BigDecimal.TWO.add(x).add(em, w), w), w);
            digits *= 3;
        } while (digits < w.getPrecision());
        return y.round(mc);
    }

    /** The square root of x >= 0, correctly rounded (BigDecimal's own). */
    public static BigDecimal sqrt(BigDecimal x, MathContext mc) {
        return x.sqrt(mc);
    }

    /** tanh x = sign(x) t / (t + 2) with t = expm1(2|x|): no cancellation at either end. */
    public static BigDecimal tanh(BigDecimal x, MathContext mc) {
        if (x.signum() == 0) return BigDecimal.ZERO;
        MathContext w = widen(mc, GUARD);
        BigDecimal a = x.abs();
        BigDecimal r;
        if (a.compareTo(saturation(w, 2)) > 0) {
            r = BigDecimal.ONE; // 1 - tanh|x| ~ 2 e^-2|x| is below the last digit
        } else {
            BigDecimal t = expm1(a.multiply(BigDecimal.TWO), w);
            r = t.divide(t.add(BigDecimal.TWO, w), w);
        }
        return x.signum() < 0 ? r.negate().round(mc) : r.round(mc);
    }

    /** sinh x = sign(x) (t + t / (t + 1)) / 2 with t = expm1(|x|). */
    public static BigDecimal sinh(BigDecimal x, MathContext mc) {
        if (x.signum() == 0) return BigDecimal.ZERO;
        MathContext w = widen(mc, GUARD);
        BigDecimal t = expm1(x.abs(), w);
        BigDecimal r = t.add(t.divide(t.add(BigDecimal.ONE, w), w), w).multiply(HALF);
        return x.signum() < 0 ? r.negate().round(mc) : r.round(mc);
    }

    /** cosh x = (e^|x| + e^-|x|) / 2. */
    public static BigDecimal cosh(BigDecimal x, MathContext mc) {
        if (x.signum() == 0) return BigDecimal.ONE;
        MathContext w = widen(mc, GUARD);
        BigDecimal e = exp(x.abs(), w);
        return e.add(BigDecimal.ONE.divide(e, w), w).multiply(HALF).round(mc);
    }

    /** Beyond this |x|, e^-(factor |x|) is below the last of w's digits relative to 1. */
    private static BigDecimal saturation(MathContext w, int factor) {
        return BigDecimal.valueOf((w.getPrecision() + 2) * LN10 / factor);
    }

    /** 1 / (1 + e^-x), from e^x / (1 + e^x) when x < 0 so that tiny results keep their digits. */
    public static BigDecimal sigmoid(BigDecimal x, MathContext mc) {
        MathContext w = widen(mc, GUARD);
        if (x.signum() >= 0) {
            if (x.compareTo(saturation(w, 1)) > 0) return BigDecimal.ONE;
            return BigDecimal.ONE.divide(BigDecimal.ONE.add(exp(x.negate(), w), w), mc);
        }
        BigDecimal e = exp(x, w);
        return e.divide(BigDecimal.ONE.add(e, w), mc);
    }

    /** log(1 + e^x) as log1p(e^x) for x <= 0 and x + log1p(e^-x) above: both ends exact in relative terms. */
    public static BigDecimal softplus(BigDecimal x, MathContext mc) {
        MathContext w = widen(mc, GUARD);
        if (x.signum() <= 0) return log1p(exp(x, w), mc);
        if (x.compareTo(BigDecimal.valueOf(EXP_ARGUMENT_LIMIT)) > 0) return x.round(mc);
        return x.add(log1p(exp(x.negate(), w), w), mc);
    }

    /** sin x; see {@link #reduce} for large arguments. */
    public static BigDecimal sin(BigDecimal x, MathContext mc) {
        return sinCos(x, mc, true);
    }

    /** cos x; see {@link #reduce} for large arguments. */
    public static BigDecimal cos(BigDecimal x, MathContext mc) {
        return sinCos(x, mc, false);
    }

    private static BigDecimal sinCos(BigDecimal x, MathContext mc, boolean sine) {
        if (x.signum() == 0) return sine ? BigDecimal.ZERO : BigDecimal.ONE;
        MathContext w = widen(mc, GUARD);
        if (x.abs().compareTo(PI_OVER_4) <= 0) return (sine ? sinSeries(x, w) : cosSeries(x, w)).round(mc);
        BigInteger[] quadrant = new BigInteger[1];
        BigDecimal r = reduce(x, w, quadrant);
        int q = quadrant[0].mod(BigInteger.valueOf(4)).intValue();
        BigDecimal v = switch (sine ? q : (q + 1) % 4) {
            case 0 -> sinSeries(r, w);
            case 1 -> cosSeries(r, w);
            case 2 -> sinSeries(r, w).negate();
            default -> cosSeries(r, w).negate();
        };
        return v.round(mc);
    }

    /**
     * x - n pi/2 with n = round(x / (pi/2)), exactly enough for any magnitude: pi is taken to
     * (digits of x's integer part) + precision + (digits lost when x is close to a multiple
     * of pi/2) digits, so the remainder is as accurate as if x were small. Costs one longer pi
     * (cached) for huge x.
     */
    static BigDecimal reduce(BigDecimal x, MathContext w, BigInteger[] n) {
        int mag = (int) Math.max(0, exponent(x));
        BigDecimal halfPi = BigConstants.pi(w.getPrecision() + mag + 2).multiply(HALF);
        n[0] = x.divide(halfPi, new MathContext(mag + 5)).setScale(0, RoundingMode.HALF_EVEN).toBigIntegerExact();
        BigDecimal multiple = halfPi.multiply(new BigDecimal(n[0]));
        BigDecimal r = x.subtract(multiple, w);
        if (r.signum() != 0 && exponent(r) < -1) {
            int lost = (int) -exponent(r);
            halfPi = BigConstants.pi(w.getPrecision() + mag + lost + 2).multiply(HALF);
            r = x.subtract(halfPi.multiply(new BigDecimal(n[0])), w);
        }
        return r;
    }

    private static BigDecimal sinSeries(BigDecimal r, MathContext w) {
        return FixedPoint.sinCos(r, w, true);
    }

    private static BigDecimal cosSeries(BigDecimal r, MathContext w) {
        return FixedPoint.sinCos(r, w, false);
    }

    /**
     * atan x: pi/2 - atan(1/|x|) above 1, then halvings atan a = 2 atan(a / (1 + sqrt(1 + a^2)))
     * down to a <= 0.25, then the Taylor series (each term 1/16 of the one before).
     */
    public static BigDecimal atan(BigDecimal x, MathContext mc) {
        if (x.signum() == 0) return BigDecimal.ZERO;
        MathContext w = widen(mc, GUARD);
        BigDecimal a = x.abs();
        boolean inverted = a.compareTo(BigDecimal.ONE) > 0;
        if (inverted) a = BigDecimal.ONE.divide(a, w);
        int halvings = 0;
        while (a.compareTo(ATAN_SERIES_LIMIT) > 0) {
            BigDecimal root = BigDecimal.ONE.add(a.multiply(a, w)).sqrt(w);
            a = a.divide(BigDecimal.ONE.add(root, w), w);
            halvings++;
        }
        BigDecimal sum = FixedPoint.atanSeries(a, w);
        BigDecimal r = sum.multiply(BigDecimal.TWO.pow(halvings));
        if (inverted) r = BigConstants.pi(w.getPrecision()).multiply(HALF).subtract(r, w);
        return x.signum() < 0 ? r.negate().round(mc) : r.round(mc);
    }
}
