package dev.ramp.compiler.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.ramp.compiler.Compiler;
import dev.ramp.compiler.Library;
import dev.ramp.compiler.RampException;
import dev.ramp.compiler.diag.Diagnostic;
import dev.ramp.compiler.diag.Source;
import dev.ramp.compiler.ir.Expr;
import dev.ramp.compiler.ir.Function;
import java.time.Duration;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Inputs built to break a recursive compiler: they must finish quickly, with a diagnostic or a
 * result, never a StackOverflowError. Limits: {@link Limits#MAX_NESTING} levels and
 * {@link Limits#MAX_TOKENS} tokens.
 */
class LimitsTest {
    private static final Duration QUICKLY = Duration.ofSeconds(5);
    private static final int N = Limits.MAX_NESTING;

    @Test
    void hundredThousandNestedParenthesesAreReportedAtTheFirstParenthesisTooDeep() {
        String input = "(".repeat(100_000) + "x" + ")".repeat(100_000);
        Diagnostic d = error(input);
        assertEquals("expression nested too deeply (more than 256 levels)", d.message());
        assertEquals(1, d.span().line());
        assertEquals(N + 1, d.span().column());
    }

    @Test
    void tenMegabyteExpressionIsReportedAsTooLarge() {
        String input = "x+".repeat(5_000_000) + "x";
        Diagnostic d = error(input);
        assertEquals("expression too large: more than 250000 tokens", d.message());
        assertEquals(Limits.MAX_TOKENS + 1, d.span().column()); // the first token past the limit
        assertEquals("  ...", d.format().lines().skip(1).findFirst().orElseThrow().substring(0, 5)); // long line cut
    }

    @Test
    void hundredThousandTermSumResolvesToOneFlatSum() {
        String input = "x+".repeat(99_999) + "x";
        Function f = within(() -> Compiler.parseExpression(new Source("<test>", input), Library.EMPTY));
        Expr.Add sum = assertInstanceOf(Expr.Add.class, f.body());
        assertEquals(100_000, sum.terms().size());
    }

    @Test
    void longChainsOfEveryLeftAssociativeOperatorResolveOrFailCleanly() {
        String product = "x*".repeat(99_999) + "x";
        assertEquals(100_000, ((Expr.Mul) within(() -> Compiler.parseExpression(new Source("<test>", product), Library.EMPTY)).body()).factors().size());
        String and = "where(" + "x > 0 and ".repeat(30_000) + "x > 0, 1, 0)";
        assertInstanceOf(Expr.Where.class, within(() -> Compiler.parseExpression(new Source("<test>", and), Library.EMPTY)).body());
        assertEquals("comparisons cannot be chained", error("x" + "<x".repeat(100_000)).message());
        assertEquals("expression nested too deeply (more than 256 levels)", error("x" + "/x".repeat(100_000)).message());
    }

    /** Each construct that makes the parser recurse, 100,000 deep, and exactly at the limit. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "(|x|);                     1",
        "tanh(|x|);                 1",
        "-|x|;                      1",
        "x^|x|;                     1",
        "not |x > 0|;               1",
        "where(not |x| > 0, 1, 2);  2",
        "let a = 1 in |x|;          1",
        "max(1, |x|);               1",
    })
    void everyKindOfNestingIsLimited(String pattern, int levelsEach) {
        String[] parts = pattern.split("\\|", -1);
        String tooDeep = parts[0].repeat(100_000) + parts[1] + parts[2].repeat(100_000);
        assertEquals("expression nested too deeply (more than 256 levels)", error(tooDeep).message());
        // Right at the limit, it parses (and resolves unless it is a condition, as `not` is).
        int deepest = N / levelsEach;
        String atLimit = parts[0].repeat(deepest) + parts[1] + parts[2].repeat(deepest);
        within(() -> {
            try {
                return Compiler.parseExpression(new Source("<test>", atLimit), Library.EMPTY);
            } catch (RampException e) {
                assertEquals("a condition cannot be used as a number", e.diagnostics().getFirst().message());
                return null;
            }
        });
        String overLimit = parts[0].repeat(deepest + 1) + parts[1] + parts[2].repeat(deepest + 1);
        assertEquals("expression nested too deeply (more than 256 levels)", error(overLimit).message());
    }

    @Test
    void manySiblingsDoNotCountAsNesting() {
        String sum = "-x^2 + ".repeat(1_000) + "(x)";
        within(() -> Compiler.parseExpression(new Source("<test>", sum), Library.EMPTY));
        StringBuilder many = new StringBuilder("f0(x) = -x\n");
        for (int i = 1; i < 1_000; i++) many.append("f").append(i).append("(x; a = -1) = -f").append(i - 1).append("(x)\n");
        within(() -> Compiler.define(new Source("<test>", many.toString()), Library.EMPTY));
    }

    @Test
    void inliningCannotBuildTreesDeeperThanTheLimit() {
        String deep = "f(x) = " + "tanh(".repeat(200) + "x" + ")".repeat(200) + "\n"
                + "g(x) = " + "f(".repeat(10) + "x" + ")".repeat(10) + "\n";
        RampException e = within(() -> assertThrows(RampException.class, () -> Compiler.define(new Source("<test>", deep), Library.EMPTY)));
        Diagnostic d = e.diagnostics().getFirst();
        // Reported at the call that crosses the limit: the fifth f from the inside.
        assertEquals("expression nested too deeply once calls are inlined (depth 1001, limit 1000)", d.message());
        assertEquals(2, d.span().line());
        assertEquals(18, d.span().column());
    }

    @Test
    void sharedSubexpressionsCannotExpandBeyondTheLimit() {
        // Each let doubles the expanded tree (and, as products flatten, the product's factors).
        String doubling = "let a0 = x in " + IntStream.range(1, 41)
                .mapToObj(i -> "let a" + i + " = a" + (i - 1) + " * a" + (i - 1) + " in ").collect(Collectors.joining()) + "a40";
        Diagnostic d = error(doubling);
        assertEquals("expression too large once lets and calls are expanded (1048577 nodes, limit 1000000)", d.message());
        assertEquals("each use of a let-bound name or parameter repeats its value", d.hint());
        assertEquals(1 + doubling.indexOf("a20 ="), d.span().column());
        // The same through calls: each definition uses its variable twice, and calls the one
        // before it twice, so the size squares with each definition.
        StringBuilder file = new StringBuilder("f0(x) = max(x, x)\n");
        for (int i = 1; i <= 40; i++) file.append("f").append(i).append("(x) = f").append(i - 1).append("(f").append(i - 1).append("(x))\n");
        RampException e = within(() -> assertThrows(RampException.class, () -> Compiler.define(new Source("<test>", file.toString()), Library.EMPTY)));
        assertEquals(1, e.diagnostics().size()); // f5 fails; the definitions below it call it
        assertEquals(6, e.diagnostics().getFirst().span().line());
        assertTrue(e.diagnostics().getFirst().message().startsWith("expression too large once lets and calls are expanded"));
    }

    @Test
    void thirtyThousandDefinitionsLoadQuickly() {
        StringBuilder file = new StringBuilder();
        for (int i = 0; i < 30_000; i++) file.append("f").append(i).append("(x) = x\n");
        assertEquals(30_000, within(() -> Compiler.define(new Source("<test>", file.toString()), Library.EMPTY)).names().size());
    }

    @Test
    void aLongChainOfLetsExtendingOneSumIsStoppedBeforeItGetsSlow() {
        // Within the token limit, but each binding copies the growing sum: quadratic work.
        StringBuilder chain = new StringBuilder("let a0 = x");
        for (int i = 1; i < 40_000; i++) chain.append(", a").append(i).append(" = a").append(i - 1).append(" + 1");
        Diagnostic d = error(chain.append(" in a39999").toString());
        assertEquals("expression too large to resolve (more than 5000000 nodes built)", d.message());
    }

    @Test
    void aStackOverflowAnywhereBecomesADiagnostic() throws InterruptedException {
        // Within the limits, but on a thread with a tiny stack: the facade's last line of defence.
        String input = "(".repeat(N) + "x" + ")".repeat(N);
        Throwable[] thrown = new Throwable[1];
        Thread small = new Thread(null, () -> {
            try {
                Compiler.parseExpression(new Source("<test>", input), Library.EMPTY);
            } catch (Throwable t) {
                thrown[0] = t;
            }
        }, "small-stack", 64 * 1024);
        small.start();
        small.join();
        RampException e = assertInstanceOf(RampException.class, thrown[0]);
        assertEquals("<test>:1:1: expression too deeply nested to compile", e.getMessage().lines().findFirst().orElseThrow());
    }

    private static <T> T within(Supplier<T> run) {
        return assertTimeoutPreemptively(QUICKLY, run::get);
    }

    private static Diagnostic error(String input) {
        return within(() -> assertThrows(RampException.class,
                () -> Compiler.parseExpression(new Source("<test>", input), Library.EMPTY)).diagnostics().getFirst());
    }
}
