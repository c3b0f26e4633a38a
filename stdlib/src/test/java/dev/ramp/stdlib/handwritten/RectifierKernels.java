package dev.ramp.stdlib.handwritten;

/**
 * Array kernels for Rectifiers: relu, relu6, the leaky variants, shifted ReLU, threshold, heaviside: one final class per function, each
 * loop calling {@link Rectifiers}'s static methods directly (see {@link Kernel} for why not a
 * shared loop).
 */
public final class RectifierKernels {
    private RectifierKernels() {}

    /** relu. */
    public static final class Relu implements Kernel {
        @Override public String name() { return "relu"; }

        @Override public double f(double x) { return Rectifiers.relu(x); }

        @Override public double df(double x) { return Rectifiers.reluPrime(x); }

        @Override public void forward(double[] x, double[] y) {
            int n = Kernel.length(x.length, y.length);
            for (int i = 0; i < n; i++) y[i] = Rectifiers.relu(x[i]);
        }

        @Override public void forward(float[] x, float[] y) {
            int n = Kernel.length(x.length, y.length);
            for (int i = 0; i < n; i++) y[i] = (float) Rectifiers.relu(x[i]);
        }

        @Override public void backward(double[] x, double[] gradOut, double[] gradIn) {
            int n = Kernel.length(x.length, gradOut.length, gradIn.length);
            for (int i = 0; i < n; i++) gradIn[i] = gradOut[i] * Rectifiers.reluPrime(x[i]);
        }

        @Override public void backward(float[] x, float[] gradOut, float[] gradIn) {
            int n = Kernel.length(x.length, gradOut.length, gradIn.length);
            for (int i = 0; i < n; i++) gradIn[i] = (float) ((double) gradOut[i] * Rectifiers.reluPrime(x[i]));
        }
    }

    /** relu6. */
    public static final class Relu6 implements Kernel {
        @Override public String name() { return "relu6"; }

        @Override public double f(double x) { return Rectifiers.relu6(x); }

        @Override public double df(double x) { return Rectifiers.relu6Prime(x); }

        @Override public void forward(double[] x, double[] y) {
            int n = Kernel.length(x.length, y.length);
            for (int i = 0; i < n; i++) y[i] = Rectifiers.relu6(x[i]);
        }

        @Override public void forward(float[] x, float[] y) {
            int n = Kernel.length(x.length, y.length);
            for (int i = 0; i < n; i++) y[i] = (float) Rectifiers.relu6(x[i]);
        }

        @Override public void backward(double[] x, double[] gradOut, double[] gradIn) {
            int n = Kernel.length(x.length, gradOut.length, gradIn.length);
            for (int i = 0; i < n; i++) gradIn[i] = gradOut[i] * Rectifiers.relu6Prime(x[i]);
        }

        @Override public void backward(float[] x, float[] gradOut, float[] gradIn) {
            int n = Kernel.length(x.length, gradOut.length, gradIn.length);
            for (int i = 0; i < n; i++) gradIn[i] = (float) ((double) gradOut[i] * Rectifiers.relu6Prime(x[i]));
        }
    }

    /** leaky_relu. */
    public static final class LeakyRelu implements Kernel {
        @Override public String name() { return "leaky_relu"; }

        @Override public double f(double x) { return Rectifiers.leakyRelu(x); }

        @Override public double df(double x) { return Rectifiers.leakyReluPrime(x); }

        @Override public void forward(double[] x, double[] y) {
            int n = Kernel.length(x.length, y.length);
            for (int i = 0; i < n; i++) y[i] = Rectifiers.leakyRelu(x[i]);
        }

        @Override public void forward(float[] x, float[] y) {
            int n = Kernel.length(x.length, y.length);
            for (int i = 0; i < n; i++) y[i] = (float) Rectifiers.leakyRelu(x[i]);
        }

        @Override public void backward(double[] x, double[] gradOut, double[] gradIn) {
            int n = Kernel.length(x.length, gradOut.length, gradIn.length);
            for (int i = 0; i < n; i++) gradIn[i] = gradOut[i] * Rectifiers.leakyReluPrime(x[i]);
        }

        @Override public void backward(float[] x, float[] gradOut, float[] gradIn) {
            int n = Kernel.length(x.length, gradOut.length, gradIn.length);
            for (int i = 0; i < n; i++) gradIn[i] = (float) ((double) gradOut[i] * Rectifiers.leakyReluPrime(x[i]));
        }
    }

    /** prelu. */
    public static final class Prelu implements Kernel {
        @Override public String name() { return "prelu"; }

        @Override public double f(double x) { return Rectifiers.prelu(x); }

        @Override public double df(double x) { return Rectifiers.preluPrime(x); }

        @Override public void forward(double[] x, double[] y) {
            int n = Kernel.length(x.length, y.length);
            for (int i = 0; i < n; i++) y[i] = Rectifiers.prelu(x[i]);
        }

        @Override public void forward(float[] x, float[] y) {
            int n = Kernel.length(x.length, y.length);
            for (int i = 0; i < n; i++) y[i] = (float) Rectifiers.prelu(x[i]);
        }

        @Override public void backward(double[] x, double[] gradOut, double[] gradIn) {
            int n = Kernel.length(x.length, gradOut.length, gradIn.length);
            for (int i = 0; i < n; i++) gradIn[i] = gradOut[i] * Rectifiers.preluPrime(x[i]);
        }

