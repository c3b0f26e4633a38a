package dev.ramp.compiler.emit;

import static org.junit.jupiter.api.Assertions.*;

import dev.ramp.compiler.Compiler;
import dev.ramp.compiler.Library;
import dev.ramp.compiler.diag.Source;
import dev.ramp.compiler.ir.Expr;
import dev.ramp.compiler.ir.Function;
import dev.ramp.compiler.ir.Parameter;
import dev.ramp.compiler.pass.Eval;
import dev.ramp.runtime.Activation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Real activations end to end: parsed and resolved by the front end, differentiated and
 * simplified by the symbolic passes (orders 1 and 2, and by each parameter), compiled here.
 * Every entry point matches the emitter-exact reference bit for bit, and the project's
 * evaluator ({@link Eval}, which uses Math.pow for every power) exactly when the expressions
 * have no power that {@link PowLowering} rewrites, else to within a few ulps: a lowered power
 * differs from Math.pow by about an ulp, and the operations after it carry that along (softsign''
 * divides by (1 + |x|)^3 and lands 3 ulps away). The evaluator runs the same expressions, so it
 * is asked for the formula as written ({@code Compiler.Options.EXACT_FORMULA}), not stabilised.
 */
class WithSymbolicPassesTest {
    static final String DEFINITIONS = """
            elu(x; alpha = 1.0) = where(x > 0, x, alpha * expm1(x))
            celu(x; alpha = 1.5) = where(x > 0, x, alpha * expm1(x / alpha))
            selu(x) = let alpha = 1.6732632423543772848170429916717,
                          scale = 1.0507009873554804934193349852946
                      in scale * where(x > 0, x, alpha * expm1(x))
            gelu(x) = 0.5 * x * erfc(-0.7071067811865476 * x)
            gelu_tanh(x) = let c = sqrt(2 / pi) in 0.5 * x * (1 + tanh(c * (x + 0.044715 * x^3)))
            hardswish(x) = x * min(max(x + 3, 0), 6) / 6
            softshrink(x; lambd = 0.5) = where(x > lambd, x - lambd, where(x < -lambd, x + lambd, 0))
            leaky_relu(x; negative_slope = 0.01) = where(x > 0, x, negative_slope * x)
            heaviside(x; value_at_zero = 0.5) = where(x > 0, 1, where(x < 0, 0, value_at_zero))
            softplus(x; beta = 2, threshold = 20) = where(beta * x > threshold, x, softplus(beta * x) / beta)
            mish(x) = x * tanh(softplus(x))
            swish_beta(x; beta = 1.5) = x * sigmoid(beta * x)
            softsign(x) = x / (1 + abs(x))
            squareplus(x; b = 4) = let s = sqrt(x^2 + b) in where(x >= 0, (x + s) / 2, b / (2 * (s - x)))
            log1mexp(x) = where(x < 0.6931471805599453, log(-expm1(-x)), log1p(-exp(-x)))
            sparse_plus(x) = where(x <= -1, 0, where(x >= 1, x, 0.25 * (x + 1)^2))
            relu6(x) = min(max(0, x), 6)
            """;

    static final Library LIBRARY = Compiler.define(new Source("emit-test.ramp", DEFINITIONS), Library.EMPTY);

    static Stream<String> names() {
        return LIBRARY.names().stream();
    }

    static Emitter.Spec spec(Function f) {
        Map<String, Double> values = Compiler.parameterValues(f, Map.of());
        double[] v = f.parameters().stream().mapToDouble(p -> values.get(p.name())).toArray();
        List<Expr> dp = new ArrayList<>();
        for (Parameter p : f.parameters()) dp.add(Compiler.derivative(f, p.name(), 1));
        return Emitter.Spec.of(f, v, List.of(Compiler.derivative(f, null, 1), Compiler.derivative(f, null, 2)), dp);
    }

    @ParameterizedTest
    @MethodSource("names")
    void compiledMatchesTheReferenceAndTheEvaluator(String name) {
        Function f = LIBRARY.lookup(name);
        Emitter.Spec spec = spec(f);
        Activation a = EmitTesting.compile(spec);
        CompiledMatchesReferenceTest.check(spec, a);

        Map<String, Double> values = Compiler.parameterValues(f, Map.of());
        for (int order = 0; order <= 2; order++) {
            DoubleUnaryOperator eval = Compiler.evaluator(f, values, null, order, Compiler.Options.EXACT_FORMULA);
            for (double x : RefEval.inputs(name.hashCode(), 200)) {
                double expected = eval.applyAsDouble(x), actual = a.derivative(order, x);
                if (Double.compare(expected, actual) == 0) continue;
                double ulps = Math.abs(expected - actual) / Math.ulp(expected);
                int o = order;
                assertTrue(ulps <= 8, () -> name + " order " + o + " at " + x + ": " + expected + " vs " + actual);
            }
        }
    }

    /** Where no power is rewritten, the compiled code and the evaluator agree exactly. */
    @ParameterizedTest
    @MethodSource("names")
    void exactWithoutLoweredPowers(String name) {
        Function f = LIBRARY.lookup(name);
        Emitter.Spec spec = spec(f);
        if (mentionsPower(spec)) return;
        Activation a = EmitTesting.compile(spec);
        Map<String, Double> values = Compiler.parameterValues(f, Map.of());
        for (int order = 0; order <= 2; order++) {
            DoubleUnaryOperator eval = Compiler.evaluator(f, values, null, order, Compiler.Options.EXACT_FORMULA);
            for (double x : RefEval.inputs(name.hashCode(), 200)) {
                assertEquals(eval.applyAsDouble(x), a.derivative(order, x), name + " order " + order + " at " + x);
            }
        }
    }

    private static boolean mentionsPower(Emitter.Spec spec) {
        List<Expr> all = new ArrayList<>(spec.derivatives());
        all.add(spec.value());
        return all.stream().anyMatch(e -> e.toString().contains("Pow["));
    }
}
