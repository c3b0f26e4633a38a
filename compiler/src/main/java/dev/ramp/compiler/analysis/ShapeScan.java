package dev.ramp.compiler.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

/**
 * Finds a function's {@link Shape} from its derivative's sign on the {@link Grid}, the values at
 * branch points, the intervals where it is constant and its tails.
 *
 * <p>Extrema: every change of sign of g' between grid points (zeros skipped, so plateaus and
 * underflowed tails do not count) is refined by bisection on the sign of g' to adjacent doubles.
 * Range: the infimum is the least of the extrema, the constant values, the values and one-sided
 * limits at branch points, and the tails' limits (or -∞); it is attained when a finite point or
 * interval reaches it. The least grid value is a safety net: if it is below all of these, it is
 * used (as attained near that grid point).
 */
final class ShapeScan {
    private ShapeScan() {}

    /** The function at a branch point: limit from the left, from the right, and the value there. */
    record Side(double x, double left, double right, double at) {}

    private record Candidate(double value, Bound bound) {}

    static Shape of(DoubleUnaryOperator g, DoubleUnaryOperator dg, List<double[]> constantOn, List<Side> kinks, Tail left, Tail right) {
        double[] xs = Grid.points();
        List<Extremum> extrema = new ArrayList<>();
        boolean pos = false, neg = false;
        double lastX = Double.NaN;
        int lastSign = 0;
        for (double x : xs) {
            double d = dg.applyAsDouble(x);
            if (!Double.isFinite(d) || d == 0) continue;
            int sign = d > 0 ? 1 : -1;
            if (sign > 0) pos = true;
            else neg = true;
            if (lastSign != 0 && sign != lastSign) {
                double xc = bisect(dg, lastX, x, lastSign);
                boolean atKink = kinks.stream().anyMatch(k -> Math.abs(k.x() - xc) <= 1e-12 * Math.max(1, Math.abs(xc)));
                double v = g.applyAsDouble(xc);
                if (!Double.isNaN(v)) extrema.add(new Extremum(xc + 0.0, v, lastSign < 0, atKink));
            }
            lastSign = sign;
            lastX = x;
        }
        boolean up = false, down = false;
        List<double[]> jumps = new ArrayList<>();
        for (Side k : kinks) {
            double jump = k.right() - k.left();
            double tol = 1e-12 * Math.max(1, Math.max(Math.abs(k.left()), Math.abs(k.right())));
            if (jump > tol) up = true;
            if (jump < -tol) down = true;
            if (Math.abs(jump) > tol) jumps.add(new double[] {k.x(), k.left(), k.right()});
        }
        boolean rises = pos || up, falls = neg || down;
        boolean flat = !constantOn.isEmpty();
        Shape.Monotonicity m = rises && falls ? Shape.Monotonicity.NONMONOTONIC
                : rises ? (flat ? Shape.Monotonicity.NONDECREASING : Shape.Monotonicity.INCREASING)
                : falls ? (flat ? Shape.Monotonicity.NONINCREASING : Shape.Monotonicity.DECREASING)
                : Shape.Monotonicity.CONSTANT;

        List<Candidate> cands = new ArrayList<>();
        for (Extremum e : extrema) cands.add(new Candidate(e.value(), Bound.point(e.value(), e.x())));
        for (double[] c : constantOn) cands.add(new Candidate(c[2], Bound.interval(c[2], c[0], c[1])));
        for (Side k : kinks) {
            cands.add(new Candidate(k.at(), Bound.point(k.at(), k.x())));
            cands.add(new Candidate(k.left(), Bound.limit(k.left(), k.x())));
            cands.add(new Candidate(k.right(), Bound.limit(k.right(), k.x())));
        }
        for (Tail t : List.of(left, right)) {
            double a = t.approaches();
            if (!Double.isNaN(a)) cands.add(new Candidate(a, Bound.limit(a, t.side() * Double.POSITIVE_INFINITY)));
        }
        // The safety net: the extreme grid values (only used if nothing above reaches them).
        double gmin = Double.POSITIVE_INFINITY, gmax = Double.NEGATIVE_INFINITY, xmin = 0, xmax = 0;
        for (double x : xs) {
            double v = g.applyAsDouble(x);
            // An infinite value at a finite point (a pole, log at 0) makes that side unbounded; so
            // may the values just beside it (1/x is -∞ just left of 0).
            if (Double.isInfinite(v)) {
                cands.add(new Candidate(v, Bound.limit(v, x)));
                for (double beside : new double[] {Math.nextDown(x), Math.nextUp(x)}) {
                    double w = g.applyAsDouble(beside);
                    if (Double.isInfinite(w)) cands.add(new Candidate(w, Bound.limit(w, x)));
                }
            }
            if (!Double.isFinite(v)) continue;
            if (v < gmin) { gmin = v; xmin = x; }
            if (v > gmax) { gmax = v; xmax = x; }
        }
        Bound lower = pick(cands, true, gmin, xmin);
        Bound upper = pick(cands, false, gmax, xmax);
        extrema.sort(Comparator.comparingDouble(Extremum::x));
        return new Shape(lower, upper, m, extrema, constantOn, jumps);
    }

