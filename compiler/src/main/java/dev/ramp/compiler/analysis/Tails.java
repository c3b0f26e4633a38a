package dev.ramp.compiler.analysis;

import java.util.function.DoubleUnaryOperator;

/**
 * Classifies a tail from values at |x| = 10^4, 10^6, 10^9, 10^12 (and the derivative there):
 * converging when the last difference is below 10^-6 of the value's scale and not growing;
 * linear when the secant slopes over [10^6, 10^9] and [10^9, 10^12] agree with each other and
 * with the derivative to 10^-6; otherwise unbounded when |f| keeps growing (superlinear if it
 * grows more than 1.01× as fast as x, sublinear if less); otherwise no limit.
 */
final class Tails {
    private Tails() {}

    private static final double[] AT = {1e4, 1e6, 1e9, 1e12};

    static Tail classify(DoubleUnaryOperator g, DoubleUnaryOperator dg, int side) {
        double[] v = new double[AT.length], x = new double[AT.length];
        for (int i = 0; i < AT.length; i++) {
            x[i] = side * AT[i];
            v[i] = g.applyAsDouble(x[i]);
        }
        double last = v[3];
        if (Double.isNaN(last)) return none(side);
        if (Double.isInfinite(last)) return overflowing(g, side, last);
        double d1 = Math.abs(v[2] - v[1]), d2 = Math.abs(v[3] - v[2]);
        double scale = Math.max(1, Math.abs(last));
        if (d2 <= 1e-6 * scale && d2 <= d1 + 1e-15 * scale) {
            return new Tail(side, Tail.Kind.CONSTANT, snap(last, d2) + 0.0, Double.NaN, "");
        }
        double s1 = (v[2] - v[1]) / (x[2] - x[1]), s2 = (v[3] - v[2]) / (x[3] - x[2]);
        double slope = dg.applyAsDouble(x[3]);
        if (s2 != 0 && Math.abs(s1 - s2) <= 1e-6 * Math.abs(s2) && Math.abs(slope - s2) <= 1e-6 * Math.abs(s2)) {
            double a = snap(s2, 1e-9 * Math.abs(s2));
            double offset = v[1] - a * x[1];  // at 10^6 the intercept keeps about 10 digits
            double b = snap(offset, 1e-9 * Math.max(1, Math.abs(v[1])));
            return new Tail(side, Tail.Kind.LINEAR, a, b, "linear");
        }
        boolean growing = Math.abs(v[3]) > Math.abs(v[2]) && Math.abs(v[2]) > Math.abs(v[1]) && Math.signum(v[3]) == Math.signum(v[2]);
        if (growing) {
            double ratio = Math.abs(v[3]) / Math.abs(v[2]);  // x grew 1000×
            return unbounded(side, last, ratio > 1010 ? "superlinear" : ratio < 990 ? "sublinear" : "linear");
        }
        return none(side);
    }

    /** Overflow at 10^12: unbounded if |g| grows monotonically, with the sign of the overflow, from 10 until it overflows. */
    private static Tail overflowing(DoubleUnaryOperator g, int side, double last) {
        double previous = 0;
        for (double at = 10; at <= 1e12; at *= 10) {
            double v = g.applyAsDouble(side * at);
            if (Double.isInfinite(v)) return v == last && at > 10 ? unbounded(side, last, "superlinear") : none(side);
            if (Double.isNaN(v) || Math.signum(v) != Math.signum(last) || Math.abs(v) < Math.abs(previous)) return none(side);
            previous = v;
        }
        return none(side);
    }

    private static Tail unbounded(int side, double sign, String growth) {
        return new Tail(side, sign > 0 ? Tail.Kind.UNBOUNDED_ABOVE : Tail.Kind.UNBOUNDED_BELOW, Double.NaN, Double.NaN, growth);
    }

    private static Tail none(int side) {
        return new Tail(side, Tail.Kind.NONE, Double.NaN, Double.NaN, "");
    }

    /**
     * Rounds {@code v} to the coarsest power of ten that the uncertainty {@code err} allows
     * (1 - 10^-12 becomes 1 when the samples only pin it to 10^-9); exact when err is 0.
     */
    static double snap(double v, double err) {
        if (err == 0 || !Double.isFinite(v)) return v;
        double unit = Math.pow(10, Math.ceil(Math.log10(err * 100)));
        double r = Math.rint(v / unit) * unit;
        // Only snap to a visibly simpler number; keep v when rounding would move it noticeably.
        return Math.abs(r - v) <= err * 100 ? cleanup(r) : v;
    }

    /** Removes the binary noise of k·10^-n (0.30000000000000004 → 0.3). */
    private static double cleanup(double r) {
        String s = String.format(java.util.Locale.ROOT, "%.12g", r);
        return Double.parseDouble(s);
    }
}
