package dev.ramp.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ramp.compiler.diag.Source;
import dev.ramp.compiler.diag.Sources;
import dev.ramp.compiler.ir.Function;
import dev.ramp.compiler.ir.Parameter;
import dev.ramp.compiler.syntax.SExpr;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The front end's public API: {@link Compiler}'s entry points and reading source files. */
class FrontEndTest {
    private static final Library LIBRARY = FrontEndGoldenTest.LIBRARY;

    @Test
    void definesAFileOfDefinitionsInOrder() {
        Library lib = Compiler.define(new Source("acts.ramp", """
                # Plain comments are ignored.
                ## Mish: a self-regularised non-monotonic activation.
                ##   Misra, 2019.
                mish(x) =
                    x * tanh(softplus(x))    # a comment inside a definition

                ##no space after the hashes
                double_mish(x) = 2 * mish(x)
                """), Library.EMPTY);
        assertEquals(List.of("mish", "double_mish"), List.copyOf(lib.names()));
        Function mish = lib.lookup("mish");
        assertEquals(List.of("Mish: a self-regularised non-monotonic activation.", "  Misra, 2019."), mish.doc());
        assertEquals("mish(x) =\n    x * tanh(softplus(x))", mish.sourceText());
        assertEquals(List.of("no space after the hashes"), lib.lookup("double_mish").doc());
        assertEquals("double_mish(x) = (* 2 x (tanh (softplus x)))", SExpr.of(lib.lookup("double_mish")));
    }

    @Test
    void definitionWithoutDocCommentHasNone() {
        Library lib = Compiler.define(new Source("a.ramp", "## about f\nf(x) = x\ng(x) = x\n"), Library.EMPTY);
        assertEquals(List.of("about f"), lib.lookup("f").doc());
        assertEquals(List.of(), lib.lookup("g").doc());
    }

    @Test
    void parametersKeepTheirDefaultsAndOrder() {
        Function clip = LIBRARY.lookup("clip");
        assertEquals(List.of(new Parameter("lo", OptionalDouble.of(-1)), new Parameter("hi", OptionalDouble.of(1))), clip.parameters());
        assertEquals(List.of(new Parameter("a", OptionalDouble.empty())), LIBRARY.lookup("prelu").parameters());
        assertEquals("clip(x; lo = -1, hi = 1) = (min (max x lo) hi)", SExpr.of(clip));
    }

    @Test
    void aFileRedefiningALibraryNameReplacesIt() {
        Library lib = Compiler.define(new Source("mine.ramp", """
                elu(x; alpha = 2) = where(x > 0, x, alpha * x)
                uses_new(x) = elu(x)
                """), LIBRARY);
        assertEquals("uses_new(x) = (where (> x 0) x (* 2 x))", SExpr.of(lib.lookup("uses_new")));
        assertEquals("(where (> x 0) x (* alpha (expm1 x)))", SExpr.of(LIBRARY.lookup("elu").body())); // base untouched
        // Above its redefinition, the name already means the file's definition, so it is an error.
        RampException e = assertThrows(RampException.class, () -> Compiler.define(new Source("mine.ramp", """
                leaky(x) = elu(x)
                elu(x; alpha = 2) = where(x > 0, x, alpha * x)
                """), LIBRARY));
        assertEquals("'elu' is defined later in the file", e.diagnostics().getFirst().message());
    }

    @Test
    void aDefinitionMayTakeAPrimitivesNameWhichFormulasStillMeanThePrimitive() {
        Function entry = LIBRARY.lookup("softplus");
        assertEquals("softplus(x; beta = 1, threshold = 20) = (where (> (* beta x) threshold) x (/ (softplus (* beta x)) beta))", SExpr.of(entry));
        assertEquals("(softplus x)", SExpr.of(Compiler.function("softplus(x)", LIBRARY)));
        assertSame(entry, Compiler.function("softplus", LIBRARY)); // the bare name is the entry
        Library wrapped = Compiler.define(new Source("t.ramp", "tanh(x) = tanh(x)\nf(x) = tanh(x) + 1"), Library.EMPTY);
        assertEquals("tanh(x) = (tanh x)", SExpr.of(wrapped.lookup("tanh")));
        assertEquals("f(x) = (+ (tanh x) 1)", SExpr.of(wrapped.lookup("f")));
    }