    /** The infimum (or supremum) among the candidates, attained if a finite point or interval reaches it. */
    private static Bound pick(List<Candidate> cands, boolean lowest, double gridValue, double gridX) {
        double best = lowest ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
        for (Candidate c : cands) {
            if (Double.isNaN(c.value)) continue;
            if (lowest ? c.value < best : c.value > best) best = c.value;
        }
        if (Double.isFinite(gridValue)) {
            double margin = 1e-9 * Math.max(1, Math.abs(gridValue));
            if (lowest ? gridValue < best - margin : gridValue > best + margin) return Bound.point(gridValue, gridX);
        }
        if (Double.isInfinite(best) && (lowest ? best > 0 : best < 0)) return Bound.limit(Double.NaN, Double.NaN);
        double tol = 1e-12 * Math.max(1, Math.abs(best));
        Bound attained = null, approached = null;
        // Among equal candidates, the one nearest 0 (sin attains 1 at π/2, not near 10^6), intervals and points first.
        List<Candidate> sorted = new ArrayList<>(cands);
        sorted.sort(Comparator.comparingDouble(c -> distanceToZero(c.bound)));
        for (Candidate c : sorted) {
            boolean matches = c.value == best || Double.isFinite(best) && Math.abs(c.value - best) <= tol;
            if (!matches) continue;
            if (c.bound.attained()) {
                if (attained == null) attained = c.bound;
            } else if (approached == null) {
                approached = c.bound;
            }
        }
        Bound b = attained != null ? attained : approached;
        return new Bound(best, b.attained(), b.how(), b.x(), b.from(), b.to());
    }

    /** How far from 0 a bound is reached: 0 for an interval containing 0, ∞ for a limit at infinity. */
    private static double distanceToZero(Bound b) {
        if (b.how().equals("interval")) return b.from() <= 0 && 0 <= b.to() ? 0 : Math.min(Math.abs(b.from()), Math.abs(b.to()));
        return Double.isNaN(b.x()) ? 0 : Math.abs(b.x());
    }

    /** The sign change of d between lo and hi (d has sign loSign at lo), to adjacent doubles. */
    static double bisect(DoubleUnaryOperator d, double lo, double hi, int loSign) {
        while (true) {
            double mid = 0.5 * (lo + hi);
            if (mid <= lo || mid >= hi) break;
            double v = d.applyAsDouble(mid);
            if (v == 0) return mid;
            if (Double.isNaN(v)) break;
            if ((v > 0 ? 1 : -1) == loSign) lo = mid;
            else hi = mid;
        }
        return Math.abs(d.applyAsDouble(lo)) <= Math.abs(d.applyAsDouble(hi)) ? lo : hi;
    }
}
