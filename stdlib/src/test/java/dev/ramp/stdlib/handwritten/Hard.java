package dev.ramp.stdlib.handwritten;

/**
 * Piecewise-linear ("hard") functions, shrinkage and the identity by hand. Each derivative's
 * comparisons are PyTorch's backward conditions, so the kinks get PyTorch's values directly
 * (hardtanh' is 0 at both ends, hardswish' is 0 at -3 and 1 at 3).
 */
public final class Hard {
    private Hard() {}

    public static final double HARDTANH_MIN = -1;
    public static final double HARDTANH_MAX = 1;
    public static final double SHRINK_LAMBDA = 0.5;
    private static final double SIXTH = 1.0 / 6;

    public static double hardtanh(double x) {
        return Math.min(Math.max(x, HARDTANH_MIN), HARDTANH_MAX);
    }

    public static double hardtanhPrime(double x) {
        return x > HARDTANH_MIN && x < HARDTANH_MAX ? 1 : 0;
    }

    /** (x + 3) / 6 clamped to [0, 1]; dividing (rather than x/6 + 1/2) rounds once after an exact-ish sum. */
    public static double hardsigmoid(double x) {
        return x <= -3 ? 0 : x >= 3 ? 1 : (x + 3) / 6;
    }

    public static double hardsigmoidPrime(double x) {
        return x > -3 && x < 3 ? SIXTH : 0;
    }

    public static double hardswish(double x) {
        return x <= -3 ? 0 : x >= 3 ? x : x * (x + 3) / 6;
    }

    /** Current PyTorch (after pytorch#147801): x <= -3 -> 0, x < 3 -> x/3 + 1/2, else 1. */
    public static double hardswishPrime(double x) {
        return x <= -3 ? 0 : x < 3 ? x / 3 + 0.5 : 1;
    }

    public static double sparsePlus(double x) {
        if (x <= -1) return 0;
        if (x >= 1) return x;
        double y = x + 1;
        return 0.25 * y * y;
    }

    public static double sparsePlusPrime(double x) {
        return x <= -1 ? 0 : x >= 1 ? 1 : 0.5 * (x + 1);
    }

    public static double sparseSigmoid(double x) {
        return 0.5 * Math.min(Math.max(x + 1, 0.0), 2.0);
    }

    /** 1/2 strictly inside (-1, 1), 0 at and beyond the kinks (ramp's PyTorch-style convention). */
    public static double sparseSigmoidPrime(double x) {
        return x > -1 && x < 1 ? 0.5 : 0;
    }

    public static double softshrink(double x) {
        return x > SHRINK_LAMBDA ? x - SHRINK_LAMBDA : x < -SHRINK_LAMBDA ? x + SHRINK_LAMBDA : 0;
    }

    public static double softshrinkPrime(double x) {
        return Math.abs(x) > SHRINK_LAMBDA ? 1 : 0;
    }

    public static double hardshrink(double x) {
        return Math.abs(x) > SHRINK_LAMBDA ? x : 0;
    }

    public static double hardshrinkPrime(double x) {
        return Math.abs(x) > SHRINK_LAMBDA ? 1 : 0;
    }

    public static double identity(double x) {
        return x;
    }

    public static double identityPrime(double x) {
        return 1;
    }
}
