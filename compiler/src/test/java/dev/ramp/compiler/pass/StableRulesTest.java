package dev.ramp.compiler.pass;

import static dev.ramp.compiler.ir.Exprs.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ramp.compiler.gen.Ir;
import dev.ramp.compiler.ir.Expr;
import dev.ramp.compiler.ir.Fn;
import dev.ramp.compiler.print.Printer;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One line per rule of {@link StableRules#ALL}: the rule fires on its example, gives the stated
 * result (the two rule walks, without compensated arguments), and the result has the value of
 * the input at ordinary points, where the input is accurate. A rule added to the table without a
 * line here fails {@link #everyRuleHasAnExample}. Results that are one of the long stable forms
 * are written {@code =form}, the form's builder in {@link StableForms} applied to x.
 */
class StableRulesTest {
    private static final Set<String> EXERCISED = new HashSet<>();
    private static final double[] POINTS = {-2.5, -1, -0.3, 0.4, 1, 3};
    private static final Expr X = var("x");

    @ParameterizedTest(name = "{0}: {1} => {2}")
    @CsvSource(delimiter = '|', textBlock = """
            softplus-def               | log(1 + exp(x))                | softplus(x)
            softplus-log1p             | log1p(exp(2 * x))              | softplus(2 * x)
            log-sigmoid                | log(sigmoid(x))                | -softplus(-x)
            log1p-def                  | log(1 + x^2)                   | log1p(x^2)
            expm1-def                  | exp(x) - 1                     | expm1(x)
            expm1-def-neg              | 1 - exp(x)                     | -expm1(x)
            expm1-quotient             | expm1(x) / x                   | where(abs(x) < 2, =S, where(x > 690, where(=q == =q, =q, expm1(x) * (1 / x)), expm1(x) * (1 / x)))
            scale-into-where           | 3 * where(x > 0, x, sin(x))    | where(x > 0, 3 * x, 3 * sin(x))
            sigmoid-def                | 1 / (1 + exp(-x))              | sigmoid(x)
            sigmoid-absorb-exp         | exp(x) * sigmoid(-x)           | sigmoid(x)
            sigmoid-complement         | 1 - sigmoid(x)                 | sigmoid(-x)
            sigmoid-complement-neg     | sigmoid(x) - 1                 | -sigmoid(-x)
            sigmoid-difference         | sigmoid(x) - sigmoid(-x)       | tanh(0.5 * x)
            erfc-def                   | 1 + erf(x)                     | erfc(-x)
            erfc-complement            | 1 - erf(x)                     | erfc(x)
            erfc-complement-neg        | erf(x) - 1                     | -erfc(x)
            tanh-to-sigmoid            | 1 + tanh(x)                    | 2 * sigmoid(2 * x)
            tanh-complement-to-sigmoid | 1 - tanh(x)                    | 2 * sigmoid(-2 * x)
            one-minus-ratio            | 1 - x^2 / (4 + x^2)            | 4 / (4 + x^2)
            root-minus-ratio           | sqrt(x^2 + 4) - x^2 / sqrt(x^2 + 4) | 4 / where(abs(x) < 2.68435456E8, sqrt(4 + x^2), abs(x))
            cosh-sinh-square           | cosh(x)^2 - sinh(x)^2          | 1
            tanh-def                   | sinh(x) / cosh(x)              | tanh(x)
            one-plus-ratio             | 1 + x / sin(x)                 | (sin(x) + x) / sin(x)
            conjugate-sqrt             | x + sqrt(x^2 + 1)              | where(x >= 0, x + =root, 0.5 / (0.5 * =root + -0.5 * x))
            conjugate-sqrt-neg         | sqrt(x^2 + 1) - x              | where(x <= 0, =root - x, 0.5 / (0.5 * =root + 0.5 * x))
            mish-sech2                 | 1 - tanh(softplus(x))^2        | =mishSech2
            mish-tanh                  | tanh(softplus(x))              | =mishTanh
            sech2                      | 1 - tanh(x)^2                  | 4 * exp(-2 * abs(x)) / (1 + exp(-2 * abs(x)) * (2 + exp(-2 * abs(x))))
            sech2-neg                  | tanh(x)^2 - 1                  | -(4 * exp(-2 * abs(x)) / (1 + exp(-2 * abs(x)) * (2 + exp(-2 * abs(x)))))
            cosh-square-recip          | 1 / cosh(x)^2                  | 4 * exp(-2 * abs(x)) / (1 + exp(-2 * abs(x)) * (2 + exp(-2 * abs(x))))
            sigmoid-product            | sigmoid(x) * sigmoid(-x)       | exp(-abs(x)) / (1 + exp(-abs(x)) * (2 + exp(-abs(x))))
            exp-taylor-remainder       | x * exp(x) - expm1(x)          | where(x > -2, where(x < -690, where(=rp == =rp, =rp, 0), exp(x) * =R), where(x < -50, -expm1(x), x * exp(x) - expm1(x)))
            exp-quotient-overflow      | (x * exp(x) - exp(x)) / x^2    | where(x > 690, where(=eq == =eq, =eq, =eplain), =eplain)
            tanhshrink-series          | x - tanh(x)                    | =tanhshrink
            tanhshrink-series-neg      | tanh(x) - x                    | -=tanhshrink
            log-cosh                   | log(cosh(x))                   | where(abs(x) < 700, log1p(2 * sinh(0.5 * x)^2), abs(x) - 0.6931471805599453)
            abs-ratio-limit            | x / (1 + abs(x))               | where(abs(x) > 9.007199254740992E15, sign(x) / (1 + 1 / abs(x)), x / (1 + abs(x)))
            root-ratio-limit           | (x + sqrt(x^2 + 4)) / sqrt(x^2 + 4) | where(x >= 0, where(abs(x) < 2.68435456E8, (x + where(abs(x) < 2.68435456E8, sqrt(4 + x^2), abs(x))) / sqrt(4 + x^2), sign(x) + 1), 0.5 * 4 / (0.5 * where(abs(x) < 2.68435456E8, sqrt(4 + x^2), abs(x)) + -0.5 * x) / where(abs(x) < 2.68435456E8, sqrt(4 + x^2), abs(x)))
            sqrt-square-overflow       | sqrt(x^2 + 1)                  | where(abs(x) < 1.34217728E8, sqrt(1 + x^2), abs(x))
            halve-sum-divisor          | 1 / (exp(x) + exp(-x))         | 0.5 / (0.5 * exp(x) + 0.5 * exp(-x))
            scale-into-sum             | (exp(x) + exp(-x)) / 2         | 0.5 * exp(x) + 0.5 * exp(-x)
            reciprocal-split           | 1 / (1 + abs(x))^2             | 1 / (1 + abs(x)) * (1 / (1 + abs(x)))
            quotient-reassociate       | x * min(max(x + 3, 0), 6) / 6  | x * (min(max(3 + x, 0), 6) / 6)
            overflow-scale             | exp(x) / x                     | where(x > 690, where(=q == =q, =q, exp(x) / x), exp(x) / x)
            underflow-scale            | x * exp(x)                     | where(x < -690, where(=p == =p, =p, 0), x * exp(x))
            """)
    void ruleFires(String name, String input, String output) {
        EXERCISED.add(name);
        Expr e = Simplify.simplify(Ir.parse(input));
        Stabilise.Result r = Stabilise.rewrite(e);
        assertTrue(r.fired().containsKey(name), () -> name + " did not fire on " + input + "; fired " + r.fired());
        assertEquals(expand(output), Printer.print(r.expr()));
        for (double x : POINTS) {
            double before = Eval.eval(e, "x", x), after = Eval.eval(r.expr(), "x", x);
            if (Double.compare(before, after) == 0) continue;
            assertEquals(before, after, 1e-13 * Math.max(1, Math.abs(before)), () -> name + " changed the value at " + x);
        }
    }

    /** The long forms of the table, printed from their builders. */
    private static String expand(String output) {
        return output
                .replace("=mishSech2", Printer.print(StableForms.mishSech2(X)))
                .replace("=mishTanh", Printer.print(StableForms.mishTanh(X)))
                .replace("=tanhshrink", Printer.print(StableForms.tanhshrink(X, sub(X, call(Fn.TANH, X)))))
                .replace("=root", Printer.print(StableForms.sqrtSumSquare(X, 1)))
                .replace("=S", Printer.print(StableForms.expm1Quotient(X, e -> e) instanceof dev.ramp.compiler.ir.Expr.Where(var c, var t, var f) ? t : null))
                .replace("=eq", "(exp(x - 600) * (1 / x + -1 / x / x)) * " + Math.exp(StableForms.SHIFT))
                .replace("=eplain", "(0.5 * where(x < -690, where(=p == =p, =p, 0), x * exp(x)) + -0.5 * exp(x)) / (0.5 * x) / x")
                .replace("=rp", "=R * exp(x + 600) * " + Math.exp(-StableForms.SHIFT))
                .replace("=R", Printer.print(StableForms.expm1MinusArg(neg(X))))
                .replace("=p", "x * exp(x + 600) * " + Math.exp(-StableForms.SHIFT))
                .replace("=q", "1 / x * exp(x - 600) * " + Math.exp(StableForms.SHIFT));
    }

    /** Numerator and denominator both Infinity: the stable form has the quotient's limit there, and NaN stays NaN. */
    @Test
    void absRatioLimitIsSignAtInfinity() {
        for (String input : List.of("x / (1 + abs(x))", "2 * x / (3 + abs(2 * x))", "x / (3 + abs(-0.5 * x))")) {
            Expr e = Stabilise.stabilise(Simplify.simplify(Ir.parse(input)));
            double limit = input.contains("0.5") ? 2 : 1;
            assertEquals(limit, Eval.eval(e, "x", Double.POSITIVE_INFINITY), input);
            assertEquals(-limit, Eval.eval(e, "x", Double.NEGATIVE_INFINITY), input);
            assertTrue(Double.isNaN(Eval.eval(e, "x", Double.NaN)), input);
            assertTrue(Eval.eval(e, "x", 4 * Double.MIN_VALUE) > 0, input + ": the quotient as written near 0, where c / |x| overflows");
        }
    }

    /**
     * squareplus' for x >= 0, (x + r) / r with r = sqrt(x^2 + 4) once one-plus-ratio and the
     * conjugate have run: Infinity / Infinity at +Infinity without root-ratio-limit. Its limits,
     * NaN for NaN, and on both sides of the switch to the far branch the value of
     * 1 + 1 / sqrt(1 + 4 / x^2), which neither overflows nor cancels for x > 0.
     */
    @Test
    void rootRatioLimitIsTheQuotientsLimitAtInfinity() {
        Expr e = Stabilise.stabilise(Simplify.simplify(Ir.parse("1 + x / sqrt(x^2 + 4)")));
        assertEquals(2, Eval.eval(e, "x", Double.POSITIVE_INFINITY));
        assertEquals(0, Eval.eval(e, "x", Double.NEGATIVE_INFINITY));
        assertTrue(Double.isNaN(Eval.eval(e, "x", Double.NaN)));
        for (double x : new double[] {1, 1e4, 2.68e8, 2.69e8, 1e9, 1e20, 1e200, Double.MAX_VALUE}) {
            assertEquals(1 + 1 / Math.sqrt(1 + 4 / (x * x)), Eval.eval(e, "x", x), Math.ulp(2.0), "at " + x);
        }
        Expr scaled = Stabilise.stabilise(Simplify.simplify(Ir.parse("(3 * x - sqrt(x^2 + 1)) / (2 * sqrt(x^2 + 1))")));
        assertEquals(1, Eval.eval(scaled, "x", Double.POSITIVE_INFINITY));
        assertEquals(-2, Eval.eval(scaled, "x", Double.NEGATIVE_INFINITY));
    }

    /**
     * (expm1(x) / x)' = (x e^x - expm1(x)) / x^2 has the limit 0 at -Infinity, where x e^x is
     * -Infinity * 0 as written. Far left the remainder is 1 + (x - 1) e^x, which neither cancels
     * nor overflows for x < -2: the reference on both sides of the switch to -expm1(x).
     */
    @Test
    void expTaylorRemainderIsOneFarLeft() {
        Expr e = Stabilise.stabilise(Simplify.simplify(Ir.parse("(x * exp(x) - expm1(x)) / x^2")));
        assertEquals(0, Eval.eval(e, "x", Double.NEGATIVE_INFINITY));
        assertTrue(Double.isNaN(Eval.eval(e, "x", Double.NaN)));
        for (double x : new double[] {-3, -20, -49.9, -50.1, -60, -800, -1e200}) {
            double reference = (1 + (x - 1) * Math.exp(x)) / x / x;
            assertEquals(reference, Eval.eval(e, "x", x), 2 * Math.ulp(reference), "at " + x);
        }
    }

    @Test
    void everyRuleIsNamedOnce() {
        assertEquals(StableRules.ALL.size(), StableRules.ALL.stream().map(StableRule::name).distinct().count());
        assertTrue(StableRules.ALL.stream().allMatch(r -> r.describe().startsWith(r.name() + ": ")));
    }

    @Test
    void primitiveRulesProduceNoBranches() {
        for (String input : List.of("log(1 + exp(x))", "x / (1 + exp(-x))", "log(sigmoid(x))", "1 + erf(x / 2)", "1 - tanh(x)", "exp(x) - 1")) {
            Expr c = Stabilise.canonical(Simplify.simplify(Ir.parse(input)));
            assertTrue(!Printer.print(c).contains("where"), () -> input + " -> " + Printer.print(c));
            assertEquals(c, Stabilise.canonical(c), "canonical is idempotent");
        }
    }

    @AfterAll
    static void everyRuleHasAnExample() {
        Set<String> names = new HashSet<>();
        StableRules.ALL.forEach(r -> names.add(r.name()));
        names.removeAll(EXERCISED);
        assertTrue(names.isEmpty(), () -> "rules without an example in ruleFires: " + names);
    }
}
