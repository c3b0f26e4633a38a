package dev.ramp.compiler.analysis;

import static dev.ramp.compiler.ir.Exprs.*;

import dev.ramp.compiler.ir.Cond;
import dev.ramp.compiler.ir.Expr;
import dev.ramp.compiler.ir.Expr.*;
import dev.ramp.compiler.ir.Fn;
import dev.ramp.compiler.pass.Eval;
import dev.ramp.compiler.pass.Simplify;
import dev.ramp.compiler.print.Printer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where a definition can stop being smooth, found from its syntax: every comparison in a
 * {@code where} condition ({@code l op r} switches where {@code l - r} changes sign), every
 * {@code max}/{@code min} ({@code u - v}), every {@code abs} and {@code sign} argument.
 *
 * <p>Each switching expression s(x) is solved exactly when it is a polynomial of degree 1 or 2 in
 * x (after simplification): {@code x > 0}, {@code x + 3 > 0}, {@code beta * x > threshold},
 * {@code max(0, x)}. Otherwise ({@code abs(x) > lambd}, {@code max(x + 3, 0) vs 6}) its sign is
 * scanned on the {@link Grid} and every change refined by bisection to adjacent doubles; a
 * change between grid points closer than 1/64 near 0 (or 5% far out), or beyond ±10^6, can be
 * missed, and a tangency (a root without a sign change) is missed.
 */
final class BranchPoints {
    private BranchPoints() {}

    /** A switching expression and how it reads in the source. */
    record Switch(Expr s, String source) {}

    /** All branch points of {@code body}, sorted, duplicates (within 1e-13 relative) merged. */
    static List<BranchPoint> find(Expr body, String var) {
        List<BranchPoint> found = new ArrayList<>();
        for (Switch sw : switches(body, var)) found.addAll(roots(sw, var));
        found.sort(Comparator.comparingDouble(BranchPoint::x));
        List<BranchPoint> merged = new ArrayList<>();
        for (BranchPoint p : found) {
            if (!Double.isFinite(p.x())) continue;
            if (p.x() == 0) p = new BranchPoint(0.0, p.method(), p.source());  // -0.0 reads badly
            BranchPoint last = merged.isEmpty() ? null : merged.getLast();
            if (last != null && Math.abs(p.x() - last.x()) <= 1e-13 * Math.max(1, Math.abs(p.x()))) {
                // Prefer an exact solution's location and method.
                if (last.method().equals("bisection") && !p.method().equals("bisection")) merged.set(merged.size() - 1, p);
                continue;
            }
            merged.add(p);
        }
        return Collections.unmodifiableList(merged);
    }

    /** The switching expressions of {@code body} that depend on {@code var}, each once. */
    static List<Switch> switches(Expr body, String var) {
        Set<Switch> out = new LinkedHashSet<>();
        new Object() {
            final Map<Expr, Boolean> seen = new IdentityHashMap<>();

            void expr(Expr e) {
                if (seen.put(e, Boolean.TRUE) != null) return;
                switch (e) {
                    case Const c -> { }
                    case Var v -> { }
                    case Neg(Expr a) -> expr(a);
                    case Add(List<Expr> ts) -> ts.forEach(this::expr);
                    case Mul(List<Expr> fs) -> fs.forEach(this::expr);
                    case Div(Expr n, Expr d) -> { expr(n); expr(d); }
                    case Pow(Expr b, Expr x) -> { expr(b); expr(x); }
                    case Call(Fn fn, List<Expr> args) -> {
                        args.forEach(this::expr);
                        switch (fn) {
                            case MAX, MIN -> add(sub(args.get(0), args.get(1)), Printer.print(e));
                            case ABS, SIGN -> add(args.getFirst(), Printer.print(args.getFirst()) + " = 0");
                            default -> { }
                        }
                    }
                    case Where(Cond c, Expr t, Expr f) -> { cond(c); expr(t); expr(f); }
                }
            }

            void cond(Cond c) {
                switch (c) {
                    case Cond.Compare(Cond.Op op, Expr l, Expr r) -> {
                        expr(l);
                        expr(r);
                        add(sub(l, r), Printer.print(c));
                    }
                    case Cond.And(Cond l, Cond r) -> { cond(l); cond(r); }
                    case Cond.Or(Cond l, Cond r) -> { cond(l); cond(r); }
                    case Cond.Not(Cond o) -> cond(o);
                }
            }

            void add(Expr s, String source) {
                Expr simple = Simplify.simplify(s);
                if (mentions(simple, var)) out.add(new Switch(simple, source));
            }
        }.expr(body);
        return List.copyOf(out);
    }

