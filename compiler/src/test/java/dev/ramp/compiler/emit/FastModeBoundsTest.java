package dev.ramp.compiler.emit;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The measured error of fast float kernels (float lanes everywhere) for the headline functions:
 * against the same program in double lanes rounded once, over 20,001 points of [-10, 10]
 * (gradient 1), in two measures: ulps of the result (which explodes where a derivative passes
 * through zero or a tail is computed from a rounded exponent, as in every float kernel,
 * handwritten ones included), and ulps of max(|y|, 1), which is what a training step sees. The
 * second is asserted, at the measured maxima rounded up; BENCHMARKS.md quotes both.
 */
class FastModeBoundsTest {

    static double worst(String name, String kernel, LaneType lanesIfAccurate) {
        return worst(name, kernel, lanesIfAccurate, Float.MIN_NORMAL);
    }

    static double worst(String name, String kernel, LaneType lanesIfAccurate, float floor) {
        Plan plan = new Plan(VectorKernelsTest.spec(name), Emitter.Tuning.DEFAULT, VectorTesting.FAST);
        List<dev.ramp.compiler.ir.Expr> roots = kernel.equals("forward") ? List.of(plan.value) : List.of(plan.gTimesDf);
        List<dev.ramp.compiler.ir.Expr> inDouble = LaneForms.expand(roots, LaneType.WIDENED_FLOAT, LaneForms.newDag());
        List<dev.ramp.compiler.ir.Expr> inFloat = LaneForms.expand(roots, lanesIfAccurate, LaneForms.newDag());
        int n = 20_001;
        double[] xs = new double[n], gs = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = (float) (-10 + 20.0 * i / (n - 1));
            gs[i] = 1;
        }
        return lanesIfAccurate == LaneType.FLOAT ? FloatLaneCheck.worstUlps(inDouble, inFloat, xs, gs, floor) : 0;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "relu,         1, 1",
            "leaky_relu,   1, 1",
            "elu,          1, 1",
            "sigmoid,      2, 4",
            "tanh,         1, 4",
            "silu,         3, 4",
            "softplus_raw, 2, 2",
            "gelu,         4, 4",
            "gelu_tanh,    4, 4",
            "mish,         3, 4",
    })
    void fastFloatKernelsStayWithinTheirMeasuredBounds(String name, double forwardBound, double backwardBound) {
        double f = worst(name, "forward", LaneType.FLOAT), b = worst(name, "backward", LaneType.FLOAT);
        double f1 = worst(name, "forward", LaneType.FLOAT, 1f), b1 = worst(name, "backward", LaneType.FLOAT, 1f);
        System.out.printf("%-12s fast, on [-10, 10]: forward %.0f ulps (%.0f of max(|y|, 1)), backward %.0f ulps (%.0f of max(|y|, 1))%n",
                name, f, f1, b, b1);
        assertTrue(f1 <= forwardBound, name + " forward: " + f1);
        assertTrue(b1 <= backwardBound, name + " backward: " + b1);
    }
}
