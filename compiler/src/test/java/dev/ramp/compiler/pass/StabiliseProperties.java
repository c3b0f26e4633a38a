package dev.ramp.compiler.pass;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ramp.compiler.Compiler;
import dev.ramp.compiler.gen.ExprArbitraries;
import dev.ramp.compiler.ir.Expr;
import dev.ramp.compiler.ir.Function;
import dev.ramp.compiler.ir.Parameter;
import dev.ramp.compiler.print.Printer;
import dev.ramp.compiler.reference.HighPrecision;
import dev.ramp.compiler.reference.Real;
import dev.ramp.compiler.reference.Reference;
import dev.ramp.compiler.reference.Ulp;
import dev.ramp.compiler.reference.UlpError;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;

/**
 * The stabilisation pass on arbitrary expressions (random trees over x, a parameter and small
 * constants, every primitive and branches): the stabilised code is never less accurate than the
 * formula as written, and within 4 ulp wherever the formula as written is. Accuracy is measured
 * as {@code ramp check} does, against {@link HighPrecision} with constants read as meant, in
 * ulps. Both run through the evaluator, which runs exactly what compiled code runs.
 *
 * <p>What "as accurate" can mean for any expression: where the formula as written amplifies
 * rounding errors, any rewrite moves its result by as much, so its actual error at one point is
 * partly luck. The order-1 derivative of exp(x / sigmoid(x)) at x = 4.25 is 0.04 ulp off as
 * written, and 4.04 stabilised, where the formula as written guarantees only 11.9 (its
 * first-order error bound, {@link Reference#scale}, Higham's running bound). So the stabilised
 * result must be within the largest of 4 ulp, the formula as written's actual error and its
 * guaranteed error: within 4 ulp wherever the formula as written is within 4 and guarantees 4,
 * and never worse than what the formula as written achieves or promises elsewhere.
 *
 * <p>The generator ({@link ExprArbitraries}) draws the arguments of log, sqrt, log1p and of
 * non-constant powers mostly from expressions positive by construction, so that most trees are
 * defined at most inputs; what is left is skipped, not judged: references that do not converge,
 * points within rounding of a branch switch, values undefined in the reals (for a derivative,
 * also where the function is). The inputs mix ordinary values, the tails where exponentials
 * saturate (to +-800) and the extremes of the range.
 */
class StabiliseProperties {
    private static final HighPrecision HP = new HighPrecision();
    private static final double A = 0.75;

    @Provide
    Arbitrary<Expr> trees() {
        return ExprArbitraries.exprs(3);
    }

    @Provide
    Arbitrary<Double> inputs() {
        // Ordinary inputs, the tails where exponentials saturate, and the extremes of the range.
        return Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.doubles().between(-4, 4)),
                Tuple.of(2, Arbitraries.doubles().between(-60, 60)),
                Tuple.of(1, Arbitraries.doubles().between(-800, 800)),
                Tuple.of(1, Arbitraries.of(1e-8, -1e-8, 1e-300, -1e-300, 1e300, -1e300)));
    }

    @Property(tries = 1000, maxDiscardRatio = 20)
    void neverLessAccurateThanTheFormulaAsWritten(@ForAll("trees") Expr e, @ForAll("inputs") double x, @ForAll @IntRange(max = 1) int order) {
        Function f = new Function("p", "x", List.of(new Parameter("a", OptionalDouble.empty())), e, List.of(), "");
        Map<String, Double> params = Map.of("a", A);
        Expr stable = Compiler.compiledForm(f, params, null, order, Compiler.Options.DEFAULT);
        Expr asWritten = Compiler.compiledForm(f, params, null, order, Compiler.Options.EXACT_FORMULA);
        Expr truth = IntendedConstants.asMeant(asWritten);
        Reference ref = HP.evaluate(truth, n -> n.equals("x") ? x : A);
        Assume.that(ref.converged() && !ref.nearBranchSwitch(0x1p-53) && !(ref.value() instanceof Real.Undefined));
        // Where the function itself is undefined, so is its derivative (ramp gives NaN), whatever the symbolic one says.
        Assume.that(order == 0 || !(HP.evaluate(IntendedConstants.asMeant(e), n -> n.equals("x") ? x : A).value() instanceof Real.Undefined));
        Map<String, Double> env = Map.of("x", x, "a", A);
        double s = Eval.eval(stable, env), w = Eval.eval(asWritten, env);
        double es = error(s, ref), ew = error(w, ref), bound = bound(ref);
        assertTrue(es <= Math.max(4, Math.max(ew, bound)), () -> "order " + order + " of " + Printer.print(e) + " at x = " + x
                + ": stabilised " + s + " (" + es + " ulp), as written " + w + " (" + ew + " ulp, bound " + bound + "), true value "
                + ref.toDouble() + "\n  stabilised: " + abbreviate(Printer.print(stable)));
    }

    /**
     * The formula as written's guaranteed accuracy here, in ulps: its first-order error bound
     * ({@link Reference#scale}, Higham's running bound) over the ulp of the true value. Where the
     * formula as written is only lucky (an error bound of 30 ulp met with 3), the stabilised code
     * is held to the bound, not to the luck.
     */
    private static double bound(Reference ref) {
        if (ref.scale() == null || !(ref.value() instanceof Real.Finite(java.math.BigDecimal v))) return Double.POSITIVE_INFINITY;
        java.math.BigDecimal absolute = ref.scale().multiply(new java.math.BigDecimal(0x1p-53));
        return absolute.divide(Ulp.ulp(v.abs(), Ulp.Format.DOUBLE), java.math.MathContext.DECIMAL64).doubleValue();
    }

    private static double error(double result, Reference ref) {
        UlpError e = Ulp.error(result, ref);
        return e.ulpsOrInfinity();
    }

    private static String abbreviate(String s) {
        return s.length() > 600 ? s.substring(0, 600) + "..." : s;
    }
}
