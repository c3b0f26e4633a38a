package dev.ramp.stdlib.handwritten;

/**
 * Array kernels for the hard functions, shrinkage and the identity: one final class per function, each
 * loop calling {@link Hard}'s static methods directly (see {@link Kernel} for why not a
 * shared loop).
 */
public final class HardKernels {
    private HardKernels() {}

    /** hardtanh. */
    public static final class Hardtanh implements Kernel {
        @Override public String name() { return "hardtanh"; }

        @Override public double f(double x) { return Hard.hardtanh(x); }

        @Override public double df(double x) { return Hard.hardtanhPrime(x); }

        @Override public void forward(double[] x, double[] y) {
            int n = Kernel.length(x.length, y.length);
            for (int i = 0; i < n; i++) y[i] = Hard.hardtanh(x[i]);
        }

        @Override public void forward(float[] x, float[] y) {
            int n = Kernel.length(x.length, y.length);
            for (int i = 0; i < n; i++) y[i] = (float) Hard.hardtanh(x[i]);
        }

        @Override public void backward(double[] x, double[] gradOut, double[] gradIn) {
            int n = Kernel.length(x.length, gradOut.length, gradIn.length);
            for (int i = 0; i < n; i++) gradIn[i] = gradOut[i] * Hard.hardtanhPrime(x[i]);
        }

        @Override public void backward(float[] x, float[] gradOut, float[] gradIn) {
            int n = Kernel.length(x.length, gradOut.length, gradIn.length);
            for (int i = 0; i < n; i++) gradIn[i] = (float) ((double) gradOut[i] * Hard.hardtanhPrime(x[i]));
        }
    }

    /** hardsigmoid. */
    public static final class Hardsigmoid implements Kernel {
        @Override public String name() { return "hardsigmoid"; }

        @Override public double f(double x) { return Hard.hardsigmoid(x); }

        @Override public double df(double x) { return Hard.hardsigmoidPrime(x); }

        @Override public void forward(double[] x, double[] y) {
            int n = Kernel.length(x.length, y.length);
            for (int i = 0; i < n; i++) y[i] = Hard.hardsigmoid(x[i]);
        }

        @Override public void forward(float[] x, float[] y) {
            int n = Kernel.length(x.length, y.length);
            for (int i = 0; i < n; i++) y[i] = (float) Hard.hardsigmoid(x[i]);
        }

        @Override public void backward(double[] x, double[] gradOut, double[] gradIn) {
            int n = Kernel.length(x.length, gradOut.length, gradIn.length);
            for (int i = 0; i < n; i++) gradIn[i] = gradOut[i] * Hard.hardsigmoidPrime(x[i]);
        }

        @Override public void backward(float[] x, float[] gradOut, float[] gradIn) {
            int n = Kernel.length(x.length, gradOut.length, gradIn.length);
            for (int i = 0; i < n; i++) gradIn[i] = (float) ((double) gradOut[i] * Hard.hardsigmoidPrime(x[i]));
        }
    }

    /** hardswish. */
    public static final class Hardswish implements Kernel {
        @Override public String name() { return "hardswish"; }

        @Override public double f(double x) { return Hard.hardswish(x); }

        @Override public double df(double x) { return Hard.hardswishPrime(x); }

        @Override public void forward(double[] x, double[] y) {
            int n = Kernel.length(x.length, y.length);
            for (int i = 0; i < n; i++) y[i] = Hard.hardswish(x[i]);
        }

        @Override public void forward(float[] x, float[] y) {
            int n = Kernel.length(x.length, y.length);
            for (int i = 0; i < n; i++) y[i] = (float) Hard.hardswish(x[i]);
        }

        @Override public void backward(double[] x, double[] gradOut, double[] gradIn) {
            int n = Kernel.length(x.length, gradOut.length, gradIn.length);
            for (int i = 0; i < n; i++) gradIn[i] = gradOut[i] * Hard.hardswishPrime(x[i]);
        }

