package dev.ramp.compiler.analysis;

import static dev.ramp.compiler.ir.Exprs.*;

import dev.ramp.compiler.ir.Cond;
import dev.ramp.compiler.ir.Expr;
import dev.ramp.compiler.ir.Expr.*;
import dev.ramp.compiler.ir.Fn;
import dev.ramp.compiler.pass.Eval;
import dev.ramp.compiler.pass.Simplify;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The branch-free expression a definition reduces to near a point: every {@code where} replaced
 * by the side its condition takes there, {@code max}/{@code min} by the argument that wins,
 * {@code abs(u)} by {@code u} or {@code -u}, {@code sign(u)} by ±1. Between consecutive branch
 * points no decision changes, so the result equals the definition on the whole interval; that
 * is what makes zero sets, one-sided limits and closed-form integrals exact.
 */
final class Specialise {
    private final String var;
    private final double x;
    private final Map<Expr, Expr> done = new IdentityHashMap<>();

    private Specialise(String var, double x) {
        this.var = var;
        this.x = x;
    }

    /** {@code body} with the decisions it makes at {@code x} fixed, simplified. */
    static Expr at(Expr body, String var, double x) {
        return Simplify.simplify(new Specialise(var, x).expr(body));
    }

    private double value(Expr e) {
        return Eval.eval(e, var, x);
    }

    private Expr expr(Expr e) {
        Expr known = done.get(e);
        if (known != null) return known;
        Expr r = switch (e) {
            case Const c -> c;
            case Var v -> v;
            case Neg(Expr a) -> neg(expr(a));
            case Add(List<Expr> ts) -> add(all(ts));
            case Mul(List<Expr> fs) -> mul(all(fs));
            case Div(Expr n, Expr d) -> div(expr(n), expr(d));
            case Pow(Expr b, Expr p) -> pow(expr(b), expr(p));
            case Call(Fn fn, List<Expr> args) -> call(e, fn, args);
            case Where(Cond c, Expr t, Expr f) -> Eval.test(c, n -> x) ? expr(t) : expr(f);
        };
        done.put(e, r);
        return r;
    }

    private Expr call(Expr whole, Fn fn, List<Expr> args) {
        return switch (fn) {
            case MAX, MIN -> {
                double u = value(args.get(0)), v = value(args.get(1));
                if (Double.isNaN(u) || Double.isNaN(v)) yield new Call(fn, all(args));
                boolean first = fn == Fn.MAX ? u >= v : u <= v;
                yield expr(args.get(first ? 0 : 1));
            }
            case ABS -> {
                double u = value(args.getFirst());
                yield u > 0 ? expr(args.getFirst()) : u < 0 ? neg(expr(args.getFirst())) : new Call(fn, all(args));
            }
            case SIGN -> {
                double u = value(args.getFirst());
                yield u > 0 ? ONE : u < 0 ? MINUS_ONE : new Call(fn, all(args));
            }
            default -> new Call(fn, all(args));
        };
    }

    private List<Expr> all(List<Expr> es) {
        List<Expr> r = new ArrayList<>(es.size());
        for (Expr e : es) r.add(expr(e));
        return r;
    }
}
