package dev.ramp.compiler.syntax;

import dev.ramp.compiler.diag.Span;
import java.util.List;
import java.util.Optional;

/**
 * {@code name(variable; params) = body} as written.
 *
 * @param name the definition's name, at {@code at}
 * @param variable the input variable, at {@code variableAt}
 * @param parameters the parameters, in order
 * @param body the right-hand side
 * @param doc the {@code ##} comment lines just above the definition, without {@code ##} and
 *     one following space
 * @param sourceText the definition's text, from its name to the end of its body
 * @param row whether the variable is a row ({@code xs[]}): a function of a vector
 */
public record Definition(
        String name, Span at, String variable, Span variableAt, List<Parameter> parameters,
        Syntax body, List<String> doc, String sourceText, boolean row) {

    public Definition {
        parameters = List.copyOf(parameters);
        doc = List.copyOf(doc);
    }

    /** A definition of a function of a number. */
    public Definition(String name, Span at, String variable, Span variableAt, List<Parameter> parameters,
                      Syntax body, List<String> doc, String sourceText) {
        this(name, at, variable, variableAt, parameters, body, doc, sourceText, false);
    }

    /**
     * A parameter {@code name} or {@code name = default}. The grammar accepts any expression as
     * the default; the resolver requires a number, possibly signed.
     */
    public record Parameter(String name, Span at, Optional<Syntax> defaultValue) {}
}
