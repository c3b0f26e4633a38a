package dev.ramp.runtime;

import java.math.BigDecimal;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;

/** Random arguments, measured against {@link ErfReference} like the deterministic sample. */
class ErfPropertyTest {

    private static void check(double x) {
        BigDecimal[] ref = ErfReference.both(x);
        double e = ErfReference.ulpError(Erf.erf(x), ref[0]);
        double c = ErfReference.ulpError(Erf.erfc(x), ref[1]);
        if (!(e <= ErfAccuracyTest.MAX_ULP) || !(c <= ErfAccuracyTest.MAX_ULP)) {
            throw new AssertionError("x = " + x + ": erf off by " + e + " ulp, erfc off by " + c + " ulp");
        }
    }

    @Property(tries = 2000)
    void withinOneUlpOnMinus30To30(@ForAll @DoubleRange(min = -30, max = 30) double x) {
        check(x);
    }

    /**
     * Uniform random bit patterns: every exponent equally likely, so this reaches the subnormals
     * and tiny normals that a uniform range never draws. Beyond |x| = 30 the values are exact.
     */
    @Property(tries = 1000)
    void withinOneUlpForAnyBitPattern(@ForAll long bits) {
        double x = Double.longBitsToDouble(bits);
        Assume.that(!Double.isNaN(x));
        if (Math.abs(x) <= 30) {
            check(x);
        } else if (Erf.erf(x) != Math.signum(x) || Erf.erfc(x) != (x > 0 ? 0.0 : 2.0)) {
            throw new AssertionError("x = " + x + ": erf " + Erf.erf(x) + ", erfc " + Erf.erfc(x));
        }
    }
}
