package dev.ramp.compiler.emit;

import static org.junit.jupiter.api.Assertions.*;

import dev.ramp.compiler.emit.VectorTesting.Tolerance;
import dev.ramp.runtime.Activation;
import dev.ramp.runtime.RampMath;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The lane rewrites ({@link LaneForms}): where the original form is well conditioned (|x| up to
 * 6), the rewritten vector kernels agree with the scalar ones to a few ulps; in the tails, where
 * the original forms cancel to nothing, the rewritten ones keep full relative accuracy, checked
 * against closed forms computed without cancellation.
 */
class LaneRewritesTest {

    @ParameterizedTest
    @CsvSource({"sigmoid", "tanh", "silu", "mish", "gelu_tanh", "softplus", "log_sigmoid"})
    void rewrittenKernelsAgreeWhereTheOriginalIsWellConditioned(String name) {
        Emitter.Spec spec = VectorKernelsTest.spec(name);
        Activation s = EmitTesting.compile(spec, EmitTesting.SCALAR);
        Activation v = EmitTesting.compile(spec, VectorTesting.VECTOR);
        int n = 4001;
        double[] xs = new double[n], g = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = -6 + 12.0 * i / (n - 1) + 1e-9 * i;
            g[i] = 1;
        }
        double[] ys = new double[n], gi = new double[n];
        v.forwardBackward(xs, ys, g, gi);
        // a few ulps, or a few ulps of 1 where the derivative passes through zero (mish', silu')
        Tolerance bound = new Tolerance(8, 8 * Math.ulp(1.0));
        for (int i = 0; i < n; i++) {
            double f = s.applyAsDouble(xs[i]), d = s.derivative(xs[i]);
            double uf = VectorTesting.ulps(f, ys[i]), ud = VectorTesting.ulps(d, gi[i]);
            int at = i;
            assertTrue(bound.accepts(f, ys[i], uf), () -> name + "(" + xs[at] + "): " + f + " vs " + ys[at]);
            assertTrue(bound.accepts(d, gi[i], ud), () -> name + "'(" + xs[at] + "): " + d + " vs " + gi[at]);
        }
    }

    /** f' of the vector kernel at x, and the value it must have to 1e-13 relative. */
    private static void tail(String name, double x, DoubleUnaryOperator exact) {
        Activation v = EmitTesting.compile(VectorKernelsTest.spec(name), VectorTesting.VECTOR);
        int lanes = VectorKernelsTest.doubleLanes();
        double[] xs = new double[lanes], ys = new double[lanes], g = new double[lanes], gi = new double[lanes];
        java.util.Arrays.fill(xs, x);
        java.util.Arrays.fill(g, 1.0);
        v.forwardBackward(xs, ys, g, gi);
        double want = exact.applyAsDouble(x);
        assertEquals(want, gi[0], Math.abs(want) * 1e-13, name + "'(" + x + ")");
    }

    @Test
    void derivativesKeepTheirRelativeAccuracyInTheTails() {
        // sigmoid' = e / (1 + e)^2, e = exp(-|x|): s (1 - s) is 0 from x = 37 on
        tail("sigmoid", 40, x -> Math.exp(-x) / ((1 + Math.exp(-x)) * (1 + Math.exp(-x))));
        tail("sigmoid", -40, x -> Math.exp(x) / ((1 + Math.exp(x)) * (1 + Math.exp(x))));
        // tanh' = sech^2 = 4 e / (1 + e)^2, e = exp(-2|x|): 1 - t^2 is 0 from |x| = 19 on
        tail("tanh", 20, x -> 4 * Math.exp(-2 * x) / ((1 + Math.exp(-2 * x)) * (1 + Math.exp(-2 * x))));
        tail("tanh", -30, x -> 4 * Math.exp(2 * x) / ((1 + Math.exp(2 * x)) * (1 + Math.exp(2 * x))));
        // silu' = s + x s sigmoid(-x): at x = 40, s (1 - s) loses everything
        tail("silu", 40, x -> RampMath.sigmoid(x) + x * RampMath.sigmoid(x) * RampMath.sigmoid(-x));
    }

    @Test
    void geluTanhKeepsItsLeftTail() {
        // gelu_tanh(x) = x sigmoid(2u): 1 + tanh(u) cancels to 0 below x = -5.
        Activation v = EmitTesting.compile(VectorKernelsTest.spec("gelu_tanh"), VectorTesting.VECTOR);
        int lanes = VectorKernelsTest.doubleLanes();
        double[] xs = new double[lanes], ys = new double[lanes];
        java.util.Arrays.fill(xs, -7.5);
        v.forward(xs, ys);
        double u = 0.7978845608028654 * (-7.5 + 0.044715 * -7.5 * -7.5 * -7.5);
        assertEquals(-7.5 * RampMath.sigmoid(2 * u), ys[0], 1e-13 * Math.abs(ys[0]));
    }

    @Test
    void mishNeedsOneExponential() {
        Plan plan = new Plan(VectorKernelsTest.spec("mish"), Emitter.Tuning.DEFAULT, VectorTesting.VECTOR);
        Dag dag = LaneForms.newDag();
        LaneForms.expand(java.util.List.of(plan.value, plan.gTimesDf), LaneType.DOUBLE, dag);
        java.util.List<String> calls = new java.util.ArrayList<>();
        for (int id = 0; id < dag.size(); id++) {
            if (dag.node(id) instanceof dev.ramp.compiler.ir.Expr.Call(var fn, var args) && fn != dev.ramp.compiler.ir.Fn.ABS) calls.add(fn.symbol());
        }
        assertEquals(java.util.List.of("exp"), calls, "fused mish and mish' in lanes: one exp, nothing else");
    }
}
