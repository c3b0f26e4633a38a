package dev.ramp.stdlib.handwritten;

/** The exponential family by hand: expm1 wherever e^x - 1 appears (exact for tiny x). */
public final class Exponentials {
    private Exponentials() {}

    public static final double SELU_ALPHA = 1.6732632423543772848170429916717;
    public static final double SELU_SCALE = 1.0507009873554804934193349852946;
    /**
     * scale * alpha as PyTorch computes it (negcoef, the product of the two doubles:
     * 1.7580993408473766), so that selu'(0) is PyTorch's float64 value bit for bit.
     */
    public static final double SELU_NEGCOEF = SELU_ALPHA * SELU_SCALE;
    private static final double LN2 = 0.6931471805599453;

    /** elu with alpha = 1. */
    public static double elu(double x) {
        return x > 0 ? x : Math.expm1(x);
    }

    /** alpha * e^x on the left, so alpha (= 1) at 0, as PyTorch's backward. */
    public static double eluPrime(double x) {
        return x > 0 ? 1 : Math.exp(x);
    }

    /** celu with alpha = 1 coincides with elu: max(0, x) + min(0, expm1(x)). */
    public static double celu(double x) {
        return x > 0 ? x : Math.expm1(x);
    }

    public static double celuPrime(double x) {
        return x > 0 ? 1 : Math.exp(x);
    }

    public static double selu(double x) {
        return x > 0 ? SELU_SCALE * x : SELU_NEGCOEF * Math.expm1(x);
    }

    public static double seluPrime(double x) {
        return x > 0 ? SELU_SCALE : SELU_NEGCOEF * Math.exp(x);
    }

    public static double exponential(double x) {
        return Math.exp(x);
    }

    public static double exponentialPrime(double x) {
        return Math.exp(x);
    }

    /**
     * log(1 - e^-x), Maechler's split: below ln 2, 1 - e^-x is small and -expm1(-x) keeps it
     * exact; above, e^-x is small and log1p keeps it. -inf at 0, NaN for x < 0 (log of a negative).
     */
    public static double log1mexp(double x) {
        return x < LN2 ? Math.log(-Math.expm1(-x)) : Math.log1p(-Math.exp(-x));
    }

    /** 1 / expm1(x): +inf at 0; NaN for x < 0, where the function itself is NaN. */
    public static double log1mexpPrime(double x) {
        return x < 0 ? Double.NaN : 1 / Math.expm1(x);
    }
}
