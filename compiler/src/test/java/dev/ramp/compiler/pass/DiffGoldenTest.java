package dev.ramp.compiler.pass;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.ramp.compiler.Compiler;
import dev.ramp.compiler.Library;
import dev.ramp.compiler.RampException;
import dev.ramp.compiler.diag.Source;
import dev.ramp.compiler.ir.Expr;
import dev.ramp.compiler.ir.Function;
import dev.ramp.compiler.ir.Parameter;
import dev.ramp.compiler.print.Printer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code golden/diff.golden}: for each {@code I:} line (an activation), its simplified first and
 * second derivative and its derivative with respect to each parameter, as printed. The file is
 * the reviewable record of what the symbolic middle produces; a change in output shows up as a
 * diff. Run with {@code -Dgolden.update=true} to rewrite it from the current output.
 */
class DiffGoldenTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden/diff.golden");

    @Test
    void derivativesMatchTheGoldenFile() throws IOException {
        List<String> lines = Files.readAllLines(GOLDEN);
        StringBuilder actual = new StringBuilder();
        for (String line : lines) {
            if (line.startsWith("I: ")) {
                actual.append(line).append('\n');
                render(line.substring(3), actual);
            } else if (line.isBlank() || line.startsWith("#")) {
                actual.append(line).append('\n');
            }
        }
        String expected = String.join("\n", lines) + "\n";
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(GOLDEN, actual);
            return;
        }
        if (!expected.contentEquals(actual)) {
            String[] want = expected.split("\n", -1), got = actual.toString().split("\n", -1);
            for (int i = 0; i < Math.min(want.length, got.length); i++) {
                if (!want[i].equals(got[i])) fail("golden/diff.golden line " + (i + 1) + " (rerun with -Dgolden.update=true to accept)\n  expected: " + want[i] + "\n  actual:   " + got[i]);
            }
            assertEquals(expected, actual.toString());
        }
    }

    private static void render(String source, StringBuilder out) {
        Function f;
        try {
            f = Compiler.parseExpression(new Source("diff.golden", source), Library.EMPTY);
        } catch (RampException e) {
            out.append("  error: ").append(e.getMessage().lines().findFirst().orElse("")).append('\n');
            return;
        }
        String x = f.variable();
        Expr body = f.body();
        out.append(String.format("  %-12s %s%n", "d/d" + x, Printer.print(Differentiate.derivative(body, x))));
        out.append(String.format("  %-12s %s%n", "d2/d" + x + "2", Printer.print(Differentiate.derivative(body, x, 2))));
        for (Parameter p : f.parameters()) {
            out.append(String.format("  %-12s %s%n", "d/d" + p.name(), Printer.print(Differentiate.derivative(body, p.name()))));
        }
    }
}
