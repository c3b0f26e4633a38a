package dev.ramp.runtime;

import java.util.List;
import java.util.function.DoubleUnaryOperator;

/**
 * A compiled activation function f(x) with its derivatives, as scalar functions and as array
 * kernels for a neural network's forward and backward passes.
 *
 * <p><b>Precision.</b> The scalar methods compute in {@code double}. The array kernels may be SIMD
 * code (the Vector API, when {@code jdk.incubator.vector} is in the module graph), whose math
 * functions (SVML) differ from {@link Math}'s in the last bits, and which may use algebraically
 * equal forms that are cheaper and do not cancel (sech^2 instead of 1 - tanh^2, say): double
 * kernels agree with the scalar methods to a few ulps where the expression is well conditioned.
 * {@code float[]} kernels, in the compiler's default {@code accurate} mode, are within 1 float
 * ulp of the true value: they compute in double and round once ({@code (float) f((double) x)}),
 * or in float lanes only where that is exact but for one correctly rounded operation (relu,
 * leaky_relu, hardtanh); in the compiler's {@code fast} mode they always compute in float, a few
 * float ulps off (the measured bounds are in {@code ACCURACY.md}). Parameter gradients are always
 * accumulated in double, by scalar loops.
 *
 * <p><b>Arrays.</b> Every array method checks its offsets and lengths once, on entry, before
 * touching any element: a range outside an array throws {@link IndexOutOfBoundsException}
 * (as {@link java.util.Objects#checkFromIndexSize}), whole arrays of different lengths throw
 * {@link IllegalArgumentException}, a null array throws {@link NullPointerException}; nothing is
 * written when a check fails. Outputs may be the very same array and offset as an input (in-place
 * use); other overlaps give unspecified results.
 *
 * <p><b>Derivatives.</b> {@link #derivative(int, double)} accepts orders 0 to {@link #maxOrder()},
 * the orders that were compiled; a larger order throws {@link IllegalArgumentException} (ask the
 * compiler for a higher order instead: it compiles a new activation).
 *
 * <p>Implementations are immutable and thread-safe.
 */
public interface Activation extends DoubleUnaryOperator {

    /** f(x). */
    @Override
    double applyAsDouble(double x);

    /** f'(x). */
    double derivative(double x);

    /**
     * The derivative of the given order at x; order 0 is f(x) itself.
     *
     * @throws IllegalArgumentException if order is negative or greater than {@link #maxOrder()}
     */
    double derivative(int order, double x);

    /** The highest derivative order compiled (at least 1). */
    int maxOrder();

    /** {@code ys[i] = f(xs[i])} for every i; the arrays must have the same length. */
    default void forward(double[] xs, double[] ys) {
        forward(xs, 0, ys, 0, Checks.sameLength(xs.length, ys.length, "xs", "ys"));
    }

    /** {@code ys[yOff + i] = f(xs[xOff + i])} for {@code 0 <= i < len}. */
    void forward(double[] xs, int xOff, double[] ys, int yOff, int len);

    /** {@code ys[i] = (float) f(xs[i])} for every i; the arrays must have the same length. */
    default void forward(float[] xs, float[] ys) {
        forward(xs, 0, ys, 0, Checks.sameLength(xs.length, ys.length, "xs", "ys"));
    }

    /** {@code ys[yOff + i] = (float) f(xs[xOff + i])} for {@code 0 <= i < len}. */
    void forward(float[] xs, int xOff, float[] ys, int yOff, int len);

    /** {@code gradIn[i] = gradOut[i] * f'(xs[i])}: the chain rule through f, for every i. */
    default void backward(double[] xs, double[] gradOut, double[] gradIn) {
        int len = Checks.sameLength(xs.length, gradOut.length, "xs", "gradOut");
        Checks.sameLength(len, gradIn.length, "xs", "gradIn");
        backward(xs, 0, gradOut, 0, gradIn, 0, len);
    }

