package dev.ramp.compiler;

import dev.ramp.compiler.diag.Diagnostic;
import java.util.List;

/**
 * Thrown when ramp input is wrong: a syntax error, an unknown name, a wrong arity, an expression
 * too large to compile, and so on. It carries the same diagnostics the command line prints
 * (source name, line, column, message, hint), in source order; {@link #getMessage()} is their
 * formatted text. Compiling never throws an ANTLR exception, a {@code VerifyError} or a
 * {@code StackOverflowError} for any input: those are reported through this exception.
 *
 * {@snippet :
 * try {
 *     Compiler.parseExpression(new Source("<string>", "tanhh(x)"), Library.EMPTY);
 * } catch (RampException e) {
 *     Diagnostic first = e.diagnostics().getFirst();
 *     // first.message() is "unknown function 'tanhh'", first.hint() is "did you mean 'tanh'?"
 * }
 * }
 */
public final class RampException extends RuntimeException {
    private final List<Diagnostic> diagnostics;

    public RampException(List<Diagnostic> diagnostics) {
        super(format(diagnostics), null, false, false);
        if (diagnostics.isEmpty()) throw new IllegalArgumentException("a RampException needs a diagnostic");
        this.diagnostics = List.copyOf(diagnostics);
    }

    public RampException(Diagnostic diagnostic) {
        this(List.of(diagnostic));
    }

    /** The errors, in source order; never empty. */
    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    private static String format(List<Diagnostic> diagnostics) {
        StringBuilder b = new StringBuilder();
        for (Diagnostic d : diagnostics) b.append(d.format());
        return b.toString().stripTrailing();
    }
}
