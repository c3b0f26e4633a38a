package dev.ramp.compiler.check;

import dev.ramp.compiler.ir.Expr;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * The inputs {@code ramp check} tries: the whole double range, weighted where activations go
 * wrong. Deterministic (a fixed seed), so that two runs report the same worst points.
 *
 * <ul>
 *   <li>0, the smallest subnormal and normal numbers, and log-spaced magnitudes from 1e-300 up
 *       to 1e-3 (tiny arguments: expm1- and tanhshrink-like cancellation);
 *   <li>a dense uniform grid on [-1, 1] and log-spaced magnitudes from 1e-3 to 1e3, where
 *       activations bend;
 *   <li>log-spaced magnitudes from 1e3 to the largest double (saturation and overflow);
 *   <li>landmarks on both sides: where exp, cosh and tanh-based forms under- or overflow
 *       (19, 36.7, 37, 355, 372, 709.8, 745) and round numbers (800, 1e4, 1e300);
 *   <li>random points, uniform on [-40, 40] and log-uniform in magnitude;
 *   <li>every kink of the expressions ({@link Kinks}) with its neighbouring doubles and points
 *       a millionth of its size to either side.
 * </ul>
 */
public final class Samples {
    private Samples() {}

    /** How many points: FULL for the command, TEST (a few hundred) for the test suite. */
    public enum Density {
        /** About 2,000 points: the {@code ramp check} default. */
        FULL(400, 300, 60, 60, 300),
        /** About 300 points: enough for the tests' fixed sample. */
        TEST(50, 50, 10, 10, 40);

        final int uniform;
        final int midDecades;
        final int tinyDecades;
        final int hugeDecades;
        final int random;

        Density(int uniform, int midDecades, int tinyDecades, int hugeDecades, int random) {
            this.uniform = uniform;
            this.midDecades = midDecades;
            this.tinyDecades = tinyDecades;
            this.hugeDecades = hugeDecades;
            this.random = random;
        }
    }

    private static final double[] LANDMARKS = {1, 2, 3, 5, 10, 19, 20, 30, 36.7, 37, 38, 40, 50, 100, 300, 355, 372, 700,
        709.8, 710, 745, 746, 800, 1000, 1e4, 1e100, 1e300};

    /** The grid without kinks, sorted. */
    public static double[] grid(Density d) {
        Set<Double> xs = new TreeSet<>();
        xs.add(0.0);
        for (double m : new double[] {Double.MIN_VALUE, Double.MIN_NORMAL, Double.MAX_VALUE}) both(xs, m);
        logSpaced(xs, 1e-300, 1e-3, d.tinyDecades);
        for (int i = 0; i <= d.uniform; i++) xs.add(-1 + 2.0 * i / d.uniform);
        logSpaced(xs, 1e-3, 1e3, d.midDecades);
        logSpaced(xs, 1e3, Double.MAX_VALUE, d.hugeDecades);
        for (double m : LANDMARKS) both(xs, m);
        Random r = new Random(20240611L);
        for (int i = 0; i < d.random; i++) {
            xs.add(-40 + 80 * r.nextDouble());
            xs.add((r.nextBoolean() ? 1 : -1) * Math.pow(10, -8 + 11 * r.nextDouble()));
        }
        return xs.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The grid plus every kink of {@code exprs} (functions of {@code variable}) and its neighbours, sorted. */
    public static double[] points(List<Expr> exprs, String variable, Density d) {
        double[] grid = grid(d);
        Set<Double> xs = new TreeSet<>();
        for (double x : grid) xs.add(x);
        for (double k : Kinks.find(exprs, variable, grid)) {
            xs.add(k);
            xs.add(Math.nextUp(k));
            xs.add(Math.nextDown(k));
            double step = 1e-6 * Math.max(1, Math.abs(k));
            xs.add(k - step);
            xs.add(k + step);
        }
        xs.removeIf(x -> !Double.isFinite(x));
        return xs.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** {@code perSide} log-spaced magnitudes in [lo, hi], with both signs. */
    private static void logSpaced(Set<Double> xs, double lo, double hi, int perSide) {
        double a = Math.log10(lo), b = Math.log10(hi);
        for (int i = 0; i <= perSide; i++) {
            double m = Math.min(hi, Math.pow(10, a + (b - a) * i / perSide));
            both(xs, m);
        }
    }

    private static void both(Set<Double> xs, double m) {
        xs.add(m);
        xs.add(-m);
    }
}
