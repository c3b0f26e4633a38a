package dev.ramp.compiler.emit;

import static org.junit.jupiter.api.Assertions.*;

import dev.ramp.compiler.ir.Expr;
import dev.ramp.runtime.Activation;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random expressions, compiled and verified, give bit for bit what the reference evaluator gives,
 * through every entry point: scalar methods, every kernel, double and float. Bit equality holds
 * because the same {@code Math} methods run on the same operands in the same order; the only
 * rewrites that change rounding (constant powers, see {@link PowLowering}) are mirrored by the
 * reference, and {@link PowLoweringTest} bounds how far they are from {@code Math.pow}.
 */
class CompiledMatchesReferenceTest {

    @Provide
    Arbitrary<Emitter.Spec> specs() {
        return RandomExprs.specs(4);
    }

    @Property(tries = 300)
    void everyEntryPointMatchesTheReference(@ForAll("specs") Emitter.Spec spec) {
        check(spec, EmitTesting.compile(spec));
    }

    /** Tiny outlining limits force helper methods into nearly every expression. */
    @Property(tries = 150)
    void outlinedCodeMatchesTheReference(@ForAll("specs") Emitter.Spec spec) {
        check(spec, EmitTesting.compile(spec, new Emitter.Tuning(24, 48)));
    }

    static void check(Emitter.Spec spec, Activation a) {
        Map<String, Double> params = new HashMap<>();
        for (int i = 0; i < spec.parameterNames().size(); i++) params.put(spec.parameterNames().get(i), spec.parameterValues().get(i));
        List<Double> inputs = RefEval.inputs(spec.hashCode(), 30);
        int n = inputs.size();
        double[] xs = new double[n], g = new double[n];
        float[] xf = new float[n], gf = new float[n];
        java.util.Random r = new java.util.Random(n);
        for (int i = 0; i < n; i++) {
            xs[i] = inputs.get(i);
            g[i] = i % 5 == 0 ? 1.0 : r.nextGaussian();
            xf[i] = (float) xs[i];
            gf[i] = (float) g[i];
        }
        Expr f = spec.value();
        List<Expr> d = spec.derivatives();
        double[] f0 = new double[n], f1 = new double[n], f0f = new double[n], f1f = new double[n];
        for (int i = 0; i < n; i++) {
            double x = xs[i];
            f0[i] = RefEval.eval(f, "x", x, params);
            f1[i] = RefEval.eval(d.get(0), "x", x, params);
            f0f[i] = RefEval.eval(f, "x", xf[i], params);
            f1f[i] = RefEval.eval(d.get(0), "x", xf[i], params);
            assertEquals(f0[i], a.applyAsDouble(x), () -> "f(" + x + ")");
            assertEquals(f1[i], a.derivative(x), () -> "f'(" + x + ")");
            assertEquals(f0[i], a.derivative(0, x), () -> "derivative(0, " + x + ")");
            assertEquals(f1[i], a.derivative(1, x), () -> "derivative(1, " + x + ")");
            for (int k = 2; k <= d.size(); k++) {
                int order = k;
                assertEquals(RefEval.eval(d.get(k - 1), "x", x, params), a.derivative(k, x), () -> "derivative(" + order + ", " + x + ")");
            }
        }
        assertThrows(IllegalArgumentException.class, () -> a.derivative(d.size() + 1, 0.0));
        assertThrows(IllegalArgumentException.class, () -> a.derivative(-1, 0.0));

        double[] ys = new double[n], gi = new double[n], ys2 = new double[n], gi2 = new double[n];
        a.forward(xs, ys);
        a.backward(xs, g, gi);
        a.forwardBackward(xs, ys2, g, gi2);
        float[] yf = new float[n], gif = new float[n], yf2 = new float[n], gif2 = new float[n];
        a.forward(xf, yf);
        a.backward(xf, gf, gif);
        a.forwardBackward(xf, yf2, gf, gif2);
        for (int i = 0; i < n; i++) {
            int at = i;
            assertEquals(f0[i], ys[i], () -> "forward at " + xs[at]);
            assertEquals(f0[i], ys2[i], () -> "forwardBackward y at " + xs[at]);
            assertEquals(g[i] * f1[i], gi[i], () -> "backward at " + xs[at]);
            assertEquals(g[i] * f1[i], gi2[i], () -> "forwardBackward grad at " + xs[at]);
            assertEquals((float) f0f[i], yf[i], () -> "float forward at " + xf[at]);
            assertEquals((float) f0f[i], yf2[i], () -> "float forwardBackward y at " + xf[at]);
            assertEquals((float) ((double) gf[i] * f1f[i]), gif[i], () -> "float backward at " + xf[at]);
            assertEquals((float) ((double) gf[i] * f1f[i]), gif2[i], () -> "float forwardBackward grad at " + xf[at]);
        }

        double[] pg = a.parameterGradient(xs, g), pgf = a.parameterGradient(xf, gf);
        assertEquals(spec.parameterNames().size(), pg.length);
        for (int j = 0; j < pg.length; j++) {
            double sum = 0, sumf = 0;
            for (int i = 0; i < n; i++) {
                sum += g[i] * RefEval.eval(spec.parameterDerivatives().get(j), "x", xs[i], params);
                sumf += (double) gf[i] * RefEval.eval(spec.parameterDerivatives().get(j), "x", xf[i], params);
            }
            assertEquals(sum, pg[j], "parameter gradient " + j);
            assertEquals(sumf, pgf[j], "float parameter gradient " + j);
        }
    }
}