        @Override public void backward(float[] x, float[] gradOut, float[] gradIn) {
            int n = Kernel.length(x.length, gradOut.length, gradIn.length);
            for (int i = 0; i < n; i++) gradIn[i] = (float) ((double) gradOut[i] * Hard.hardswishPrime(x[i]));
        }
    }

    /** sparse_plus. */
    public static final class SparsePlus implements Kernel {
        @Override public String name() { return "sparse_plus"; }

        @Override public double f(double x) { return Hard.sparsePlus(x); }

        @Override public double df(double x) { return Hard.sparsePlusPrime(x); }

        @Override public void forward(double[] x, double[] y) {
            int n = Kernel.length(x.length, y.length);
            for (int i = 0; i < n; i++) y[i] = Hard.sparsePlus(x[i]);
        }

        @Override public void forward(float[] x, float[] y) {
            int n = Kernel.length(x.length, y.length);
            for (int i = 0; i < n; i++) y[i] = (float) Hard.sparsePlus(x[i]);
        }

        @Override public void backward(double[] x, double[] gradOut, double[] gradIn) {
            int n = Kernel.length(x.length, gradOut.length, gradIn.length);
            for (int i = 0; i < n; i++) gradIn[i] = gradOut[i] * Hard.sparsePlusPrime(x[i]);
        }

        @Override public void backward(float[] x, float[] gradOut, float[] gradIn) {
            int n = Kernel.length(x.length, gradOut.length, gradIn.length);
            for (int i = 0; i < n; i++) gradIn[i] = (float) ((double) gradOut[i] * Hard.sparsePlusPrime(x[i]));
        }
    }

    /** sparse_sigmoid. */
    public static final class SparseSigmoid implements Kernel {
        @Override public String name() { return "sparse_sigmoid"; }

        @Override public double f(double x) { return Hard.sparseSigmoid(x); }

        @Override public double df(double x) { return Hard.sparseSigmoidPrime(x); }

        @Override public void forward(double[] x, double[] y) {
            int n = Kernel.length(x.length, y.length);
            for (int i = 0; i < n; i++) y[i] = Hard.sparseSigmoid(x[i]);
        }

        @Override public void forward(float[] x, float[] y) {
            int n = Kernel.length(x.length, y.length);
            for (int i = 0; i < n; i++) y[i] = (float) Hard.sparseSigmoid(x[i]);
        }

        @Override public void backward(double[] x, double[] gradOut, double[] gradIn) {
            int n = Kernel.length(x.length, gradOut.length, gradIn.length);
            for (int i = 0; i < n; i++) gradIn[i] = gradOut[i] * Hard.sparseSigmoidPrime(x[i]);
        }

        @Override public void backward(float[] x, float[] gradOut, float[] gradIn) {
            int n = Kernel.length(x.length, gradOut.length, gradIn.length);
            for (int i = 0; i < n; i++) gradIn[i] = (float) ((double) gradOut[i] * Hard.sparseSigmoidPrime(x[i]));
        }
    }

    /** softshrink. */
    public static final class Softshrink implements Kernel {
        @Override public String name() { return "softshrink"; }

        @Override public double f(double x) { return Hard.softshrink(x); }

        @Override public double df(double x) { return Hard.softshrinkPrime(x); }

        @Override public void forward(double[] x, double[] y) {
            int n = Kernel.length(x.length, y.length);
            for (int i = 0; i < n; i++) y[i] = Hard.softshrink(x[i]);
        }

        @Override public void forward(float[] x, float[] y) {
            int n = Kernel.length(x.length, y.length);
            for (int i = 0; i < n; i++) y[i] = (float) Hard.softshrink(x[i]);
        }

        @Override public void backward(double[] x, double[] gradOut, double[] gradIn) {
            int n = Kernel.length(x.length, gradOut.length, gradIn.length);
            for (int i = 0; i < n; i++) gradIn[i] = gradOut[i] * Hard.softshrinkPrime(x[i]);
        }

