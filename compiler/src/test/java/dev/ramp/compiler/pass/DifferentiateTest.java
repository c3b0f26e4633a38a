package dev.ramp.compiler.pass;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ramp.compiler.gen.HyperDual;
import dev.ramp.compiler.gen.Ir;
import dev.ramp.compiler.ir.Expr;
import dev.ramp.compiler.ir.Fn;
import dev.ramp.compiler.print.Printer;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * One test per primitive (SymPy's {@code test_<fn>_fdiff}): the symbolic first and second
 * derivatives, evaluated at points away from kinks, agree with two independent oracles, forward
 * mode over the original expression ({@link HyperDual}) and a Richardson-extrapolated central
 * difference of {@link Eval}. Each primitive is tested bare and inside a chain rule. Then the
 * documented values at kinks, exactly, and the derivatives of named activations, as printed.
 */
class DifferentiateTest {
    private static final Set<Fn> TESTED = EnumSet.noneOf(Fn.class);

    // ------------------------------------------------------------------ one test per primitive

    @Test void exp_fdiff() { fdiff(Fn.EXP, "exp(x)", "exp(0.5 * x - 1)", -3, -0.5, 0, 1.25, 4); }
    @Test void log_fdiff() { fdiff(Fn.LOG, "log(x)", "log(1 + x^2)", 0.1, 0.5, 1, 3, 20); }
    @Test void log1p_fdiff() { fdiff(Fn.LOG1P, "log1p(x)", "log1p(exp(x))", -0.9, -0.2, 0, 1e-3, 5); }
    @Test void expm1_fdiff() { fdiff(Fn.EXPM1, "expm1(x)", "expm1(x^2)", -3, -1e-3, 0, 0.7, 2); }
    @Test void sqrt_fdiff() { fdiff(Fn.SQRT, "sqrt(x)", "sqrt(1 + x^2)", 0.05, 0.5, 1, 2, 30); }
    @Test void abs_fdiff() { fdiff(Fn.ABS, "abs(x)", "abs(x^3 - x)", -2, -0.3, 0.4, 1.7); }
    @Test void sign_fdiff() { fdiff(Fn.SIGN, "sign(x)", "x * sign(x - 1)", -2, -0.3, 0.4, 1.7); }
    @Test void tanh_fdiff() { fdiff(Fn.TANH, "tanh(x)", "tanh(2 * x - 1)", -5, -1, 0, 0.3, 4); }
    @Test void sinh_fdiff() { fdiff(Fn.SINH, "sinh(x)", "sinh(x / 3)", -4, -0.5, 0, 1, 3); }
    @Test void cosh_fdiff() { fdiff(Fn.COSH, "cosh(x)", "cosh(x^2)", -2, -0.5, 0, 1, 1.5); }
    @Test void sin_fdiff() { fdiff(Fn.SIN, "sin(x)", "sin(3 * x)", -3, -0.5, 0, 1, 2.5); }
    @Test void cos_fdiff() { fdiff(Fn.COS, "cos(x)", "cos(x^2 + 1)", -3, -0.5, 0, 1, 2.5); }
    @Test void atan_fdiff() { fdiff(Fn.ATAN, "atan(x)", "atan(exp(x))", -6, -0.5, 0, 1, 6); }
    @Test void sigmoid_fdiff() { fdiff(Fn.SIGMOID, "sigmoid(x)", "sigmoid(1.702 * x)", -8, -1, 0, 0.5, 8); }
    @Test void softplus_fdiff() { fdiff(Fn.SOFTPLUS, "softplus(x)", "softplus(-x^2)", -8, -1, 0, 0.5, 8); }
    @Test void erf_fdiff() { fdiff(Fn.ERF, "erf(x)", "erf(x / sqrt(2))", -3, -0.5, 0, 0.7, 2.5); }
    @Test void erfc_fdiff() { fdiff(Fn.ERFC, "erfc(x)", "erfc(-0.7071067811865476 * x)", -3, -0.5, 0, 0.7, 2.5); }
    @Test void max_fdiff() { fdiff(Fn.MAX, "max(x, 1 - x)", "max(x^2, sin(x))", -2, -0.3, 0.2, 0.9, 2); }
    @Test void min_fdiff() { fdiff(Fn.MIN, "min(x, 1 - x)", "min(x^2, sin(x))", -2, -0.3, 0.2, 0.9, 2); }

    @AfterAll
    static void everyPrimitiveHasAnFdiffTest() {
        assertEquals(EnumSet.allOf(Fn.class), TESTED, "add an _fdiff test for each new primitive");
    }

    private static void fdiff(Fn fn, String bare, String composed, double... points) {
        TESTED.add(fn);
        for (String text : new String[] {bare, composed}) {
            Expr f = Ir.parse(text);
            Expr d1 = Differentiate.derivative(f, "x");
            Expr d2 = Differentiate.derivative(f, "x", 2);
            for (double x : points) {
                HyperDual dual = HyperDual.eval(f, Map.of("x", x), "x");
                double got1 = Eval.eval(d1, "x", x), got2 = Eval.eval(d2, "x", x);
                String where = text + " at " + x + ": f' = " + Printer.print(d1) + ", f'' = " + Printer.print(d2);
                // Forward mode rounds differently but has no truncation error: agreement to ~1e-12.
                assertClose(dual.d1(), got1, 1e-12, "f' vs dual numbers, " + where);
                assertClose(dual.d12(), got2, 1e-11, "f'' vs hyper-dual numbers, " + where);
                // A difference quotient is limited by truncation and cancellation: ~1e-8 is its accuracy.
                assertClose(centralDifference(v -> Eval.eval(f, "x", v), x), got1, 1e-8, "f' vs central difference, " + where);
                assertClose(centralDifference(v -> Eval.eval(d1, "x", v), x), got2, 1e-7, "f'' vs central difference of f', " + where);
            }
        }
    }

    /**
     * The derivative by central differences with two Richardson steps (error O(h^6)), from
     * h = 1e-3 · max(1, |x|): truncation ~1e-18, rounding ~1e-13 of |f|/h.
     */
    static double centralDifference(DoubleUnaryOperator f, double x) {
        double h = 1e-3 * Math.max(1, Math.abs(x));
        double[] d = new double[3];
        for (int i = 0; i < 3; i++, h /= 2) d[i] = (f.applyAsDouble(x + h) - f.applyAsDouble(x - h)) / (2 * h);
        double r1 = (4 * d[1] - d[0]) / 3, r2 = (4 * d[2] - d[1]) / 3;
        return (16 * r2 - r1) / 15;
    }

    private static void assertClose(double expected, double actual, double relative, String message) {
        double tolerance = relative * Math.max(1, Math.abs(expected));
        assertTrue(Math.abs(expected - actual) <= tolerance, () -> message + ": expected " + expected + " but was " + actual);
    }

    // ------------------------------------------------------------------ kinks: the documented conventions, exactly

    @Test
    void reluSlopeAtZeroIsZero() {
        assertSlope("max(0, x)", 0, 0);
        assertSlope("max(x, 0)", 0, 0);
        assertSlope("max(0, x)", 1e-300, 1);
        assertSlope("max(0, x)", -1e-300, 0);
    }

    @Test
    void absSlopeAtZeroIsZero() {
        assertSlope("abs(x)", 0, 0);
        assertSlope("abs(x)", -0.0, 0);
        assertSlope("abs(x)", -2, -1);
    }

    @Test
    void signSlopeIsZeroEverywhere() {
        for (double x : new double[] {-1, 0, 1}) assertSlope("sign(x)", x, 0);
        assertEquals("0", Printer.print(Differentiate.derivative(Ir.parse("sign(x)"), "x")));
    }

    @Test
    void leakyReluSlopeAtZeroIsTheNegativeSlope() {
        assertSlope("max(x, 0.01 * x)", 0, 0.01);
        assertSlope("where(x > 0, x, 0.01 * x)", 0, 0.01);
    }

    @Test
    void clampsTakeTheFlatSideAtBothKinks() {
        assertSlope("min(max(0, x), 6)", 0, 0);
        assertSlope("min(max(0, x), 6)", 6, 0);
        assertSlope("min(max(x, -1), 1)", -1, 0);
        assertSlope("min(max(x, -1), 1)", 1, 0);
    }

    @Test
    void whereDifferentiatesEachBranch() {
        assertSlope("where(x > 0, x^2, -x)", 0, -1);
        assertSlope("where(x >= 0, x^2, -x)", 0, 0);
        // The inactive branch is never evaluated: no NaN from log of a negative number.
        assertSlope("where(x > 0, log(x), x)", -1, 1);
        assertSlope("elu(x; alpha = 1) = where(x > 0, x, alpha * expm1(x))", 0, 1);
    }

    private static void assertSlope(String text, double x, double expected) {
        Expr f = Ir.parse(text);
        Expr d = Differentiate.derivative(f, "x");
        Map<String, Double> env = Map.of("x", x, "alpha", 1.0);
        assertEquals(expected, Eval.eval(d, env), 0.0, () -> text + "' at " + x + " = " + Printer.print(d));
    }

    // ------------------------------------------------------------------ derivatives as printed

    @Test
    void derivativesOfActivations() {
        assertDerivative("tanh(x)", "1 - tanh(x)^2");
        assertDerivative("sigmoid(x)", "sigmoid(x) * (1 - sigmoid(x))");
        assertDerivative("softplus(x)", "sigmoid(x)");
        assertDerivative("x * tanh(softplus(x))", "tanh(softplus(x)) + x * sigmoid(x) * (1 - tanh(softplus(x))^2)");
        assertDerivative("x * sigmoid(x)", "sigmoid(x) + x * sigmoid(x) * (1 - sigmoid(x))");
        assertDerivative("max(0, x)", "where(0 < x, 1, 0)");
        assertDerivative("exp(x)", "exp(x)");
        assertDerivative("log(x)", "1 / x");
        assertDerivative("x^3", "3 * x^2");
        assertDerivative("x / (1 + abs(x))", "1 / (1 + abs(x))^2");
    }

    @Test
    void derivativesWithRespectToParameters() {
        String elu = "elu(x; alpha = 1) = where(x > 0, x, alpha * expm1(x))";
        assertDerivative(elu, "x", 1, "where(x > 0, 1, alpha * exp(x))");
        assertDerivative(elu, "alpha", 1, "where(x > 0, 0, expm1(x))");
        assertDerivative("f(x; a) = x^a", "a", 1, "x^a * log(x)");
        assertDerivative("f(x; a) = x^a", "x", 1, "a * x^(a - 1)");
    }

    @Test
    void higherDerivatives() {
        assertDerivative("tanh(x)", "x", 2, "-2 * tanh(x) * (1 - tanh(x)^2)");
        assertDerivative("softplus(x)", "x", 2, "sigmoid(x) * (1 - sigmoid(x))");
        assertDerivative("exp(2 * x)", "x", 3, "8 * exp(2 * x)");
        assertDerivative("x^3", "x", 3, "6");
        assertDerivative("x^3", "x", 4, "0");
        assertDerivative("x * tanh(softplus(x))", "x", 0, "x * tanh(softplus(x))");
    }

    @Test
    void negativeOrderIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> Differentiate.derivative(Ir.parse("x"), "x", -1));
    }

    @Test
    void constantsAndOtherVariablesDifferentiateToZero() {
        assertDerivative("f(x; a) = a * exp(a)", "x", 1, "0");
        assertDerivative("3", "x", 1, "0");
    }

    private static void assertDerivative(String text, String expected) {
        assertDerivative(text, "x", 1, expected);
    }

    private static void assertDerivative(String text, String wrt, int order, String expected) {
        assertEquals(expected, Printer.print(Differentiate.derivative(Ir.parse(text), wrt, order)), () -> "d^" + order + "/d" + wrt + " of " + text);
    }
}
