package dev.ramp;

import dev.ramp.compiler.Compiler;
import dev.ramp.compiler.Library;
import dev.ramp.compiler.RampException;
import dev.ramp.compiler.diag.Diagnostic;
import dev.ramp.compiler.diag.Source;
import dev.ramp.compiler.diag.Span;
import dev.ramp.compiler.rows.RowFunction;
import dev.ramp.runtime.Activation;
import dev.ramp.runtime.RowActivation;
import dev.ramp.stdlib.KinkConvention;
import dev.ramp.stdlib.Stdlib;
import java.util.Map;

/**
 * The embedding API: an activation as text in, compiled code out.
 *
 * {@snippet class="dev.ramp.RampSnippets" region="compile"}
 *
 * <p>{@code compile} accepts an expression in {@code x}, a definition
 * ({@code swish2(x; b = 2) = x * sigmoid(b * x)}), or the name of a stdlib definition. It throws
 * {@link RampException}, carrying the same diagnostics the command line prints (source name,
 * line, column, message, hint), for any bad input; never an ANTLR exception or a
 * {@code VerifyError}. Compiled activations are immutable and safe to share between threads, and
 * compiling is thread-safe; equal requests (same text and parameters) return the same instance
 * for as long as it is in use, and an activation no longer referenced is unloaded with its class.
 */
public final class Ramp {
    private Ramp() {}

    /** {@code exprOrName} compiled, parameters at their defaults. */
    public static Activation compile(String exprOrName) throws RampException {
        return compile(exprOrName, Map.of());
    }

    /** {@code exprOrName} compiled, with the given parameters bound and the others at their defaults. */
    public static Activation compile(String exprOrName, Map<String, Double> parameters) throws RampException {
        return compile(exprOrName, parameters, Stdlib.library());
    }

    /** As {@link #compile(String, Map)}, with the given convention for derivatives at kinks. */
    public static Activation compile(String exprOrName, Map<String, Double> parameters, KinkConvention kinks) throws RampException {
        return compile(exprOrName, parameters, Stdlib.library(kinks));
    }

    /**
     * {@code exprOrName} compiled against {@code library} (for definitions loaded with
     * {@link Compiler#define}), with the given parameters.
     */
    public static Activation compile(String exprOrName, Map<String, Double> parameters, Library library) throws RampException {
        return compile(exprOrName, parameters, library, Compiler.Options.DEFAULT);
    }

    /**
     * As {@link #compile(String, Map)}, with compiler options: {@link Compiler.Options#EXACT_FORMULA}
     * compiles the expression as written, without the stabilisation pass (so
     * {@code log(1 + exp(x))} is Infinity at x = 800 instead of 800).
     */
    public static Activation compile(String exprOrName, Map<String, Double> parameters, Compiler.Options options) throws RampException {
        return compile(exprOrName, parameters, Stdlib.library(), options);
    }

    /** As {@link #compile(String, Map, Library)}, with compiler options. */
    public static Activation compile(String exprOrName, Map<String, Double> parameters, Library library, Compiler.Options options)
            throws RampException {
        return Compiler.compile(Compiler.function(exprOrName, library), parameters, options);
    }

    /**
     * The row function {@code nameOrDefinition} (a stdlib name such as {@code softmax}, or a
     * definition {@code f(xs[]) = ...}) compiled to row kernels, parameters at their defaults.
     * Like {@link #compile(String)}, equal requests share one instance while it is in use; row
     * activations are immutable and safe to share between threads.
     *
     * @throws RampException when it is not a row function (with a hint when it is a scalar one)
     */
    public static RowActivation compileRows(String nameOrDefinition) throws RampException {
        return compileRows(nameOrDefinition, Map.of(), Stdlib.library());
    }

    /** As {@link #compileRows(String)}, with the given parameters, against {@code library}. */
    public static RowActivation compileRows(String nameOrDefinition, Map<String, Double> parameters, Library library) throws RampException {
        RowFunction f = Compiler.rowFunction(nameOrDefinition, library);
        if (f == null) {
            boolean scalar = library.lookup(nameOrDefinition.strip()) != null;
            throw new RampException(new Diagnostic(new Source("<command line>", nameOrDefinition), Span.at(1, 1),
                    scalar ? "'" + nameOrDefinition.strip() + "' is a function of a number, not of a row" : "unknown row function '" + nameOrDefinition.strip() + "'",
                    scalar ? "compile it with Ramp.compile" : "row functions: " + String.join(", ", library.rowFunctions().stream().map(RowFunction::name).toList())));
        }
        return Compiler.compileRows(f, parameters);
    }
}
