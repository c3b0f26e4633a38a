package dev.ramp.compiler.emit;

import static org.junit.jupiter.api.Assertions.*;

import dev.ramp.runtime.Activation;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The forms {@link FormChooser} picks keep their limits at +-Infinity and for huge finite inputs,
 * and propagate NaN, in the scalar entry points and the scalar and vector array kernels (double
 * and float): the rational mish form clamps its exponential, and a product with the clamped
 * factor must not turn x = +inf into mish'(+inf) = +inf. The limit is the reference evaluator's
 * value of the form before the choice at x = +-1e300 (mish' is 1 there and 0 on the left).
 */
class ChosenFormsAtInfinityTest {
    private static final Emitter.Options SCALAR = EmitTesting.SCALAR;
    private static final double[] XS = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1e300, -1e300, 1e65, 41, 745, -745, -800,
            Double.NaN};

    @Test
    void rationalMishDerivativeHasItsLimits() {
        Emitter.Spec asWritten = Activations.mish();
        Emitter.Spec chosen = Emitter.chooseForms(asWritten);
        assertTrue(chosen.derivatives().getFirst().toString().contains("MIN"), () -> "the rational form was not chosen: " + chosen.derivatives());
        for (Activation a : List.of(Emitter.define(chosen, SCALAR), Emitter.define(chosen, VectorTesting.VECTOR))) {
            for (double x : XS) {
                double expected = RefEval.eval(asWritten.derivatives().getFirst(), "x", Double.isInfinite(x) ? Math.copySign(1e300, x) : x, Map.of());
                assertWithinAnUlp(expected, a.derivative(x), "mish'(" + x + ")");
                assertKernels(a, x, expected);
            }
        }
    }

    /** backward and fused with a unit gradient, x in every element (whole vectors and the tail), double and float. */
    private static void assertKernels(Activation a, double x, double expected) {
        int n = 67;
        double[] xs = new double[n], ones = new double[n], ys = new double[n], gs = new double[n];
        float[] xf = new float[n], onesF = new float[n], yf = new float[n], gf = new float[n];
        Arrays.fill(xs, x);
        Arrays.fill(ones, 1);
        Arrays.fill(xf, (float) x);
        Arrays.fill(onesF, 1);
        float expectedF = (float) RefEval.eval(Activations.mish().derivatives().getFirst(), "x",
                Float.isInfinite((float) x) ? Math.copySign(1e300, x) : (float) x, Map.of());
        a.backward(xs, ones, gs);
        for (double g : gs) assertWithinAnUlp(expected, g, "double backward at " + x);
        a.forwardBackward(xs, ys, ones, gs);
        for (double g : gs) assertWithinAnUlp(expected, g, "double fused at " + x);
        a.backward(xf, onesF, gf);
        for (float g : gf) assertWithinAnUlp(expectedF, g, "float backward at " + x);
        a.forwardBackward(xf, yf, onesF, gf);
        for (float g : gf) assertWithinAnUlp(expectedF, g, "float fused at " + x);
    }

    /** Within an ulp (the chosen form rounds differently from the form as written), NaN where NaN is expected. */
    private static void assertWithinAnUlp(double expected, double actual, String what) {
        if (Double.isNaN(expected)) assertTrue(Double.isNaN(actual), what + ": expected NaN, got " + actual);
        else assertEquals(expected, actual, Math.ulp(expected), what);
    }
}
