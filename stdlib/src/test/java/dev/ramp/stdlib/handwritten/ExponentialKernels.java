package dev.ramp.stdlib.handwritten;

/**
 * Array kernels for the exponential family: one final class per function, each
 * loop calling {@link Exponentials}'s static methods directly (see {@link Kernel} for why not a
 * shared loop).
 */
public final class ExponentialKernels {
    private ExponentialKernels() {}

    /** elu. */
    public static final class Elu implements Kernel {
        @Override public String name() { return "elu"; }

        @Override public double f(double x) { return Exponentials.elu(x); }

        @Override public double df(double x) { return Exponentials.eluPrime(x); }

        @Override public void forward(double[] x, double[] y) {
            int n = Kernel.length(x.length, y.length);
            for (int i = 0; i < n; i++) y[i] = Exponentials.elu(x[i]);
        }

        @Override public void forward(float[] x, float[] y) {
            int n = Kernel.length(x.length, y.length);
            for (int i = 0; i < n; i++) y[i] = (float) Exponentials.elu(x[i]);
        }

        @Override public void backward(double[] x, double[] gradOut, double[] gradIn) {
            int n = Kernel.length(x.length, gradOut.length, gradIn.length);
            for (int i = 0; i < n; i++) gradIn[i] = gradOut[i] * Exponentials.eluPrime(x[i]);
        }

        @Override public void backward(float[] x, float[] gradOut, float[] gradIn) {
            int n = Kernel.length(x.length, gradOut.length, gradIn.length);
            for (int i = 0; i < n; i++) gradIn[i] = (float) ((double) gradOut[i] * Exponentials.eluPrime(x[i]));
        }
    }

    /** celu. */
    public static final class Celu implements Kernel {
        @Override public String name() { return "celu"; }

        @Override public double f(double x) { return Exponentials.celu(x); }

        @Override public double df(double x) { return Exponentials.celuPrime(x); }

        @Override public void forward(double[] x, double[] y) {
            int n = Kernel.length(x.length, y.length);
            for (int i = 0; i < n; i++) y[i] = Exponentials.celu(x[i]);
        }

        @Override public void forward(float[] x, float[] y) {
            int n = Kernel.length(x.length, y.length);
            for (int i = 0; i < n; i++) y[i] = (float) Exponentials.celu(x[i]);
        }

        @Override public void backward(double[] x, double[] gradOut, double[] gradIn) {
            int n = Kernel.length(x.length, gradOut.length, gradIn.length);
            for (int i = 0; i < n; i++) gradIn[i] = gradOut[i] * Exponentials.celuPrime(x[i]);
        }

        @Override public void backward(float[] x, float[] gradOut, float[] gradIn) {
            int n = Kernel.length(x.length, gradOut.length, gradIn.length);
            for (int i = 0; i < n; i++) gradIn[i] = (float) ((double) gradOut[i] * Exponentials.celuPrime(x[i]));
        }
    }

    /** selu. */
    public static final class Selu implements Kernel {
        @Override public String name() { return "selu"; }

        @Override public double f(double x) { return Exponentials.selu(x); }

        @Override public double df(double x) { return Exponentials.seluPrime(x); }

        @Override public void forward(double[] x, double[] y) {
            int n = Kernel.length(x.length, y.length);
            for (int i = 0; i < n; i++) y[i] = Exponentials.selu(x[i]);
        }

        @Override public void forward(float[] x, float[] y) {
            int n = Kernel.length(x.length, y.length);
            for (int i = 0; i < n; i++) y[i] = (float) Exponentials.selu(x[i]);
        }

        @Override public void backward(double[] x, double[] gradOut, double[] gradIn) {
            int n = Kernel.length(x.length, gradOut.length, gradIn.length);
            for (int i = 0; i < n; i++) gradIn[i] = gradOut[i] * Exponentials.seluPrime(x[i]);
        }

        @Override public void backward(float[] x, float[] gradOut, float[] gradIn) {
            int n = Kernel.length(x.length, gradOut.length, gradIn.length);
            for (int i = 0; i < n; i++) gradIn[i] = (float) ((double) gradOut[i] * Exponentials.seluPrime(x[i]));
        }
    }

    /** exponential. */
    public static final class Exponential implements Kernel {
        @Override public String name() { return "exponential"; }

        @Override public double f(double x) { return Exponentials.exponential(x); }

        @Override public double df(double x) { return Exponentials.exponentialPrime(x); }

        @Override public void forward(double[] x, double[] y) {
            int n = Kernel.length(x.length, y.length);
            for (int i = 0; i < n; i++) y[i] = Exponentials.exponential(x[i]);
        }

        @Override public void forward(float[] x, float[] y) {
            int n = Kernel.length(x.length, y.length);
            for (int i = 0; i < n; i++) y[i] = (float) Exponentials.exponential(x[i]);
        }

        @Override public void backward(double[] x, double[] gradOut, double[] gradIn) {
            int n = Kernel.length(x.length, gradOut.length, gradIn.length);
            for (int i = 0; i < n; i++) gradIn[i] = gradOut[i] * Exponentials.exponentialPrime(x[i]);
        }

        @Override public void backward(float[] x, float[] gradOut, float[] gradIn) {
            int n = Kernel.length(x.length, gradOut.length, gradIn.length);
            for (int i = 0; i < n; i++) gradIn[i] = (float) ((double) gradOut[i] * Exponentials.exponentialPrime(x[i]));
        }
    }

    /** log1mexp. */
    public static final class Log1mexp implements Kernel {
        @Override public String name() { return "log1mexp"; }

        @Override public double f(double x) { return Exponentials.log1mexp(x); }

        @Override public double df(double x) { return Exponentials.log1mexpPrime(x); }

        @Override public void forward(double[] x, double[] y) {
            int n = Kernel.length(x.length, y.length);
            for (int i = 0; i < n; i++) y[i] = Exponentials.log1mexp(x[i]);
        }

        @Override public void forward(float[] x, float[] y) {
            int n = Kernel.length(x.length, y.length);
            for (int i = 0; i < n; i++) y[i] = (float) Exponentials.log1mexp(x[i]);
        }

        @Override public void backward(double[] x, double[] gradOut, double[] gradIn) {
            int n = Kernel.length(x.length, gradOut.length, gradIn.length);
            for (int i = 0; i < n; i++) gradIn[i] = gradOut[i] * Exponentials.log1mexpPrime(x[i]);
        }

        @Override public void backward(float[] x, float[] gradOut, float[] gradIn) {
            int n = Kernel.length(x.length, gradOut.length, gradIn.length);
            for (int i = 0; i < n; i++) gradIn[i] = (float) ((double) gradOut[i] * Exponentials.log1mexpPrime(x[i]));
        }
    }
}
