package dev.ramp.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Special arguments, exact identities, monotonicity and the ends of the range. */
class ErfSpecialValuesTest {

    private static void assertBits(double expected, double actual, String what) {
        assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(actual),
                what + ": expected " + expected + " but was " + actual);
    }

    @Test
    void zeros() {
        assertBits(0.0, Erf.erf(0.0), "erf(+0)");
        assertBits(-0.0, Erf.erf(-0.0), "erf(-0)");
        assertBits(1.0, Erf.erfc(0.0), "erfc(+0)");
        assertBits(1.0, Erf.erfc(-0.0), "erfc(-0)");
    }

    @Test
    void infinitiesAndNaN() {
        assertBits(1.0, Erf.erf(Double.POSITIVE_INFINITY), "erf(+inf)");
        assertBits(-1.0, Erf.erf(Double.NEGATIVE_INFINITY), "erf(-inf)");
        assertBits(0.0, Erf.erfc(Double.POSITIVE_INFINITY), "erfc(+inf)");
        assertBits(2.0, Erf.erfc(Double.NEGATIVE_INFINITY), "erfc(-inf)");
        assertTrue(Double.isNaN(Erf.erf(Double.NaN)));
        assertTrue(Double.isNaN(Erf.erfc(Double.NaN)));
        assertTrue(Double.isNaN(Erf.erf(Double.longBitsToDouble(0xfff8000000000001L))));
        assertTrue(Double.isNaN(Erf.erfc(Double.longBitsToDouble(0x7ff0000000000001L))));
    }

    /** erf(x) ~ 2x/sqrt(pi) does not underflow or flush: the smallest arguments keep their value. */
    @Test
    void tinyArguments() {
        assertBits(Double.MIN_VALUE, Erf.erf(Double.MIN_VALUE), "erf(MIN_VALUE)"); // 1.128 rounds to 1
        assertBits(-Double.MIN_VALUE, Erf.erf(-Double.MIN_VALUE), "erf(-MIN_VALUE)");
        assertBits(2 * Double.MIN_VALUE, Erf.erf(2 * Double.MIN_VALUE), "erf(2 MIN_VALUE)"); // 2.26 -> 2
        assertBits(6 * Double.MIN_VALUE, Erf.erf(5 * Double.MIN_VALUE), "erf(5 MIN_VALUE)"); // 5.64 -> 6
        assertEquals(1.1283791670955126e-300, Erf.erf(1e-300), 0.0);
        assertEquals(2 / Math.sqrt(Math.PI) * Double.MIN_NORMAL, Erf.erf(Double.MIN_NORMAL),
                Math.ulp(Double.MIN_NORMAL));
        assertBits(1.0, Erf.erfc(1e-300), "erfc(1e-300)");
        assertBits(1.0, Erf.erfc(-0x1p-60), "erfc(-2^-60)");
    }

    /** erfc keeps full relative accuracy far in its tail, through the subnormals, then is 0. */
    @Test
    void erfcTail() {
        assertEquals(2.088487583762545e-45, Erf.erfc(10), Math.ulp(2.088487583762545e-45));
        assertEquals(5.663192408856143e-296, Erf.erfc(26), Math.ulp(5.663192408856143e-296));
        assertTrue(Erf.erfc(26.5) >= Double.MIN_NORMAL, "erfc(26.5) is still normal");
        double sub = Erf.erfc(26.6);
        assertTrue(sub > 0 && sub < Double.MIN_NORMAL, "erfc(26.6) is subnormal: " + sub);
        assertTrue(Erf.erfc(27.2) > 0, "erfc(27.2) = 1.4e-323 is not yet 0");
        assertBits(0.0, Erf.erfc(27.23), "erfc(27.23) < MIN_VALUE/2");
        assertBits(0.0, Erf.erfc(27.5), "erfc(27.5)");
        assertBits(0.0, Erf.erfc(28), "erfc(28)");
        assertBits(0.0, Erf.erfc(1e300), "erfc(1e300)");
        assertBits(0.0, Erf.erfc(Double.MAX_VALUE), "erfc(MAX_VALUE)");
    }

    @Test
    void saturation() {
        assertBits(1.0, Erf.erf(5.93), "erf(5.93)"); // 1 - 1.4e-17 rounds to 1
        assertTrue(Erf.erf(5.9) < 1.0, "erf(5.9) = 1 - 2.1e-17 rounds below 1");
        assertBits(1.0, Erf.erf(1e300), "erf(1e300)");
        assertBits(-1.0, Erf.erf(-Double.MAX_VALUE), "erf(-MAX_VALUE)");
        assertBits(2.0, Erf.erfc(-5.87), "erfc(-5.87)"); // 2 - 1.06e-16 rounds to 2
        assertTrue(Erf.erfc(-5.86) < 2.0, "erfc(-5.86) rounds below 2");
        assertBits(2.0, Erf.erfc(-1e300), "erfc(-1e300)");
    }

    private static List<Double> grid() {
        List<Double> xs = ErfAccuracyTest.sample();
        for (int i = 0; i < 20_000; i++) {
            xs.add(Math.scalb(1.0 + i / 20_000.0, (i % 80) - 75)); // spread over many binades
        }
        return xs;
    }

    @Test
    void erfIsOddExactly() {
        for (double x : grid()) {
            assertBits(-Erf.erf(x), Erf.erf(-x), "erf(-x) = -erf(x) at x = " + x);
        }
    }

    @Test
    void erfcReflection() {
        for (double x : grid()) {
            double s = Erf.erfc(x) + Erf.erfc(-x);
            assertEquals(2.0, s, Math.ulp(2.0), "erfc(x) + erfc(-x) at x = " + x);
            assertEquals(Erf.erfc(x), 1.0 - Erf.erf(x), Math.ulp(1.0), "erfc = 1 - erf at x = " + x);
        }
    }

    /**
     * erf is non-decreasing and erfc non-increasing: on a grid of step 1/1024 over [-7, 7], and
     * across every switch point of the implementation, from each of 200 doubles below it to the
     * next (where a mismatch between neighbouring approximations would show).
     */
    @Test
    void monotone() {
        double prevErf = -1.0;
        double prevErfc = 2.0;
        for (int i = -7 * 1024; i <= 7 * 1024; i++) {
            double x = i / 1024.0;
            double e = Erf.erf(x);
            double c = Erf.erfc(x);
            assertTrue(e >= prevErf, "erf decreases at " + x);
            assertTrue(c <= prevErfc, "erfc increases at " + x);
            prevErf = e;
            prevErfc = c;
        }
        double[] switches = {0x1p-56, 0x1p-28, 0.25, 0.84375, 1.25, 1 / 0.35, 6.0, 28.0};
        for (double b : switches) {
            for (double sign : new double[] {1, -1}) {
                double x = sign * b;
                for (int k = 0; k < 200; k++) {
                    x = Math.nextDown(x);
                }
                for (int k = 0; k < 400; k++) {
                    double next = Math.nextUp(x);
                    assertTrue(Erf.erf(next) >= Erf.erf(x), "erf decreases at " + next);
                    assertTrue(Erf.erfc(next) <= Erf.erfc(x), "erfc increases at " + next);
                    x = next;
                }
            }
        }
    }

    @Test
    void rampMathDelegates() {
        for (double x : new double[] {-30, -2, -0.5, -0.0, 0.0, 1e-310, 0.3, 1, 4, 27}) {
            assertBits(Erf.erf(x), RampMath.erf(x), "RampMath.erf(" + x + ")");
            assertBits(Erf.erfc(x), RampMath.erfc(x), "RampMath.erfc(" + x + ")");
        }
    }
}
