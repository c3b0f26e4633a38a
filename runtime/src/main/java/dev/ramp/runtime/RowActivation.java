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

    /** The row length must be a multiple of this: 2 for a function of two halves (glu), else 1. */
    public final int rowMultiple() {
        return outputDivisor;
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
        forwardRows(x, 0, rows, n, y, 0);
    }

    /** As {@link #forwardRows(double[], int, int, double[])}, the matrices starting at {@code xOff} and {@code yOff}. */
    public final void forwardRows(double[] x, int xOff, int rows, int n, double[] y, int yOff) {
        int out = check(x.length, xOff, rows, n, n, "x");
        check(y.length, yOff, rows, n, out, "y");
        for (int r = 0; r < rows; r++) forwardRow(x, xOff + r * n, y, yOff + r * out, n);
    }

    /** As {@link #forwardRows(double[], int, int, double[])} for float, computed in double per element and rounded once. */
    public final void forwardRows(float[] x, int rows, int n, float[] y) {
        forwardRows(x, 0, rows, n, y, 0);
    }

    /** As {@link #forwardRows(float[], int, int, float[])}, the matrices starting at {@code xOff} and {@code yOff}. */
    public final void forwardRows(float[] x, int xOff, int rows, int n, float[] y, int yOff) {
        int out = check(x.length, xOff, rows, n, n, "x");
        check(y.length, yOff, rows, n, out, "y");
        for (int r = 0; r < rows; r++) forwardRow(x, xOff + r * n, y, yOff + r * out, n);
    }

    /**
     * {@code gradIn} (rows x n) = the vector-Jacobian product of each row of {@code x} with the
     * matching row of {@code gradOut} (rows x outputLength(n)).
     */
    public final void backwardRows(double[] x, double[] gradOut, int rows, int n, double[] gradIn) {
        backwardRows(x, 0, gradOut, 0, rows, n, gradIn, 0);
    }

    /** As {@link #backwardRows(double[], double[], int, int, double[])}, each matrix starting at its offset. */
    public final void backwardRows(double[] x, int xOff, double[] gradOut, int gOff, int rows, int n, double[] gradIn, int giOff) {
        int out = check(x.length, xOff, rows, n, n, "x");
        check(gradOut.length, gOff, rows, n, out, "gradOut");
        check(gradIn.length, giOff, rows, n, n, "gradIn");
        for (int r = 0; r < rows; r++) backwardRow(x, xOff + r * n, gradOut, gOff + r * out, gradIn, giOff + r * n, n);
    }

    /** As {@link #backwardRows(double[], double[], int, int, double[])} for float. */
    public final void backwardRows(float[] x, float[] gradOut, int rows, int n, float[] gradIn) {
        backwardRows(x, 0, gradOut, 0, rows, n, gradIn, 0);
    }

    /** As {@link #backwardRows(float[], float[], int, int, float[])}, each matrix starting at its offset. */
    public final void backwardRows(float[] x, int xOff, float[] gradOut, int gOff, int rows, int n, float[] gradIn, int giOff) {
        int out = check(x.length, xOff, rows, n, n, "x");
        check(gradOut.length, gOff, rows, n, out, "gradOut");
        check(gradIn.length, giOff, rows, n, n, "gradIn");
        for (int r = 0; r < rows; r++) backwardRow(x, xOff + r * n, gradOut, gOff + r * out, gradIn, giOff + r * n, n);
    }

    /**
     * Forward and backward in one pass: {@code y} as {@link #forwardRows(double[], int, int,
     * double[])} and {@code gradIn} as {@link #backwardRows(double[], double[], int, int,
     * double[])}, computing what both need (softmax's max and sum) once per row.
     */
    public final void forwardBackwardRows(double[] x, double[] gradOut, int rows, int n, double[] y, double[] gradIn) {
        int out = check(x.length, 0, rows, n, n, "x");
        check(gradOut.length, 0, rows, n, out, "gradOut");
        check(y.length, 0, rows, n, out, "y");
        check(gradIn.length, 0, rows, n, n, "gradIn");
        for (int r = 0; r < rows; r++) forwardBackwardRow(x, r * n, gradOut, r * out, y, r * out, gradIn, r * n, n);
    }

    /** As {@link #forwardBackwardRows(double[], double[], int, int, double[], double[])} for float. */
    public final void forwardBackwardRows(float[] x, float[] gradOut, int rows, int n, float[] y, float[] gradIn) {
        int out = check(x.length, 0, rows, n, n, "x");
        check(gradOut.length, 0, rows, n, out, "gradOut");
        check(y.length, 0, rows, n, out, "y");
        check(gradIn.length, 0, rows, n, n, "gradIn");
        for (int r = 0; r < rows; r++) forwardBackwardRow(x, r * n, gradOut, r * out, y, r * out, gradIn, r * n, n);
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

    /**
     * Checks that {@code array} holds {@code rows * perRow} elements from {@code off} (and that
     * {@code n} is a row length the function accepts); returns the output length per row.
     */
    private int check(int length, int off, int rows, int n, int perRow, String array) {
        if (rows < 0) throw new IllegalArgumentException("rows must be 0 or more, got " + rows);
        int out = outputLength(n);
        long need = (long) rows * perRow;
        if (off < 0 || off + need > length) {
            throw new IllegalArgumentException(array + " has " + length + " elements, need " + need + " (rows * " + perRow + ") from offset " + off);
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

    /** One row, forward and vector-Jacobian product together, double. */
    protected abstract void forwardBackwardRow(double[] x, int xOff, double[] gradOut, int gOff, double[] y, int yOff,
                                               double[] gradIn, int giOff, int n);

    /** One row, forward and vector-Jacobian product together, float. */
    protected abstract void forwardBackwardRow(float[] x, int xOff, float[] gradOut, int gOff, float[] y, int yOff,
                                               float[] gradIn, int giOff, int n);

    @Override
    public String toString() {
        return "RowActivation[" + name + "]";
    }
}
