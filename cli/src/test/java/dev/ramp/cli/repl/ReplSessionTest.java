package dev.ramp.cli.repl;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The REPL driven through a JLine terminal with scripted input: what a user types, what they see. */
class ReplSessionTest {

    @Test
    void aDefinitionIsKeptAndItsDerivativeShown() {
        String out = ReplHarness.run("f(x; a = 2) = x * sigmoid(a * x)\n:d f\n");
        assertTrue(out.contains("defined f(x; a = 2)"), out);
        assertTrue(out.contains("sigmoid(a * x) + a * x * sigmoid(a * x) * (1 - sigmoid(a * x))"), out);
    }

    @Test
    void aRowDefinitionAndItsVjp() {
        String out = ReplHarness.run("center(xs[]) = xs - mean(xs)\n:d center\n:d softmax\n:show glu\n:check softmax\n");
        assertTrue(out.contains("defined center(xs[])"), out);
        assertTrue(out.contains("let sum = sum(xs), sum_1 = sum(g) in g - sum_1 / len(xs)"), out);
        assertTrue(out.contains("sum_1 = sum(g * exp(xs - where(abs(m) == inf, 0, m)))"), out);
        assertTrue(out.contains("Gated linear unit") && out.contains("d/d second_half(xs)"), out);
        assertTrue(out.contains("row function") && out.contains("within budget"), out);
    }

    @Test
    void aCallWithoutVariablesPrintsItsValue() {
        String out = ReplHarness.run("mish(1.5)\n");
        assertTrue(out.contains("1.4033782663958028"), out);
    }

    @Test
    void anExpressionPrintsItsSimplifiedForm() {
        String out = ReplHarness.run("x * 1 + 0 * tanh(x)\n");
        assertTrue(out.lines().anyMatch(l -> l.endsWith("> x") || l.equals("x")), out);
    }

    @Test
    void aBareNameShowsTheDefinition() {
        String out = ReplHarness.run("silu\n");
        assertTrue(out.contains("silu(x) = x * sigmoid(x)"), out);
    }

    @Test
    void higherDerivativesAndLatex() {
        String out = ReplHarness.run(":d 2 x^3\n:latex 1 tanh(x)\n");
        assertTrue(out.contains("6 * x"), out);
        assertTrue(out.contains("1 - \\tanh"), out);
    }

    @Test
    void derivativeWithRespectToAParameter() {
        String out = ReplHarness.run(":d elu --wrt alpha\n:d elu --wrt alhpa\n");
        assertTrue(out.contains("expm1(x)"), out);
        assertTrue(out.contains("has no variable or parameter 'alhpa'") && out.contains("did you mean 'alpha'?"), out);
    }

    @Test
    void errorsPointAtTheColumnAndTheSessionGoesOn() {
        String out = ReplHarness.run("x * tanhh(x)\n:d mish(x) * tanhh(x)\nmish(0)\n");
        assertTrue(out.contains("<repl>:1:5: unknown function 'tanhh'"), out);
        assertTrue(out.contains("      ^^^^^"), out);  // two spaces of indent, then under column 5
        assertTrue(out.contains("hint: did you mean 'tanh'?"), out);
        // In a command the column counts from the start of the line as typed, and the line shown is that line.
        assertTrue(out.contains("<repl>:1:14: unknown function 'tanhh'"), out);
        assertTrue(out.contains("  :d mish(x) * tanhh(x)\n               ^^^^^"), out);
        assertTrue(out.contains("0.0"), "the line after the errors still ran: " + out);
        assertFalse(out.contains("Exception"), out);
    }

    @Test
    void unknownCommandsGetAHint() {
        String out = ReplHarness.run(":plto mish\n:quit\n");
        assertTrue(out.contains("unknown command ':plto'") && out.contains("did you mean ':plot'?"), out);
    }

    @Test
    void aDefinitionMaySpanLines() {
        String out = ReplHarness.run("g(x) =\n  x * (1 +\n  x)\n:simplify g\n");
        assertTrue(out.contains("defined g(x)"), out);
        assertTrue(out.contains("x * (1 + x)") || out.contains("x + x^2"), out);
    }

    @Test
    void anEmptyLineEndsUnfinishedInputWithAnError() {
        String out = ReplHarness.run("h(x) = (x +\n\nmish(0)\n");
        assertTrue(out.contains("<repl>:"), out);
        assertTrue(out.contains("0.0"), out);
    }

