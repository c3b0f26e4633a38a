package dev.ramp.compiler.ir;

import java.util.List;
import java.util.Objects;

/**
 * A resolved definition: {@code name(variable; params) = body}, with every call to another
 * definition inlined, so {@code body} mentions only {@code Var(variable)}, {@code Var(param)}
 * for each parameter, constants and primitives.
 *
 * @param name the definition's name ({@code mish}); for a bare expression, {@code "expr"} or the
 *     name its source gives it
 * @param variable the input variable's name, usually {@code x}
 * @param parameters the parameters in declaration order
 * @param body the resolved body
 * @param doc the {@code ##} doc comment lines, without the {@code ##} and one following space;
 *     empty when there is none
 * @param sourceText the definition as written (for {@code ramp show})
 */
public record Function(String name, String variable, List<Parameter> parameters, Expr body, List<String> doc, String sourceText) {
    public Function {
        Objects.requireNonNull(name);
        Objects.requireNonNull(variable);
        parameters = List.copyOf(parameters);
        Objects.requireNonNull(body);
        doc = List.copyOf(doc);
        Objects.requireNonNull(sourceText);
    }

    /** The parameter named {@code name}, or null. */
    public Parameter parameter(String name) {
        for (Parameter p : parameters) {
            if (p.name().equals(name)) return p;
        }
        return null;
    }
}