    @Test
    void aFileHoldingOneExpressionIsNamedAfterTheFile() {
        assertEquals(List.of("my_act"), List.copyOf(Compiler.define(new Source("dir/my-act.ramp", "x * sigmoid(x)"), Library.EMPTY).names()));
        assertEquals(List.of("_2nd"), List.copyOf(Compiler.define(new Source("2nd.ramp", "x"), Library.EMPTY).names()));
        assertEquals(List.of("expr"), List.copyOf(Compiler.define(new Source("<string>", "x"), Library.EMPTY).names()));
    }

    @Test
    void parseExpressionReadsAnExpressionInX() {
        Function f = Compiler.parseExpression(new Source("<repl>", "x * tanh(softplus(x))"), LIBRARY);
        assertEquals("expr", f.name());
        assertEquals("x", f.variable());
        assertEquals(List.of(), f.parameters());
        assertEquals("x * tanh(softplus(x))", f.sourceText());
        assertEquals("(* x (tanh (softplus x)))", SExpr.of(f));
    }

    @Test
    void parseExpressionReadsASingleDefinition() {
        Function f = Compiler.parseExpression(new Source("<repl>", "## scaled\nsq(t; k = 2) = k * t^2"), LIBRARY);
        assertEquals("sq(t; k = 2) = (* k (^ t 2))", SExpr.of(f));
        assertEquals(List.of("scaled"), f.doc());
    }

    @Test
    void functionLooksUpANameOrReadsAnExpression() {
        assertSame(LIBRARY.lookup("elu"), Compiler.function("elu", LIBRARY));
        assertSame(LIBRARY.lookup("elu"), Compiler.function("  elu ", LIBRARY));
        assertEquals("(* x (sigmoid x))", SExpr.of(Compiler.function("swish(x)", LIBRARY)));
        assertEquals("(+ x 1)", SExpr.of(Compiler.function("x + 1", LIBRARY)));
        RampException e = assertThrows(RampException.class, () -> Compiler.function("nonesuch", LIBRARY));
        assertEquals("<command line>", e.diagnostics().getFirst().source().name());
        assertEquals("unknown name 'nonesuch'", e.diagnostics().getFirst().message());
    }

    @Test
    void bindFixesParametersAndKeepsTheOthers() {
        Function clip = LIBRARY.lookup("clip");
        Function bound = Compiler.bind(clip, Map.of("hi", 6.0));
        assertEquals("clip(x; lo = -1) = (min (max x lo) 6)", SExpr.of(bound));
        assertEquals("clip(x) = (min (max x 0) 6)", SExpr.of(Compiler.bind(bound, Map.of("lo", 0.0))));
        assertSame(clip.body(), Compiler.bind(clip, Map.of()).body());
        assertEquals(clip.sourceText(), bound.sourceText());
    }

    @Test
    void parameterValuesMergesDefaultsWithGivenValues() {
        Function clip = LIBRARY.lookup("clip");
        assertEquals(Map.of("lo", -1.0, "hi", 1.0), Compiler.parameterValues(clip, Map.of()));
        assertEquals(List.of("lo", "hi"), List.copyOf(Compiler.parameterValues(clip, Map.of("hi", 6.0)).keySet()));
        assertEquals(Map.of("lo", -1.0, "hi", 6.0), Compiler.parameterValues(clip, Map.of("hi", 6.0)));
        assertEquals(Map.of("a", 0.25), Compiler.parameterValues(LIBRARY.lookup("prelu"), Map.of("a", 0.25)));
    }

    @Test
    void sourcesReadUtf8AndDropAByteOrderMark(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("pi.ramp");
        Files.write(file, ("\uFEFF## \u03c0 is pi\nf(x) = pi * x\n").getBytes(StandardCharsets.UTF_8));
        Source source = Sources.read(file);
        assertEquals(file.toString(), source.name());
        assertEquals("## \u03c0 is pi\nf(x) = pi * x\n", source.text());
        assertEquals(List.of("\u03c0 is pi"), Compiler.define(source, Library.EMPTY).lookup("f").doc());
    }

    @Test
    void errorsComeInSourceOrderWithTheirFormattedText() {
        RampException e = assertThrows(RampException.class, () -> Compiler.define(new Source("t.ramp", "f(x) = y\ng(x) = z\n"), Library.EMPTY));
        assertEquals("""
                t.ramp:1:8: unknown name 'y'
                  f(x) = y
                         ^
                  hint: names in scope: x
                t.ramp:2:8: unknown name 'z'
                  g(x) = z
                         ^
                  hint: names in scope: x""", e.getMessage());
    }
}
