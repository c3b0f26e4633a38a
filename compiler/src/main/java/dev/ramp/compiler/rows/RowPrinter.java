package dev.ramp.compiler.rows;

import dev.ramp.compiler.ir.Expr;
import dev.ramp.compiler.print.Printer;
import dev.ramp.compiler.rows.RowProgram.Reduce;
import java.util.ArrayList;
import java.util.List;

/**
 * A row program in ramp syntax: its steps as a {@code let}, then the output. A backward program
 * prints its gradient; with two views, one line per half:
 *
 * <pre>{@code
 * let m = max(xs), s = sum(exp(xs - m)) in m + log(s)
 * let ..., sum_1 = sum(g * y) in g * y - sum_1 * y          (a VJP, g the output gradient)
 * }</pre>
 */
public final class RowPrinter {
    private RowPrinter() {}

    /** The program as one ramp expression (or one per view, for a two-view gradient). */
    public static String print(RowProgram p) {
        List<String> bindings = new ArrayList<>();
        for (Reduce r : p.steps()) bindings.add(r.name() + " = " + reduction(r, p));
        String prefix = bindings.isEmpty() ? "" : "let " + String.join(", ", bindings) + " in ";
        return switch (p.output()) {
            case RowProgram.Scalar(Expr v) -> prefix + Printer.print(v);
            case RowProgram.Elements(Expr e) -> prefix + Printer.print(e);
            case RowProgram.Gradient(List<Expr> perView, boolean elementGrad) -> {
                if (perView.size() == 1) yield prefix + Printer.print(perView.getFirst());
                StringBuilder s = new StringBuilder(prefix.isEmpty() ? "" : prefix.strip() + "\n");
                for (int k = 0; k < perView.size(); k++) {
                    s.append(k == 0 ? "" : "\n").append("  d/d ").append(p.views().get(k)).append(": ").append(Printer.print(perView.get(k)));
                }
                yield s.toString();
            }
        };
    }

    /** {@code sum(exp(xs - m))}, {@code max(concat(0, xs))}. */
    private static String reduction(Reduce r, RowProgram p) {
        String body = Printer.print(r.body());
        if (r.extras().isEmpty()) return r.kind().symbol + "(" + body + ")";
        List<String> parts = new ArrayList<>();
        for (Expr e : r.extras()) parts.add(Printer.print(e));
        return r.kind().symbol + "(concat(" + String.join(", ", parts) + ", " + body + "))";
    }
}
