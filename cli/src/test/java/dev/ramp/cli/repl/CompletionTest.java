package dev.ramp.cli.repl;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jline.reader.Candidate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tab completion through the REPL's own completer and parser, as JLine calls them. */
class CompletionTest {
    private final Repl repl = ReplHarness.repl();

    /** The candidates for Tab with the cursor at the end of {@code line}. */
    private List<String> complete(String line) {
        return complete(line, line.length());
    }

    private List<String> complete(String line, int cursor) {
        List<Candidate> out = new ArrayList<>();
        var parsed = repl.reader().getParser().parse(line, cursor, org.jline.reader.Parser.ParseContext.COMPLETE);
        repl.completer().complete(repl.reader(), parsed, out);
        String word = parsed.word().substring(0, parsed.wordCursor());
        return out.stream().map(Candidate::value).filter(v -> v.startsWith(word)).toList();
    }

    @Test
    void commandNames() {
        assertEquals(List.of(":plot"), complete(":pl"));
        assertTrue(complete(":").containsAll(List.of(":d", ":simplify", ":latex", ":plot", ":show", ":list", ":load", ":save",
                ":check", ":bench", ":bytecode", ":set", ":help", ":quit")));
    }

    @Test
    void stdlibAndBuiltinNamesInsideExpressions() {
        assertTrue(complete("mi").contains("mish"));
        assertTrue(complete("x * tanh(so").contains("softplus"), "the word starts after the parenthesis");
        assertTrue(complete("gel").containsAll(List.of("gelu", "gelu_tanh")));
        assertTrue(complete("x * ex").containsAll(List.of("exp", "expm1", "exponential")));
        assertTrue(complete("wh").contains("where"));
        assertTrue(complete("p").contains("pi"));
    }

    @Test
    void theSessionsDefinitionsOnceDefined() {
        assertFalse(complete("my").contains("my_act"));
        repl.execute("my_act(x) = x * sigmoid(x)");
        assertTrue(complete("my").contains("my_act"));
        assertTrue(complete(":show my").contains("my_act"));
        assertTrue(complete(":d my").contains("my_act"));
    }

    @Test
    void parametersOfTheDefinitionBeingTypedAndOfCalledFunctions() {
        assertTrue(complete("f(x; alpha = 1, beta = 2) = x * al").contains("alpha"));
        assertTrue(complete("f(x; alpha = 1, beta = 2) = x * be").contains("beta"));
        assertTrue(complete("elu(x; al").contains("alpha"), "a named argument of elu");
        assertTrue(complete("let scale = 2 in x * sc").contains("scale"));
    }

    @Test
    void commandOptionsAndArguments() {
        assertEquals(List.of("--order", "--out"), complete(":plot mish --o"));
        assertEquals(List.of("--wrt"), complete(":d elu --w"));
        assertTrue(complete(":help ").containsAll(List.of("plot", "d", "save")));
        assertTrue(complete(":set plot-s").contains("plot-style"));
        assertEquals(List.of("braille", "block"), complete(":set plot-style "));
        assertTrue(complete(":set color ").containsAll(List.of("auto", "on", "off")));
        assertTrue(complete(":list ").isEmpty());
    }

    @Test
    void fileNamesForLoadSaveAndOut(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("acts.ramp"), "f(x) = x\n");
        Files.createDirectory(dir.resolve("plots"));
        String prefix = dir + "/a";
        List<String> load = complete(":load " + prefix);
        assertTrue(load.stream().anyMatch(c -> c.endsWith("acts.ramp")), load.toString());
        List<String> out = complete(":plot mish --out " + dir + "/p");
        assertTrue(out.stream().anyMatch(c -> c.contains("plots")), out.toString());
    }
}