    @Test
    void ctrlCDropsTheLineAndTheSessionGoesOn() {
        String out = ReplHarness.run("bogus(x) = x\u0003mish(0)\n");
        assertFalse(out.contains("defined bogus"), out);
        assertTrue(out.contains("0.0"), out);
    }

    @Test
    void quitEndsTheSessionAndNothingAfterRuns() {
        String out = ReplHarness.run(":quit\nmish(1)\n");
        assertFalse(out.contains("0.865"), out);
    }

    @Test
    void ctrlDEndsTheSession() {
        String out = ReplHarness.run("mish(0)\n\u0004mish(1)\n");
        assertTrue(out.contains("0.0"), out);
        assertFalse(out.contains("0.865"), out);
    }

    @Test
    void helpListsEveryCommandAndExplainsOne() {
        String out = ReplHarness.run(":help\n:help plot\n:help :d\n:help plto\n");
        for (String c : new String[] {":d [N] EXPR", ":simplify", ":latex", ":plot", ":show", ":list", ":load", ":save", ":check", ":bench", ":bytecode", ":set", ":quit"}) {
            assertTrue(out.contains(c), c + " in " + out);
        }
        assertTrue(out.contains("--order picks the curves"), out);
        assertTrue(out.contains(":d mish"), out);
        assertTrue(out.contains("did you mean :help plot?"), out);
    }

    @Test
    void plotDrawsInTheTerminalAndWritesAnImage(@TempDir Path dir) throws Exception {
        Path svg = dir.resolve("mish.svg");
        String out = ReplHarness.run(":plot mish -3 3 --order 0,1 --out " + svg + "\n");
        assertTrue(out.contains("mish(x)") && out.contains("mish'(x)"), out);
        assertFalse(out.contains("mish''(x)"), out);
        assertTrue(out.chars().anyMatch(c -> c > 0x2800 && c <= 0x28FF), "braille dots: " + out);
        assertTrue(out.contains("-3") && out.contains("└"), out);
        assertTrue(out.contains("wrote " + svg), out);
        var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(svg.toFile());
        assertEquals(2, doc.getElementsByTagName("path").getLength());
    }

    @Test
    void plotErrorsAreReportedAndNotFatal() {
        String out = ReplHarness.run(":plot mish 3 -3\n:plot mish --order 9\n:plot mish --out plot.txt\nk(x; a) = a * x\n:plot k\nmish(0)\n");
        assertTrue(out.contains("the range must go from a smaller to a larger finite number"), out);
        assertTrue(out.contains("invalid orders '9'"), out);
        assertTrue(out.contains("cannot tell the image format"), out);
        assertTrue(out.contains("parameter 'a' of 'k' has no value") && out.contains("k(x; a = 1)"), out);
        assertTrue(out.contains("0.0"), out);
    }

    @Test
    void saveWritesAFileThatLoadsBack(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("acts.ramp");
        String out = ReplHarness.run("## Self-gated.\nsg(x; b = 1.5) = x * sigmoid(b * x)\ntwice(x) = 2 * sg(x)\n:save " + file + "\n");
        assertTrue(out.contains("wrote " + file + " (2 definitions)"), out);
        String text = Files.readString(file);
        assertTrue(text.contains("## Self-gated.\nsg(x; b = 1.5) = x * sigmoid(b * x)\n"), text);
        assertTrue(text.contains("twice(x) = 2 * sg(x)"), text);

        String loaded = ReplHarness.run(":load " + file + "\ntwice(1)\n:list\n");
        assertTrue(loaded.contains("defined sg(x; b = 1.5)") && loaded.contains("defined twice(x)"), loaded);
        assertTrue(loaded.contains(Double.toString(2 * 1 / (1 + Math.exp(-1.5)))), loaded);
        assertTrue(loaded.contains("Yours:") && loaded.contains("twice(x) = 2 * sg(x)"), loaded);
    }

    @Test
    void saveWithNothingToSaveAndLoadOfAMissingFileExplain(@TempDir Path dir) {
        String out = ReplHarness.run(":save " + dir.resolve("x.ramp") + "\n:load " + dir.resolve("nope.ramp") + "\n:load\n");
        assertTrue(out.contains("nothing to save"), out);
        assertTrue(out.contains("no such file"), out);
        assertTrue(out.contains("expected a file name"), out);
    }

