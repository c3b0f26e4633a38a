package dev.ramp.compiler;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ramp.compiler.diag.Diagnostic;
import dev.ramp.compiler.diag.Source;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever the input, the front end answers with a result or a {@link RampException} whose
 * diagnostics point inside the input and format without failing: never another exception.
 */
class FrontEndPropertyTest {
    private static final List<String> TOKENS = List.of(
            "x", "y", "alpha", "f", "g", "elu", "prelu", "tanh", "max", "where", "pi", "e",
            "(", ")", ",", ";", "=", "+", "-", "*", "/", "^", "<", "<=", ">", ">=", "==", "!=",
            "and", "or", "not", "let", "in", "0", "1", "0.5", ".5", "2.", "1e-6", "1e999", "1.2.3", "2x", "1e",
            "# c\n", "## d\n", "\n", " ", "$", "\t", "\u00e9", "\uD83D\uDE00");

    @Property(tries = 400)
    void tokenSoupNeverCrashes(@ForAll("tokenSoup") String input) {
        check(input);
    }

    @Property(tries = 200)
    void definitionShapedSoupNeverCrashes(@ForAll("tokenSoup") String header, @ForAll("tokenSoup") String body) {
        check("f(x; " + header + ") = " + body + "\ng(x) = f(x" + header + ")");
    }

    @Property(tries = 200)
    void printableStringsNeverCrash(@ForAll("printable") String input) {
        check(input);
    }

    @Provide
    Arbitrary<String> tokenSoup() {
        return Arbitraries.of(TOKENS).list().ofMaxSize(40).map(tokens -> String.join("", tokens));
    }

    @Provide
    Arbitrary<String> printable() {
        return Arbitraries.strings().withCharRange(' ', '~').withChars('\n', '\u03c0').ofMaxLength(60);
    }

    private static void check(String input) {
        try {
            Compiler.define(new Source("soup.ramp", input), FrontEndGoldenTest.LIBRARY);
        } catch (RampException e) {
            for (Diagnostic d : e.diagnostics()) {
                int lines = (int) input.lines().count() + 1;
                assertTrue(d.span().line() <= lines, () -> "line out of range: " + d.format());
                assertTrue(!d.format().isEmpty());
            }
        }
    }
}