        @Override public void backward(float[] x, float[] gradOut, float[] gradIn) {
            int n = Kernel.length(x.length, gradOut.length, gradIn.length);
            for (int i = 0; i < n; i++) gradIn[i] = (float) ((double) gradOut[i] * Hard.softshrinkPrime(x[i]));
        }
    }

    /** hardshrink. */
    public static final class Hardshrink implements Kernel {
        @Override public String name() { return "hardshrink"; }

        @Override public double f(double x) { return Hard.hardshrink(x); }

        @Override public double df(double x) { return Hard.hardshrinkPrime(x); }

        @Override public void forward(double[] x, double[] y) {
            int n = Kernel.length(x.length, y.length);
            for (int i = 0; i < n; i++) y[i] = Hard.hardshrink(x[i]);
        }

        @Override public void forward(float[] x, float[] y) {
            int n = Kernel.length(x.length, y.length);
            for (int i = 0; i < n; i++) y[i] = (float) Hard.hardshrink(x[i]);
        }

        @Override public void backward(double[] x, double[] gradOut, double[] gradIn) {
            int n = Kernel.length(x.length, gradOut.length, gradIn.length);
            for (int i = 0; i < n; i++) gradIn[i] = gradOut[i] * Hard.hardshrinkPrime(x[i]);
        }

        @Override public void backward(float[] x, float[] gradOut, float[] gradIn) {
            int n = Kernel.length(x.length, gradOut.length, gradIn.length);
            for (int i = 0; i < n; i++) gradIn[i] = (float) ((double) gradOut[i] * Hard.hardshrinkPrime(x[i]));
        }
    }

    /** identity. */
    public static final class Identity implements Kernel {
        @Override public String name() { return "identity"; }

        @Override public double f(double x) { return Hard.identity(x); }

        @Override public double df(double x) { return Hard.identityPrime(x); }

        @Override public void forward(double[] x, double[] y) {
            int n = Kernel.length(x.length, y.length);
            for (int i = 0; i < n; i++) y[i] = Hard.identity(x[i]);
        }

        @Override public void forward(float[] x, float[] y) {
            int n = Kernel.length(x.length, y.length);
            for (int i = 0; i < n; i++) y[i] = (float) Hard.identity(x[i]);
        }

        @Override public void backward(double[] x, double[] gradOut, double[] gradIn) {
            int n = Kernel.length(x.length, gradOut.length, gradIn.length);
            for (int i = 0; i < n; i++) gradIn[i] = gradOut[i] * Hard.identityPrime(x[i]);
        }

        @Override public void backward(float[] x, float[] gradOut, float[] gradIn) {
            int n = Kernel.length(x.length, gradOut.length, gradIn.length);
            for (int i = 0; i < n; i++) gradIn[i] = (float) ((double) gradOut[i] * Hard.identityPrime(x[i]));
        }
    }

    /** linear (the same function as {@link Hard#identity} at the defaults). */
    public static final class Linear implements Kernel {
        @Override public String name() { return "linear"; }

        @Override public double f(double x) { return Hard.identity(x); }

        @Override public double df(double x) { return Hard.identityPrime(x); }

        @Override public void forward(double[] x, double[] y) {
            int n = Kernel.length(x.length, y.length);
            for (int i = 0; i < n; i++) y[i] = Hard.identity(x[i]);
        }

        @Override public void forward(float[] x, float[] y) {
            int n = Kernel.length(x.length, y.length);
            for (int i = 0; i < n; i++) y[i] = (float) Hard.identity(x[i]);
        }

        @Override public void backward(double[] x, double[] gradOut, double[] gradIn) {
            int n = Kernel.length(x.length, gradOut.length, gradIn.length);
            for (int i = 0; i < n; i++) gradIn[i] = gradOut[i] * Hard.identityPrime(x[i]);
        }

        @Override public void backward(float[] x, float[] gradOut, float[] gradIn) {
            int n = Kernel.length(x.length, gradOut.length, gradIn.length);
            for (int i = 0; i < n; i++) gradIn[i] = (float) ((double) gradOut[i] * Hard.identityPrime(x[i]));
        }
    }
}
