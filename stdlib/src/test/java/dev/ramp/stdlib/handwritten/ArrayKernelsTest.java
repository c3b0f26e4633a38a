package dev.ramp.stdlib.handwritten;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Each array kernel is its scalar function element for element, bit for bit: forward and
 * backward, double and float (float: computed in double from the widened input, rounded once).
 * The arrays are long enough (and run often enough) for the loops to be JIT-compiled, so the
 * compiled loop is compared, not just the interpreter.
 */
class ArrayKernelsTest {
    private static final int LENGTH = 2_000;
    private static final int ROUNDS = 20;

    @TestFactory
    Stream<DynamicTest> arraysMatchScalars() {
        return Handwritten.NAMES.stream().map(name -> DynamicTest.dynamicTest(name, () -> check(Handwritten.kernel(name))));
    }

    private static void check(Kernel k) {
        Random random = new Random(k.name().hashCode());
        double[] x = inputs(random);
        double[] g = new double[LENGTH];
        float[] xf = new float[LENGTH];
        float[] gf = new float[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            g[i] = random.nextGaussian();
            xf[i] = (float) x[i];
            gf[i] = (float) g[i];
        }
        double[] y = new double[LENGTH];
        double[] gi = new double[LENGTH];
        float[] yf = new float[LENGTH];
        float[] gif = new float[LENGTH];
        for (int round = 0; round < ROUNDS; round++) {
            k.forward(x, y);
            k.backward(x, g, gi);
            k.forward(xf, yf);
            k.backward(xf, gf, gif);
        }
        for (int i = 0; i < LENGTH; i++) {
            int at = i;
            assertEquals(k.f(x[i]), y[i], 0.0, () -> k.name() + " forward(double[]) at x=" + x[at]);
            assertEquals(g[i] * k.df(x[i]), gi[i], 0.0, () -> k.name() + " backward(double[]) at x=" + x[at]);
            assertEquals((float) k.f(xf[i]), yf[i], 0.0f, () -> k.name() + " forward(float[]) at x=" + xf[at]);
            assertEquals((float) (gf[i] * k.df(xf[i])), gif[i], 0.0f, () -> k.name() + " backward(float[]) at x=" + xf[at]);
        }
    }

    /** Normal-ish activations, the wide range, and the usual kinks, mixed. */
    private static double[] inputs(Random random) {
        double[] kinks = {0, -1, 1, -3, 3, 6, -0.5, 0.5, 20, -6};
        double[] x = new double[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            x[i] = switch (i % 4) {
                case 0 -> 3 * random.nextGaussian();
                case 1 -> 200 * (random.nextDouble() - 0.5);
                case 2 -> kinks[random.nextInt(kinks.length)];
                default -> 1e-3 * random.nextGaussian();
            };
        }
        return x;
    }

    @Test
    void lengthsMustMatch() {
        Kernel k = Handwritten.kernel("relu");
        assertThrows(IllegalArgumentException.class, () -> k.forward(new double[3], new double[2]));
        assertThrows(IllegalArgumentException.class, () -> k.backward(new float[3], new float[3], new float[4]));
        assertThrows(IllegalArgumentException.class, () -> Handwritten.kernel("no_such_function"));
    }
}
