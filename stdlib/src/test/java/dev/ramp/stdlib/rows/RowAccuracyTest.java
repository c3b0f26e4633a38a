package dev.ramp.stdlib.rows;

import static org.junit.jupiter.api.Assertions.*;

import dev.ramp.Ramp;
import dev.ramp.compiler.RampException;
import dev.ramp.runtime.RowActivation;
import dev.ramp.stdlib.RowChecks;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The stdlib row functions, compiled, against the 40-digit references of {@link RowChecks}
 * (textbook formulas, not ramp's definitions), on rows with huge, equal and masked (-inf) entries;
 * their VJPs against the Jacobian from central differences are measured by {@link RowChecks}
 * ({@code RowChecksTest}).
 */
class RowAccuracyTest {
    static List<double[]> rows() {
        return RowChecks.rows();
    }

    static double[] softmaxRef(double[] x) {
        return RowChecks.reference("softmax", x);
    }

    static double[] logSoftmaxRef(double[] x) {
        return RowChecks.reference("log_softmax", x);
    }

    static double logsumexpRef(double[] x) {
        return RowChecks.reference("logsumexp", x)[0];
    }

    static double lse0Ref(double[] x) {
        return RowChecks.reference("lse0", x)[0];
    }

    static double[] gluRef(double[] x) {
        return RowChecks.reference("glu", x);
    }

    static void assertUlps(double expected, double actual, int ulps, String what) {
        if (expected == actual) return;
        assertFalse(Double.isNaN(actual), what + ": NaN where " + expected + " is defined");
        double tol = ulps * Math.ulp(expected);
        assertEquals(expected, actual, Math.max(tol, 1e-300), what);
    }

    @Test
    void valuesWithinFewUlpsOfTheReference() {
        RowActivation softmax = Ramp.compileRows("softmax"), logSoftmax = Ramp.compileRows("log_softmax"),
                lse = Ramp.compileRows("logsumexp"), lse0 = Ramp.compileRows("lse0"), softmin = Ramp.compileRows("softmin"),
                glu = Ramp.compileRows("glu"), maxout = Ramp.compileRows("maxout");
        for (double[] x : rows()) {
            String row = Arrays.toString(x);
            double[] sm = softmax.apply(x), ref = softmaxRef(x);
            // x - max rounds by up to ulp(x - max)/2, which exp turns into a relative error of
            // |x - max| * 2^-53 (inherent to the max shift PyTorch and JAX use); then exp, the sum
            // and one division add a few ulps.
            double max = Arrays.stream(x).max().orElseThrow();
            for (int i = 0; i < x.length; i++) {
                double tol = (4 + (Double.isFinite(x[i] - max) ? Math.abs(x[i] - max) : 0)) * Math.ulp(ref[i]) + 1e-300;
                assertEquals(ref[i], sm[i], tol, "softmax " + row);
                assertEquals(ref[i], softmin.apply(Arrays.stream(x).map(v -> -v).toArray())[i], tol, "softmin " + row);
            }
            double[] ls = logSoftmax.apply(x), lref = logSoftmaxRef(x);
            double scale = Arrays.stream(x).filter(Double::isFinite).map(Math::abs).max().orElse(1);
            for (int i = 0; i < x.length; i++) {
                if (Double.isInfinite(lref[i])) assertEquals(lref[i], ls[i], "log_softmax " + row);
                else assertEquals(lref[i], ls[i], 4 * Math.ulp(Math.max(1, scale)), "log_softmax " + row);
            }
            assertEquals(logsumexpRef(x), lse.apply(x)[0], 4 * Math.ulp(Math.max(1, scale)), "logsumexp " + row);
            assertEquals(lse0Ref(x), lse0.apply(x)[0], 4 * Math.ulp(Math.max(1, scale)), "lse0 " + row);
            assertEquals(Arrays.stream(x).max().orElseThrow(), maxout.apply(x)[0], "maxout " + row);
            if (x.length % 2 == 0) {
                double[] g = glu.apply(x), gref = gluRef(x);
                for (int i = 0; i < g.length; i++) assertUlps(gref[i], g[i], 4, "glu " + row);
            }
        }
    }

    @Test
    void fullyMaskedRowsGiveTheDocumentedValues() {
        double[] masked = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        assertArrayEquals(new double[] {0, 0, 0}, Ramp.compileRows("softmax").apply(masked));
        assertArrayEquals(masked, Ramp.compileRows("log_softmax").apply(masked));
        assertArrayEquals(new double[] {Double.NEGATIVE_INFINITY}, Ramp.compileRows("logsumexp").apply(masked));
        assertArrayEquals(new double[] {0}, Ramp.compileRows("lse0").apply(masked));
        assertArrayEquals(new double[] {0, 0, 0}, Ramp.compileRows("softmin").apply(new double[] {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY}));
        double[] grad = Ramp.compileRows("softmax").vjp(masked, new double[] {1, 2, 3});
        for (double d : grad) assertEquals(0.0, d, "a masked row passes no gradient, and no NaN");
        for (double d : Ramp.compileRows("logsumexp").vjp(masked, new double[] {1})) assertFalse(Double.isInfinite(d));
    }

    @Test
    void softmaxVjpIsYTimesGMinusItsMean() {
        RowActivation softmax = Ramp.compileRows("softmax");
        Random rnd = new Random(3);
        for (double[] x : rows()) {
            double[] g = new double[x.length];
            for (int i = 0; i < g.length; i++) g[i] = rnd.nextGaussian();
            double[] y = softmaxRef(x);
            double dot = 0;
            for (int i = 0; i < y.length; i++) dot += g[i] * y[i];
            double[] got = softmax.vjp(x, g);
            for (int i = 0; i < y.length; i++) assertEquals(y[i] * (g[i] - dot), got[i], 1e-14, Arrays.toString(x));
        }
    }

    @Test
    void maxoutSendsTheGradientToTheFirstMaximum() {
        assertArrayEquals(new double[] {0, 5, 0, 0}, Ramp.compileRows("maxout").vjp(new double[] {1, 3, 3, 2}, new double[] {5}));
    }

    @Test
    void badInputIsAnException() {
        RowActivation glu = Ramp.compileRows("glu");
        assertThrows(IllegalArgumentException.class, () -> glu.apply(1, 2, 3));
        assertThrows(IllegalArgumentException.class, () -> Ramp.compileRows("softmax").forwardRows(new double[5], 2, 3, new double[6]));
        RampException e = assertThrows(RampException.class, () -> Ramp.compileRows("mish"));
        assertTrue(e.getMessage().contains("not of a row"), e.getMessage());
    }
}
