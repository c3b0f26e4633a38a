package dev.ramp.compiler.pass;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ramp.compiler.gen.ErrorBound;
import dev.ramp.compiler.gen.ExprArbitraries;
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
 * The simplifier's contract on random trees: the value is unchanged beyond rounding wherever the
 * original is finite, the size never grows, the result is a fixed point, and rewriting saturates.
 */
class SimplifyProperties {

    @Provide
    Arbitrary<Expr> trees() {
        return ExprArbitraries.exprs(4);
    }

    @Provide
    Arbitrary<Double> inputs() {
        // Mostly moderate inputs, sometimes large ones where exp overflows and sums cancel.
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, Arbitraries.doubles().between(-4, 4)),
                net.jqwik.api.Tuple.of(1, Arbitraries.doubles().between(-60, 60)));
    }

    @Provide
    Arbitrary<Double> parameters() {
        return Arbitraries.doubles().between(-2, 2);
    }

    @Property(tries = 500, maxDiscardRatio = 10)
    void simplifyingKeepsTheValue(@ForAll("trees") Expr e, @ForAll("inputs") double x, @ForAll("parameters") double a) {
        Map<String, Double> env = Map.of("x", x, "a", a);
        double before = Eval.eval(e, env);
        // Where an intermediate is infinite, the contract lets a rule do better (log(exp(800)) is 800).
        Assume.that(!Tolerance.hasInfinity(e, env));
        Assume.that(!Tolerance.nearTie(e, env));
        Expr s = Simplify.simplify(e);
        double after = Eval.eval(s, env);
        if (Double.isNaN(before)) {
            // A domain error (log of a negative, 0 * NaN) must survive simplification.
            assertTrue(Double.isNaN(after), () -> Printer.print(e) + " at x=" + x + ", a=" + a + " is NaN\n  simplified " + Printer.print(s) + " = " + after);
            return;
        }
        // Both sides carry rounding error; they must agree within (a small multiple of) the sum of their bounds.
        ErrorBound b = ErrorBound.eval(e, env), c = ErrorBound.eval(s, env);
        double allowed = 4 * (b.error() + c.error()) + 1e-15 * Math.abs(before);
        assertTrue(after == before || Math.abs(after - before) <= allowed,
                () -> Printer.print(e) + " at x=" + x + ", a=" + a + " = " + before + " ± " + b.error()
                        + "\n  simplified " + Printer.print(s) + " = " + after + " ± " + c.error());
    }

    @Property(tries = 500)
    void simplifyingNeverGrowsTheTree(@ForAll("trees") Expr e) {
        Expr s = Simplify.simplify(e);
        assertTrue(Simplify.size(s) <= Simplify.size(e), () -> Printer.print(e) + " (" + Simplify.size(e) + ") grew to " + Printer.print(s) + " (" + Simplify.size(s) + ")");
    }

    @Property(tries = 500)
    void simplifyingSaturatesAtAFixedPoint(@ForAll("trees") Expr e) {
        Simplify.Result r = Simplify.run(e);
        assertEquals(Simplify.StopReason.SATURATED, r.reason(), () -> Printer.print(e));
        assertEquals(r.expr(), Simplify.simplify(r.expr()), () -> "not idempotent on " + Printer.print(e) + " -> " + Printer.print(r.expr()));
    }
}
