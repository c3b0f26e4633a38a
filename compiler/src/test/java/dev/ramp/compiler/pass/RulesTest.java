package dev.ramp.compiler.pass;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ramp.compiler.gen.Ir;
import dev.ramp.compiler.ir.Expr;
import dev.ramp.compiler.print.Printer;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Every rule in {@link Rules#ALL} fires on an example, giving the stated result and the same
 * value at sample points; every guarded rule is blocked on an input where firing would change
 * the value. A rule added to the table without a line here fails {@link #everyRuleIsExercised}.
 */
class RulesTest {
    private static final Set<String> EXERCISED = new HashSet<>();
    private static final double[] POINTS = {-2.5, -1, -0.3, 0, 0.4, 1, 3};

    @ParameterizedTest(name = "{0}: {1} => {2}")
    @CsvSource(delimiter = '|', textBlock = """
            log-exp          | log(exp(sin(x)))             | sin(x)
            exp-log          | exp(log(sigmoid(x)))         | sigmoid(x)
            log1p-expm1      | log1p(expm1(sin(x)))         | sin(x)
            expm1-log1p      | expm1(log1p(exp(x)))         | exp(x)
            sqrt-square      | sqrt(cosh(x))^2              | cosh(x)
            tanh-odd         | tanh(-sin(x))                | -tanh(sin(x))
            sinh-odd         | sinh(-sin(x))                | -sinh(sin(x))
            sin-odd          | sin(-exp(x))                 | -sin(exp(x))
            atan-odd         | atan(-sin(x))                | -atan(sin(x))
            erf-odd          | erf(-sin(x))                 | -erf(sin(x))
            sign-odd         | sign(-sin(x))                | -sign(sin(x))
            cosh-even        | cosh(-sin(x))                | cosh(sin(x))
            cos-even         | cos(-exp(x))                 | cos(exp(x))
            abs-even         | abs(-sin(x))                 | abs(sin(x))
            abs-abs          | abs(abs(sin(x)))             | abs(sin(x))
            abs-nonneg       | abs(softplus(x))             | softplus(x)
            sign-sign        | sign(sign(sin(x)))           | sign(sin(x))
            pow-neg-even     | (-sin(x))^4                  | sin(x)^4
            pow-neg-odd      | (-sin(x))^3                  | -sin(x)^3
            pow-abs-even     | abs(sin(x))^2                | sin(x)^2
            max-self         | max(sin(x), sin(x))          | sin(x)
            min-self         | min(sin(x), sin(x))          | sin(x)
            where-min-zero   | where(sin(x) <= 0, sin(x), 0) | min(sin(x), 0)
            where-max-zero   | where(sin(x) >= 0, sin(x), 0) | max(sin(x), 0)
            div-self         | (2 + sin(x)) / (2 + sin(x))  | 1
            where-not        | where(not x > 0, 1, 2)       | where(x > 0, 2, 1)
            where-neg        | where(x > 0, -sin(x), -x)    | -where(x > 0, sin(x), x)
            where-true-same  | where(x > 0, where(x > 0, sin(x), 1), 2) | where(x > 0, sin(x), 2)
            where-false-same | where(x > 0, 2, where(x > 0, 1, sin(x))) | where(x > 0, 2, sin(x))
            not-not          | where(not not x > 0, 1, 2)   | where(x > 0, 1, 2)
            """)
    void ruleFires(String name, String input, String output) {
        EXERCISED.add(name);
        Expr e = Ir.parse(input);
        Simplify.Result r = Simplify.run(e);
        assertTrue(r.fired().containsKey(name), () -> name + " did not fire on " + input + "; fired " + r.fired());
        assertEquals(output, Printer.print(r.expr()));
        for (double x : POINTS) {
            double before = Eval.eval(e, "x", x), after = Eval.eval(r.expr(), "x", x);
            assertEquals(before, after, 1e-15 * Math.max(1, Math.abs(before)), () -> name + " changed the value at " + x);
        }
    }

    @ParameterizedTest(name = "{0} must not fire on {1}")
    @CsvSource(delimiter = '|', textBlock = """
            exp-log      | exp(log(x))
            exp-log      | exp(log(sin(x)))
            expm1-log1p  | expm1(log1p(x))
            sqrt-square  | sqrt(x)^2
            abs-nonneg   | abs(tanh(x))
            pow-neg-even | (-x)^2.5
            pow-neg-odd  | (-x)^2.5
            div-self     | x / x
            div-self     | sin(x) / sin(x)
            div-self     | log(x) / log(x)
            where-min-zero | where(log(x) <= 0, log(x), 0)
            where-max-zero | where(log(x) >= 0, log(x), 0)
            """)
    void guardBlocks(String name, String input) {
        Expr e = Ir.parse(input);
        Simplify.Result r = Simplify.run(e);
        assertFalse(r.fired().containsKey(name), () -> name + " fired on " + input + ": " + Printer.print(r.expr()));
        // The guard is there because the unguarded rule would be wrong at some point.
        Rule rule = Rules.ALL.stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
        Rule unguarded = new Rule(name, rule.lhs(), rule.rhs(), Rule.Guard.ALWAYS);
        Expr rewritten = (Expr) unguarded.apply(findMatch(e, unguarded), ignored -> Range.ANY);
        assertNotNull(rewritten, () -> name + " does not even match " + input);
        boolean differs = false;
        for (double x : POINTS) {
            double before = Eval.eval(e, "x", x), after = Eval.eval(replace(e, findMatch(e, unguarded), rewritten), "x", x);
            differs |= !(Double.compare(before, after) == 0 || Math.abs(before - after) <= 1e-12 * Math.abs(before));
        }
        assertTrue(differs, () -> "the guard of " + name + " blocks " + input + " needlessly");
    }

    @Test
    void everyRuleIsExercised() {
        // Runs in any order with the parameterised tests; the check itself is in the @AfterAll below.
        assertEquals(Rules.ALL.size(), Rules.ALL.stream().map(Rule::name).distinct().count(), "rule names are unique");
    }

    @AfterAll
    static void allRulesHadAnExample() {
        Set<String> names = new HashSet<>();
        Rules.ALL.forEach(r -> names.add(r.name()));
        names.removeAll(EXERCISED);
        assertTrue(names.isEmpty(), () -> "rules without an example in ruleFires: " + names);
    }

    @Test
    void patternsParseAndPrintAsSExpressions() {
        assertEquals("(exp (log ?a))", Pattern.parse("(exp  (log ?a) )").toString());
        assertEquals("(where (> ?a 0) ?b (neg ?b))", Pattern.parse("(where (> ?a 0) ?b (neg ?b))").toString());
        assertEquals("exp-log: (exp (log ?a)) => ?a if nonnegative(?a)", Rules.ALL.stream().filter(r -> r.name().equals("exp-log")).findFirst().orElseThrow().toString());
    }

    @Test
    void malformedPatternsAreRejected() {
        for (String bad : List.of("(tanhh ?a)", "(exp ?a", "(exp ?a))", "", "(exp x)", "()")) {
            assertThrows(IllegalArgumentException.class, () -> Pattern.parse(bad), bad);
        }
    }

    @Test
    void aRepeatedHoleMatchesOnlyEqualSubterms() {
        Pattern p = Pattern.parse("(max ?a ?a)");
        assertNotNull(p.match(Ir.parse("max(sin(x), sin(x))")));
        assertNull(p.match(Ir.parse("max(sin(x), cos(x))")));
        Map<String, Object> m = Pattern.parse("(+ 1 (neg (^ (tanh ?u) 2)))").match(Ir.parse("1 - tanh(2 * x)^2"));
        assertEquals(Ir.parse("2 * x"), m.get("?u"));
    }

    /** The first subterm (preorder) that the rule's left side matches. */
    private static Expr findMatch(Expr e, Rule rule) {
        if (rule.lhs().match(e) != null) return e;
        for (Expr child : children(e)) {
            Expr found = findMatch(child, rule);
            if (found != null) return found;
        }
        return null;
    }

    private static Expr replace(Expr e, Expr target, Expr with) {
        if (e == target) return with;
        return switch (e) {
            case Expr.Call(var fn, List<Expr> args) -> new Expr.Call(fn, args.stream().map(a -> replace(a, target, with)).toList());
            case Expr.Pow(Expr b, Expr x) -> new Expr.Pow(replace(b, target, with), replace(x, target, with));
            case Expr.Div(Expr n, Expr d) -> new Expr.Div(replace(n, target, with), replace(d, target, with));
            default -> e;
        };
    }

    private static List<Expr> children(Expr e) {
        return switch (e) {
            case Expr.Call(var fn, List<Expr> args) -> args;
            case Expr.Pow(Expr b, Expr x) -> List.of(b, x);
            case Expr.Div(Expr n, Expr d) -> List.of(n, d);
            default -> List.of();
        };
    }
}
