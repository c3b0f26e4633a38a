package dev.ramp.stdlib;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ramp.compiler.Compiler;
import dev.ramp.compiler.check.Checker;
import dev.ramp.compiler.check.FunctionReport;
import dev.ramp.compiler.check.KernelReport;
import dev.ramp.compiler.check.Samples;
import dev.ramp.compiler.ir.Expr;
import dev.ramp.compiler.ir.Function;
import dev.ramp.compiler.pass.IntendedConstants;
import dev.ramp.compiler.reference.HighPrecision;
import dev.ramp.compiler.reference.Reference;
import dev.ramp.compiler.reference.Ulp;
import dev.ramp.runtime.Activation;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The textbook formulas a user types, compiled by ramp, are as accurate as the stdlib's stable
 * forms of the same functions: over the fixed sample of {@code ramp check --quick}, each kernel
 * within budget and no worse than the stdlib's (where the stdlib has the function), and at the
 * points of symbolic.md's Table 3 (x up to +-800) within budget of the true value, where the same
 * formula compiled as written gives Infinity, NaN, 0 or 100% error somewhere.
 */
class NaiveFormsTest {
    private static final double[] TABLE_3 = {-800, -100, -40, -20, -5, -1e-8, 0, 1e-8, 5, 20, 40, 100, 800};
    private static final HighPrecision HP = new HighPrecision();

    @ParameterizedTest(name = "{0} (stdlib: {1})")
    @CsvSource(delimiter = '|', textBlock = """
            log(1 + exp(x))                                               | softplus_k  | 2
            x / (1 + exp(-x))                                             | silu        | 2
            log(sigmoid(x))                                               | log_sigmoid | 2
            x * (1 + erf(x / sqrt(2))) / 2                                | gelu        | 2
            0.5 * x * (1 + tanh(sqrt(2 / pi) * (x + 0.044715 * x^3)))     | gelu_tanh   | 2
            x * tanh(log(1 + exp(x)))                                     | mish        | 2
            log(cosh(x))                                                  | -           | 2
            (exp(x) - 1) / x                                              | -           | 2
            """)
    void asAccurateAsTheStableForm(String text, String stdlibName, int orders) {
        Function naive = Compiler.function(text, Stdlib.library());
        Checker.Settings sample = Checker.Settings.DEFAULT.withDensity(Samples.Density.TEST).withOrder(orders);
        FunctionReport r = Checker.check(naive, Map.of(), sample);
        assertTrue(r.ok(), () -> text + " over budget:\n" + String.join("\n", r.kernels().stream().filter(k -> !k.ok())
                .map(StdlibCheckTest::describe).toList()));
        if (!stdlibName.equals("-")) {
            FunctionReport stable = Checker.check(Stdlib.library().lookup(stdlibName), Map.of(), sample);
            for (KernelReport k : r.kernels()) {
                KernelReport s = stable.kernel(k.order(), k.format());
                assertTrue(k.maxUlps() <= Math.max(k.budget(), s.maxUlps()),
                        () -> text + " " + k.format() + " " + k.orderName() + ": " + k.maxUlps() + " ulp, the stdlib's " + s.maxUlps());
            }
        }
        Activation stable = Compiler.compile(naive, Map.of());
        Activation asWritten = Compiler.compile(naive, Map.of(), Compiler.Options.EXACT_FORMULA);
        boolean asWrittenFails = false;
        for (int order = 0; order <= orders; order++) {
            Expr e = IntendedConstants.asMeant(order == 0 ? naive.body() : Compiler.derivative(naive, null, order));
            for (double x : TABLE_3) {
                Reference ref = HP.evaluate(e, "x", x);
                if (!ref.converged() || ref.value() instanceof dev.ramp.compiler.reference.Real.Undefined) continue;
                double budget = order == 2 ? 16 : 4;
                double got = stable.derivative(order, x);
                int o = order;
                assertTrue(Ulp.error(got, ref).ulpsOrInfinity() <= budget,
                        () -> text + " order " + o + " at " + x + ": " + got + ", true value " + ref.toDouble());
                asWrittenFails |= Ulp.error(asWritten.derivative(order, x), ref).ulpsOrInfinity() > budget;
            }
        }
        assertTrue(asWrittenFails, text + " is accurate at these points even as written: not a useful example");
    }
}
