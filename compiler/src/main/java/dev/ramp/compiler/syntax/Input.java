package dev.ramp.compiler.syntax;

import dev.ramp.compiler.diag.Span;
import java.util.List;

/** A whole input, one record per alternative of the grammar's {@code input} rule. */
public sealed interface Input {

    /** A file of one or more definitions. */
    record Definitions(List<Definition> definitions) implements Input {
        public Definitions {
            definitions = List.copyOf(definitions);
        }
    }

    /** A single expression in {@code x}, and its text. */
    record BareExpression(Syntax expr, String text) implements Input {}

    /** Nothing but white space and comments; {@code end} is where the input ends. */
    record Empty(Span end) implements Input {}
}
