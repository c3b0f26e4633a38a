package dev.ramp.compiler.rows;

import dev.ramp.compiler.ir.Cond;
import dev.ramp.compiler.ir.Expr;
import dev.ramp.compiler.ir.Expr.*;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The variables an expression reads: how row programs tell element-wise terms (reading a view,
 * the index or the element gradient) from loop-invariant ones, and which steps read which.
 */
public final class Variables {
    private Variables() {}

    /** Every variable name in {@code e}. */
    public static Set<String> of(Expr e) {
        Set<String> out = new HashSet<>();
        collect(e, out);
        return out;
    }

    /** Whether {@code e} reads any of {@code names}. */
    public static boolean readsAny(Expr e, Collection<String> names) {
        for (String v : of(e)) {
            if (names.contains(v)) return true;
        }
        return false;
    }

    private static void collect(Expr e, Set<String> out) {
        switch (e) {
            case Const k -> {}
            case Var(String name) -> out.add(name);
            case Neg(Expr a) -> collect(a, out);
            case Add(List<Expr> t) -> t.forEach(k -> collect(k, out));
            case Mul(List<Expr> t) -> t.forEach(k -> collect(k, out));
            case Div(Expr a, Expr b) -> { collect(a, out); collect(b, out); }
            case Pow(Expr a, Expr b) -> { collect(a, out); collect(b, out); }
            case Call(var fn, List<Expr> args) -> args.forEach(k -> collect(k, out));
            case Where(Cond c, Expr t, Expr f) -> { collect(c, out); collect(t, out); collect(f, out); }
        }
    }

    private static void collect(Cond c, Set<String> out) {
        switch (c) {
            case Cond.Compare(var op, Expr l, Expr r) -> { collect(l, out); collect(r, out); }
            case Cond.Not(Cond a) -> collect(a, out);
            case Cond.And(Cond l, Cond r) -> { collect(l, out); collect(r, out); }
            case Cond.Or(Cond l, Cond r) -> { collect(l, out); collect(r, out); }
        }
    }
}
