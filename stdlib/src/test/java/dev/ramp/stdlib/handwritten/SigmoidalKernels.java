package dev.ramp.stdlib.handwritten;

/**
 * Array kernels for sigmoid-based activations and the softplus family: one final class per function, each
 * loop calling {@link Sigmoidal}'s static methods directly (see {@link Kernel} for why not a
 * shared loop).
 */
public final class SigmoidalKernels {
    private SigmoidalKernels() {}

    /** sigmoid. */
    public static final class Sigmoid implements Kernel {
        @Override public String name() { return "sigmoid"; }

        @Override public double f(double x) { return Sigmoidal.sigmoid(x); }

        @Override public double df(double x) { return Sigmoidal.sigmoidPrime(x); }

        @Override public void forward(double[] x, double[] y) {
            int n = Kernel.length(x.length, y.length);
            for (int i = 0; i < n; i++) y[i] = Sigmoidal.sigmoid(x[i]);
        }

        @Override public void forward(float[] x, float[] y) {
            int n = Kernel.length(x.length, y.length);
            for (int i = 0; i < n; i++) y[i] = (float) Sigmoidal.sigmoid(x[i]);
        }

        @Override public void backward(double[] x, double[] gradOut, double[] gradIn) {
            int n = Kernel.length(x.length, gradOut.length, gradIn.length);
            for (int i = 0; i < n; i++) gradIn[i] = gradOut[i] * Sigmoidal.sigmoidPrime(x[i]);
        }

        @Override public void backward(float[] x, float[] gradOut, float[] gradIn) {
            int n = Kernel.length(x.length, gradOut.length, gradIn.length);
            for (int i = 0; i < n; i++) gradIn[i] = (float) ((double) gradOut[i] * Sigmoidal.sigmoidPrime(x[i]));
        }
    }

    /** tanh. */
    public static final class Tanh implements Kernel {
        @Override public String name() { return "tanh"; }

        @Override public double f(double x) { return Sigmoidal.tanh(x); }

        @Override public double df(double x) { return Sigmoidal.tanhPrime(x); }

        @Override public void forward(double[] x, double[] y) {
            int n = Kernel.length(x.length, y.length);
            for (int i = 0; i < n; i++) y[i] = Sigmoidal.tanh(x[i]);
        }

        @Override public void forward(float[] x, float[] y) {
            int n = Kernel.length(x.length, y.length);
            for (int i = 0; i < n; i++) y[i] = (float) Sigmoidal.tanh(x[i]);
        }

        @Override public void backward(double[] x, double[] gradOut, double[] gradIn) {
            int n = Kernel.length(x.length, gradOut.length, gradIn.length);
            for (int i = 0; i < n; i++) gradIn[i] = gradOut[i] * Sigmoidal.tanhPrime(x[i]);
        }

        @Override public void backward(float[] x, float[] gradOut, float[] gradIn) {
            int n = Kernel.length(x.length, gradOut.length, gradIn.length);
            for (int i = 0; i < n; i++) gradIn[i] = (float) ((double) gradOut[i] * Sigmoidal.tanhPrime(x[i]));
        }
    }

    /** softplus. */
    public static final class Softplus implements Kernel {
        @Override public String name() { return "softplus"; }

        @Override public double f(double x) { return Sigmoidal.softplus(x); }

        @Override public double df(double x) { return Sigmoidal.softplusPrime(x); }

        @Override public void forward(double[] x, double[] y) {
            int n = Kernel.length(x.length, y.length);
            for (int i = 0; i < n; i++) y[i] = Sigmoidal.softplus(x[i]);
        }

        @Override public void forward(float[] x, float[] y) {
            int n = Kernel.length(x.length, y.length);
            for (int i = 0; i < n; i++) y[i] = (float) Sigmoidal.softplus(x[i]);
        }

        @Override public void backward(double[] x, double[] gradOut, double[] gradIn) {
            int n = Kernel.length(x.length, gradOut.length, gradIn.length);
            for (int i = 0; i < n; i++) gradIn[i] = gradOut[i] * Sigmoidal.softplusPrime(x[i]);
        }

