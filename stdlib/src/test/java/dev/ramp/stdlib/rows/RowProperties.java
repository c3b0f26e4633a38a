package dev.ramp.stdlib.rows;

import static org.junit.jupiter.api.Assertions.*;

import dev.ramp.Ramp;
import dev.ramp.runtime.RowActivation;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Laws of the stdlib row functions on arbitrary rows, masked and huge entries included. */
class RowProperties {
    static final RowActivation SOFTMAX = Ramp.compileRows("softmax"), LOG_SOFTMAX = Ramp.compileRows("log_softmax"),
            LSE = Ramp.compileRows("logsumexp"), LSE0 = Ramp.compileRows("lse0");

    @Provide
    Arbitrary<double[]> rows() {
        Arbitrary<Double> entry = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.doubles().between(-50, 50)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(1e4, -1e4, 0.0, Double.NEGATIVE_INFINITY, 709.0, -745.0)));
        return entry.array(double[].class).ofMinSize(1).ofMaxSize(40);
    }

    @Property(tries = 300)
    void softmaxIsADistributionOrZeroWhenMasked(@ForAll("rows") double[] x) {
        double[] y = SOFTMAX.apply(x);
        boolean masked = Arrays.stream(x).allMatch(v -> v == Double.NEGATIVE_INFINITY);
        double sum = 0;
        for (double v : y) {
            assertTrue(v >= 0 && v <= 1, Arrays.toString(x) + " -> " + Arrays.toString(y));
            sum += v;
        }
        assertEquals(masked ? 0 : 1, sum, 1e-14 * x.length, Arrays.toString(x));
    }

    @Property(tries = 300)
    void logSoftmaxIsXMinusLogsumexpAndBoundedByIt(@ForAll("rows") double[] x) {
        double[] l = LOG_SOFTMAX.apply(x);
        double lse = LSE.apply(x)[0];
        double max = Arrays.stream(x).max().orElseThrow();
        assertTrue(lse >= max && lse <= max + Math.log(x.length) + 1e-12, Arrays.toString(x));
        for (int i = 0; i < x.length; i++) {
            assertFalse(Double.isNaN(l[i]), Arrays.toString(x));
            assertTrue(l[i] <= 0, Arrays.toString(x));
            if (Double.isFinite(x[i])) assertEquals(x[i] - lse, l[i], 1e-12 * Math.max(1, Math.abs(lse) + Math.abs(x[i])), Arrays.toString(x));
        }
    }

    @Property(tries = 300)
    void lse0IsLogsumexpWithAZeroLogit(@ForAll("rows") double[] x) {
        double[] withZero = new double[x.length + 1];
        System.arraycopy(x, 0, withZero, 1, x.length);
        assertEquals(LSE.apply(withZero)[0], LSE0.apply(x)[0], 1e-13 * Math.max(1, Math.abs(LSE.apply(withZero)[0])), Arrays.toString(x));
    }

    @Property(tries = 200)
    void softmaxGradientsSumToZero(@ForAll("rows") double[] x) {
        double[] g = new double[x.length];
        for (int i = 0; i < g.length; i++) g[i] = Math.sin(i + 1);
        double[] gi = SOFTMAX.vjp(x, g);
        double sum = 0;
        for (double v : gi) {
            assertFalse(Double.isNaN(v), Arrays.toString(x));
            sum += v;
        }
        assertEquals(0, sum, 1e-13 * x.length, Arrays.toString(x));
    }
}
