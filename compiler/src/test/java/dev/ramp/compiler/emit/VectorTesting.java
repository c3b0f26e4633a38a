package dev.ramp.compiler.emit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ramp.compiler.emit.Emitter.Options;
import dev.ramp.runtime.Activation;
import java.util.Arrays;
import java.util.Random;

/**
 * Runs a vector-kernel activation next to its scalar twin on the same data and compares every
 * kernel's output, element by element, with an ulp bound (0 for bit equality). Inputs put the
 * special values (signed zeros, infinities, NaN, subnormals, huge and tiny values) inside whole
 * vectors, not only in the scalar tail; outputs are pre-filled with a sentinel so a write outside
 * the range is seen.
 */
final class VectorTesting {
    private VectorTesting() {}

    static final Options VECTOR = new Options(Options.Backend.VECTOR, Options.Accuracy.ACCURATE);
    static final Options FAST = new Options(Options.Backend.VECTOR, Options.Accuracy.FAST);
    static final double SENTINEL = -12345.0;

    /**
     * How far a vector result may be from the scalar one: {@code ulps} of the scalar result, or
     * {@code absolute} (for results that cancel: the error of the terms, not of the small sum).
     */
    record Tolerance(double ulps, double absolute) {
        static final Tolerance EXACT = new Tolerance(0, 0);

        static Tolerance ulps(double n) {
            return new Tolerance(n, 0);
        }

        boolean accepts(double expected, double actual, double u) {
            return u <= ulps || Math.abs(expected - actual) <= absolute;
        }

        @Override
        public String toString() {
            return ulps + " ulps" + (absolute > 0 ? " or " + absolute + " absolute" : "");
        }
    }

