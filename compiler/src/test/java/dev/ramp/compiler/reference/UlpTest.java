package dev.ramp.compiler.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ramp.compiler.ir.Exprs;
import dev.ramp.compiler.ir.Fn;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

/** {@link Ulp} on hand-built cases whose answers are known exactly. */
class UlpTest {

    private static Real exact(double d) {
        return new Real.Finite(new BigDecimal(d));
    }

    private static UlpError.Ulps ulps(UlpError e) {
        return assertInstanceOf(UlpError.Ulps.class, e);
    }

    @Test
    void exactMatchIsZero() {
        assertEquals(new UlpError.Ulps(0, true), Ulp.error(1.5, exact(1.5)));
        assertEquals(new UlpError.Ulps(0, true), Ulp.error(-0.0, exact(0.0)));
        assertEquals(new UlpError.Ulps(0, true), Ulp.error(Double.MIN_VALUE, exact(Double.MIN_VALUE)));
    }

    @Test
    void neighboursAreOneUlpOff() {
        assertEquals(new UlpError.Ulps(1, false), Ulp.error(Math.nextUp(1.5), exact(1.5)));
        assertEquals(new UlpError.Ulps(1, false), Ulp.error(Math.nextDown(-1e300), exact(-1e300)));
        // Below a power of two the spacing halves: 1 - 2^-53 is one ulp (of [0.5, 1)) below 1.
        assertEquals(new UlpError.Ulps(2, false), Ulp.error(1.0, exact(Math.nextDown(Math.nextDown(1.0)))));
    }

    /** A result three ulps away is measured as three, whether the truth is a double or not. */
    @Test
    void aDeliberatelyWrongResultIsMeasuredAsThreeUlps() {
        double d = 0.1;
        double wrong = Math.nextUp(Math.nextUp(Math.nextUp(d)));
        assertEquals(3.0, ulps(Ulp.error(wrong, exact(d))).ulps());
        // exp(0.3) rounded, then moved three ulps: between 2.5 and 3.5, by the rounding of the truth.
        Reference ref = Fixtures.HP.evaluate(Fixtures.f(Fn.EXP, Fixtures.X), "x", 0.3);
        double bad = Math.nextUp(Math.nextUp(Math.nextUp(ref.toDouble())));
        BigDecimal truth = Fixtures.finite(ref.value());
        double expected = new BigDecimal(bad).subtract(truth).divide(new BigDecimal(Math.ulp(ref.toDouble())), MathContext.DECIMAL64).doubleValue();
        UlpError.Ulps measured = ulps(Ulp.error(bad, ref));
        assertEquals(expected, measured.ulps(), 1e-12);
        assertTrue(measured.ulps() > 2.5 && measured.ulps() < 3.5, "measured " + measured);
    }

    @Test
    void subnormalsUseTheSmallestSpacing() {
        assertEquals(new UlpError.Ulps(1, false), Ulp.error(4 * Double.MIN_VALUE, exact(3 * Double.MIN_VALUE)));
        // 2.5 MIN_VALUE lies halfway: 2 MIN_VALUE (even) is the correct rounding, half an ulp off.
        Real half = new Real.Finite(new BigDecimal(Double.MIN_VALUE).multiply(new BigDecimal("2.5")));
        assertEquals(new UlpError.Ulps(0.5, true), Ulp.error(2 * Double.MIN_VALUE, half));
        assertEquals(new UlpError.Ulps(0.5, false), Ulp.error(3 * Double.MIN_VALUE, half));
        // A value far below the subnormals: the correct double is 0 and MIN_VALUE is one ulp off.
        Real tiny = new Real.Finite(new BigDecimal("1e-400"));
        assertTrue(ulps(Ulp.error(0.0, tiny)).correctlyRounded());
        assertEquals(1.0, ulps(Ulp.error(Double.MIN_VALUE, tiny)).ulps(), 1e-15);
        assertEquals(new UlpError.Ulps(1, false), Ulp.error(Double.MIN_VALUE, new Real.Beyond(1, -2e7)));
    }

