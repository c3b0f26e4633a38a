package dev.ramp.compiler.check;

/**
 * How many ulps a compiled kernel may be off: {@code ramp check} fails (exit code 1) when any
 * function exceeds it, or gives NaN or an infinity where the true value is finite.
 *
 * @param value the double kernel of f
 * @param firstDerivative the double kernel of f'
 * @param higherDerivatives the double kernels of f'' and beyond
 * @param floatKernels the float kernels of f and f', in ulps of float
 */
public record Budget(double value, double firstDerivative, double higherDerivatives, double floatKernels) {
    /** The project's targets: 4 ulp for f and f', 16 for f'', 1 float ulp for the float kernels. */
    public static final Budget DEFAULT = new Budget(4, 4, 16, 1);

    /** The budget for the double kernel of the given order. */
    public double forOrder(int order) {
        return order == 0 ? value : order == 1 ? firstDerivative : higherDerivatives;
    }
}
