package dev.ramp.bench;

import dev.ramp.runtime.Activation;

/** A compiled activation measured through the same six benchmarks as the handwritten kernels ({@link BaselineBench}). */
record ActivationBaseline(Activation activation) implements Baseline {
    @Override
    public void forward(double[] x, double[] y) {
        activation.forward(x, y);
    }

    @Override
    public void forward(float[] x, float[] y) {
        activation.forward(x, y);
    }

    @Override
    public void backward(double[] x, double[] g, double[] gi) {
        activation.backward(x, g, gi);
    }

    @Override
    public void backward(float[] x, float[] g, float[] gi) {
        activation.backward(x, g, gi);
    }

    @Override
    public void fused(double[] x, double[] y, double[] g, double[] gi) {
        activation.forwardBackward(x, y, g, gi);
    }

    @Override
    public void fused(float[] x, float[] y, float[] g, float[] gi) {
        activation.forwardBackward(x, y, g, gi);
    }
}