    @Test
    void nonFiniteResultsWhereTheTruthIsFinite() {
        assertEquals(new UlpError.NonFinite(Double.NaN), Ulp.error(Double.NaN, exact(2.0)));
        assertEquals(new UlpError.NonFinite(Double.POSITIVE_INFINITY), Ulp.error(Double.POSITIVE_INFINITY, exact(Double.MAX_VALUE)));
        assertEquals(Double.POSITIVE_INFINITY, Ulp.error(Double.NaN, exact(2.0)).ulpsOrInfinity());
    }

    @Test
    void infinityIsExactBeyondTheLargestDouble() {
        Real big = new Real.Finite(new BigDecimal("1e400"));
        assertEquals(new UlpError.Ulps(0, true), Ulp.error(Double.POSITIVE_INFINITY, big));
        assertEquals(new UlpError.MissedInfinity(Double.NEGATIVE_INFINITY), Ulp.error(Double.NEGATIVE_INFINITY, big));
        assertEquals(new UlpError.MissedInfinity(Double.NaN), Ulp.error(Double.NaN, big));
        // A finite result is measured in the binade of 1e400, as if exponents went on: ~2^52 ulps.
        double finite = ulps(Ulp.error(Double.MAX_VALUE, big)).ulps();
        assertTrue(finite > 0x1p52 && finite < 0x1p53, "MAX_VALUE against 1e400: " + finite);
        assertEquals(new UlpError.Ulps(0, true), Ulp.error(Double.POSITIVE_INFINITY, new Real.Beyond(1, 3e7)));
        assertEquals(new UlpError.MissedInfinity(Double.MAX_VALUE), Ulp.error(Double.MAX_VALUE, new Real.Beyond(1, 3e7)));
        // The overflow threshold MAX + ulp/2 rounds to infinity (ties to even); just below it does not.
        BigDecimal threshold = new BigDecimal(Double.MAX_VALUE).add(new BigDecimal(Math.ulp(Double.MAX_VALUE)).divide(BigDecimal.TWO));
        assertEquals(new UlpError.Ulps(0, true), Ulp.error(Double.POSITIVE_INFINITY, new Real.Finite(threshold)));
        BigDecimal below = threshold.subtract(BigDecimal.ONE);
        assertEquals(new UlpError.NonFinite(Double.POSITIVE_INFINITY), Ulp.error(Double.POSITIVE_INFINITY, new Real.Finite(below)));
        assertTrue(ulps(Ulp.error(Double.MAX_VALUE, new Real.Finite(below))).correctlyRounded());
    }

    @Test
    void trueInfinitiesAndUndefinedValues() {
        Real minusInf = new Real.Infinite(true);
        assertEquals(new UlpError.Ulps(0, true), Ulp.error(Double.NEGATIVE_INFINITY, minusInf));
        assertEquals(new UlpError.MissedInfinity(-Double.MAX_VALUE), Ulp.error(-Double.MAX_VALUE, minusInf));
        UlpError nj = Ulp.error(Double.NaN, new Real.Undefined(Real.Why.DOMAIN));
        assertEquals(new UlpError.NotJudged(Double.NaN, Real.Why.DOMAIN), nj);
        assertTrue(((UlpError.NotJudged) nj).resultIsNaN());
        assertEquals(0.0, Ulp.error(3.0, new Real.Undefined(Real.Why.POLE)).ulpsOrInfinity());
    }

    @Test
    void floatsAreMeasuredInFloatUlps() {
        Real third = new Real.Finite(BigDecimal.ONE.divide(BigDecimal.valueOf(3), new MathContext(60)));
        UlpError.Ulps nearest = ulps(Ulp.error(1f / 3f, third));
        assertTrue(nearest.correctlyRounded() && nearest.ulps() <= 0.5, nearest.toString());
        double next = ulps(Ulp.error(Math.nextUp(1f / 3f), third)).ulps();
        assertEquals(1.0, next - nearest.ulps(), 1e-9); // the two are one float ulp apart, on the same side
        assertEquals(new UlpError.Ulps(1, false), Ulp.error(4 * Float.MIN_VALUE, exact(3 * (double) Float.MIN_VALUE), Ulp.Format.FLOAT));
        assertEquals(new UlpError.Ulps(0, true), Ulp.error(Float.POSITIVE_INFINITY, exact(1e39)));
        assertEquals(new UlpError.NonFinite(Float.POSITIVE_INFINITY), Ulp.error(Float.POSITIVE_INFINITY, exact(Float.MAX_VALUE)));
    }