    /** {@code gradIn[giOff + i] = gradOut[gOff + i] * f'(xs[xOff + i])} for {@code 0 <= i < len}. */
    void backward(double[] xs, int xOff, double[] gradOut, int gOff, double[] gradIn, int giOff, int len);

    /** {@code gradIn[i] = (float) (gradOut[i] * f'(xs[i]))}, the product taken in double. */
    default void backward(float[] xs, float[] gradOut, float[] gradIn) {
        int len = Checks.sameLength(xs.length, gradOut.length, "xs", "gradOut");
        Checks.sameLength(len, gradIn.length, "xs", "gradIn");
        backward(xs, 0, gradOut, 0, gradIn, 0, len);
    }

    /** The float version of {@link #backward(double[], int, double[], int, double[], int, int)}. */
    void backward(float[] xs, int xOff, float[] gradOut, int gOff, float[] gradIn, int giOff, int len);

    /**
     * {@link #forward(double[], double[])} and {@link #backward(double[], double[], double[])} in
     * one pass over the data: subexpressions f and f' share (such as {@code tanh(softplus(x))} in
     * mish) are computed once per element.
     */
    default void forwardBackward(double[] xs, double[] ys, double[] gradOut, double[] gradIn) {
        int len = Checks.sameLength(xs.length, ys.length, "xs", "ys");
        Checks.sameLength(len, gradOut.length, "xs", "gradOut");
        Checks.sameLength(len, gradIn.length, "xs", "gradIn");
        forwardBackward(xs, 0, ys, 0, gradOut, 0, gradIn, 0, len);
    }

    /** The fused pass over {@code len} elements at the given offsets. */
    void forwardBackward(double[] xs, int xOff, double[] ys, int yOff, double[] gradOut, int gOff, double[] gradIn, int giOff, int len);

    /** The float version of {@link #forwardBackward(double[], double[], double[], double[])}. */
    default void forwardBackward(float[] xs, float[] ys, float[] gradOut, float[] gradIn) {
        int len = Checks.sameLength(xs.length, ys.length, "xs", "ys");
        Checks.sameLength(len, gradOut.length, "xs", "gradOut");
        Checks.sameLength(len, gradIn.length, "xs", "gradIn");
        forwardBackward(xs, 0, ys, 0, gradOut, 0, gradIn, 0, len);
    }

    /** The float version of the fused pass at offsets. */
    void forwardBackward(float[] xs, int xOff, float[] ys, int yOff, float[] gradOut, int gOff, float[] gradIn, int giOff, int len);

    /**
     * The gradient of the loss with respect to each parameter, in declaration order:
     * {@code result[j] = sum over i of gradOut[i] * df(xs[i])/dp_j}, summed in double in index
     * order. An activation without parameters returns an empty array.
     */
    default double[] parameterGradient(double[] xs, double[] gradOut) {
        return parameterGradient(xs, 0, gradOut, 0, Checks.sameLength(xs.length, gradOut.length, "xs", "gradOut"));
    }

    /** {@link #parameterGradient(double[], double[])} over {@code len} elements at the given offsets. */
    double[] parameterGradient(double[] xs, int xOff, double[] gradOut, int gOff, int len);

    /** The float version of {@link #parameterGradient(double[], double[])}; the sums are in double. */
    default double[] parameterGradient(float[] xs, float[] gradOut) {
        return parameterGradient(xs, 0, gradOut, 0, Checks.sameLength(xs.length, gradOut.length, "xs", "gradOut"));
    }

    /** The float version of {@link #parameterGradient(double[], int, double[], int, int)}. */
    double[] parameterGradient(float[] xs, int xOff, float[] gradOut, int gOff, int len);

    /** The definition's name, such as {@code mish}. */
    String name();

    /** The parameters' names in declaration order; empty when there are none. */
    List<String> parameterNames();

    /** The values the parameters were bound to, in declaration order (a fresh copy). */
    double[] parameterValues();
}
