package dev.ramp.runtime;

import static java.util.Objects.checkFromIndexSize;

import java.util.List;
import java.util.Objects;

/**
 * The base class of compiled activations. It holds the metadata and does every argument check,
 * once per call, then hands the checked ranges to the kernels. Generated classes (and
 * hand-written ones, for benchmarks) supply {@link #applyAsDouble}, {@link #derivative(double)},
 * {@link #higherDerivative} when they have orders above 1, and either the {@code *Kernel} loops, which may assume valid,
 * non-null arguments, or {@link #createKernels()}, which returns them in a separate object built
 * on first use (so that point-by-point use never builds the loops).
 *
 * <p>Why a base class rather than checks in generated code: the checks are the same for every
 * function, so keeping them here keeps each generated class small (metaspace, define time) and
 * keeps the generated loops free of anything but the arithmetic. The kernels are reached by one
 * virtual call per array, not per element.
 */
public abstract class CompiledActivation implements Activation {
    private final String name;
    private final List<String> parameterNames;
    private final double[] parameterValues;
    private final int maxOrder;

    /**
     * @param name the definition's name
     * @param parameterNames parameter names in declaration order
     * @param parameterValues the bound values, one per name (copied)
     * @param maxOrder the highest derivative order the subclass implements, at least 1
     */
    protected CompiledActivation(String name, List<String> parameterNames, double[] parameterValues, int maxOrder) {
        this.name = Objects.requireNonNull(name);
        this.parameterNames = List.copyOf(parameterNames);
        this.parameterValues = parameterValues.clone();
        if (this.parameterValues.length != this.parameterNames.size()) {
            throw new IllegalArgumentException(parameterNames.size() + " parameter names but " + parameterValues.length + " values");
        }
        if (maxOrder < 1) throw new IllegalArgumentException("maxOrder must be at least 1: " + maxOrder);
        this.maxOrder = maxOrder;
    }

    /** The exception for a derivative order outside 0..max; generated code throws what this returns. */
    public static IllegalArgumentException orderOutOfRange(int order, int max) {
        return new IllegalArgumentException("derivative order " + order + " is not available: this activation was compiled with orders 0 to " + max);
    }

    /**
     * Orders 0 and 1 go to {@link #applyAsDouble} and {@link #derivative(double)}; orders 2 to
     * {@link #maxOrder()} to {@link #higherDerivative}; anything else is an
     * IllegalArgumentException. (Dispatching here keeps generated classes free of a switch for
     * the common maximum orders 1 and 2.)
     */
    @Override
    public double derivative(int order, double x) {
        return switch (order) {
            case 0 -> applyAsDouble(x);
            case 1 -> derivative(x);
            default -> {
                if (order < 0 || order > maxOrder) throw orderOutOfRange(order, maxOrder);
                yield higherDerivative(order, x);
            }
        };
    }

    /**
     * The derivative of order 2 to {@link #maxOrder()} (the caller has checked the range).
     * Subclasses compiled with a maximum order of 2 or more override this.
     */
    protected double higherDerivative(int order, double x) {
        throw orderOutOfRange(order, maxOrder);
    }