        @Override public void backward(float[] x, float[] gradOut, float[] gradIn) {
            int n = Kernel.length(x.length, gradOut.length, gradIn.length);
            for (int i = 0; i < n; i++) gradIn[i] = (float) ((double) gradOut[i] * Sigmoidal.softplusPrime(x[i]));
        }
    }

    /** softplus_k. */
    public static final class SoftplusK implements Kernel {
        @Override public String name() { return "softplus_k"; }

        @Override public double f(double x) { return Sigmoidal.softplusK(x); }

        @Override public double df(double x) { return Sigmoidal.softplusKPrime(x); }

        @Override public void forward(double[] x, double[] y) {
            int n = Kernel.length(x.length, y.length);
            for (int i = 0; i < n; i++) y[i] = Sigmoidal.softplusK(x[i]);
        }

        @Override public void forward(float[] x, float[] y) {
            int n = Kernel.length(x.length, y.length);
            for (int i = 0; i < n; i++) y[i] = (float) Sigmoidal.softplusK(x[i]);
        }

        @Override public void backward(double[] x, double[] gradOut, double[] gradIn) {
            int n = Kernel.length(x.length, gradOut.length, gradIn.length);
            for (int i = 0; i < n; i++) gradIn[i] = gradOut[i] * Sigmoidal.softplusKPrime(x[i]);
        }

        @Override public void backward(float[] x, float[] gradOut, float[] gradIn) {
            int n = Kernel.length(x.length, gradOut.length, gradIn.length);
            for (int i = 0; i < n; i++) gradIn[i] = (float) ((double) gradOut[i] * Sigmoidal.softplusKPrime(x[i]));
        }
    }

    /** log_sigmoid. */
    public static final class LogSigmoid implements Kernel {
        @Override public String name() { return "log_sigmoid"; }

        @Override public double f(double x) { return Sigmoidal.logSigmoid(x); }

        @Override public double df(double x) { return Sigmoidal.logSigmoidPrime(x); }

        @Override public void forward(double[] x, double[] y) {
            int n = Kernel.length(x.length, y.length);
            for (int i = 0; i < n; i++) y[i] = Sigmoidal.logSigmoid(x[i]);
        }

        @Override public void forward(float[] x, float[] y) {
            int n = Kernel.length(x.length, y.length);
            for (int i = 0; i < n; i++) y[i] = (float) Sigmoidal.logSigmoid(x[i]);
        }

        @Override public void backward(double[] x, double[] gradOut, double[] gradIn) {
            int n = Kernel.length(x.length, gradOut.length, gradIn.length);
            for (int i = 0; i < n; i++) gradIn[i] = gradOut[i] * Sigmoidal.logSigmoidPrime(x[i]);
        }

        @Override public void backward(float[] x, float[] gradOut, float[] gradIn) {
            int n = Kernel.length(x.length, gradOut.length, gradIn.length);
            for (int i = 0; i < n; i++) gradIn[i] = (float) ((double) gradOut[i] * Sigmoidal.logSigmoidPrime(x[i]));
        }
    }

    /** silu. */
    public static final class Silu implements Kernel {
        @Override public String name() { return "silu"; }

        @Override public double f(double x) { return Sigmoidal.silu(x); }

        @Override public double df(double x) { return Sigmoidal.siluPrime(x); }

        @Override public void forward(double[] x, double[] y) {
            int n = Kernel.length(x.length, y.length);
            for (int i = 0; i < n; i++) y[i] = Sigmoidal.silu(x[i]);
        }

        @Override public void forward(float[] x, float[] y) {
            int n = Kernel.length(x.length, y.length);
            for (int i = 0; i < n; i++) y[i] = (float) Sigmoidal.silu(x[i]);
        }

        @Override public void backward(double[] x, double[] gradOut, double[] gradIn) {
            int n = Kernel.length(x.length, gradOut.length, gradIn.length);
            for (int i = 0; i < n; i++) gradIn[i] = gradOut[i] * Sigmoidal.siluPrime(x[i]);
        }

