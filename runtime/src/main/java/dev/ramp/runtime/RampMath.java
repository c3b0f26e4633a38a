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

    /** The error function; see {@link Erf}. */
    public static double erf(double x) {
        return Erf.erf(x);
    }

    /** The complementary error function 1 - erf(x), accurate where erf(x) is close to 1; see {@link Erf}. */
    public static double erfc(double x) {
        return Erf.erfc(x);
    }
}