    /** Our rounding (used to decide correct rounding and overflow) is the JDK's BigDecimal rounding. */
    @Property(tries = 300)
    void roundingAgreesWithTheJdk(@ForAll @DoubleRange(min = -330, max = 310) double exponent, @ForAll long bits) {
        Random r = new Random(bits);
        BigDecimal v = new BigDecimal(r.nextDouble() + 0.5).multiply(BigDecimal.TEN.pow((int) Math.floor(exponent), MathContext.DECIMAL128), MathContext.DECIMAL128);
        if (r.nextBoolean()) v = v.negate();
        assertEquals(v.doubleValue(), Ulp.round(v, Ulp.Format.DOUBLE), v.toString());
        assertEquals(v.floatValue(), (float) Ulp.round(v, Ulp.Format.FLOAT), v.toString());
    }

    @Test
    void tiesRoundToEven() {
        BigDecimal one = BigDecimal.ONE;
        BigDecimal halfUlp = new BigDecimal(Math.ulp(1.0)).divide(BigDecimal.TWO);
        assertEquals(1.0, Ulp.round(one.add(halfUlp), Ulp.Format.DOUBLE));
        assertEquals(Math.nextUp(Math.nextUp(1.0)), Ulp.round(one.add(halfUlp.multiply(BigDecimal.valueOf(3))), Ulp.Format.DOUBLE));
    }

    /**
     * Where a value is tiny next to the terms that cancel to produce it, the relative error of
     * a double evaluation is enormous however careful it is; against the scale it is small.
     */
    @Test
    void scaleModeMeasuresCancellationAgainstWhatCancelled() {
        // x - tanh x at 1e-10: 3.3e-31, but double tanh(1e-10) == 1e-10, so the double result is 0.
        Reference r = Fixtures.HP.evaluate(Exprs.sub(Fixtures.X, Fixtures.f(Fn.TANH, Fixtures.X)), "x", 1e-10);
        double dbl = 1e-10 - Math.tanh(1e-10);
        assertEquals(0.0, dbl);
        assertTrue(ulps(Ulp.error(dbl, r)).ulps() > 1e15, "relative mode must see a total loss");
        assertTrue(ulps(Ulp.errorAgainstScale(dbl, r, 0)).ulps() < 1e-4, "against the scale the error is negligible");
        // mish'(x) = tanh(sp) + x sigmoid(x) (1 - tanh(sp)^2), sp = softplus(x), crosses 0 near -1.19.
        double x0 = mishPrimeRoot();
        Reference at = Fixtures.HP.evaluate(mishPrime(), "x", x0);
        double sp = Math.log1p(Math.exp(x0));
        double t = Math.tanh(sp);
        double result = t + x0 * (1 / (1 + Math.exp(-x0))) * (1 - t * t);
        double absolute = ulps(Ulp.errorAgainstScale(result, at, 0)).ulps();
        assertTrue(absolute < 4, "mish' at its zero, against the scale: " + absolute + " ulps");
        double relative = ulps(Ulp.error(result, at)).ulps();
        assertTrue(relative > 1000 * absolute, "relative " + relative + " should dwarf absolute " + absolute);
    }

    static dev.ramp.compiler.ir.Expr mishPrime() {
        var x = Fixtures.X;
        var t = Fixtures.f(Fn.TANH, Fixtures.f(Fn.SOFTPLUS, x));
        return Exprs.add(t, Fixtures.product(x, Fixtures.f(Fn.SIGMOID, x), Exprs.sub(Exprs.ONE, Exprs.pow(t, Exprs.TWO))));
    }

    /** The double next to the root of mish' near -1.19, by bisection on the reference's sign. */
    private static double mishPrimeRoot() {
        double lo = -1.3, hi = -1.1; // mish' < 0 at -1.3, > 0 at -1.1
        var e = mishPrime();
        for (int i = 0; i < 80 && Math.nextUp(lo) < hi; i++) {
            double mid = (lo + hi) / 2;
            if (Fixtures.HP.evaluate(e, "x", mid).value().signum() < 0) lo = mid;
            else hi = mid;
        }
        return hi;
    }
}