    /** Inputs: specials every 3rd element, Gaussian, uniform on [-30, 30], and log-spaced magnitudes. */
    static double[] inputs(int n, long seed) {
        Random r = new Random(seed);
        double[] xs = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = i % 3 == 0 ? RefEval.SPECIAL[(i / 3 + (int) seed) % RefEval.SPECIAL.length] : switch (i % 4) {
                case 0 -> r.nextGaussian() * 4;
                case 1 -> (r.nextDouble() - 0.5) * 60;
                case 2 -> Math.scalb(r.nextDouble() - 0.5, r.nextInt(-60, 10));
                default -> r.nextGaussian();
            };
        }
        return xs;
    }

    /** Gradients as training sees them: Gaussian, with some zeros and ones. */
    static double[] gradients(int n, long seed) {
        Random r = new Random(seed);
        double[] g = new double[n];
        for (int i = 0; i < n; i++) g[i] = i % 5 == 0 ? 0.0 : i % 5 == 1 ? 1.0 : r.nextGaussian();
        return g;
    }

    static float[] toFloat(double[] d) {
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) f[i] = (float) d[i];
        return f;
    }

    /** The distance in ulps of the expected value; 0 for equal values (either zero), infinite for NaN or infinity mismatches. */
    static double ulps(double expected, double actual) {
        if (Double.compare(expected, actual) == 0 || expected == actual) return 0;
        if (!Double.isFinite(expected) || !Double.isFinite(actual)) return Double.POSITIVE_INFINITY;
        return Math.abs(expected - actual) / Math.ulp(expected);
    }

    static double ulps(float expected, float actual) {
        if (Float.compare(expected, actual) == 0 || expected == actual) return 0;
        if (!Float.isFinite(expected) || !Float.isFinite(actual)) return Double.POSITIVE_INFINITY;
        return Math.abs((double) expected - actual) / Math.ulp(expected);
    }

    /**
     * Forward, backward and fused kernels of {@code v} against {@code s}, double arrays, at length
     * {@code len} and the given offsets; returns the largest ulp distance seen, after checking
     * every element against {@code bound} and that nothing outside the range was written.
     */
    static double compareDouble(String what, Activation s, Activation v, int len, int xo, int yo, int go, int gio, Tolerance bound) {
        return compareDouble(what, s, v, len, xo, yo, go, gio, bound, false);
    }

    /** With {@code unitGradient}, gradOut is all ones, so backward results are f' itself. */
    static double compareDouble(String what, Activation s, Activation v, int len, int xo, int yo, int go, int gio, Tolerance bound,
                                boolean unitGradient) {
        double[] xs = inputs(len + xo + 1, len * 31L + xo), g = gradients(len + go + 2, len + 7L);
        if (unitGradient) Arrays.fill(g, 1.0);
        double[][] ref = runDouble(s, xs, g, len, xo, yo, go, gio);
        double[][] got = runDouble(v, xs, g, len, xo, yo, go, gio);
        double worst = 0;
        String[] names = {"forward", "backward", "fused f", "fused grad"};
        int[] offsets = {yo, gio, yo, gio};
        for (int k = 0; k < 4; k++) {
            for (int i = 0; i < ref[k].length; i++) {
                boolean in = i >= offsets[k] && i < offsets[k] + len;
                if (!in) {
                    assertTrue(got[k][i] == SENTINEL, what + " " + names[k] + " wrote outside the range at " + i);
                    continue;
                }
                double u = ulps(ref[k][i], got[k][i]);
                worst = Math.max(worst, u);
                int at = i;
                int kk = k;
                assertTrue(bound.accepts(ref[k][i], got[k][i], u), () -> what + " " + names[kk] + " len " + len + " at x = " + xs[xo + at - offsets[kk]]
                        + ": scalar " + ref[kk][at] + ", vector " + got[kk][at] + " (" + u + " ulps; allowed: " + bound + ")");
            }
        }
        return worst;
    }

    private static double[][] runDouble(Activation a, double[] xs, double[] g, int len, int xo, int yo, int go, int gio) {
        double[] ys = filled(len + yo + 3), gi = filled(len + gio + 1), ys2 = filled(len + yo + 3), gi2 = filled(len + gio + 1);
        a.forward(xs, xo, ys, yo, len);
        a.backward(xs, xo, g, go, gi, gio, len);
        a.forwardBackward(xs, xo, ys2, yo, g, go, gi2, gio, len);
        return new double[][] {ys, gi, ys2, gi2};
    }

    /** The float version of {@link #compareDouble}. */
    static double compareFloat(String what, Activation s, Activation v, int len, int xo, int yo, int go, int gio, Tolerance bound) {
        float[] xs = toFloat(inputs(len + xo + 1, len * 17L + xo)), g = toFloat(gradients(len + go + 2, len + 3L));
        float[][] ref = runFloat(s, xs, g, len, xo, yo, go, gio);
        float[][] got = runFloat(v, xs, g, len, xo, yo, go, gio);
        double worst = 0;
        String[] names = {"forward", "backward", "fused f", "fused grad"};
        int[] offsets = {yo, gio, yo, gio};
        for (int k = 0; k < 4; k++) {
            for (int i = 0; i < ref[k].length; i++) {
                boolean in = i >= offsets[k] && i < offsets[k] + len;
                if (!in) {
                    assertTrue(got[k][i] == (float) SENTINEL, what + " float " + names[k] + " wrote outside the range at " + i);
                    continue;
                }
                double u = ulps(ref[k][i], got[k][i]);
                worst = Math.max(worst, u);
                int at = i;
                int kk = k;
                assertTrue(bound.accepts(ref[k][i], got[k][i], u), () -> what + " float " + names[kk] + " len " + len + " at x = " + xs[xo + at - offsets[kk]]
                        + ": scalar " + ref[kk][at] + ", vector " + got[kk][at] + " (" + u + " ulps; allowed: " + bound + ")");
            }
        }
        return worst;
    }

    private static float[][] runFloat(Activation a, float[] xs, float[] g, int len, int xo, int yo, int go, int gio) {
        float[] ys = filledF(len + yo + 3), gi = filledF(len + gio + 1), ys2 = filledF(len + yo + 3), gi2 = filledF(len + gio + 1);
        a.forward(xs, xo, ys, yo, len);
        a.backward(xs, xo, g, go, gi, gio, len);
        a.forwardBackward(xs, xo, ys2, yo, g, go, gi2, gio, len);
        return new float[][] {ys, gi, ys2, gi2};
    }

    static double[] filled(int n) {
        double[] a = new double[n];
        Arrays.fill(a, SENTINEL);
        return a;
    }

    static float[] filledF(int n) {
        float[] a = new float[n];
        Arrays.fill(a, (float) SENTINEL);
        return a;
    }

    /** Lengths around the vector width: empty, one, a vector minus, plus one, several vectors with odd tails. */
    static int[] lengths(int lanes) {
        return new int[] {0, 1, lanes - 1, lanes, lanes + 1, 2 * lanes + 3, 5 * lanes - 1, 100};
    }

    static final int[][] OFFSETS = {{0, 0, 0, 0}, {3, 1, 5, 2}, {1, 2, 0, 7}};
}