        @Override public void backward(float[] x, float[] gradOut, float[] gradIn) {
            int n = Kernel.length(x.length, gradOut.length, gradIn.length);
            for (int i = 0; i < n; i++) gradIn[i] = (float) ((double) gradOut[i] * Sigmoidal.siluPrime(x[i]));
        }
    }

    /** swish (the same function as {@link Sigmoidal#silu} at the defaults). */
    public static final class Swish implements Kernel {
        @Override public String name() { return "swish"; }

        @Override public double f(double x) { return Sigmoidal.silu(x); }

        @Override public double df(double x) { return Sigmoidal.siluPrime(x); }

        @Override public void forward(double[] x, double[] y) {
            int n = Kernel.length(x.length, y.length);
            for (int i = 0; i < n; i++) y[i] = Sigmoidal.silu(x[i]);
        }

        @Override public void forward(float[] x, float[] y) {
            int n = Kernel.length(x.length, y.length);
            for (int i = 0; i < n; i++) y[i] = (float) Sigmoidal.silu(x[i]);
        }

        @Override public void backward(double[] x, double[] gradOut, double[] gradIn) {
            int n = Kernel.length(x.length, gradOut.length, gradIn.length);
            for (int i = 0; i < n; i++) gradIn[i] = gradOut[i] * Sigmoidal.siluPrime(x[i]);
        }

        @Override public void backward(float[] x, float[] gradOut, float[] gradIn) {
            int n = Kernel.length(x.length, gradOut.length, gradIn.length);
            for (int i = 0; i < n; i++) gradIn[i] = (float) ((double) gradOut[i] * Sigmoidal.siluPrime(x[i]));
        }
    }

    /** swish_beta (the same function as {@link Sigmoidal#silu} at the defaults). */
    public static final class SwishBeta implements Kernel {
        @Override public String name() { return "swish_beta"; }

        @Override public double f(double x) { return Sigmoidal.silu(x); }

        @Override public double df(double x) { return Sigmoidal.siluPrime(x); }

        @Override public void forward(double[] x, double[] y) {
            int n = Kernel.length(x.length, y.length);
            for (int i = 0; i < n; i++) y[i] = Sigmoidal.silu(x[i]);
        }

        @Override public void forward(float[] x, float[] y) {
            int n = Kernel.length(x.length, y.length);
            for (int i = 0; i < n; i++) y[i] = (float) Sigmoidal.silu(x[i]);
        }

        @Override public void backward(double[] x, double[] gradOut, double[] gradIn) {
            int n = Kernel.length(x.length, gradOut.length, gradIn.length);
            for (int i = 0; i < n; i++) gradIn[i] = gradOut[i] * Sigmoidal.siluPrime(x[i]);
        }

        @Override public void backward(float[] x, float[] gradOut, float[] gradIn) {
            int n = Kernel.length(x.length, gradOut.length, gradIn.length);
            for (int i = 0; i < n; i++) gradIn[i] = (float) ((double) gradOut[i] * Sigmoidal.siluPrime(x[i]));
        }
    }

    /** mish. */
    public static final class Mish implements Kernel {
        @Override public String name() { return "mish"; }

        @Override public double f(double x) { return Sigmoidal.mish(x); }

        @Override public double df(double x) { return Sigmoidal.mishPrime(x); }

        @Override public void forward(double[] x, double[] y) {
            int n = Kernel.length(x.length, y.length);
            for (int i = 0; i < n; i++) y[i] = Sigmoidal.mish(x[i]);
        }

        @Override public void forward(float[] x, float[] y) {
            int n = Kernel.length(x.length, y.length);
            for (int i = 0; i < n; i++) y[i] = (float) Sigmoidal.mish(x[i]);
        }

        @Override public void backward(double[] x, double[] gradOut, double[] gradIn) {
            int n = Kernel.length(x.length, gradOut.length, gradIn.length);
            for (int i = 0; i < n; i++) gradIn[i] = gradOut[i] * Sigmoidal.mishPrime(x[i]);
        }

        @Override public void backward(float[] x, float[] gradOut, float[] gradIn) {
            int n = Kernel.length(x.length, gradOut.length, gradIn.length);
            for (int i = 0; i < n; i++) gradIn[i] = (float) ((double) gradOut[i] * Sigmoidal.mishPrime(x[i]));
        }
    }

