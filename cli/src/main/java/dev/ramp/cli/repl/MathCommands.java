package dev.ramp.cli.repl;

import dev.ramp.compiler.Compiler;
import dev.ramp.compiler.diag.Hints;
import dev.ramp.compiler.ir.Function;
import dev.ramp.compiler.print.LatexPrinter;
import dev.ramp.compiler.print.Printer;
import java.util.ArrayList;
import java.util.List;

/** {@code :d}, {@code :simplify} and {@code :latex}: symbolic results as text. */
final class MathCommands {
    private MathCommands() {}

    /** Orders beyond this grow expressions large enough to stall an interactive session. */
    static final int MAX_ORDER = 10;

    static void derivative(Invocation inv, Context cx) {
        Request r = Request.parse(inv, cx.session, 1, true, ":d [N] EXPR [--wrt NAME]");
        cx.out.println(Printer.print(Compiler.derivative(r.function, r.wrt, r.order)));
    }

    static void simplify(Invocation inv, Context cx) {
        Function f = ExprArg.resolve(inv, cx.session, inv.argsStart(), inv.input().length(), ":simplify EXPR");
        cx.out.println(Printer.print(Compiler.derivative(f, null, 0)));
    }

    static void latex(Invocation inv, Context cx) {
        Request r = Request.parse(inv, cx.session, 0, false, ":latex [N] EXPR");
        cx.out.println(LatexPrinter.print(Compiler.derivative(r.function, r.wrt, r.order)));
    }

    /** {@code [N] EXPR [--wrt NAME]}, read from the words of the arguments. */
    private record Request(int order, Function function, String wrt) {
        static Request parse(Invocation inv, Session session, int defaultOrder, boolean allowWrt, String usage) {
            List<Invocation.Word> words = new ArrayList<>(inv.words());
            int start = inv.argsStart();
            int end = inv.input().length();
            int order = defaultOrder;
            if (words.size() > 1 && words.getFirst().text().matches("\\d+")) {
                Invocation.Word n = words.removeFirst();
                order = n.text().length() > 3 ? Integer.MAX_VALUE : Integer.parseInt(n.text());
                if (order > MAX_ORDER) {
                    throw inv.error(n.start(), n.end(), "derivative order " + n.text() + " is more than the REPL offers (" + MAX_ORDER + ")",
                            "ramp diff --order N has no limit");
                }
                start = n.end();
            }
            String wrt = null;
            Invocation.Word wrtWord = null;
            for (int i = 0; i < words.size(); i++) {
                Invocation.Word w = words.get(i);
                if (w.text().equals("--wrt") || w.text().startsWith("--wrt=")) {
                    if (!allowWrt) throw inv.error(w.start(), w.end(), "--wrt is not an option of this command", "usage: " + usage);
                    boolean inline = w.text().startsWith("--wrt=");
                    if (!inline && i + 1 >= words.size() || inline && w.text().length() == 6) {
                        throw inv.error(w.start(), w.end(), "--wrt needs a name", "e.g. --wrt alpha");
                    }
                    wrtWord = inline ? new Invocation.Word(w.text().substring(6), w.start() + 6, w.end()) : words.get(i + 1);
                    wrt = wrtWord.text();
                    end = w.start();
                    Invocation.Word last = inline ? w : words.get(i + 1);
                    if (last != words.getLast()) {
                        Invocation.Word extra = words.get(words.indexOf(last) + 1);
                        throw inv.error(extra.start(), inv.input().stripTrailing().length(), "unexpected text after --wrt " + wrt, "usage: " + usage);
                    }
                    break;
                }
            }
            Function f = ExprArg.resolve(inv, session, start, end, usage);
            if (wrt != null && !wrt.equals(f.variable()) && f.parameter(wrt) == null) {
                List<String> names = new ArrayList<>();
                names.add(f.variable());
                f.parameters().forEach(p -> names.add(p.name()));
                throw inv.error(wrtWord.start(), wrtWord.end(), "'" + f.name() + "' has no variable or parameter '" + wrt + "'",
                        Hints.nearest(wrt, names).map(n -> "did you mean '" + n + "'?").orElse("it has " + String.join(", ", names)));
            }
            return new Request(order, f, wrt);
        }
    }
}
