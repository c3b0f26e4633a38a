package dev.ramp.stdlib.handwritten;

/**
 * A handwritten activation: scalar value and derivative, and array kernels over them. Every
 * implementation is a separate final class whose loops call its family's static methods
 * directly, so each loop's call site is monomorphic and inlined by the JIT; that is what makes
 * these a fair baseline for the generated code. Float kernels compute in double and round once,
 * as ramp's generated float kernels do.
 */
public interface Kernel {
    /** The stdlib name this kernel implements, at the stdlib's default parameters. */
    String name();

    double f(double x);

    /** df/dx, with PyTorch's value at kinks. */
    double df(double x);

    /** y[i] = f(x[i]). */
    void forward(double[] x, double[] y);

    /** y[i] = (float) f(x[i]). */
    void forward(float[] x, float[] y);

    /** gradIn[i] = gradOut[i] * f'(x[i]). */
    void backward(double[] x, double[] gradOut, double[] gradIn);

    /** gradIn[i] = (float) (gradOut[i] * f'(x[i])), the product in double. */
    void backward(float[] x, float[] gradOut, float[] gradIn);

    /** The common length of the arrays; checked once, outside the loop. */
    static int length(int x, int y) {
        if (x != y) throw new IllegalArgumentException("array lengths differ: " + x + " and " + y);
        return x;
    }

    static int length(int x, int gradOut, int gradIn) {
        return length(length(x, gradOut), gradIn);
    }
}
