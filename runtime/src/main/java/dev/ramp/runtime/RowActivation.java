package dev.ramp.runtime;

import java.util.Objects;

/**
 * A compiled function of a row ({@code softmax}, {@code logsumexp}, {@code glu}, ...), applied to
 * every row of a row-major matrix {@code x} of {@code rows x n} elements. The output has
 * {@link #outputLength(int) outputLength(n)} elements per row: {@code n} for softmax, 1 for
 * logsumexp and maxout, {@code n/2} for glu. The backward pass is the vector-Jacobian product:
 * for each row, {@code gradIn = J(x)^T gradOut}, with {@code gradOut} shaped like the output.
 *
 * <pre>{@code
 * RowActivation softmax = Ramp.compileRows("softmax");
 * softmax.forwardRows(x, rows, n, y);                 // y[r*n + i] = softmax(x[r*n .. r*n+n))[i]
 * softmax.backwardRows(x, gradOut, rows, n, gradIn);  // gradIn = y * (g - <g, y>) per row
 * }</pre>
 *
 * Every method checks its arguments once per call (array lengths, an {@code n} the function
 * accepts) and throws {@link IllegalArgumentException} naming the problem; the loops themselves
 * carry no checks. Each row reads all of its input before writing its output, so {@code y} may
 * be {@code x} when the output is as long as the row. Instances are immutable and thread-safe.
 */
public abstract class RowActivation {
    private final String name;
    private final int outputDivisor;
    private final boolean scalarOutput;

    /**
     * @param name the function's name
     * @param outputDivisor {@code n} must be a multiple of it (2 for glu, which splits rows in
     *     halves), and a row output is {@code n / outputDivisor} long
     * @param scalarOutput whether the output is one number per row
     */
    protected RowActivation(String name, int outputDivisor, boolean scalarOutput) {
        this.name = Objects.requireNonNull(name);
        this.outputDivisor = outputDivisor;
        this.scalarOutput = scalarOutput;
    }

    /** The function's name. */
    public final String name() {
        return name;
    }

    /** How many numbers the function returns for a row of {@code n}. */
    public final int outputLength(int n) {
        checkN(n);
        return scalarOutput ? 1 : n / outputDivisor;
    }

    /** Whether the function returns one number per row (logsumexp) rather than a row. */
    public final boolean scalarValued() {
        return scalarOutput;
    }

    /** {@code y} (rows x outputLength(n)) = f of each row of {@code x} (rows x n). */
    public final void forwardRows(double[] x, int rows, int n, double[] y) {
        int out = check(x.length, rows, n, y.length, "y");
        for (int r = 0; r < rows; r++) forwardRow(x, r * n, y, r * out, n);
    }

    /** As {@link #forwardRows(double[], int, int, double[])} for float, computed in double per element and rounded once. */
    public final void forwardRows(float[] x, int rows, int n, float[] y) {
        int out = check(x.length, rows, n, y.length, "y");
        for (int r = 0; r < rows; r++) forwardRow(x, r * n, y, r * out, n);
    }

    /**
     * {@code gradIn} (rows x n) = the vector-Jacobian product of each row of {@code x} with the
     * matching row of {@code gradOut} (rows x outputLength(n)).
     */
    public final void backwardRows(double[] x, double[] gradOut, int rows, int n, double[] gradIn) {
        int out = check(x.length, rows, n, gradOut.length, "gradOut");
        if (gradIn.length < (long) rows * n) throw new IllegalArgumentException("gradIn has " + gradIn.length + " elements, need rows * n = " + (long) rows * n);
        for (int r = 0; r < rows; r++) backwardRow(x, r * n, gradOut, r * out, gradIn, r * n, n);
    }

    /** As {@link #backwardRows(double[], double[], int, int, double[])} for float. */
    public final void backwardRows(float[] x, float[] gradOut, int rows, int n, float[] gradIn) {
        int out = check(x.length, rows, n, gradOut.length, "gradOut");
        if (gradIn.length < (long) rows * n) throw new IllegalArgumentException("gradIn has " + gradIn.length + " elements, need rows * n = " + (long) rows * n);
        for (int r = 0; r < rows; r++) backwardRow(x, r * n, gradOut, r * out, gradIn, r * n, n);
    }

    /** f of one row: a convenience for tests and small inputs. */
    public final double[] apply(double... row) {
        double[] y = new double[outputLength(row.length)];
        forwardRows(row, 1, row.length, y);
        return y;
    }

    /** The vector-Jacobian product at one row. */
    public final double[] vjp(double[] row, double[] gradOut) {
        double[] g = new double[row.length];
        backwardRows(row, gradOut, 1, row.length, g);
        return g;
    }

    private int check(int xLength, int rows, int n, int outLength, String outName) {
        if (rows < 0) throw new IllegalArgumentException("rows must be 0 or more, got " + rows);
        int out = outputLength(n);
        if (xLength < (long) rows * n) throw new IllegalArgumentException("x has " + xLength + " elements, need rows * n = " + (long) rows * n);
        if (outLength < (long) rows * out) {
            throw new IllegalArgumentException(outName + " has " + outLength + " elements, need rows * " + out + " = " + (long) rows * out);
        }
        return out;
    }

    private void checkN(int n) {
        if (n < 1) throw new IllegalArgumentException(name + ": a row needs at least one element, got n = " + n);
        if (n % outputDivisor != 0) {
            throw new IllegalArgumentException(name + " splits each row in " + outputDivisor + " equal parts, so n must be a multiple of "
                    + outputDivisor + ", got " + n);
        }
    }

    /** One row, double: reads {@code x[xOff, xOff + n)}, writes the output at {@code yOff}. */
    protected abstract void forwardRow(double[] x, int xOff, double[] y, int yOff, int n);

    /** One row, float. */
    protected abstract void forwardRow(float[] x, int xOff, float[] y, int yOff, int n);

    /** One row's vector-Jacobian product, double. */
    protected abstract void backwardRow(double[] x, int xOff, double[] gradOut, int gOff, double[] gradIn, int giOff, int n);

    /** One row's vector-Jacobian product, float. */
    protected abstract void backwardRow(float[] x, int xOff, float[] gradOut, int gOff, float[] gradIn, int giOff, int n);

    @Override
    public String toString() {
        return "RowActivation[" + name + "]";
    }
}
