package dev.ramp.stdlib.handwritten;

/**
 * Array kernels for GELU and its approximations: one final class per function, each
 * loop calling {@link Gaussian}'s static methods directly (see {@link Kernel} for why not a
 * shared loop).
 */
public final class GaussianKernels {
    private GaussianKernels() {}

    /** gelu. */
    public static final class Gelu implements Kernel {
        @Override public String name() { return "gelu"; }

        @Override public double f(double x) { return Gaussian.gelu(x); }

        @Override public double df(double x) { return Gaussian.geluPrime(x); }

        @Override public void forward(double[] x, double[] y) {
            int n = Kernel.length(x.length, y.length);
            for (int i = 0; i < n; i++) y[i] = Gaussian.gelu(x[i]);
        }

        @Override public void forward(float[] x, float[] y) {
            int n = Kernel.length(x.length, y.length);
            for (int i = 0; i < n; i++) y[i] = (float) Gaussian.gelu(x[i]);
        }

        @Override public void backward(double[] x, double[] gradOut, double[] gradIn) {
            int n = Kernel.length(x.length, gradOut.length, gradIn.length);
            for (int i = 0; i < n; i++) gradIn[i] = gradOut[i] * Gaussian.geluPrime(x[i]);
        }

        @Override public void backward(float[] x, float[] gradOut, float[] gradIn) {
            int n = Kernel.length(x.length, gradOut.length, gradIn.length);
            for (int i = 0; i < n; i++) gradIn[i] = (float) ((double) gradOut[i] * Gaussian.geluPrime(x[i]));
        }
    }

    /** gelu_tanh. */
    public static final class GeluTanh implements Kernel {
        @Override public String name() { return "gelu_tanh"; }

        @Override public double f(double x) { return Gaussian.geluTanh(x); }

        @Override public double df(double x) { return Gaussian.geluTanhPrime(x); }

        @Override public void forward(double[] x, double[] y) {
            int n = Kernel.length(x.length, y.length);
            for (int i = 0; i < n; i++) y[i] = Gaussian.geluTanh(x[i]);
        }

        @Override public void forward(float[] x, float[] y) {
            int n = Kernel.length(x.length, y.length);
            for (int i = 0; i < n; i++) y[i] = (float) Gaussian.geluTanh(x[i]);
        }

        @Override public void backward(double[] x, double[] gradOut, double[] gradIn) {
            int n = Kernel.length(x.length, gradOut.length, gradIn.length);
            for (int i = 0; i < n; i++) gradIn[i] = gradOut[i] * Gaussian.geluTanhPrime(x[i]);
        }

        @Override public void backward(float[] x, float[] gradOut, float[] gradIn) {
            int n = Kernel.length(x.length, gradOut.length, gradIn.length);
            for (int i = 0; i < n; i++) gradIn[i] = (float) ((double) gradOut[i] * Gaussian.geluTanhPrime(x[i]));
        }
    }

    /** quick_gelu. */
    public static final class QuickGelu implements Kernel {
        @Override public String name() { return "quick_gelu"; }

        @Override public double f(double x) { return Gaussian.quickGelu(x); }

        @Override public double df(double x) { return Gaussian.quickGeluPrime(x); }

        @Override public void forward(double[] x, double[] y) {
            int n = Kernel.length(x.length, y.length);
            for (int i = 0; i < n; i++) y[i] = Gaussian.quickGelu(x[i]);
        }

        @Override public void forward(float[] x, float[] y) {
            int n = Kernel.length(x.length, y.length);
            for (int i = 0; i < n; i++) y[i] = (float) Gaussian.quickGelu(x[i]);
        }

        @Override public void backward(double[] x, double[] gradOut, double[] gradIn) {
            int n = Kernel.length(x.length, gradOut.length, gradIn.length);
            for (int i = 0; i < n; i++) gradIn[i] = gradOut[i] * Gaussian.quickGeluPrime(x[i]);
        }

        @Override public void backward(float[] x, float[] gradOut, float[] gradIn) {
            int n = Kernel.length(x.length, gradOut.length, gradIn.length);
            for (int i = 0; i < n; i++) gradIn[i] = (float) ((double) gradOut[i] * Gaussian.quickGeluPrime(x[i]));
        }
    }
}
