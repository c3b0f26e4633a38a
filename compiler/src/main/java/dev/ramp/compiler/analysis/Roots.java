package dev.ramp.compiler.analysis;

import java.util.function.DoubleUnaryOperator;

/**
 * A bracketed root of a continuous function by the Illinois variant of regula falsi: superlinear
 * for smooth functions, and never leaves the bracket, so a jump across zero is located as
 * reliably (if more slowly) as by bisection. Each step that keeps the same end halves the value
 * remembered there; every third step is a plain bisection, which bounds the worst case.
 */
final class Roots {
    private Roots() {}

    /**
     * The root bracketed by [a, b], where h(a) and h(b) have opposite signs (either may be 0).
     *
     * @param tol stop when the bracket is narrower than this
     * @return {a', b', h(a'), h(b')}: the final bracket, so callers can check for a jump
     */
    static double[] bracketed(DoubleUnaryOperator h, double a, double b, double ha, double hb, double tol) {
        if (ha == 0) return new double[] {a, a, 0, 0};
        if (hb == 0) return new double[] {b, b, 0, 0};
        int side = 0;
        for (int i = 0; i < 200 && Math.abs(b - a) > tol; i++) {
            double c = i % 3 == 2 ? 0.5 * (a + b) : (a * hb - b * ha) / (hb - ha);
            if (!(Math.min(a, b) < c && c < Math.max(a, b))) c = 0.5 * (a + b);
            double hc = h.applyAsDouble(c);
            if (Double.isNaN(hc)) return new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN};
            if (hc == 0) return new double[] {c, c, 0, 0};
            if ((hc > 0) == (hb > 0)) {
                b = c;
                hb = hc;
                if (side == -1) ha *= 0.5;
                side = -1;
            } else {
                a = c;
                ha = hc;
                if (side == 1) hb *= 0.5;
                side = 1;
            }
        }
        return new double[] {a, b, ha, hb};
    }
}
