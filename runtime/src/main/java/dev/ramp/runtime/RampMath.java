package dev.ramp.runtime;

/**
 * The math functions compiled activations call that {@link Math} does not have, each accurate
 * and free of spurious overflow over the whole double range.
 */
public final class RampMath {
    private RampMath() {}

    /** Internal (slash-separated) name of this class, for code generators. */
    public static final String INTERNAL_NAME = "dev/ramp/runtime/RampMath";

    /** The logistic function 1/(1+e^-x): never overflows, since e^-|x| <= 1. */
    public static double sigmoid(double x) {
        if (x >= 0) {
            return 1.0 / (1.0 + Math.exp(-x));
        }
        double e = Math.exp(x);
        return e / (1.0 + e);
    }

    /** log(1 + e^x) as max(x, 0) + log1p(e^-|x|): 800 at x = 800, 5.1e-131 at x = -300. */
    public static double softplus(double x) {
        if (Double.isNaN(x)) return x;
        return Math.max(x, 0.0) + Math.log1p(Math.exp(-Math.abs(x)));
    }

    /**
     * The error function erf(x) = 2/sqrt(pi) * integral from 0 to x of e^(-t^2) dt, within one ulp
     * (0.77 measured) for every double: erf(+-0) = +-0, erf(x) ~ 2x/sqrt(pi) without underflow
     * for tiny and subnormal x, +-1 for |x| >= 5.93 and at +-infinity, NaN for NaN. Odd exactly.
     * See {@link Erf} for the method and the measurement.
     */
    public static double erf(double x) {
        return Erf.erf(x);
    }

    /**
     * The complementary error function 1 - erf(x), within one ulp (0.68 measured) in relative
     * terms for every double, so accurate where erf(x) is close to 1: erfc(10) = 2.088e-45,
     * erfc(26) = 5.66e-296, subnormal from x = 26.54, 0 from x = 27.23 and at +infinity;
     * 2 for x <= -6 and at -infinity; erfc(+-0) = 1; NaN for NaN. See {@link Erf}.
     */
    public static double erfc(double x) {
        return Erf.erfc(x);
    }
}
