package dev.ramp.bench;

/**
 * One activation's array passes as the suite measures them: a handwritten implementation, or a
 * compiled activation ({@link ActivationBaseline}). Whole arrays, equal lengths.
 */
public interface Baseline {
    /** {@code y[i] = f(x[i])}. */
    void forward(double[] x, double[] y);

    void forward(float[] x, float[] y);

    /** {@code gi[i] = g[i] * f'(x[i])}. */
    void backward(double[] x, double[] g, double[] gi);

    void backward(float[] x, float[] g, float[] gi);

    /** Both passes: one loop where the implementation has one, else forward then backward. */
    void fused(double[] x, double[] y, double[] g, double[] gi);

    void fused(float[] x, float[] y, float[] g, float[] gi);
}