    @Override
    public final int maxOrder() {
        return maxOrder;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final List<String> parameterNames() {
        return parameterNames;
    }

    @Override
    public final double[] parameterValues() {
        return parameterValues.clone();
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(name);
        if (!parameterNames.isEmpty()) {
            b.append('(');
            for (int i = 0; i < parameterValues.length; i++) {
                if (i > 0) b.append(", ");
                b.append(parameterNames.get(i)).append('=').append(parameterValues[i]);
            }
            b.append(')');
        }
        return b.toString();
    }

    // ---- checked entry points -------------------------------------------------------------

    @Override
    public final void forward(double[] xs, int xOff, double[] ys, int yOff, int len) {
        checkFromIndexSize(xOff, len, xs.length);
        checkFromIndexSize(yOff, len, ys.length);
        forwardKernel(xs, xOff, ys, yOff, len);
    }

    @Override
    public final void forward(float[] xs, int xOff, float[] ys, int yOff, int len) {
        checkFromIndexSize(xOff, len, xs.length);
        checkFromIndexSize(yOff, len, ys.length);
        forwardKernel(xs, xOff, ys, yOff, len);
    }

    @Override
    public final void backward(double[] xs, int xOff, double[] gradOut, int gOff, double[] gradIn, int giOff, int len) {
        checkFromIndexSize(xOff, len, xs.length);
        checkFromIndexSize(gOff, len, gradOut.length);
        checkFromIndexSize(giOff, len, gradIn.length);
        backwardKernel(xs, xOff, gradOut, gOff, gradIn, giOff, len);
    }

    @Override
    public final void backward(float[] xs, int xOff, float[] gradOut, int gOff, float[] gradIn, int giOff, int len) {
        checkFromIndexSize(xOff, len, xs.length);
        checkFromIndexSize(gOff, len, gradOut.length);
        checkFromIndexSize(giOff, len, gradIn.length);
        backwardKernel(xs, xOff, gradOut, gOff, gradIn, giOff, len);
    }

    @Override
    public final void forwardBackward(double[] xs, int xOff, double[] ys, int yOff, double[] gradOut, int gOff, double[] gradIn, int giOff, int len) {
        checkFromIndexSize(xOff, len, xs.length);
        checkFromIndexSize(yOff, len, ys.length);
        checkFromIndexSize(gOff, len, gradOut.length);
        checkFromIndexSize(giOff, len, gradIn.length);
        forwardBackwardKernel(xs, xOff, ys, yOff, gradOut, gOff, gradIn, giOff, len);
    }

    @Override
    public final void forwardBackward(float[] xs, int xOff, float[] ys, int yOff, float[] gradOut, int gOff, float[] gradIn, int giOff, int len) {
        checkFromIndexSize(xOff, len, xs.length);
        checkFromIndexSize(yOff, len, ys.length);
        checkFromIndexSize(gOff, len, gradOut.length);
        checkFromIndexSize(giOff, len, gradIn.length);
        forwardBackwardKernel(xs, xOff, ys, yOff, gradOut, gOff, gradIn, giOff, len);
    }

    @Override
    public final double[] parameterGradient(double[] xs, int xOff, double[] gradOut, int gOff, int len) {
        checkFromIndexSize(xOff, len, xs.length);
        checkFromIndexSize(gOff, len, gradOut.length);
        double[] result = new double[parameterValues.length];
        if (result.length > 0) parameterGradientKernel(xs, xOff, gradOut, gOff, len, result);
        return result;
    }

    @Override
    public final double[] parameterGradient(float[] xs, int xOff, float[] gradOut, int gOff, int len) {
        checkFromIndexSize(xOff, len, xs.length);
        checkFromIndexSize(gOff, len, gradOut.length);
        double[] result = new double[parameterValues.length];
        if (result.length > 0) parameterGradientKernel(xs, xOff, gradOut, gOff, len, result);
        return result;
    }

    // ---- kernels: arguments already checked -----------------------------------------------
    // A subclass either overrides these (all of them), or overrides createKernels() and
    // inherits these, which forward to the kernels object created on first use.

    /** {@code ys[yOff+i] = f(xs[xOff+i])}. */
    protected void forwardKernel(double[] xs, int xOff, double[] ys, int yOff, int len) {
        kernels().forwardKernel(xs, xOff, ys, yOff, len);
    }

    /** {@code ys[yOff+i] = (float) f(xs[xOff+i])}. */
    protected void forwardKernel(float[] xs, int xOff, float[] ys, int yOff, int len) {
        kernels().forwardKernel(xs, xOff, ys, yOff, len);
    }

    /** {@code gradIn[giOff+i] = gradOut[gOff+i] * f'(xs[xOff+i])}. */
    protected void backwardKernel(double[] xs, int xOff, double[] gradOut, int gOff, double[] gradIn, int giOff, int len) {
        kernels().backwardKernel(xs, xOff, gradOut, gOff, gradIn, giOff, len);
    }

    /** The float backward kernel; the product is taken in double and rounded once. */
    protected void backwardKernel(float[] xs, int xOff, float[] gradOut, int gOff, float[] gradIn, int giOff, int len) {
        kernels().backwardKernel(xs, xOff, gradOut, gOff, gradIn, giOff, len);
    }

    /** Forward and backward in one loop. */
    protected void forwardBackwardKernel(double[] xs, int xOff, double[] ys, int yOff, double[] gradOut, int gOff, double[] gradIn, int giOff, int len) {
        kernels().forwardBackwardKernel(xs, xOff, ys, yOff, gradOut, gOff, gradIn, giOff, len);
    }

    /** Forward and backward in one loop, float arrays. */
    protected void forwardBackwardKernel(float[] xs, int xOff, float[] ys, int yOff, float[] gradOut, int gOff, float[] gradIn, int giOff, int len) {
        kernels().forwardBackwardKernel(xs, xOff, ys, yOff, gradOut, gOff, gradIn, giOff, len);
    }

    /**
     * Stores {@code sum over i of gradOut[gOff+i] * df(xs[xOff+i])/dp_j} into {@code result[j]}
     * (summed in index order, starting from 0). Called only when there are parameters.
     */
    protected void parameterGradientKernel(double[] xs, int xOff, double[] gradOut, int gOff, int len, double[] result) {
        kernels().parameterGradientKernel(xs, xOff, gradOut, gOff, len, result);
    }

    /** The float version of {@link #parameterGradientKernel(double[], int, double[], int, int, double[])}. */
    protected void parameterGradientKernel(float[] xs, int xOff, float[] gradOut, int gOff, int len, double[] result) {
        kernels().parameterGradientKernel(xs, xOff, gradOut, gOff, len, result);
    }

    /**
     * Creates the array kernels; called at most once per instance, on the first array call, by
     * subclasses that do not override the kernel methods themselves.
     */
    protected ArrayKernels createKernels() {
        throw new UnsupportedOperationException(getClass().getName() + " implements neither the kernel methods nor createKernels()");
    }

    private final Object kernelLock = new Object();
    private volatile ArrayKernels kernels;

    private ArrayKernels kernels() {
        ArrayKernels k = kernels;
        if (k == null) {
            synchronized (kernelLock) {
                k = kernels;
                if (k == null) kernels = k = Objects.requireNonNull(createKernels());
            }
        }
        return k;
    }

    /** Compiled activations compare by identity: the compile cache hands out one instance per key. */
    @Override
    public final boolean equals(Object o) {
        return this == o;
    }

    @Override
    public final int hashCode() {
        return System.identityHashCode(this);
    }
}
