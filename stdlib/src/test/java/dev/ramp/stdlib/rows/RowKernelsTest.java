package dev.ramp.stdlib.rows;

import static org.junit.jupiter.api.Assertions.*;

import dev.ramp.compiler.Compiler;
import dev.ramp.compiler.Library;
import dev.ramp.compiler.emit.RowEmitter;
import dev.ramp.compiler.rows.RowEval;
import dev.ramp.compiler.rows.RowFunction;
import dev.ramp.compiler.rows.RowProgram;
import dev.ramp.runtime.RowActivation;
import dev.ramp.stdlib.Stdlib;
import java.lang.classfile.ClassFile;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Compiled row kernels against the row evaluator, for every stdlib row function, double and float. */
class RowKernelsTest {
    static final Library LIB = Stdlib.library();

    static Stream<String> names() {
        return LIB.rowFunctions().stream().map(RowFunction::name);
    }

    @ParameterizedTest
    @MethodSource("names")
    void classVerifies(String name) {
        RowFunction f = LIB.lookupRow(name);
        byte[] bytes = RowEmitter.classBytes(f.name(), f.variable(), f.program(), Compiler.rowVjp(f), Map.of());
        assertEquals(java.util.List.of(), ClassFile.of().verify(bytes));
    }

    @org.junit.jupiter.api.Test
    void sumsAndOutputsRunInVectorLoopsWhenTheVectorApiIsThere() {
        org.junit.jupiter.api.Assumptions.assumeTrue(ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent());
        RowFunction f = LIB.lookupRow("softmax");
        byte[] bytes = RowEmitter.classBytes(f.name(), f.variable(), f.program(), Compiler.rowVjp(f), Map.of());
        String pool = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
        assertTrue(pool.contains("jdk/incubator/vector/DoubleVector") && pool.contains("reduceLanes"), "no vector loop in softmax's kernels");
    }

    /** As for element-wise activations: equal requests share one instance while it is in use. */
    @org.junit.jupiter.api.Test
    void equalRequestsShareOneCompiledInstance() {
        Library lib = Compiler.define(new dev.ramp.compiler.diag.Source("<test>", "tempered(xs[]; t = 1) = softmax(xs / t)"), LIB);
        RowFunction f = lib.lookupRow("tempered");
        RowActivation a = Compiler.compileRows(f, Map.of("t", 2.0));
        assertSame(a, Compiler.compileRows(f, Map.of("t", 2.0)));
        RowActivation other = Compiler.compileRows(f, Map.of("t", 0.5));
        assertNotSame(a, other);
        assertArrayEquals(RowEval.run(f.program(), f.variable(), Map.of("t", 0.5), new double[] {1, 2, 3}, null), other.apply(1, 2, 3), 1e-15);
        assertNotSame(Compiler.compileRows(LIB.lookupRow("softmax"), Map.of()), Compiler.compileRows(LIB.lookupRow("softmin"), Map.of()));
    }

