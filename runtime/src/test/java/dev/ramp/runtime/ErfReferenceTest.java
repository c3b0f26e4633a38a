package dev.ramp.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import org.junit.jupiter.api.Test;

/** The reference must be right before it can judge anything: checks on {@link ErfReference}. */
class ErfReferenceTest {

    /** Relative difference |a - b| / |b|. */
    private static double rel(BigDecimal a, BigDecimal b) {
        return a.subtract(b).abs().divide(b.abs(), MathContext.DECIMAL64).doubleValue();
    }

    /**
     * Published values. The first 15 decimals of erf(0.5), erf(1), erf(2) are those of
     * Abramowitz and Stegun, Table 7.1; all digits shown were computed independently with
     * mpmath 1.3.0 (mp.dps = 40), whose erf/erfc share no code with the series and continued
     * fraction here.
     */
    @Test
    void agreesWithPublishedValues() {
        Object[][] erf = {
            {0.5, "0.52049987781304653768274665389196453"},
            {1.0, "0.84270079294971486934122063508260926"},
            {2.0, "0.99532226501895273416206925636725293"},
            // the double nearest 1e-300, which is 1.00000000000000002506...e-300
            {1e-300, "1.1283791670955126021723160763043651e-300"},
        };
        for (Object[] v : erf) {
            double e = rel(ErfReference.erf((double) v[0]), new BigDecimal((String) v[1]));
            assertTrue(e < 1e-33, "erf(" + v[0] + ") relative error " + e);
        }
        Object[][] erfc = {
            {1.0, "0.15729920705028513065877936491739074"},
            {3.0, "2.209049699858544137277612958232038e-5"},
            {5.0, "1.5374597944280348501883434853833789e-12"},
            {10.0, "2.0884875837625447570007862949577886e-45"},
            {26.0, "5.6631924088561428464757278969260926e-296"},
            {27.0, "5.2370489237892556850160676828495471e-319"},
            {-1.0, "1.84270079294971486934122063508260926"},
        };
        for (Object[] v : erfc) {
            double e = rel(ErfReference.erfc((double) v[0]), new BigDecimal((String) v[1]));
            assertTrue(e < 1e-33, "erfc(" + v[0] + ") relative error " + e);
        }
    }

    /**
     * The Maclaurin series (used up to |x| = 3) and the continued fraction (used above) are
     * independent methods; where both can be evaluated they must agree to far more digits
     * than the ulp measurement needs.
     */
    @Test
    void seriesAndContinuedFractionAgreeOnTheirOverlap() {
        MathContext wide = new MathContext(130);
        for (double x = 2.5; x <= 4.0; x += 0.0625) {
            BigDecimal series = BigDecimal.ONE.subtract(
                    ErfReference.maclaurinErf(new BigDecimal(x), wide), wide);
            BigDecimal fraction = ErfReference.continuedFractionErfc(
                    x, (int) Math.ceil((50 / x) * (50 / x)) + 20);
            double e = rel(fraction, series);
            assertTrue(e < 1e-70, "x = " + x + ": series and fraction differ by " + e);
        }
        // at the switch point itself, through the public entry points
        BigDecimal below = ErfReference.erfc(ErfReference.SERIES_LIMIT);
        BigDecimal above = ErfReference.erfcPositive(ErfReference.SERIES_LIMIT);
        assertTrue(rel(above, below) < 1e-70);
    }

    /** The fraction's depth rule leaves a margin: doubling the depth changes nothing visible. */
    @Test
    void continuedFractionHasConverged() {
        for (double x : new double[] {3.0, 3.5, 5.0, 8.0, 15.0, 26.5, 39.0}) {
            int depth = (int) Math.ceil((50 / x) * (50 / x)) + 20;
            double e = rel(ErfReference.continuedFractionErfc(x, depth),
                    ErfReference.continuedFractionErfc(x, 2 * depth));
            assertTrue(e < 1e-75, "x = " + x + ": " + e);
        }
    }

    @Test
    void identities() {
        for (double x : new double[] {-20, -3.5, -3, -1, -1e-5, 1e-5, 0.7, 2.9, 3.1, 12}) {
            BigDecimal[] both = ErfReference.both(x);
            assertTrue(both[0].add(both[1]).subtract(BigDecimal.ONE).abs()
                    .compareTo(new BigDecimal("1e-80")) < 0, "erf + erfc = 1 at " + x);
            assertEquals(0, ErfReference.erf(-x).negate().compareTo(ErfReference.erf(x)), "odd at " + x);
            assertTrue(rel(ErfReference.erfc(x), both[1]) < 1e-80);
        }
    }

    @Test
    void ulpErrorMeasure() {
        assertEquals(0.0, ErfReference.ulpError(1.0, BigDecimal.ONE));
        assertEquals(1.0, ErfReference.ulpError(Math.nextUp(1.0), BigDecimal.ONE));
        assertEquals(0.5, ErfReference.ulpError(Math.nextDown(1.0), BigDecimal.ONE));
        // exact value just below 1: its ulp is 2^-53, not the 2^-52 of the double 1.0 it rounds to
        BigDecimal justBelowOne = BigDecimal.ONE.subtract(new BigDecimal("1e-20"));
        assertEquals(1.0, ErfReference.ulpError(Math.nextDown(1.0), justBelowOne), 1e-3);
        assertEquals(2.0, ErfReference.ulpError(2 * Double.MIN_VALUE, BigDecimal.ZERO));
        assertEquals(Double.POSITIVE_INFINITY, ErfReference.ulpError(Double.NaN, BigDecimal.ONE));
    }
}
