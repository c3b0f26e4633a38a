package dev.ramp.runtime;

/**
 * The array loops of a {@link CompiledActivation}, when they live in a class of their own: the
 * compiler defines that class the first time an array method is called, so an activation that
 * is only ever evaluated point by point never pays for its eight loop kernels (class building,
 * verification, metaspace). Arguments have been checked by the caller; see the identically named
 * methods of {@link CompiledActivation} for what each computes.
 */
public abstract class ArrayKernels {
    /** For generated subclasses. */
    protected ArrayKernels() {}

    protected abstract void forwardKernel(double[] xs, int xOff, double[] ys, int yOff, int len);

    protected abstract void forwardKernel(float[] xs, int xOff, float[] ys, int yOff, int len);

    protected abstract void backwardKernel(double[] xs, int xOff, double[] gradOut, int gOff, double[] gradIn, int giOff, int len);

    protected abstract void backwardKernel(float[] xs, int xOff, float[] gradOut, int gOff, float[] gradIn, int giOff, int len);

    protected abstract void forwardBackwardKernel(double[] xs, int xOff, double[] ys, int yOff, double[] gradOut, int gOff, double[] gradIn, int giOff, int len);

    protected abstract void forwardBackwardKernel(float[] xs, int xOff, float[] ys, int yOff, float[] gradOut, int gOff, float[] gradIn, int giOff, int len);

    /** Only called for activations with parameters. */
    protected void parameterGradientKernel(double[] xs, int xOff, double[] gradOut, int gOff, int len, double[] result) {
        throw new UnsupportedOperationException("no parameters");
    }

    /** Only called for activations with parameters. */
    protected void parameterGradientKernel(float[] xs, int xOff, float[] gradOut, int gOff, int len, double[] result) {
        throw new UnsupportedOperationException("no parameters");
    }
}
