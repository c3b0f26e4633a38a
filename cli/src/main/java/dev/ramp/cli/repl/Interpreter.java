package dev.ramp.cli.repl;

import dev.ramp.compiler.Compiler;
import dev.ramp.compiler.RampException;
import dev.ramp.compiler.diag.Source;
import dev.ramp.compiler.ir.Expr;
import dev.ramp.compiler.ir.Function;
import dev.ramp.compiler.pass.Eval;
import dev.ramp.compiler.print.Printer;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * Runs one REPL input: a command ({@code :d mish}), a definition ({@code f(x) = ...}, kept for
 * the session) or an expression (printed simplified, or as a number when it has no variable).
 * Nothing that goes wrong ends the session: every error is printed and the REPL carries on.
 */
final class Interpreter {
    private final Context cx;

    Interpreter(Context cx) {
        this.cx = cx;
    }

    Context context() {
        return cx;
    }

    /** Runs {@code input}; returns false when the session should end. */
    boolean execute(String input) {
        try {
            if (Lexing.code(input).isEmpty() && !input.strip().startsWith(":")) return true;  // blank or comment
            if (input.strip().startsWith(":")) {
                cx.commands.run(Invocation.parse(input), cx);
            } else if (Lexing.isDefinition(input)) {
                define(input);
            } else {
                evaluate(input);
            }
        } catch (RampException e) {
            cx.out.error(e);
        } catch (Problem p) {
            cx.out.problem(p.getMessage(), p.hint);
        } catch (UncheckedIOException e) {
            cx.out.problem(e.getMessage(), null);
        } catch (StackOverflowError e) {
            cx.out.problem("too deeply nested to handle", "split it into smaller definitions");
        } catch (RuntimeException e) {
            cx.out.problem("internal error: " + e, "this is a bug in ramp; please report it (RAMP_DEBUG=1 prints the stack trace)");
            if (System.getenv("RAMP_DEBUG") != null) e.printStackTrace(cx.out.writer());
        }
        return !cx.quitting();
    }

    private void define(String input) {
        Session s = cx.session;
        for (Session.Change c : s.adopt(Compiler.define(new Source(Invocation.SOURCE_NAME, input), s.library()))) {
            report(c, cx);
        }
    }

    /**
     * Says what was defined and what it replaced. Calls are inlined when a definition is made, so
     * definitions that called the old one keep it: say which, so nobody is surprised later.
     */
    static void report(Session.Change c, Context cx) {
        Function f = c.function();
        cx.out.println("defined " + signature(f));
        if (c.previous() == null) return;
        if (c.previous() == cx.session.stdlib.lookup(f.name())) {
            cx.out.note("  (in place of the stdlib's " + f.name() + " for this session)");
            return;
        }
        List<String> users = cx.session.definitions().stream()
                .filter(g -> g != f && calls(g, f.name()))
                .map(Function::name)
                .toList();
        if (!users.isEmpty()) {
            cx.out.note("  (" + String.join(", ", users) + " still use" + (users.size() == 1 ? "s" : "")
                    + " the previous " + f.name() + "; define " + (users.size() == 1 ? "it" : "them") + " again to use this one)");
        }
    }

    private static boolean calls(Function g, String name) {
        List<Lexing.Tok> t = Lexing.code(g.sourceText());
        for (int i = 1; i + 1 < t.size(); i++) {
            if (t.get(i).text().equals(name) && t.get(i + 1).text().equals("(")) return true;
        }
        return false;
    }

    private void evaluate(String input) {
        Source source = new Source(Invocation.SOURCE_NAME, input);
        Function f = Lexing.isName(input) && cx.session.library().lookup(input.strip()) != null
                ? cx.session.library().lookup(input.strip())
                : Compiler.parseExpression(source, cx.session.library());
        if (f.name().equals("expr") && !ExprArg.hasVariables(f.body())) {
            cx.out.println(Double.toString(Eval.eval(f.body(), Map.of())));
            return;
        }
        Expr simplified = Compiler.derivative(f, null, 0);
        cx.out.println(f.name().equals("expr") ? Printer.print(simplified) : signature(f) + " = " + Printer.print(simplified));
    }

    /** {@code f(x; a = 2)}. */
    static String signature(Function f) {
        StringBuilder b = new StringBuilder(f.name()).append('(').append(f.variable());
        String sep = "; ";
        for (var p : f.parameters()) {
            b.append(sep).append(p.name());
            p.defaultValue().ifPresent(v -> b.append(" = ").append(Printer.number(v)));
            sep = ", ";
        }
        return b.append(')').toString();
    }
}
