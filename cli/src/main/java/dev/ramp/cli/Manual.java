package dev.ramp.cli;

import dev.ramp.compiler.Compiler;
import dev.ramp.compiler.ir.Function;
import dev.ramp.compiler.ir.Parameter;
import dev.ramp.compiler.print.Printer;
import java.io.PrintWriter;

/** A definition presented like a page of a reference manual (for {@code ramp show} and the REPL). */
final class Manual {
    private Manual() {}

    /** The first line of the doc comment, or a placeholder. */
    /** A manual page's first sections: the signature, the doc comment, the definition, the parameters. */
    static void head(String signature, java.util.List<String> doc, String sourceText, java.util.List<Parameter> parameters, PrintWriter out) {
        out.println(signature);
        out.println();
        if (doc.isEmpty()) {
            out.println("  (no description)");
        } else {
            for (String line : doc) out.println("  " + line);
        }
        out.println();
        out.println("Definition");
        out.println("  " + sourceText.strip().replace("\n", "\n  "));
        out.println();
        out.println("Parameters");
        if (parameters.isEmpty()) out.println("  none");
        for (Parameter p : parameters) {
            out.println("  " + p.name() + (p.defaultValue().isPresent() ? " = " + Printer.number(p.defaultValue().getAsDouble()) : "  (no default: give it with --param)"));
        }
    }

    static String summary(Function f) {
        return f.doc().isEmpty() ? "(no description)" : f.doc().getFirst();
    }

    static void print(Function f, PrintWriter out) {
        head(f.name() + signature(f), f.doc(), f.sourceText(), f.parameters(), out);
        out.println();
        out.println("First derivative, d/d" + f.variable());
        out.println("  " + Printer.print(Compiler.derivative(f, null, 1)));
        out.println();
        out.println("Second derivative");
        out.println("  " + Printer.print(Compiler.derivative(f, null, 2)));
        for (Parameter p : f.parameters()) {
            out.println();
            out.println("Derivative with respect to " + p.name());
            out.println("  " + Printer.print(Compiler.derivative(f, p.name(), 1)));
        }
    }

    /** {@code (x; alpha = 1)}. */
    static String signature(Function f) {
        StringBuilder b = new StringBuilder("(").append(f.variable());
        String sep = "; ";
        for (Parameter p : f.parameters()) {
            b.append(sep).append(p.name());
            p.defaultValue().ifPresent(v -> b.append(" = ").append(Printer.number(v)));
            sep = ", ";
        }
        return b.append(')').toString();
    }
}
