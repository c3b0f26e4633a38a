package dev.ramp.cli.repl;

import dev.ramp.compiler.Compiler;
import dev.ramp.compiler.RampException;
import dev.ramp.compiler.diag.Source;
import dev.ramp.compiler.ir.Cond;
import dev.ramp.compiler.ir.Expr;
import dev.ramp.compiler.ir.Function;

/** Reads a command's EXPR argument: a definition's name, an expression in x, or a definition. */
final class ExprArg {
    private ExprArg() {}

    /**
     * The function {@code input[start, end)} names or writes. Errors point into the input as typed.
     *
     * @param usage shown as the hint when the argument is missing
     */
    static Function resolve(Invocation inv, Session session, int start, int end, String usage) {
        String text = inv.input().substring(start, end);
        if (text.isBlank()) {
            int at = Math.min(start, inv.input().length());
            throw inv.error(at, at + 1, "expected an expression or a definition's name", "usage: " + usage);
        }
        if (Lexing.isName(text)) {
            Function named = session.library().lookup(text.strip());
            if (named != null) return named;
        }
        Source source = inv.sourceOf(start, end);
        try {
            return Compiler.parseExpression(source, session.library());
        } catch (RampException e) {
            throw inv.reattach(e, source);
        }
    }

    /** Whether {@code e} mentions any variable (the input or a parameter). */
    static boolean hasVariables(Expr e) {
        return switch (e) {
            case Expr.Const c -> false;
            case Expr.Var v -> true;
            case Expr.Neg(Expr a) -> hasVariables(a);
            case Expr.Add(var terms) -> terms.stream().anyMatch(ExprArg::hasVariables);
            case Expr.Mul(var factors) -> factors.stream().anyMatch(ExprArg::hasVariables);
            case Expr.Div(Expr n, Expr d) -> hasVariables(n) || hasVariables(d);
            case Expr.Pow(Expr b, Expr x) -> hasVariables(b) || hasVariables(x);
            case Expr.Call(var fn, var args) -> args.stream().anyMatch(ExprArg::hasVariables);
            case Expr.Where(Cond c, Expr t, Expr f) -> hasVariables(c) || hasVariables(t) || hasVariables(f);
        };
    }

    private static boolean hasVariables(Cond c) {
        return switch (c) {
            case Cond.Compare(var op, Expr l, Expr r) -> hasVariables(l) || hasVariables(r);
            case Cond.And(Cond l, Cond r) -> hasVariables(l) || hasVariables(r);
            case Cond.Or(Cond l, Cond r) -> hasVariables(l) || hasVariables(r);
            case Cond.Not(Cond o) -> hasVariables(o);
        };
    }

    /**
     * Every parameter's value (the defaults); a parameter without a default is an error at the
     * argument, with a hint on how to give it one.
     */
    static java.util.Map<String, Double> parameterValues(Invocation inv, Function f, int start, int end) {
        for (var p : f.parameters()) {
            if (p.defaultValue().isEmpty()) {
                throw inv.error(start, end, "parameter '" + p.name() + "' of '" + f.name() + "' has no value",
                        "pass one in a call, as in " + f.name() + "(x; " + p.name() + " = 1), or give it a default");
            }
        }
        return Compiler.parameterValues(f, java.util.Map.of());
    }
}
