package dev.ramp.compiler.pass;

import static dev.ramp.compiler.ir.Exprs.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ramp.compiler.Compiler;
import dev.ramp.compiler.Library;
import dev.ramp.compiler.diag.Source;
import dev.ramp.compiler.gen.Ir;
import dev.ramp.compiler.ir.Expr;
import dev.ramp.compiler.ir.Function;
import dev.ramp.compiler.reference.HighPrecision;
import dev.ramp.compiler.reference.Real;
import dev.ramp.compiler.reference.Reference;
import dev.ramp.compiler.reference.Ulp;
import dev.ramp.runtime.Activation;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The stabilisation pass end to end, through {@link Compiler#compile}: at the points each rule
 * is for, the compiled code is within budget of the high-precision reference of the formula as
 * written, where the same formula compiled as written ({@link Compiler.Options#EXACT_FORMULA}) is
 * not; the compensated arguments; the reading of constants; no NaN from a branch not taken.
 */
class StabiliseTest {
    private static final HighPrecision HP = new HighPrecision();

    private static Function function(String text) {
        return Compiler.parseExpression(new Source("<test>", text), Library.EMPTY);
    }

    /** The reference of the order-th derivative of the formula as written (constants as meant), at x. */
    private static Reference reference(Function f, int order, double x) {
        Expr e = order == 0 ? f.body() : Compiler.derivative(f, null, order);
        return HP.evaluate(IntendedConstants.asMeant(e), "x", x);
    }

    private static double ulps(double result, Reference ref) {
        return Ulp.error(result, ref).ulpsOrInfinity();
    }

    @ParameterizedTest(name = "{0}, order {1}, at {2}")
    @CsvSource(delimiter = '|', textBlock = """
            log(1 + exp(x))                          | 0 | 800
            log(1 + exp(x))                          | 0 | -300
            log(1 + exp(x))                          | 1 | 800
            log(sigmoid(x))                          | 0 | -800
            log(1 - sigmoid(x))                      | 0 | 800
            exp(x) / (1 + exp(x))                    | 0 | 800
            1 / (1 + exp(-x))                        | 1 | -800
            x / (1 + exp(-x))                        | 1 | -800
            sigmoid(x)                               | 1 | 40
            sigmoid(x)                               | 2 | 1e-20
            1 - sigmoid(x)                           | 0 | 40
            tanh(x)                                  | 1 | 30
            tanh(x)                                  | 2 | -30
            x - tanh(x)                              | 0 | 1e-5
            1 - x^2 / (4 + x^2)                      | 0 | 1e10
            1 + erf(x)                               | 0 | -10
            x * (1 + erf(x / sqrt(2))) / 2           | 0 | -20
            x * (1 + erf(x / sqrt(2))) / 2           | 1 | -20
            0.5 * x * erfc(-0.7071067811865476 * x)  | 0 | -30
            x * sigmoid(1.702 * x)                   | 0 | -400.3
            0.5 * x * (1 + tanh(0.7978845608028654 * (x + 0.044715 * x^3))) | 0 | -10
            (exp(x) - 1) / x                         | 0 | 1e-10
            (exp(x) - 1) / x                         | 1 | 1e-6
            (exp(x) - 1) / x                         | 1 | 1e-200
            (exp(x) - 1) / x                         | 2 | 1e-4
            (exp(x) - 1) / x                         | 1 | 705
            (exp(x) - 1) / x                         | 2 | 712
            (exp(x) - 1) / x                         | 1 | -1e155
            (exp(x) - 1) / x                         | 2 | -1e100
            exp(x) - 1                               | 0 | -1e-8
            log(1 + x)                               | 0 | 1e-12
            log(cosh(x))                             | 0 | 800
            log(cosh(x))                             | 0 | 1e-5
            log(cosh(x))                             | 1 | 800
            log(cosh(x))                             | 2 | 360
            x * tanh(softplus(x))                    | 1 | -1
            x * tanh(softplus(x))                    | 2 | 373
            x * sigmoid(x)                           | 0 | -745.1
            x / (1 + abs(x))                         | 1 | 1e155
            (x + sqrt(x^2 + 4)) / 2                  | 0 | -1e10
            (x + sqrt(x^2 + 4)) / 2                  | 0 | 1e200
            x * min(max(x + 3, 0), 6) / 6            | 0 | 1.7976931348623157e308
            """)
    void fixesTheFormulaAsWritten(String text, int order, double x) {
        Function f = function(text);
        Reference ref = reference(f, order, x);
        double budget = order == 2 ? 16 : 4;
        double stable = Compiler.compile(f, Map.of()).derivative(order, x);
        double asWritten = Compiler.compile(f, Map.of(), Compiler.Options.EXACT_FORMULA).derivative(order, x);
        assertTrue(ulps(stable, ref) <= budget, () -> text + " order " + order + " at " + x + ": " + stable + ", true value "
                + ref.toDouble() + " (" + ulps(stable, ref) + " ulp)");
        assertTrue(ulps(asWritten, ref) > budget, () -> "the formula as written is already right at " + x + ": " + asWritten);
        // The evaluator runs the same stabilised expression.
        assertEquals(stable, Compiler.evaluator(f, Map.of(), null, order).applyAsDouble(x), Math.ulp(stable) * 4);
    }

    @Test
    void exactFormulaIsTheOffSwitch() {
        Function f = function("log(1 + exp(x))");
        assertEquals(800.0, Compiler.compile(f, Map.of()).applyAsDouble(800));
        assertEquals(Double.POSITIVE_INFINITY, Compiler.compile(f, Map.of(), Compiler.Options.EXACT_FORMULA).applyAsDouble(800));
        assertEquals(f.body(), Compiler.compiledForm(f, Map.of(), null, 0, Compiler.Options.EXACT_FORMULA));
        assertEquals("softplus(x)", dev.ramp.compiler.print.Printer.print(Compiler.compiledForm(f, Map.of(), null, 0, Compiler.Options.DEFAULT)));
        assertEquals("sigmoid(x)", dev.ramp.compiler.print.Printer.print(Compiler.compiledForm(f, Map.of(), null, 1, Compiler.Options.DEFAULT)));
    }

    @Test
    void derivativesAreNaNOutsideTheFunctionsDomain() {
        Function f = function("log(-expm1(-x))");
        Activation a = Compiler.compile(f, Map.of());
        assertTrue(Double.isNaN(a.applyAsDouble(-1)));
        assertTrue(Double.isNaN(a.derivative(-1)), "the symbolic derivative -exp(-x)/expm1(-x) is finite at -1");
        assertEquals(1 / Math.expm1(1), a.derivative(1), 1e-16);
        // Where the analysis shows no NaN is possible, the derivative is unchanged.
        Expr d = Compiler.compiledForm(function("x * sigmoid(x)"), Map.of(), null, 1, Compiler.Options.DEFAULT);
        assertFalse(dev.ramp.compiler.print.Printer.print(d).contains("!="));
    }

    @ParameterizedTest(name = "{0} at {1}")
    @CsvSource(delimiter = '|', textBlock = """
            compensate-exp      | exp(1.5 * x)             | 400.3
            compensate-expm1    | expm1(1.7 * x)           | 300.3
            compensate-erfc     | erfc(0.7 * x)            | 35.3
            compensate-sigmoid  | sigmoid(1.702 * x)       | -400.3
            compensate-softplus | softplus(1.7 * x)        | -400.3
            compensate-log      | log(0.5 + x * x)         | 0.7072
            compensate-log1p    | log1p(-(0.3 * x))        | 3.3332
            compensate-sinh     | sinh(1.5 * x)            | 400.3
            compensate-cosh     | cosh(1.5 * x)            | -400.3
            """)
    void compensatedArguments(String name, String text, double x) {
        Expr e = Simplify.simplify(Ir.parse(text));
        Stabilise.Result r = Stabilise.run(e);
        assertTrue(r.fired().containsKey(name), () -> name + " did not fire: " + r.fired());
        Reference ref = HP.evaluate(IntendedConstants.asMeant(e), "x", x);
        double plain = Eval.eval(e, "x", x), compensated = Eval.eval(r.expr(), "x", x);
        assertTrue(ulps(compensated, ref) <= 1, () -> text + ": " + ulps(compensated, ref) + " ulp");
        assertTrue(ulps(plain, ref) > 4, () -> text + " is accurate without compensation: " + ulps(plain, ref) + " ulp");
    }

    @Test
    void constantsAreReadAsMeant() {
        assertEquals(4.263256414560601e-17, IntendedConstants.lowPart(1.702));
        assertEquals(0, IntendedConstants.lowPart(0.5));
        assertEquals(0, IntendedConstants.lowPart(3));
        assertEquals("0.5 * sqrt(2)", IntendedConstants.name(0.7071067811865476));
        assertEquals("-0.5 * sqrt(2)", IntendedConstants.name(-0.7071067811865476));
        assertEquals("pi", IntendedConstants.name(Math.PI));
        assertEquals("sqrt(2/pi)", IntendedConstants.name(Math.sqrt(2 / Math.PI)));
        assertEquals(null, IntendedConstants.name(1.702));
        assertEquals(new BigDecimal("1.702"), decimal(IntendedConstants.exact(1.702)));
        assertEquals(new BigDecimal("0.044715"), decimal(IntendedConstants.exact(0.044715)));
        assertEquals(constant(0.25), IntendedConstants.exact(0.25));
    }

    private static BigDecimal decimal(Expr e) {
        return ((Real.Finite) HP.evaluate(e, n -> 0).value()).value().stripTrailingZeros();
    }

    @Test
    void errorFreeSplitsRecoverTheRoundingExactly() {
        ErrorFree errors = new ErrorFree();
        Expr u = Simplify.simplify(Ir.parse("0.1 * x * x + x / 3"));
        ErrorFree.Split s = errors.split(u);
        Random r = new Random(7);
        for (int i = 0; i < 200; i++) {
            double x = (r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(20) - 10);
            BigDecimal hi = new BigDecimal(Eval.eval(s.hi(), "x", x)), lo = new BigDecimal(Eval.eval(s.lo(), "x", x));
            Real exact = HP.evaluate(IntendedConstants.asMeant(u), "x", x).value();
            BigDecimal truth = ((Real.Finite) exact).value();
            BigDecimal error = hi.add(lo).subtract(truth).abs();
            // Within a few ulps of the low part: a double-double of about 100 bits.
            assertTrue(error.compareTo(truth.abs().multiply(new BigDecimal("1e-29"))) <= 0,
                    () -> "x = " + x + ": hi + lo off by " + error + " of " + truth);
        }
    }

    @Test
    void noNaNFromABranchNotTaken() {
        double[] extremes = {Double.MAX_VALUE, -Double.MAX_VALUE, 1e300, -1e300, 800, -800, 0, Double.MIN_VALUE, -Double.MIN_VALUE};
        for (String text : new String[] {"log(1 + exp(x))", "x / (1 + exp(-x))", "x - tanh(x)", "log(cosh(x))", "x * sigmoid(1.702 * x)",
                "0.5 * x * erfc(-0.7071067811865476 * x)", "x * tanh(softplus(x))", "(x + sqrt(x^2 + 4)) / 2", "1 - tanh(x)^2"}) {
            Function f = function(text);
            Activation a = Compiler.compile(f, Map.of());
            for (int order = 0; order <= 2; order++) {
                for (double x : extremes) {
                    Reference ref = reference(f, order, x);
                    double y = a.derivative(order, x);
                    if (!(ref.value() instanceof Real.Undefined)) {
                        int o = order;
                        assertFalse(Double.isNaN(y), () -> text + " order " + o + " is NaN at " + x + ", true value " + ref.toDouble());
                    }
                }
                assertTrue(Double.isNaN(a.derivative(order, Double.NaN)), text + " at NaN");
            }
        }
    }
}