    @ParameterizedTest
    @MethodSource("names")
    void kernelsMatchTheEvaluator(String name) {
        RowFunction f = LIB.lookupRow(name);
        RowProgram vjp = Compiler.rowVjp(f);
        RowActivation a = Compiler.compileRows(f, Map.of());
        Random rnd = new Random(name.hashCode());
        int step = f.program().views().size();
        for (int n : java.util.stream.IntStream.concat(java.util.stream.IntStream.rangeClosed(1, 9), java.util.stream.IntStream.of(16, 33, 100)).map(k -> k * step).toArray()) {
            int rows = 3;
            double[] x = new double[rows * n];
            for (int k = 0; k < x.length; k++) x[k] = special(rnd, k);
            int out = a.outputLength(n);
            double[] g = new double[rows * out];
            for (int k = 0; k < g.length; k++) g[k] = rnd.nextGaussian();
            double[] y = new double[rows * out], gi = new double[rows * n];
            a.forwardRows(x, rows, n, y);
            a.backwardRows(x, g, rows, n, gi);
            float[] xf = new float[x.length], gf = new float[g.length], yf = new float[y.length], gif = new float[gi.length];
            for (int k = 0; k < x.length; k++) xf[k] = (float) x[k];
            for (int k = 0; k < g.length; k++) gf[k] = (float) g[k];
            a.forwardRows(xf, rows, n, yf);
            a.backwardRows(xf, gf, rows, n, gif);
            double[] yFused = new double[y.length], giFused = new double[gi.length];
            a.forwardBackwardRows(x, g, rows, n, yFused, giFused);
            // the same operations, but vector math may be SVML in one method and not yet in the other
            for (int k = 0; k < y.length; k++) assertClose(y[k], yFused[k], name + " fused y, n=" + n);
            for (int k = 0; k < gi.length; k++) assertClose(gi[k], giFused[k], name + " fused gradIn, n=" + n);
            float[] yfFused = new float[yf.length], gifFused = new float[gif.length];
            a.forwardBackwardRows(xf, gf, rows, n, yfFused, gifFused);
            for (int k = 0; k < yf.length; k++) assertClose(yf[k], yfFused[k], name + " fused float y, n=" + n);
            for (int k = 0; k < gif.length; k++) assertClose(gif[k], gifFused[k], name + " fused float gradIn, n=" + n);
            for (int r = 0; r < rows; r++) {
                double[] row = java.util.Arrays.copyOfRange(x, r * n, r * n + n);
                double[] gr = java.util.Arrays.copyOfRange(g, r * out, r * out + out);
                double[] ye = RowEval.run(f.program(), f.variable(), Map.of(), row, null);
                double[] ge = RowEval.run(vjp, f.variable(), Map.of(), row, gr);
                for (int k = 0; k < out; k++) assertClose(ye[k], y[r * out + k], name + " n=" + n + " y[" + k + "]");
                for (int k = 0; k < n; k++) assertClose(ge[k], gi[r * n + k], name + " n=" + n + " grad[" + k + "]");
                double[] rowF = new double[n], grF = new double[out];
                for (int k = 0; k < n; k++) rowF[k] = xf[r * n + k];
                for (int k = 0; k < out; k++) grF[k] = gf[r * out + k];
                double[] yeF = RowEval.run(f.program(), f.variable(), Map.of(), rowF, null);
                double[] geF = RowEval.run(vjp, f.variable(), Map.of(), rowF, grF);
                for (int k = 0; k < out; k++) assertClose((float) yeF[k], yf[r * out + k], name + " float n=" + n);
                for (int k = 0; k < n; k++) assertClose((float) geF[k], gif[r * n + k], name + " float grad n=" + n);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("names")
    void offsetsReadAndWriteOnlyTheirRange(String name) {
        RowActivation a = Compiler.compileRows(LIB.lookupRow(name), Map.of());
        int n = 4, rows = 3, out = a.outputLength(n);
        double[] x = new Random(1).doubles(rows * n, -3, 3).toArray();
        double[] g = new Random(2).doubles(rows * out, -1, 1).toArray();
        double[] y = new double[rows * out], gi = new double[rows * n];
        a.forwardRows(x, rows, n, y);
        a.backwardRows(x, g, rows, n, gi);
        double[] xo = new double[5 + x.length], go = new double[2 + g.length], yo = new double[7 + y.length + 3], gio = new double[1 + gi.length + 2];
        System.arraycopy(x, 0, xo, 5, x.length);
        System.arraycopy(g, 0, go, 2, g.length);
        java.util.Arrays.fill(yo, -7);
        java.util.Arrays.fill(gio, -7);
        a.forwardRows(xo, 5, rows, n, yo, 7);
        a.backwardRows(xo, 5, go, 2, rows, n, gio, 1);
        assertArrayEquals(y, java.util.Arrays.copyOfRange(yo, 7, 7 + y.length));
        assertArrayEquals(gi, java.util.Arrays.copyOfRange(gio, 1, 1 + gi.length));
        assertEquals(-7, yo[6]);
        assertEquals(-7, yo[7 + y.length]);
        assertEquals(-7, gio[0]);
        assertEquals(-7, gio[1 + gi.length]);
        float[] xf = new float[x.length], gf = new float[g.length], yf = new float[y.length], gif = new float[gi.length];
        for (int k = 0; k < x.length; k++) xf[k] = (float) x[k];
        for (int k = 0; k < g.length; k++) gf[k] = (float) g[k];
        a.forwardRows(xf, rows, n, yf);
        a.backwardRows(xf, gf, rows, n, gif);
        float[] xfo = new float[3 + xf.length], gfo = new float[1 + gf.length], yfo = new float[2 + yf.length], gifo = new float[4 + gif.length];
        System.arraycopy(xf, 0, xfo, 3, xf.length);
        System.arraycopy(gf, 0, gfo, 1, gf.length);
        a.forwardRows(xfo, 3, rows, n, yfo, 2);
        a.backwardRows(xfo, 3, gfo, 1, rows, n, gifo, 4);
        assertArrayEquals(yf, java.util.Arrays.copyOfRange(yfo, 2, 2 + yf.length));
        assertArrayEquals(gif, java.util.Arrays.copyOfRange(gifo, 4, 4 + gif.length));
        assertThrows(IllegalArgumentException.class, () -> a.forwardRows(xo, 6, rows, n, yo, 7));
        assertThrows(IllegalArgumentException.class, () -> a.forwardRows(xo, -1, rows, n, yo, 7));
    }

    /** Mostly Gaussian, with huge, equal and -inf entries mixed in. */
    static double special(Random rnd, int k) {
        return switch (rnd.nextInt(8)) {
            case 0 -> 1e4 * (rnd.nextBoolean() ? 1 : -1);
            case 1 -> 0.5;
            case 2 -> Double.NEGATIVE_INFINITY;
            default -> rnd.nextGaussian() * 3;
        };
    }

    static void assertClose(double expected, double actual, String what) {
        if (Double.isNaN(expected) || Double.isInfinite(expected)) {
            assertEquals(expected, actual, what);
            return;
        }
        assertEquals(expected, actual, 1e-12 * Math.max(1, Math.abs(expected)), what);
    }
}
