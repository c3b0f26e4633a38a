package dev.ramp.compiler.emit;

import static org.junit.jupiter.api.Assertions.*;

import dev.ramp.compiler.Compiler;
import dev.ramp.compiler.Library;
import dev.ramp.compiler.ir.Expr;
import dev.ramp.compiler.ir.Function;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
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

    /**
     * squareplus as a user types it, stabilised, in float lanes far out, where x^2 overflows
     * float (from 1.8e19) but not double: its root must switch to |x| before then
     * ({@code sqrt-square-overflow}), or the forward kernel is Infinity for large x and 0 instead
     * of 2/|x| for large -x.
     */
    @Test
    void fastSquareplusDoesNotOverflowWhereFloatSquaresDo() {
        Function f = Compiler.function("(x + sqrt(x^2 + 4)) / 2", Library.EMPTY);
        List<Expr> derivatives = List.of(Compiler.compiledForm(f, Map.of(), null, 1, Compiler.Options.DEFAULT),
                Compiler.compiledForm(f, Map.of(), null, 2, Compiler.Options.DEFAULT));
        Function stable = new Function(f.name(), f.variable(), f.parameters(), Compiler.compiledForm(f, Map.of(), null, 0, Compiler.Options.DEFAULT),
                List.of(), f.sourceText());
        Plan plan = new Plan(Emitter.Spec.of(stable, new double[0], derivatives, List.of()), Emitter.Tuning.DEFAULT, VectorTesting.FAST);
        double[] xs = {1e10, -1e10, 1e19, -1e19, 1e20, -1e20, 1e30, -1e30, 3e38, -3e38};
        double[] gs = new double[xs.length];
        java.util.Arrays.fill(gs, 1);
        for (List<Expr> roots : List.of(List.of(plan.value), List.of(plan.gTimesDf))) {
            List<Expr> inDouble = LaneForms.expand(roots, LaneType.WIDENED_FLOAT, LaneForms.newDag());
            List<Expr> inFloat = LaneForms.expand(roots, LaneType.FLOAT, LaneForms.newDag());
            double worst = FloatLaneCheck.worstUlps(inDouble, inFloat, xs, gs);
            assertTrue(worst <= 2, "squareplus in float lanes, far out: " + worst + " float ulps");
        }
    }
}
