package dev.ramp.compiler.pass;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ramp.compiler.gen.ExprArbitraries;
import dev.ramp.compiler.gen.HyperDual;
import dev.ramp.compiler.gen.Tolerance;
import dev.ramp.compiler.ir.Expr;
import dev.ramp.compiler.print.Printer;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The symbolic derivative, evaluated, agrees with forward-mode differentiation of the original
 * expression (hyper-dual numbers, {@link HyperDual}) on random trees, for the first and second
 * derivative, with respect to the input and to a parameter.
 *
 * <p>Points are skipped where the oracle is not finite, and where a branch decision (a where
 * condition, the sign inside abs or sign, the winner of max or min) changes within 1e-6: at a
 * kink the two sides may legitimately follow different one-sided conventions. So are points
 * outside the simplifier's contract: an infinite intermediate, or a comparison within rounding
 * of its tie.
 */
class DifferentiateProperties {

    @Provide
    Arbitrary<Expr> trees() {
        return ExprArbitraries.exprs(3);
    }

    @Provide
    Arbitrary<Double> inputs() {
        return Arbitraries.doubles().between(-4, 4);
    }

    @Provide
    Arbitrary<Double> parameters() {
        return Arbitraries.doubles().between(-2, 2);
    }

    @Property(tries = 400, maxDiscardRatio = 20)
    void firstDerivativeMatchesDualNumbers(@ForAll("trees") Expr f, @ForAll("inputs") double x, @ForAll("parameters") double a) {
        check(f, "x", 1, x, a);
    }

    @Property(tries = 250, maxDiscardRatio = 20)
    void secondDerivativeMatchesHyperDualNumbers(@ForAll("trees") Expr f, @ForAll("inputs") double x, @ForAll("parameters") double a) {
        check(f, "x", 2, x, a);
    }

    @Property(tries = 250, maxDiscardRatio = 20)
    void derivativeWithRespectToParameterMatchesDualNumbers(@ForAll("trees") Expr f, @ForAll("inputs") double x, @ForAll("parameters") double a) {
        check(f, "a", 1, x, a);
    }

    @Property(tries = 150, maxDiscardRatio = 20)
    void secondDerivativeWithRespectToParameter(@ForAll("trees") Expr f, @ForAll("inputs") double x, @ForAll("parameters") double a) {
        check(f, "a", 2, x, a);
    }

    private static void check(Expr f, String wrt, int order, double x, double a) {
        Map<String, Double> env = Map.of("x", x, "a", a);
        HyperDual oracle = HyperDual.eval(f, env, wrt);
        double expected = order == 1 ? oracle.d1() : oracle.d12();
        Assume.that(Double.isFinite(oracle.v()) && Double.isFinite(expected) && Math.abs(expected) < 1e12);
        Assume.that(!Tolerance.kinkNear(f, env, wrt));
        // Where an intermediate of f is infinite, the simplifier's contract lets f itself change.
        Assume.that(!Tolerance.hasInfinity(f, env));
        // A comparison within rounding of its tie may flip when simplification rounds differently.
        Assume.that(!Tolerance.nearTie(f, env));
        Expr d = Differentiate.derivative(f, wrt, order);
        // The symbolic form may overflow where forward mode does not (a quotient rule's v^2): a
        // numerical limit of that form, not a wrong derivative, which would show at other points.
        Assume.that(!Tolerance.hasInfinity(d, env));
        double got = Eval.eval(d, env);
        double scale = Tolerance.scale(f, env, wrt);
        assertTrue(Tolerance.close(got, expected, scale),
                () -> "d^" + order + "/d" + wrt + "^" + order + " of " + Printer.print(f) + " at x=" + x + ", a=" + a
                        + "\n  symbolic " + Printer.print(d) + " = " + got + "\n  dual numbers = " + expected);
    }
}