        @Override public void backward(float[] x, float[] gradOut, float[] gradIn) {
            int n = Kernel.length(x.length, gradOut.length, gradIn.length);
            for (int i = 0; i < n; i++) gradIn[i] = (float) ((double) gradOut[i] * Rectifiers.preluPrime(x[i]));
        }
    }

    /** rrelu. */
    public static final class Rrelu implements Kernel {
        @Override public String name() { return "rrelu"; }

        @Override public double f(double x) { return Rectifiers.rrelu(x); }

        @Override public double df(double x) { return Rectifiers.rreluPrime(x); }

        @Override public void forward(double[] x, double[] y) {
            int n = Kernel.length(x.length, y.length);
            for (int i = 0; i < n; i++) y[i] = Rectifiers.rrelu(x[i]);
        }

        @Override public void forward(float[] x, float[] y) {
            int n = Kernel.length(x.length, y.length);
            for (int i = 0; i < n; i++) y[i] = (float) Rectifiers.rrelu(x[i]);
        }

        @Override public void backward(double[] x, double[] gradOut, double[] gradIn) {
            int n = Kernel.length(x.length, gradOut.length, gradIn.length);
            for (int i = 0; i < n; i++) gradIn[i] = gradOut[i] * Rectifiers.rreluPrime(x[i]);
        }

        @Override public void backward(float[] x, float[] gradOut, float[] gradIn) {
            int n = Kernel.length(x.length, gradOut.length, gradIn.length);
            for (int i = 0; i < n; i++) gradIn[i] = (float) ((double) gradOut[i] * Rectifiers.rreluPrime(x[i]));
        }
    }

    /** srelu. */
    public static final class Srelu implements Kernel {
        @Override public String name() { return "srelu"; }

        @Override public double f(double x) { return Rectifiers.srelu(x); }

        @Override public double df(double x) { return Rectifiers.sreluPrime(x); }

        @Override public void forward(double[] x, double[] y) {
            int n = Kernel.length(x.length, y.length);
            for (int i = 0; i < n; i++) y[i] = Rectifiers.srelu(x[i]);
        }

        @Override public void forward(float[] x, float[] y) {
            int n = Kernel.length(x.length, y.length);
            for (int i = 0; i < n; i++) y[i] = (float) Rectifiers.srelu(x[i]);
        }

        @Override public void backward(double[] x, double[] gradOut, double[] gradIn) {
            int n = Kernel.length(x.length, gradOut.length, gradIn.length);
            for (int i = 0; i < n; i++) gradIn[i] = gradOut[i] * Rectifiers.sreluPrime(x[i]);
        }

        @Override public void backward(float[] x, float[] gradOut, float[] gradIn) {
            int n = Kernel.length(x.length, gradOut.length, gradIn.length);
            for (int i = 0; i < n; i++) gradIn[i] = (float) ((double) gradOut[i] * Rectifiers.sreluPrime(x[i]));
        }
    }

    /** threshold. */
    public static final class Threshold implements Kernel {
        @Override public String name() { return "threshold"; }

        @Override public double f(double x) { return Rectifiers.threshold(x); }

        @Override public double df(double x) { return Rectifiers.thresholdPrime(x); }

        @Override public void forward(double[] x, double[] y) {
            int n = Kernel.length(x.length, y.length);
            for (int i = 0; i < n; i++) y[i] = Rectifiers.threshold(x[i]);
        }

        @Override public void forward(float[] x, float[] y) {
            int n = Kernel.length(x.length, y.length);
            for (int i = 0; i < n; i++) y[i] = (float) Rectifiers.threshold(x[i]);
        }

        @Override public void backward(double[] x, double[] gradOut, double[] gradIn) {
            int n = Kernel.length(x.length, gradOut.length, gradIn.length);
            for (int i = 0; i < n; i++) gradIn[i] = gradOut[i] * Rectifiers.thresholdPrime(x[i]);
        }

        @Override public void backward(float[] x, float[] gradOut, float[] gradIn) {
            int n = Kernel.length(x.length, gradOut.length, gradIn.length);
            for (int i = 0; i < n; i++) gradIn[i] = (float) ((double) gradOut[i] * Rectifiers.thresholdPrime(x[i]));
        }
    }

    /** heaviside. */
    public static final class Heaviside implements Kernel {
        @Override public String name() { return "heaviside"; }

        @Override public double f(double x) { return Rectifiers.heaviside(x); }

        @Override public double df(double x) { return Rectifiers.heavisidePrime(x); }

        @Override public void forward(double[] x, double[] y) {
            int n = Kernel.length(x.length, y.length);
            for (int i = 0; i < n; i++) y[i] = Rectifiers.heaviside(x[i]);
        }

        @Override public void forward(float[] x, float[] y) {
            int n = Kernel.length(x.length, y.length);
            for (int i = 0; i < n; i++) y[i] = (float) Rectifiers.heaviside(x[i]);
        }

        @Override public void backward(double[] x, double[] gradOut, double[] gradIn) {
            int n = Kernel.length(x.length, gradOut.length, gradIn.length);
            for (int i = 0; i < n; i++) gradIn[i] = gradOut[i] * Rectifiers.heavisidePrime(x[i]);
        }

        @Override public void backward(float[] x, float[] gradOut, float[] gradIn) {
            int n = Kernel.length(x.length, gradOut.length, gradIn.length);
            for (int i = 0; i < n; i++) gradIn[i] = (float) ((double) gradOut[i] * Rectifiers.heavisidePrime(x[i]));
        }
    }
}
