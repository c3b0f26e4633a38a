package dev.ramp.cli;

import dev.ramp.compiler.Compiler;
import dev.ramp.compiler.RampException;
import dev.ramp.compiler.diag.Diagnostic;
import dev.ramp.compiler.diag.Source;
import dev.ramp.compiler.diag.Span;
import dev.ramp.compiler.rows.RowFunction;
import dev.ramp.compiler.rows.RowPrinter;
import dev.ramp.runtime.RowActivation;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * What {@code eval}, {@code show} and {@code diff} do for a row function: inputs are rows
 * written {@code 1,2,3}; values print the same way.
 */
public final class RowCli {
    private RowCli() {}

    /**
     * Prints f at each row (order 0), or its gradient (scalar f) or Jacobian, one line per
     * output (order 1).
     */
    static void eval(RowFunction f, Map<String, Double> params, int order, String wrt, List<String> inputs, PrintWriter out) {
        if (wrt != null) throw commandLine("--wrt " + wrt, 7, "row functions are differentiated with respect to their row only", "drop --wrt");
        if (order < 0 || order > 1) {
            throw commandLine("--order " + order, 9, "row functions have derivatives of order 0 and 1 only, got " + order, "--order 1 prints the gradient or the Jacobian");
        }
        RowActivation a = Compiler.compileRows(f, params);
        for (String text : inputs) {
            double[] row = row(text);
            checkLength(f, a, row.length, text);
            if (order == 0) {
                out.println(join(a.apply(row)));
            } else {
                int m = a.outputLength(row.length);
                for (int k = 0; k < m; k++) {
                    double[] e = new double[m];
                    e[k] = 1;
                    out.println(join(a.vjp(row, e)));
                }
            }
        }
    }

    /** The manual page: doc, definition, parameters, the program, its VJP and its JVP (also the REPL's {@code :show}). */
    public static void show(RowFunction f, PrintWriter out) {
        Manual.head(f.signature(), f.doc(), f.sourceText(), f.parameters(), out);
        out.println();
        out.println("As computed (reductions first)");
        out.println("  " + RowPrinter.print(f.program()).replace("\n", "\n  "));
        out.println();
        out.println(f.scalarValued() ? "Gradient times g (g: the output gradient, one number per row)"
                : "Vector-Jacobian product (g: the output gradient, one per output element; i: the element index)");
        out.println("  " + RowPrinter.print(Compiler.rowVjp(f)).replace("\n", "\n  "));
        out.println();
        out.println("Jacobian-vector product (d(" + f.variable() + "): the tangent, one per input element)");
        out.println("  " + RowPrinter.print(Compiler.rowJvp(f)).replace("\n", "\n  "));
    }

    /** What {@code diff} prints: the VJP program. */
    static String diff(RowFunction f) {
        return RowPrinter.print(Compiler.rowVjp(f));
    }

    private static void checkLength(RowFunction f, RowActivation a, int n, String text) {
        int parts = f.program().views().size();
        if (n % parts != 0) {
            throw new RampException(new Diagnostic(new Source("<command line>", text), new Span(1, 1, text.length()),
                    "'" + f.name() + "' splits its row in halves, but this row has " + n + " elements", "give it an even number of elements"));
        }
    }

    /** {@code 1,2,3} (spaces allowed) as a row. */
    static double[] row(String text) {
        List<Double> values = new ArrayList<>();
        int col = 1;
        for (String part : text.split(",", -1)) {
            Double v = Numbers.parse(part.strip());
            if (v == null) {
                int lead = part.length() - part.stripLeading().length();
                throw new RampException(new Diagnostic(new Source("<command line>", text), new Span(1, col + lead, Math.max(1, part.strip().length())),
                        "invalid number '" + part.strip() + "' in a row", "a row is numbers separated by commas, as in 1,2,3 (or -inf for a masked entry)"));
            }
            values.add(v);
            col += part.length() + 1;
        }
        double[] row = new double[values.size()];
        for (int i = 0; i < row.length; i++) row[i] = values.get(i);
        return row;
    }

    static String join(double[] v) {
        StringJoiner j = new StringJoiner(",");
        for (double d : v) j.add(Numbers.format(d));
        return j.toString();
    }

    private static RampException commandLine(String shown, int col, String message, String hint) {
        return new RampException(new Diagnostic(new Source("<command line>", shown), new Span(1, col, Math.max(1, shown.length() - col + 1)), message, hint));
    }
}
