package dev.ramp.cli;

import dev.ramp.compiler.Compiler;
import dev.ramp.compiler.Library;
import dev.ramp.compiler.diag.Diagnostic;
import dev.ramp.compiler.diag.Source;
import dev.ramp.compiler.diag.Span;
import dev.ramp.compiler.RampException;
import dev.ramp.compiler.diag.Sources;
import dev.ramp.compiler.ir.Function;
import dev.ramp.stdlib.KinkConvention;
import dev.ramp.stdlib.Stdlib;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** The options shared by commands that take one function: where it comes from, and its parameters. */
final class FunctionOptions {
    @Option(names = "--file", paramLabel = "F", description = "Load definitions from this .ramp file (on top of the stdlib).")
    List<Path> files = List.of();

    @Option(names = "--param", paramLabel = "NAME=VALUE", description = "Set a parameter, e.g. --param alpha=0.5 (repeatable).")
    List<String> params = List.of();

    @Option(names = "--kinks", paramLabel = "pytorch|jax", defaultValue = "pytorch",
            description = "Derivative values at kinks: PyTorch's backward (default) or JAX's, where they differ.")
    String kinks;

    /** The stdlib (with the --kinks convention) plus every --file, in order. */
    Library library() {
        Library lib = Stdlib.library(switch (kinks.toLowerCase(java.util.Locale.ROOT)) {
            case "pytorch", "torch" -> KinkConvention.PYTORCH;
            case "jax" -> KinkConvention.JAX;
            default -> throw new BadInput("--kinks takes pytorch or jax, not '" + kinks + "'");
        });
        for (Path file : files) {
            if (!Files.isRegularFile(file)) throw new BadInput("no such file: " + file);
            try {
                lib = Compiler.define(Sources.read(file), lib);
            } catch (IOException e) {
                throw new BadInput("cannot read " + file + ": " + e.getMessage());
            }
        }
        return lib;
    }

    /** The function an argument names: a definition from the library, or an expression in x. */
    Function function(String exprOrName, Library library) {
        return Compiler.function(exprOrName, library);
    }

    /** The --param values as a map; a malformed one is reported as bad input. */
    Map<String, Double> parameterValues() {
        Map<String, Double> values = new LinkedHashMap<>();
        for (String p : params) {
            Source src = new Source("<command line>", "--param " + p);
            int eq = p.indexOf('=');
            if (eq <= 0) {
                throw new RampException(new Diagnostic(src, Span.at(1, 9), "expected NAME=VALUE after --param", "e.g. --param alpha=0.5"));
            }
            String name = p.substring(0, eq).strip();
            Double value = Numbers.parse(p.substring(eq + 1));
            if (value == null) {
                throw new RampException(new Diagnostic(src, new Span(1, 9 + eq + 1, Math.max(1, p.length() - eq - 1)),
                        "invalid number '" + p.substring(eq + 1) + "'"));
            }
            if (values.put(name, value) != null) {
                throw new RampException(new Diagnostic(src, new Span(1, 9, eq), "parameter '" + name + "' given twice"));
            }
        }
        return values;
    }
}
