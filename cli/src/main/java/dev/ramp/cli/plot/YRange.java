package dev.ramp.cli.plot;

import java.util.Arrays;
import java.util.List;

/**
 * The y range a plot shows, and whether it had to cut off some values to show the rest.
 *
 * @param clipped true when some finite values lie outside {@code [min, max]} on purpose: a pole
 *     such as {@code 1/x} near 0 would otherwise flatten every curve into a line
 */
public record YRange(double min, double max, boolean clipped) {

    /** Curves whose full range is more than this many times their central 90% are clipped. */
    private static final double OUTLIER_RATIO = 8;

    /**
     * The range of the finite values of every series, with a 5% margin; but when a few values are
     * far out (the full range is much wider than the central 90% of the values), the central
     * range widened by half on each side, marked clipped.
     */
    public static YRange of(List<Series> series) {
        int n = 0;
        for (Series s : series) n += s.ys().length;
        double[] finite = new double[n];
        int count = 0;
        for (Series s : series) {
            for (double y : s.ys()) if (Double.isFinite(y)) finite[count++] = y;
        }
        if (count == 0) return new YRange(-1, 1, false);
        finite = Arrays.copyOf(finite, count);
        Arrays.sort(finite);
        double lo = finite[0];
        double hi = finite[count - 1];
        if (count >= 20) {
            double q05 = finite[(int) (0.05 * (count - 1))];
            double q95 = finite[(int) Math.ceil(0.95 * (count - 1))];
            double core = q95 - q05;
            if (core > 0 && (hi - lo) > OUTLIER_RATIO * core) {
                return new YRange(Math.max(lo, q05 - core / 2), Math.min(hi, q95 + core / 2), true);
            }
        }
        return padded(lo, hi);
    }

    /** {@code [lo, hi]} with a 5% margin, or a unit-wide window around a constant. */
    private static YRange padded(double lo, double hi) {
        double span = hi - lo;
        if (!(span > 0) || !Double.isFinite(span)) {
            double half = Math.max(1, Math.abs(lo) * 0.1);
            if (!Double.isFinite(span)) return new YRange(-Double.MAX_VALUE / 4, Double.MAX_VALUE / 4, false);
            return new YRange(lo - half, hi + half, false);
        }
        return new YRange(lo - span * 0.05, hi + span * 0.05, false);
    }
}