    @Test
    void loadReportsErrorsInTheFileWithItsName(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.ramp");
        Files.writeString(file, "ok(x) = x\nbad(x) = x * tanhh(x)\n");
        String out = ReplHarness.run(":load " + file + "\n");
        assertTrue(out.contains(file + ":2:14: unknown function 'tanhh'"), out);
    }

    @Test
    void redefiningSaysWhoStillUsesTheOldOne() {
        String out = ReplHarness.run("f(x) = x\ng(x) = f(x) + 1\nf(x) = 2 * x\nmish(x) = x\n");
        assertTrue(out.contains("g still uses the previous f"), out);
        assertTrue(out.contains("in place of the stdlib's mish"), out);
    }

    @Test
    void showListSetBytecodeBenchAndCheck() {
        String out = ReplHarness.run(":show mish\n:set plot-style block\n:set plot-style dots\n:set accuracy fast\n:set kink pytorch\n:set\n:bytecode relu\n");
        assertTrue(out.contains("PAGE mish"), out);
        assertTrue(out.contains("plot-style = block"), out);
        assertTrue(out.contains("invalid value 'dots' for plot-style") && out.contains("must be one of braille, block"), out);
        assertTrue(out.contains("cannot change accuracy here") && out.contains("-Dramp.accuracy=VALUE"), out);
        assertTrue(out.contains("option 'kink' is not available in this build yet"), out);
        assertTrue(out.contains("accuracy = accurate") && out.contains("backend = auto"), out);
        assertTrue(out.contains("ramp/generated/Relu") || out.contains("ramp.generated.Relu"), out);
        assertTrue(out.contains("applyAsDouble"), out);
    }

    /** :check runs ramp check's measurement on one definition or expression, and says when a kernel is over budget. */
    @Test
    void checkMeasuresADefinitionOrAnExpression() {
        String out = ReplHarness.run(":check sigmoid\n:check log(1 + exp(x))\n:check (1 - cos(x)) / x^2\n");
        assertTrue(out.contains("sigmoid") && out.contains("float f'") && out.contains("f''"), out);
        assertEquals(2, out.split("every kernel within budget", -1).length - 1, out);
        assertTrue(out.contains("OVER") && out.contains("kernel(s) over budget"), out);   // 1 - cos(x) cancels near 0
    }

    @Test
    void analyzeReportsTheLiteraturesNumbers() {
        String out = ReplHarness.run(":analyze relu\nf(x) = x * tanh(softplus(x))\n:analyze f\n");
        assertTrue(out.contains("sparsity: 50% of units exactly 0"), out);
        assertTrue(out.contains("calculate_gain('relu')"), out);
        assertTrue(out.contains("minimum f = -0.308843 at x = -1.19243"), out);
    }

    @Test
    void benchIsLabelledAsAQuickTiming() {
        String out = ReplHarness.run(":bench relu\n");
        assertTrue(out.contains("quick timing") && out.contains("not JMH"), out);
        assertTrue(out.contains("ns/element"), out);
    }

    @Test
    void historyGoesToTheConfiguredFile(@TempDir Path dir) throws Exception {
        Path history = dir.resolve("history");
        ReplHarness.run("mish(0)\n:d mish\n", history);
        String saved = Files.readString(history);
        assertTrue(saved.contains("mish(0)") && saved.contains(":d mish"), saved);
    }

    @Test
    void historyPropertyChoosesTheFile() {
        String saved = System.getProperty(Repl.HISTORY_PROPERTY);
        try {
            System.setProperty(Repl.HISTORY_PROPERTY, "/tmp/somewhere/h");
            assertEquals(Path.of("/tmp/somewhere/h"), Repl.defaultHistory());
            System.setProperty(Repl.HISTORY_PROPERTY, "none");
            assertNull(Repl.defaultHistory());
            System.clearProperty(Repl.HISTORY_PROPERTY);
            assertEquals(Path.of(System.getProperty("user.home"), ".ramp_history"), Repl.defaultHistory());
        } finally {
            if (saved != null) System.setProperty(Repl.HISTORY_PROPERTY, saved);
            else System.clearProperty(Repl.HISTORY_PROPERTY);
        }
    }
}