    /** The zeros of one switching expression: exact for degree 1 and 2, else grid scan and bisection. */
    static List<BranchPoint> roots(Switch sw, String var) {
        var poly = ExpPoly.of(sw.s(), var);
        if (poly.isPresent() && poly.get().isPolynomial() && poly.get().degree() <= 2) {
            return exactRoots(poly.get(), sw.source());
        }
        return scan(sw, var);
    }

    private static List<BranchPoint> exactRoots(ExpPoly p, String source) {
        double c0 = p.coefficient(0), c1 = p.coefficient(1), c2 = p.coefficient(2);
        if (c2 == 0) {
            return c1 == 0 ? List.of() : List.of(new BranchPoint(-c0 / c1, "linear", source));
        }
        double disc = c1 * c1 - 4 * c2 * c0;
        if (disc < 0) return List.of();
        // The root of larger magnitude first (no cancellation), the other from the product of roots.
        double q = -0.5 * (c1 + Math.copySign(Math.sqrt(disc), c1));
        List<BranchPoint> r = new ArrayList<>();
        r.add(new BranchPoint(q / c2, "quadratic", source));
        if (q != 0 && disc > 0) r.add(new BranchPoint(c0 / q, "quadratic", source));
        return r;
    }

    private static List<BranchPoint> scan(Switch sw, String var) {
        double[] xs = Grid.points();
        int[] state = new int[xs.length];
        for (int i = 0; i < xs.length; i++) state[i] = state(sw.s(), var, xs[i]);
        List<BranchPoint> r = new ArrayList<>();
        for (int i = 0; i + 1 < xs.length; i++) {
            int a = state[i], b = state[i + 1];
            if (a == b || a == NAN || b == NAN) continue;
            if (a == 0) r.add(new BranchPoint(xs[i], "bisection", sw.source()));
            else if (b == 0) r.add(new BranchPoint(xs[i + 1], "bisection", sw.source()));
            else r.add(new BranchPoint(bisect(sw.s(), var, xs[i], xs[i + 1], a), "bisection", sw.source()));
        }
        return r;
    }

    private static final int NAN = 2;

    private static int state(Expr s, String var, double x) {
        double v = Eval.eval(s, var, x);
        return Double.isNaN(v) ? NAN : v > 0 ? 1 : v < 0 ? -1 : 0;
    }

    /** Bisection to adjacent doubles; returns the end where |s| is smaller (or an exact zero). */
    private static double bisect(Expr s, String var, double lo, double hi, int loState) {
        while (true) {
            double mid = 0.5 * (lo + hi);
            if (mid <= lo || mid >= hi) break;
            int m = state(s, var, mid);
            if (m == 0) return mid;
            if (m == loState) lo = mid;
            else if (m == NAN) break;
            else hi = mid;
        }
        return Math.abs(Eval.eval(s, var, lo)) <= Math.abs(Eval.eval(s, var, hi)) ? lo : hi;
    }

    static boolean mentions(Expr e, String var) {
        return switch (e) {
            case Const c -> false;
            case Var(String name) -> name.equals(var);
            case Neg(Expr a) -> mentions(a, var);
            case Add(List<Expr> ts) -> ts.stream().anyMatch(t -> mentions(t, var));
            case Mul(List<Expr> fs) -> fs.stream().anyMatch(f -> mentions(f, var));
            case Div(Expr n, Expr d) -> mentions(n, var) || mentions(d, var);
            case Pow(Expr b, Expr x) -> mentions(b, var) || mentions(x, var);
            case Call(Fn fn, List<Expr> args) -> args.stream().anyMatch(a -> mentions(a, var));
            case Where(Cond c, Expr t, Expr f) -> mentions(c, var) || mentions(t, var) || mentions(f, var);
        };
    }

    private static boolean mentions(Cond c, String var) {
        return switch (c) {
            case Cond.Compare(Cond.Op op, Expr l, Expr r) -> mentions(l, var) || mentions(r, var);
            case Cond.And(Cond l, Cond r) -> mentions(l, var) || mentions(r, var);
            case Cond.Or(Cond l, Cond r) -> mentions(l, var) || mentions(r, var);
            case Cond.Not(Cond o) -> mentions(o, var);
        };
    }
}
