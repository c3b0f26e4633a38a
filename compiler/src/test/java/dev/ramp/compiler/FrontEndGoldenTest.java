package dev.ramp.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ramp.compiler.diag.Source;
import dev.ramp.compiler.syntax.SExpr;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Golden tests in cel-java's baseline style: {@code frontend/resolve.golden} holds entries
 * {@code I: <input>} then {@code =====> <resolved IR as an s-expression>} (or {@code error: ...}
 * with the first diagnostic's position and message). Inputs resolve against
 * {@code frontend/library.ramp}. Run with {@code -Dgolden.update=true} to rewrite the file from
 * the current output, then review the diff.
 */
class FrontEndGoldenTest {
    private static final String FILE = "frontend/resolve.golden";
    static final Library LIBRARY = Compiler.define(new Source("library.ramp", resource("frontend/library.ramp")), Library.EMPTY);

    @Test
    void resolvesAsRecorded() throws IOException {
        String expected = resource(FILE);
        String actual = run(expected);
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(Path.of("src/test/resources", FILE), actual, StandardCharsets.UTF_8);
        } else {
            assertEquals(expected, actual);
        }
    }

    /** Recomputes every {@code =====>} line of {@code golden} from its {@code I:} line; keeps the rest. */
    private static String run(String golden) {
        List<String> out = new ArrayList<>();
        for (String line : golden.lines().toList()) {
            if (line.startsWith("=====>")) continue;
            out.add(line);
            if (line.startsWith("I: ")) out.add("=====> " + resolve(line.substring(3)));
        }
        return String.join("\n", out) + "\n";
    }

    private static String resolve(String input) {
        try {
            return SExpr.of(Compiler.parseExpression(new Source("<golden>", input), LIBRARY));
        } catch (RampException e) {
            var d = e.diagnostics().getFirst();
            return "error " + d.span().line() + ":" + d.span().column() + ": " + d.message();
        }
    }

    static String resource(String name) {
        try (InputStream in = FrontEndGoldenTest.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing test resource " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