    /** tanhshrink. */
    public static final class Tanhshrink implements Kernel {
        @Override public String name() { return "tanhshrink"; }

        @Override public double f(double x) { return Sigmoidal.tanhshrink(x); }

        @Override public double df(double x) { return Sigmoidal.tanhshrinkPrime(x); }

        @Override public void forward(double[] x, double[] y) {
            int n = Kernel.length(x.length, y.length);
            for (int i = 0; i < n; i++) y[i] = Sigmoidal.tanhshrink(x[i]);
        }

        @Override public void forward(float[] x, float[] y) {
            int n = Kernel.length(x.length, y.length);
            for (int i = 0; i < n; i++) y[i] = (float) Sigmoidal.tanhshrink(x[i]);
        }

        @Override public void backward(double[] x, double[] gradOut, double[] gradIn) {
            int n = Kernel.length(x.length, gradOut.length, gradIn.length);
            for (int i = 0; i < n; i++) gradIn[i] = gradOut[i] * Sigmoidal.tanhshrinkPrime(x[i]);
        }

        @Override public void backward(float[] x, float[] gradOut, float[] gradIn) {
            int n = Kernel.length(x.length, gradOut.length, gradIn.length);
            for (int i = 0; i < n; i++) gradIn[i] = (float) ((double) gradOut[i] * Sigmoidal.tanhshrinkPrime(x[i]));
        }
    }

    /** softsign. */
    public static final class Softsign implements Kernel {
        @Override public String name() { return "softsign"; }

        @Override public double f(double x) { return Sigmoidal.softsign(x); }

        @Override public double df(double x) { return Sigmoidal.softsignPrime(x); }

        @Override public void forward(double[] x, double[] y) {
            int n = Kernel.length(x.length, y.length);
            for (int i = 0; i < n; i++) y[i] = Sigmoidal.softsign(x[i]);
        }

        @Override public void forward(float[] x, float[] y) {
            int n = Kernel.length(x.length, y.length);
            for (int i = 0; i < n; i++) y[i] = (float) Sigmoidal.softsign(x[i]);
        }

        @Override public void backward(double[] x, double[] gradOut, double[] gradIn) {
            int n = Kernel.length(x.length, gradOut.length, gradIn.length);
            for (int i = 0; i < n; i++) gradIn[i] = gradOut[i] * Sigmoidal.softsignPrime(x[i]);
        }

        @Override public void backward(float[] x, float[] gradOut, float[] gradIn) {
            int n = Kernel.length(x.length, gradOut.length, gradIn.length);
            for (int i = 0; i < n; i++) gradIn[i] = (float) ((double) gradOut[i] * Sigmoidal.softsignPrime(x[i]));
        }
    }

    /** squareplus. */
    public static final class Squareplus implements Kernel {
        @Override public String name() { return "squareplus"; }

        @Override public double f(double x) { return Sigmoidal.squareplus(x); }

        @Override public double df(double x) { return Sigmoidal.squareplusPrime(x); }

        @Override public void forward(double[] x, double[] y) {
            int n = Kernel.length(x.length, y.length);
            for (int i = 0; i < n; i++) y[i] = Sigmoidal.squareplus(x[i]);
        }

        @Override public void forward(float[] x, float[] y) {
            int n = Kernel.length(x.length, y.length);
            for (int i = 0; i < n; i++) y[i] = (float) Sigmoidal.squareplus(x[i]);
        }

        @Override public void backward(double[] x, double[] gradOut, double[] gradIn) {
            int n = Kernel.length(x.length, gradOut.length, gradIn.length);
            for (int i = 0; i < n; i++) gradIn[i] = gradOut[i] * Sigmoidal.squareplusPrime(x[i]);
        }

        @Override public void backward(float[] x, float[] gradOut, float[] gradIn) {
            int n = Kernel.length(x.length, gradOut.length, gradIn.length);
            for (int i = 0; i < n; i++) gradIn[i] = (float) ((double) gradOut[i] * Sigmoidal.squareplusPrime(x[i]));
        }
    }
}
