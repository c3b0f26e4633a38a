package dev.ramp.compiler.emit;

import static org.junit.jupiter.api.Assertions.*;

import dev.ramp.runtime.Activation;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every array overload equals the scalar path element for element: offsets, lengths 0, 1 and odd
 * tails, double and float, in place, and nothing outside the range is touched.
 */
class KernelsTest {
    static final int[] LENGTHS = {0, 1, 2, 3, 7, 16, 33, 100};
    static final int[][] OFFSETS = {{0, 0, 0, 0}, {3, 0, 5, 1}, {1, 2, 0, 4}};
    static final double SENTINEL = -12345.0;

    static Stream<Arguments> cases() {
        return Activations.all().stream().map(spec -> Arguments.of(spec.name() + spec.parameterValues(), EmitTesting.compile(spec)));
    }

    static double[] inputs(int n, long seed) {
        Random r = new Random(seed);
        double[] xs = new double[n];
        for (int i = 0; i < n; i++) xs[i] = i < RefEval.SPECIAL.length && i % 2 == 1 ? RefEval.SPECIAL[i] : r.nextGaussian() * 4;
        return xs;
    }

    static double[] filled(int n) {
        double[] a = new double[n];
        Arrays.fill(a, SENTINEL);
        return a;
    }

    static float[] filledF(int n) {
        float[] a = new float[n];
        Arrays.fill(a, (float) SENTINEL);
        return a;
    }

