package dev.ramp.bench;

/**
 * Row kernels written by hand the way PyTorch's CPU softmax kernel works (max, then
 * {@code exp(x - max)} and its sum, then one multiplication by the reciprocal), as the baseline
 * for {@link RowBench}. Backward takes x (not y) like ramp's, so it recomputes y.
 */
final class HandwrittenRows {
    private HandwrittenRows() {}

    static void softmax(double[] x, int rows, int n, double[] y) {
        for (int r = 0, o = 0; r < rows; r++, o += n) {
            double m = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) m = Math.max(m, x[o + i]);
            double s = 0;
            for (int i = 0; i < n; i++) {
                double e = Math.exp(x[o + i] - m);
                y[o + i] = e;
                s += e;
            }
            double inv = 1 / s;
            for (int i = 0; i < n; i++) y[o + i] *= inv;
        }
    }

    static void softmax(float[] x, int rows, int n, float[] y) {
        for (int r = 0, o = 0; r < rows; r++, o += n) {
            double m = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) m = Math.max(m, x[o + i]);
            double s = 0;
            for (int i = 0; i < n; i++) s += Math.exp(x[o + i] - m);
            double inv = 1 / s;
            for (int i = 0; i < n; i++) y[o + i] = (float) (Math.exp(x[o + i] - m) * inv);
        }
    }

    static void softmaxBackward(double[] x, double[] g, int rows, int n, double[] gi) {
        for (int r = 0, o = 0; r < rows; r++, o += n) {
            double m = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) m = Math.max(m, x[o + i]);
            double s = 0, dot = 0;
            for (int i = 0; i < n; i++) {
                double e = Math.exp(x[o + i] - m);
                s += e;
                dot += g[o + i] * e;
            }
            double inv = 1 / s;
            dot *= inv;
            for (int i = 0; i < n; i++) gi[o + i] = Math.exp(x[o + i] - m) * inv * (g[o + i] - dot);
        }
    }

    /** PyTorch's softmax backward: from the saved output, {@code y * (g - <g, y>)}. */
    static void softmaxBackwardFromY(double[] y, double[] g, int rows, int n, double[] gi) {
        for (int r = 0, o = 0; r < rows; r++, o += n) {
            double dot = 0;
            for (int i = 0; i < n; i++) dot += g[o + i] * y[o + i];
            for (int i = 0; i < n; i++) gi[o + i] = y[o + i] * (g[o + i] - dot);
        }
    }

    static void logsumexp(double[] x, int rows, int n, double[] out) {
        for (int r = 0, o = 0; r < rows; r++, o += n) {
            double m = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) m = Math.max(m, x[o + i]);
            double s = 0;
            for (int i = 0; i < n; i++) s += Math.exp(x[o + i] - m);
            out[r] = m + Math.log(s);
        }
    }
}
