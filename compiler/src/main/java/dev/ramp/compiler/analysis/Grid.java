package dev.ramp.compiler.analysis;

import java.util.Arrays;

/**
 * The sample points every scan uses: step 1/64 on [-16, 16] (dyadic, so kinks at simple
 * fractions such as 0.5, -3 or 6 are grid points and are hit exactly), then a geometric
 * progression (ratio 1.05) out to ±10^6.
 */
final class Grid {
    private Grid() {}

    static final double INNER = 16, OUTER = 1e6, STEP = 1.0 / 64, RATIO = 1.05;

    private static final double[] POINTS = build();

    /** The points, increasing (a fresh copy). */
    static double[] points() {
        return POINTS.clone();
    }

    private static double[] build() {
        int inner = (int) Math.round(INNER / STEP);
        int outer = 0;
        for (double x = INNER * RATIO; x < OUTER; x *= RATIO) outer++;
        double[] p = new double[2 * inner + 1 + 2 * (outer + 1)];
        int i = 0;
        double[] tail = new double[outer + 1];
        double x = INNER;
        for (int k = 0; k < outer; k++) tail[k] = x *= RATIO;
        tail[outer] = OUTER;
        for (int k = outer; k >= 0; k--) p[i++] = -tail[k];
        for (int k = -inner; k <= inner; k++) p[i++] = k * STEP;
        for (int k = 0; k <= outer; k++) p[i++] = tail[k];
        Arrays.sort(p);
        return p;
    }
}
