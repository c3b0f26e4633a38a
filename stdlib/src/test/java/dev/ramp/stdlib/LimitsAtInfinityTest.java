package dev.ramp.stdlib;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ramp.Ramp;
import dev.ramp.compiler.Compiler;
import dev.ramp.compiler.emit.Emitter;
import dev.ramp.compiler.ir.Expr;
import dev.ramp.compiler.ir.Function;
import dev.ramp.compiler.ir.Parameter;
import dev.ramp.runtime.Activation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every stdlib function's compiled f, f' and f'' at +-Infinity equal their limits, and NaN stays
 * NaN, in every backend: the scalar entry points and the scalar and vector array kernels, double
 * and float, with the cost model's choice of forms applied (its guarded forms, such as mish's
 * rational one, are where an infinity meets a zero). The limit comes from the tree-walking
 * evaluator of the stabilised expression (no chosen forms, no code generation) at two huge finite
 * inputs: where both give the same finite value, that is the limit in double; where they differ
 * or are not finite, the function has no finite limit there and only NaN propagation is checked.
 */
class LimitsAtInfinityTest {
    private static final double[] FAR = {1e150, 1e300};
    private static final Emitter.Options SCALAR = new Emitter.Options(Emitter.Options.Backend.SCALAR, Emitter.Options.Accuracy.ACCURATE);
    private static final Emitter.Options VECTOR = new Emitter.Options(Emitter.Options.Backend.VECTOR, Emitter.Options.Accuracy.ACCURATE);
    /** Long enough for whole vectors of every width, with a scalar tail; each special value in both. */
    private static final int N = 67;

    @TestFactory
    Stream<DynamicTest> compiledLimitsAtInfinityMatchTheEvaluator() {
        return Stdlib.library().functions().stream().map(f -> DynamicTest.dynamicTest(f.name(), () -> {
            List<String> misses = new ArrayList<>();
            check(f, misses);
            assertTrue(misses.isEmpty(), () -> String.join("\n", misses));
        }));
    }

    private static void check(Function f, List<String> misses) throws Exception {
        Map<String, Double> values = Compiler.parameterValues(f, Map.of());
        List<Activation> compiled = new ArrayList<>(List.of(Ramp.compile(f.name())));
        Emitter.Spec spec = Emitter.chooseForms(spec(f, values));
        compiled.add(Emitter.define(spec, SCALAR));
        compiled.add(Emitter.define(spec, VECTOR));
        for (int order = 0; order <= 2; order++) {
            DoubleUnaryOperator evaluator = Compiler.evaluator(f, values, null, order);
            for (double side : new double[] {1, -1}) {
                Double limit = limit(evaluator, side);
                if (limit == null) continue;
                double x = side * Double.POSITIVE_INFINITY;
                String where = f.name() + " order " + order + " at " + x;
                for (Activation a : compiled) {
                    expect(misses, limit, a.derivative(order, x), where + " (scalar entry point)");
                    if (order < 2) checkKernels(misses, a, order, x, limit, where);
                }
            }
            // NaN in, NaN out wherever the evaluator propagates it (a step function may decide NaN is not above 0)
            double atNaN = evaluator.applyAsDouble(Double.NaN);
            for (Activation a : compiled) {
                expect(misses, atNaN, a.derivative(order, Double.NaN), f.name() + " order " + order + " at NaN (scalar entry point)");
                if (order < 2) checkKernels(misses, a, order, Double.NaN, atNaN, f.name() + " order " + order + " at NaN");
            }
        }
    }

    /** The evaluator's common value at the two far points on {@code side}, or null when there is no finite limit. */
    private static Double limit(DoubleUnaryOperator evaluator, double side) {
        double a = evaluator.applyAsDouble(side * FAR[0]), b = evaluator.applyAsDouble(side * FAR[1]);
        return Double.isFinite(a) && a == b ? b : null;
    }

    /** The array kernels (forward for order 0; backward and fused with a unit gradient for order 1) at {@code x} in every element. */
    private static void checkKernels(List<String> misses, Activation a, int order, double x, double expected, String where) {
        double[] xs = new double[N], ones = new double[N], ys = new double[N], gs = new double[N];
        float[] xf = new float[N], onesF = new float[N], yf = new float[N], gf = new float[N];
        Arrays.fill(xs, x);
        Arrays.fill(ones, 1);
        Arrays.fill(xf, (float) x);
        Arrays.fill(onesF, 1);
        if (order == 0) {
            a.forward(xs, ys);
            a.forward(xf, yf);
        } else {
            a.backward(xs, ones, gs);
            a.backward(xf, onesF, gf);
            for (int i = 0; i < N; i++) {
                expect(misses, expected, gs[i], where + " (double backward)");
                expect(misses, (float) expected, gf[i], where + " (float backward)");
            }
            a.forwardBackward(xs, ys, ones, gs);
            a.forwardBackward(xf, yf, onesF, gf);
            ys = gs;
            yf = gf;
        }
        for (int i = 0; i < N; i++) {
            expect(misses, expected, ys[i], where + (order == 0 ? " (double forward)" : " (double fused)"));
            expect(misses, (float) expected, yf[i], where + (order == 0 ? " (float forward)" : " (float fused)"));
        }
    }

    /** Equal values, zeros of either sign equal (limits are approached from one side; the sign of a zero limit is not asserted). */
    private static void expect(List<String> misses, double expected, double actual, String where) {
        boolean ok = Double.isNaN(expected) ? Double.isNaN(actual) : expected == actual;
        String miss = where + ": expected " + expected + ", got " + actual;
        if (!ok && !misses.contains(miss)) misses.add(miss);
    }

    /** What {@link Ramp#compile} compiles, before the choice of forms: each expression from {@link Compiler#compiledForm}. */
    private static Emitter.Spec spec(Function f, Map<String, Double> values) throws Exception {
        List<Expr> derivatives = new ArrayList<>();
        for (int order = 1; order <= Compiler.COMPILED_ORDERS; order++) {
            derivatives.add(Compiler.compiledForm(f, values, null, order, Compiler.Options.DEFAULT));
        }
        List<Expr> parameterDerivatives = new ArrayList<>();
        for (Parameter p : f.parameters()) parameterDerivatives.add(Compiler.compiledForm(f, values, p.name(), 1, Compiler.Options.DEFAULT));
        return new Emitter.Spec(f.name(), f.variable(), f.parameters().stream().map(Parameter::name).toList(),
                f.parameters().stream().map(p -> values.get(p.name())).toList(),
                Compiler.compiledForm(f, values, null, 0, Compiler.Options.DEFAULT), derivatives, parameterDerivatives);
    }
}
