package dev.ramp.compiler.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ramp.compiler.Compiler;
import dev.ramp.compiler.Library;
import dev.ramp.compiler.diag.Source;
import dev.ramp.compiler.ir.Function;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code ramp check}'s measurement: budgets, spurious NaN and infinities, kinks, zero crossings, floats. */
class CheckerTest {
    private static final Checker.Settings QUICK = Checker.Settings.DEFAULT.withDensity(Samples.Density.TEST);

    private static Function function(String text) {
        return Compiler.parseExpression(new Source("<test>", text), Library.EMPTY);
    }

    @Test
    void theStabilisedSoftplusIsWithinBudgetAndTheFormulaAsWrittenIsNot() {
        FunctionReport stable = Checker.check(function("log(1 + exp(x))"), Map.of(), QUICK);
        assertTrue(stable.ok(), () -> stable.toString());
        assertEquals(5, stable.kernels().size(), "f, f', f'' in double and f, f' in float");
        FunctionReport exact = Checker.check(function("log(1 + exp(x))"), Map.of(), QUICK.withOptions(Compiler.Options.EXACT_FORMULA));
        assertFalse(exact.ok());
        KernelReport f = exact.kernel(0, "double");
        assertTrue(f.nonFiniteCount() > 0, "Infinity where log(1 + exp(x)) is about x");
        assertTrue(f.nonFinite().stream().allMatch(x -> x > 709), () -> "overflow only above 709: " + f.nonFinite());
        assertTrue(f.maxUlps() > 1e10, "0 instead of e^x for x < -37");
    }

    @Test
    void budgetsFollowTheOrder() {
        assertEquals(4, Budget.DEFAULT.forOrder(0));
        assertEquals(4, Budget.DEFAULT.forOrder(1));
        assertEquals(16, Budget.DEFAULT.forOrder(2));
        assertEquals(16, Budget.DEFAULT.forOrder(3));
        KernelReport over = new KernelReport(1, "double", 4, 10, 4.5, 1, 1, List.of(), 0, List.of(), 0, 0);
        KernelReport nan = new KernelReport(1, "double", 4, 10, 0.5, 1, 0.1, List.of(800.0), 1, List.of(), 0, 0);
        assertFalse(over.ok());
        assertFalse(nan.ok());
        assertEquals("f''", new KernelReport(2, "double", 16, 0, 0, Double.NaN, 0, List.of(), 0, List.of(), 0, 0).orderName());
    }

    @Test
    void kinksAndTheirNeighboursAreSampled() {
        Function f = function("f(x) = where(x > 20, x, softplus(x)) + max(0, x - 0.5) + where(abs(x) > 3, 1, 0)");
        double[] xs = Samples.points(List.of(f.body()), "x", Samples.Density.TEST);
        for (double k : new double[] {20, 0.5, 3, -3}) {
            double first = k > 0 ? Math.nextUp(k) : k;   // the first double where the decision flips
            assertTrue(Arrays.binarySearch(xs, first) >= 0 || Arrays.binarySearch(xs, k) >= 0, () -> "kink " + k + " not sampled");
        }
        assertTrue(Arrays.binarySearch(xs, Math.nextUp(20.0)) >= 0);
        assertTrue(Arrays.binarySearch(xs, 20.0) >= 0);
        for (int i = 1; i < xs.length; i++) assertTrue(xs[i - 1] < xs[i], "sorted, no repeats");
    }

    @Test
    void zeroCrossingsAreMeasuredAgainstTheTerms() {
        // silu' = s(x) (1 + x s(-x)) crosses 0 at x = -1.278: its terms cancel there.
        FunctionReport r = Checker.check(function("x * sigmoid(x)"), Map.of(), QUICK.withOrder(1));
        KernelReport d = r.kernel(1, "double");
        assertTrue(d.zeroCrossing() > 0, "points near -1.278 are measured against the scale of the terms");
        assertTrue(d.ok(), () -> d.toString());
        // tanh(x) - x crosses 0 at 0, where inputs are exact: no zone, relative error counts.
        KernelReport t = Checker.check(function("x - tanh(x)"), Map.of(), QUICK.withOrder(0)).kernel(0, "double");
        assertEquals(0, t.zeroCrossing());
        assertTrue(t.ok(), () -> t.toString());
    }

    /**
     * The yardstick is the terms of the top-level sum, so cancellation inside a term still
     * counts: gelu_tanh' as PyTorch writes it, 0.5 (1 + tanh(u)) + 0.5 x sech^2(u) u', crosses 0
     * at x = -0.75, but its 1 + tanh(u) is 0 instead of 2e-37 at x = -10.
     */
    @Test
    void cancellationInsideATermIsNotExcused() {
        Function f = function("0.5 * x * (1 + tanh(0.7978845608028654 * (x + 0.044715 * x^3)))");
        KernelReport asWritten = Checker.check(f, Map.of(), QUICK.withOrder(1).withOptions(Compiler.Options.EXACT_FORMULA)).kernel(1, "double");
        assertTrue(asWritten.zeroCrossing() > 0, asWritten::toString);
        assertFalse(asWritten.ok(), asWritten::toString);
        KernelReport stable = Checker.check(f, Map.of(), QUICK.withOrder(1)).kernel(1, "double");
        assertTrue(stable.ok(), stable::toString);
    }

    @Test
    void floatKernelsAreMeasuredInFloatUlps() {
        FunctionReport r = Checker.check(function("x * tanh(softplus(x))"), Map.of(), QUICK);
        KernelReport f = r.kernel(0, "float");
        assertTrue(f.points() > 200);
        assertTrue(f.maxUlps() <= 0.5 + 1e-6, "a float kernel rounds an accurate double once: " + f.maxUlps());
    }

    @Test
    void derivativesAreNotJudgedOutsideTheFunctionsDomain() {
        FunctionReport r = Checker.check(function("log(x)"), Map.of(), QUICK.withOrder(1));
        KernelReport d = r.kernel(1, "double");
        assertTrue(d.skipped() > 100, "x <= 0 is outside log's domain");
        assertTrue(r.ok(), () -> r.toString());
    }
}
