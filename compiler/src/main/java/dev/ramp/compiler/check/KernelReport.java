package dev.ramp.compiler.check;

import java.util.List;

/**
 * What {@code ramp check} measured for one kernel (one derivative order, in double or float).
 *
 * @param order 0 for f, 1 for f', ...
 * @param format {@code "double"} or {@code "float"}
 * @param budget the largest error allowed, in ulps of the format
 * @param points how many inputs were judged
 * @param maxUlps the largest error (0 when nothing was judged)
 * @param worstX the input where it occurs (NaN when nothing was judged)
 * @param meanUlps the mean error over the judged points
 * @param nonFinite inputs where the kernel gave NaN or an infinity but the true value is finite
 *     (the first few), and {@code nonFiniteCount} how many there were in all
 * @param wrongInfinity inputs where the true value is infinite (or beyond the format) and the
 *     kernel gave something else
 * @param zeroCrossing how many of the judged points lie near a zero crossing and were measured
 *     against the scale of the terms (see {@link Checker})
 * @param skipped points not judged: the true value undefined (outside the domain), the
 *     reference unconverged, or the input within rounding of a branch switch
 */
public record KernelReport(int order, String format, double budget, int points, double maxUlps, double worstX, double meanUlps,
        List<Double> nonFinite, int nonFiniteCount, List<Double> wrongInfinity, int zeroCrossing, int skipped) {
    public KernelReport {
        nonFinite = List.copyOf(nonFinite);
        wrongInfinity = List.copyOf(wrongInfinity);
    }

    /** Within budget, and no spurious NaN or infinity. */
    public boolean ok() {
        return maxUlps <= budget && nonFiniteCount == 0 && wrongInfinity.isEmpty();
    }

    /** "f", "f'", "f''", "f^(3)". */
    public String orderName() {
        return order <= 2 ? "f" + "'".repeat(order) : "f^(" + order + ")";
    }
}
