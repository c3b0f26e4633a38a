package dev.ramp.stdlib.handwritten;

/**
 * Rectifiers by hand, at the stdlib's default parameters. Comparisons are PyTorch's, so the
 * derivative at each kink is PyTorch's backward value without special-casing (relu' is
 * {@code x > 0}, so 0 at 0; leaky_relu' is the slope at 0).
 */
public final class Rectifiers {
    private Rectifiers() {}

    public static final double LEAKY_SLOPE = 0.01;
    public static final double PRELU_A = 0.25;
    /** rrelu in evaluation mode uses the mean slope (lower + upper) / 2 = (1/8 + 1/3) / 2. */
    public static final double RRELU_SLOPE = (0.125 + 0.3333333333333333) / 2;
    public static final double SRELU_A = 1;
    public static final double HEAVISIDE_AT_ZERO = 0.5;

    public static double relu(double x) {
        return Math.max(x, 0.0); // max propagates NaN, as PyTorch does
    }

    public static double reluPrime(double x) {
        return x > 0 ? 1 : 0;
    }

    public static double relu6(double x) {
        return Math.min(Math.max(x, 0.0), 6.0);
    }

    public static double relu6Prime(double x) {
        return x > 0 && x < 6 ? 1 : 0;
    }

    public static double leakyRelu(double x) {
        return x > 0 ? x : LEAKY_SLOPE * x;
    }

    public static double leakyReluPrime(double x) {
        return x > 0 ? 1 : LEAKY_SLOPE;
    }

    public static double prelu(double x) {
        return x > 0 ? x : PRELU_A * x;
    }

    public static double preluPrime(double x) {
        return x > 0 ? 1 : PRELU_A;
    }

    public static double rrelu(double x) {
        return x > 0 ? x : RRELU_SLOPE * x;
    }

    public static double rreluPrime(double x) {
        return x > 0 ? 1 : RRELU_SLOPE;
    }

    public static double srelu(double x) {
        return Math.max(x, -SRELU_A);
    }

    public static double sreluPrime(double x) {
        return x > -SRELU_A ? 1 : 0;
    }

    /** threshold at ramp's defaults (threshold 0, value 0): x > 0 ? x : 0. */
    public static double threshold(double x) {
        return x > 0 ? x : 0;
    }

    public static double thresholdPrime(double x) {
        return x > 0 ? 1 : 0;
    }

    public static double heaviside(double x) {
        return x > 0 ? 1 : x < 0 ? 0 : x == 0 ? HEAVISIDE_AT_ZERO : x; // the last case is NaN
    }

    /** The step's derivative is 0 wherever it exists; ramp defines it as 0 at 0 too. */
    public static double heavisidePrime(double x) {
        return 0;
    }
}