    static float[] toFloat(double[] d) {
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) f[i] = (float) d[i];
        return f;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void doubleKernelsEqualScalarAtEveryOffsetAndLength(String name, Activation a) {
        for (int len : LENGTHS) {
            for (int[] off : OFFSETS) {
                int xo = off[0], yo = off[1], go = off[2], gio = off[3];
                double[] xs = inputs(len + xo + 2, len);
                double[] g = inputs(len + go + 1, len + 7);
                double[] ys = filled(len + yo + 3), gi = filled(len + gio + 1), ys2 = filled(len + yo + 3), gi2 = filled(len + gio + 1);
                a.forward(xs, xo, ys, yo, len);
                a.backward(xs, xo, g, go, gi, gio, len);
                a.forwardBackward(xs, xo, ys2, yo, g, go, gi2, gio, len);
                for (int i = 0; i < ys.length; i++) {
                    boolean in = i >= yo && i < yo + len;
                    double expected = in ? a.applyAsDouble(xs[xo + i - yo]) : SENTINEL;
                    assertEquals(expected, ys[i], name + " forward, len " + len + " index " + i);
                    assertEquals(expected, ys2[i], name + " forwardBackward y, len " + len + " index " + i);
                }
                for (int i = 0; i < gi.length; i++) {
                    boolean in = i >= gio && i < gio + len;
                    double expected = in ? g[go + i - gio] * a.derivative(xs[xo + i - gio]) : SENTINEL;
                    assertEquals(expected, gi[i], name + " backward, len " + len + " index " + i);
                    assertEquals(expected, gi2[i], name + " forwardBackward grad, len " + len + " index " + i);
                }
                double[] pg = a.parameterGradient(xs, xo, g, go, len);
                for (int j = 0; j < pg.length; j++) {
                    double sum = 0;
                    double[] one = {0};
                    for (int i = 0; i < len; i++) {
                        // The gradient of a single element, through the kernel itself with len 1.
                        one = a.parameterGradient(new double[] {xs[xo + i]}, new double[] {g[go + i]});
                        sum += one[j];
                    }
                    assertEquals(sum, pg[j], name + " parameterGradient " + j + ", len " + len);
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void floatKernelsRoundTheDoubleResultOnce(String name, Activation a) {
        for (int len : LENGTHS) {
            for (int[] off : OFFSETS) {
                int xo = off[0], yo = off[1], go = off[2], gio = off[3];
                float[] xs = toFloat(inputs(len + xo, len)), g = toFloat(inputs(len + go, len + 1));
                float[] ys = filledF(len + yo + 1), gi = filledF(len + gio + 2), ys2 = filledF(len + yo + 1), gi2 = filledF(len + gio + 2);
                a.forward(xs, xo, ys, yo, len);
                a.backward(xs, xo, g, go, gi, gio, len);
                a.forwardBackward(xs, xo, ys2, yo, g, go, gi2, gio, len);
                for (int i = 0; i < ys.length; i++) {
                    boolean in = i >= yo && i < yo + len;
                    float expected = in ? (float) a.applyAsDouble(xs[xo + i - yo]) : (float) SENTINEL;
                    assertEquals(expected, ys[i], name + " float forward, index " + i);
                    assertEquals(expected, ys2[i], name + " float forwardBackward y, index " + i);
                }
                for (int i = 0; i < gi.length; i++) {
                    boolean in = i >= gio && i < gio + len;
                    float expected = in ? (float) (g[go + i - gio] * a.derivative(xs[xo + i - gio])) : (float) SENTINEL;
                    assertEquals(expected, gi[i], name + " float backward, index " + i);
                    assertEquals(expected, gi2[i], name + " float forwardBackward grad, index " + i);
                }
                double[] pg = a.parameterGradient(xs, xo, g, go, len);
                for (int j = 0; j < pg.length; j++) {
                    double sum = 0;
                    for (int i = 0; i < len; i++) sum += a.parameterGradient(new float[] {xs[xo + i]}, new float[] {g[go + i]})[j];
                    assertEquals(sum, pg[j], name + " float parameterGradient " + j);
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void wholeArrayOverloadsAndInPlaceUse(String name, Activation a) {
        double[] xs = inputs(37, 3), g = inputs(37, 4);
        double[] ys = new double[37], gi = new double[37];
        a.forwardBackward(xs, ys, g, gi);
        double[] inPlace = xs.clone();
        a.forward(inPlace, inPlace);
        assertArrayEquals(ys, inPlace);
        double[] x2 = xs.clone(), g2 = g.clone();
        a.forwardBackward(x2, x2, g2, g2);   // y over x, gradIn over gradOut
        assertArrayEquals(ys, x2);
        assertArrayEquals(gi, g2);
        double[] g3 = g.clone();
        a.backward(xs, g3, g3);
        assertArrayEquals(gi, g3);
        float[] xf = toFloat(xs), yf = new float[37];
        a.forward(xf, yf);
        a.forward(xf, xf);
        assertArrayEquals(yf, xf);
        assertArrayEquals(a.parameterGradient(xs, 0, g, 0, 37), a.parameterGradient(xs, g));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void badRangesAreRejectedBeforeAnyWrite(String name, Activation a) {
        double[] xs = new double[10], ys = filled(10), g = new double[10], gi = filled(10), shortArr = new double[9];
        float[] xf = new float[10], yf = filledF(10);
        List<Runnable> outOfBounds = List.of(
                () -> a.forward(xs, 1, ys, 0, 10),
                () -> a.forward(xs, 0, ys, 5, 6),
                () -> a.forward(xs, -1, ys, 0, 1),
                () -> a.forward(xs, 0, ys, 0, -1),
                () -> a.forward(xf, 0, yf, 1, 10),
                () -> a.backward(xs, 0, g, 1, gi, 0, 10),
                () -> a.backward(xs, 0, g, 0, gi, 1, 10),
                () -> a.forwardBackward(xs, 0, ys, 0, g, 0, gi, 3, 8),
                () -> a.forwardBackward(xf, 0, yf, 0, new float[10], 1, new float[10], 0, 10),
                () -> a.parameterGradient(xs, 0, g, 2, 9),
                () -> a.forward(xs, Integer.MAX_VALUE, ys, 0, 2));
        for (Runnable r : outOfBounds) assertThrows(IndexOutOfBoundsException.class, r::run);
        List<Runnable> mismatched = List.of(
                () -> a.forward(xs, shortArr),
                () -> a.forward(xf, new float[11]),
                () -> a.backward(xs, g, shortArr),
                () -> a.backward(xs, shortArr, gi),
                () -> a.forwardBackward(xs, ys, g, shortArr),
                () -> a.forwardBackward(xf, yf, new float[10], new float[3]),
                () -> a.parameterGradient(xs, shortArr),
                () -> a.parameterGradient(xf, new float[2]));
        for (Runnable r : mismatched) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
            assertTrue(e.getMessage().contains("different lengths"), e.getMessage());
        }
        assertThrows(NullPointerException.class, () -> a.forward(null, ys));
        assertThrows(NullPointerException.class, () -> a.forward(xs, 0, null, 0, 0));
        for (double y : ys) assertEquals(SENTINEL, y);
        for (double y : gi) assertEquals(SENTINEL, y);
        for (float y : yf) assertEquals((float) SENTINEL, y);
    }
}
