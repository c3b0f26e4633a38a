package dev.ramp.compiler.rows;

import static dev.ramp.compiler.ir.Exprs.*;

import dev.ramp.compiler.ir.Cond;
import dev.ramp.compiler.ir.Expr;
import dev.ramp.compiler.ir.Expr.*;
import dev.ramp.compiler.pass.Differentiate;
import dev.ramp.compiler.pass.Simplify;
import dev.ramp.compiler.rows.RowProgram.Reduce;
import dev.ramp.compiler.rows.RowProgram.Reduction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The vector-Jacobian product of a row program in closed form: reverse mode over its steps, with
 * each element-wise part differentiated by {@link Differentiate} and simplified. For
 * {@code y = F(x)} and an output gradient {@code g}, the result is a backward program computing
 * {@code gradIn = J(x)^T g} (for a scalar F, {@code g * grad F}).
 *
 * <p>With {@code y_i = phi(x_i, s)} for the step values {@code s}: the adjoint of a step is
 * {@code sbar_k = sum_i g_i dphi/ds_k(x_i) + sum_{l > k} sbar_l ds_l/ds_k}, and
 * {@code gradIn_j = g_j dphi/dx(x_j) + sum_k sbar_k ds_k/dx_j}, where for a sum
 * {@code ds/dx_j = dbody/dx(x_j)} and for a max or min it is that at the first index attaining
 * the extreme and 0 elsewhere (PyTorch's {@code max(dim)} rule; {@code torch.amax} would split
 * it among ties). Every sum over the row that appears is a new reduction step, computed in one
 * pass over the row before the output loop.
 *
 * <p><b>Max-subtraction keeps no gradient.</b> In {@code let m = max(xs) in m + log(sum(exp(xs -
 * m)))} the shift {@code m} cancels mathematically; its adjoint {@code 1 - S'/S} is made exactly
 * 0 by writing each new sum as a loop-invariant factor times a sum already computed where one
 * matches ({@code sum(-exp(xs - m)) = -S}), so the simplifier sees {@code g - g*S/S}. The
 * stable forward form is kept, and no argmax term is emitted.
 */
public final class RowDerivative {
    private final RowProgram program;
    private final List<Reduce> steps;
    private final Set<String> elementVars = new HashSet<>();
    private final Map<String, Expr> simplifiedBodies = new HashMap<>();
    private int counter;

    private RowDerivative(RowProgram program) {
        this.program = program;
        this.steps = new ArrayList<>(program.steps());
        elementVars.addAll(program.views());
        elementVars.add(RowProgram.INDEX);
        if (program.output() instanceof RowProgram.Elements) elementVars.add(RowProgram.GRAD);
    }

    /** The backward program of {@code p} (a definition's program: scalar or element output). */
    public static RowProgram vjp(RowProgram p) {
        return new RowDerivative(p).run();
    }

    /** The tangent of view {@code view}: the element variable {@code d(view)} of a JVP program. */
    public static String tangentName(String view) {
        return "d(" + view + ")";
    }

    /**
     * The Jacobian-vector product of {@code p} in closed form (forward mode over the steps): a
     * program of the same shape as {@code p} whose element variables also include the tangent
     * {@link #tangentName} of each view, and whose output is {@code J(x) t}.
     */
    public static RowProgram jvp(RowProgram p) {
        RowDerivative d = new RowDerivative(p);
        for (String v : p.views()) d.elementVars.add(tangentName(v));
        return d.forward();
    }

    private RowProgram forward() {
        Map<String, Expr> dot = new java.util.LinkedHashMap<>();
        for (Reduce r : program.steps()) {
            List<Expr> terms = new ArrayList<>();
            Expr direct = ZERO;
            for (String v : program.views()) direct = add(direct, mul(d(r.body(), v), var(tangentName(v))));
            direct = Simplify.simplify(direct);
            Expr chained = ZERO;
            for (Map.Entry<String, Expr> e : dot.entrySet()) {
                if (!isZero(e.getValue())) chained = add(chained, mul(d(r.body(), e.getKey()), e.getValue()));
            }
            Expr inner = Simplify.simplify(add(direct, chained));
            if (r.kind() == Reduction.SUM) {
                if (!isZero(inner)) terms.add(sumOf(inner, List.of()));
                for (Expr extra : r.extras()) {
                    for (Map.Entry<String, Expr> e : dot.entrySet()) {
                        if (!isZero(e.getValue())) terms.add(mul(d(extra, e.getKey()), e.getValue()));
                    }
                }
            } else {
                if (!isZero(inner)) terms.add(sumOf(atArgmax(r, inner), List.of()));
                for (int k = 0; k < r.extras().size(); k++) {
                    Expr de = ZERO;
                    for (Map.Entry<String, Expr> e : dot.entrySet()) {
                        if (!isZero(e.getValue())) de = add(de, mul(d(r.extras().get(k), e.getKey()), e.getValue()));
                    }
                    de = Simplify.simplify(de);
                    if (!isZero(de)) terms.add(where(new Cond.Compare(Cond.Op.EQ, var(RowProgram.argmaxName(r.name())), constant(-1 - k)), de, ZERO));
                }
            }
            dot.put(r.name(), terms.isEmpty() ? ZERO : tidy(add(terms)));
        }
        boolean rowOut = program.output() instanceof RowProgram.Elements;
        Expr out = switch (program.output()) {
            case RowProgram.Scalar(Expr v) -> v;
            case RowProgram.Elements(Expr e) -> e;
            case RowProgram.Gradient g -> throw new IllegalArgumentException("not a definition's program");
        };
        List<Expr> terms = new ArrayList<>();
        if (rowOut) {
            for (String v : program.views()) terms.add(mul(d(out, v), var(tangentName(v))));
        }
        for (Map.Entry<String, Expr> e : dot.entrySet()) {
            if (!isZero(e.getValue())) terms.add(mul(d(out, e.getKey()), e.getValue()));
        }
        Expr result = terms.isEmpty() ? ZERO : tidy(add(terms));
        return new RowProgram(program.views(), steps, rowOut ? new RowProgram.Elements(result) : new RowProgram.Scalar(result));
    }

    private RowProgram run() {
        int k0 = program.steps().size();
        boolean rowOut = program.output() instanceof RowProgram.Elements;
        Expr out = switch (program.output()) {
            case RowProgram.Scalar(Expr v) -> v;
            case RowProgram.Elements(Expr e) -> e;
            case RowProgram.Gradient g -> throw new IllegalArgumentException("already a backward program");
        };
        Expr[] bar = new Expr[k0];
        for (int k = k0 - 1; k >= 0; k--) {
            String name = program.steps().get(k).name();
            List<Expr> contributions = new ArrayList<>();
            Expr d = d(out, name);
            if (!isZero(d)) contributions.add(rowOut ? sumOf(mul(var(RowProgram.GRAD), d), List.of()) : mul(var(RowProgram.GRAD), d));
            for (int l = k + 1; l < k0; l++) {
                if (isZero(bar[l])) continue;
                Expr partial = stepPartial(program.steps().get(l), name);
                if (!isZero(partial)) contributions.add(mul(bar[l], partial));
            }
            bar[k] = contributions.isEmpty() ? ZERO : tidy(add(contributions));
        }
        List<Expr> perView = new ArrayList<>();
        for (String view : program.views()) {
            List<Expr> terms = new ArrayList<>();
            if (rowOut) {
                Expr d = d(out, view);
                if (!isZero(d)) terms.add(mul(var(RowProgram.GRAD), d));
            }
            for (int k = 0; k < k0; k++) {
                if (isZero(bar[k])) continue;
                Reduce r = program.steps().get(k);
                Expr db = d(r.body(), view);
                if (isZero(db)) continue;
                terms.add(mul(bar[k], r.kind() == Reduction.SUM ? db : atArgmax(r, db)));
            }
            perView.add(terms.isEmpty() ? ZERO : tidy(add(terms)));
        }
        return new RowProgram(program.views(), steps, new RowProgram.Gradient(perView, rowOut));
    }

    /** {@code d s_l / d s_k} through the body and extras of step {@code r}, a loop-invariant expression. */
    private Expr stepPartial(Reduce r, String wrt) {
        Expr db = d(r.body(), wrt);
        List<Expr> dex = new ArrayList<>();
        boolean allZero = isZero(db);
        for (Expr e : r.extras()) {
            Expr de = d(e, wrt);
            dex.add(de);
            allZero &= isZero(de);
        }
        if (allZero) return ZERO;
        if (r.kind() == Reduction.SUM) return sumOf(db, dex);
        List<Expr> terms = new ArrayList<>();
        if (!isZero(db)) terms.add(sumOf(atArgmax(r, db), List.of()));
        for (int e = 0; e < dex.size(); e++) {
            if (isZero(dex.get(e))) continue;
            terms.add(where(new Cond.Compare(Cond.Op.EQ, var(RowProgram.argmaxName(r.name())), constant(-1 - e)), dex.get(e), ZERO));
        }
        return terms.isEmpty() ? ZERO : add(terms);
    }

    /** {@code value} at the position where the max or min of {@code r} was attained, else 0. */
    private static Expr atArgmax(Reduce r, Expr value) {
        return where(new Cond.Compare(Cond.Op.EQ, var(RowProgram.INDEX), var(RowProgram.argmaxName(r.name()))), value, ZERO);
    }

    /**
     * {@code sum over {extras, body(i)}} as a loop-invariant expression: zero, a multiple of a
     * sum already computed, or a new reduction step.
     */
    private Expr sumOf(Expr body, List<Expr> extras) {
        body = Simplify.simplify(body);
        boolean zero = isZero(body);
        for (Expr e : extras) zero &= isZero(e);
        if (zero) return ZERO;
        Expr[] split = split(body);
        Expr rest = Simplify.simplify(split[1]);
        List<Expr> restExtras = new ArrayList<>();
        boolean common = true;
        for (Expr e : extras) {
            Expr[] se = splitExtra(Simplify.simplify(e), split[0]);
            common &= se != null;
            restExtras.add(se == null ? e : Simplify.simplify(se[1]));
        }
        if (!common) {
            String name = fresh();
            steps.add(new Reduce(name, Reduction.SUM, body, extras));
            return var(name);
        }
        for (Reduce r : steps) {
            if (r.kind() == Reduction.SUM && simplified(r).equals(rest) && simplifiedExtras(r).equals(restExtras)) return mul(split[0], var(r.name()));
        }
        String name = fresh();
        steps.add(new Reduce(name, Reduction.SUM, rest, restExtras));
        simplifiedBodies.put(name, rest);
        return mul(split[0], var(name));
    }

    /** An extra written as {@code factor * rest} with the body's factor, or null if it is not. */
    private Expr[] splitExtra(Expr extra, Expr factor) {
        Expr[] s = splitFactor(extra);
        if (Simplify.simplify(s[0]).equals(Simplify.simplify(factor))) return s;
        if (isOne(factor)) return new Expr[] {ONE, extra};
        return null;
    }

    /** As {@link #split}, treating every factor of a product as loop-invariant (extras are). */
    private static Expr[] splitFactor(Expr e) {
        return switch (e) {
            case Neg(Expr a) -> {
                Expr[] s = splitFactor(a);
                yield new Expr[] {neg(s[0]), s[1]};
            }
            case Mul(List<Expr> factors) when factors.size() == 2 -> new Expr[] {factors.get(1), factors.get(0)};
            case Const _, Var _, Add _, Mul _, Div _, Pow _, Call _, Where _ -> new Expr[] {ONE, e};
        };
    }

    private List<Expr> simplifiedExtras(Reduce r) {
        return r.extras().stream().map(Simplify::simplify).toList();
    }

    private Expr simplified(Reduce r) {
        return simplifiedBodies.computeIfAbsent(r.name(), n -> Simplify.simplify(r.body()));
    }

    private String fresh() {
        Set<String> names = new HashSet<>();
        for (Reduce r : steps) names.add(r.name());
        String name;
        do name = "sum_" + (++counter); while (names.contains(name) || elementVars.contains(name));
        return name;
    }

    /** {@code e} as {@code [factor, rest]} with {@code factor} loop-invariant and {@code e = factor * rest}. */
    private Expr[] split(Expr e) {
        if (!mentionsElement(e)) return new Expr[] {e, ONE};
        return switch (e) {
            case Neg(Expr a) -> {
                Expr[] s = split(a);
                yield new Expr[] {neg(s[0]), s[1]};
            }
            case Mul(List<Expr> factors) -> {
                List<Expr> outside = new ArrayList<>(), inside = new ArrayList<>();
                for (Expr f : factors) {
                    Expr[] s = split(f);
                    outside.add(s[0]);
                    inside.add(s[1]);
                }
                yield new Expr[] {mul(outside), mul(inside)};
            }
            case Div(Expr n, Expr den) when !mentionsElement(den) -> {
                Expr[] s = split(n);
                yield new Expr[] {div(s[0], den), s[1]};
            }
            case Div(Expr n, Expr den) -> {
                Expr[] s = split(n);
                yield new Expr[] {s[0], div(s[1], den)};
            }
            // where(c, a*r, 0) = where(c, a, 0) * r for a loop-invariant c (and a finite r)
            case Where(Cond c, Expr t, Expr f) when !mentionsElement(c) && (isZero(t) || isZero(f)) -> {
                Expr[] s = split(isZero(t) ? f : t);
                yield new Expr[] {isZero(t) ? where(c, ZERO, s[0]) : where(c, s[0], ZERO), s[1]};
            }
            case Const _, Var _, Add _, Pow _, Call _, Where _ -> new Expr[] {ONE, e};
        };
    }

    /**
     * Simplifies an adjoint after two rewrites the simplifier does not make: {@code where}s are
     * pulled out of products and sums ({@code where(c, a, b) * k = where(c, a*k, b*k)}, exact),
     * and a sum over the row that appears as a factor both above and below a fraction bar
     * cancels. The latter assumes the sums finite and nonzero, which they are wherever the
     * shift-invariance it is there for holds; in a fully masked row it gives the shift no
     * gradient, as {@code stop_gradient} does in JAX.
     */
    private Expr tidy(Expr e) {
        Expr s = Simplify.simplify(e);
        Expr t = Simplify.simplify(cancel(hoistWhere(s)));
        return Simplify.size(t) <= Simplify.size(s) ? t : s;
    }

    private static Expr hoistWhere(Expr e) {
        return switch (e) {
            case Const c -> e;
            case Var v -> e;
            case Neg(Expr a) -> hoistWhere(a) instanceof Where(Cond c, Expr t, Expr f) ? where(c, hoistWhere(neg(t)), hoistWhere(neg(f))) : neg(hoistWhere(a));
            case Add(List<Expr> terms) -> {
                List<Expr> hs = terms.stream().map(RowDerivative::hoistWhere).toList();
                Cond c = commonCondition(hs);
                if (c == null) yield add(hs);
                List<Expr> ts = new ArrayList<>(), fs = new ArrayList<>();
                for (Expr h : hs) {
                    ts.add(h instanceof Where(Cond hc, Expr t, Expr f) && hc.equals(c) ? t : h);
                    fs.add(h instanceof Where(Cond hc, Expr t, Expr f) && hc.equals(c) ? f : h);
                }
                yield where(c, hoistWhere(add(ts)), hoistWhere(add(fs)));
            }
            case Mul(List<Expr> factors) -> {
                List<Expr> hs = factors.stream().map(RowDerivative::hoistWhere).toList();
                for (int i = 0; i < hs.size(); i++) {
                    if (hs.get(i) instanceof Where(Cond c, Expr t, Expr f)) {
                        List<Expr> ts = new ArrayList<>(hs), fs = new ArrayList<>(hs);
                        ts.set(i, t);
                        fs.set(i, f);
                        yield where(c, hoistWhere(mul(ts)), hoistWhere(mul(fs)));
                    }
                }
                yield mul(hs);
            }
            case Div(Expr n, Expr d) -> {
                Expr hn = hoistWhere(n), hd = hoistWhere(d);
                if (hn instanceof Where(Cond c, Expr t, Expr f)) yield where(c, hoistWhere(div(t, hd)), hoistWhere(div(f, hd)));
                if (hd instanceof Where(Cond c, Expr t, Expr f)) yield where(c, hoistWhere(div(hn, t)), hoistWhere(div(hn, f)));
                yield div(hn, hd);
            }
            case Pow _, Call _, Where _ -> e;
        };
    }

    /** The condition of the first {@code where} among {@code terms}, if any. */
    private static Cond commonCondition(List<Expr> terms) {
        for (Expr t : terms) {
            if (t instanceof Where(Cond c, Expr a, Expr b)) return c;
        }
        return null;
    }

    /** Cancels a step variable that is a factor of both a numerator and its denominator. */
    private Expr cancel(Expr e) {
        return switch (e) {
            case Add(List<Expr> terms) -> {
                List<Expr> ts = new ArrayList<>(terms.stream().map(this::cancel).toList());
                for (int i = 0; i < ts.size(); i++) {
                    int j = ts.indexOf(Simplify.simplify(neg(ts.get(i))));
                    if (j > i) {
                        ts.remove(j);
                        ts.remove(i--);
                    }
                }
                yield ts.isEmpty() ? ZERO : ts.size() == 1 ? ts.getFirst() : add(ts);
            }
            case Neg(Expr a) -> neg(cancel(a));
            case Where(Cond c, Expr t, Expr f) -> where(c, cancel(t), cancel(f));
            case Mul m -> cancelFraction(e);
            case Div d -> cancelFraction(e);
            case Const _, Var _, Pow _, Call _ -> e;
        };
    }

    private Expr cancelFraction(Expr e) {
        List<Expr> num = new ArrayList<>(), den = new ArrayList<>();
        boolean negative = factors(e, num, den, false);
        for (int i = 0; i < num.size(); i++) {
            if (!(num.get(i) instanceof Var(String name)) || !isStep(name)) continue;
            int j = den.indexOf(num.get(i));
            if (j < 0) continue;
            den.remove(j);
            num.remove(i--);
        }
        if (num.isEmpty()) num.add(ONE);
        Expr r = den.isEmpty() ? mul(num.size() == 1 ? List.of(num.getFirst(), ONE) : num) : div(mul(num.size() == 1 ? List.of(num.getFirst(), ONE) : num), den.size() == 1 ? den.getFirst() : mul(den));
        return negative ? neg(r) : r;
    }

    /** Flattens a product-quotient into factors; returns the sign (true when negated an odd number of times). */
    private boolean factors(Expr e, List<Expr> num, List<Expr> den, boolean negative) {
        switch (e) {
            case Neg(Expr a) -> {
                return factors(a, num, den, !negative);
            }
            case Mul(List<Expr> fs) -> {
                for (Expr f : fs) negative = factors(f, num, den, negative);
                return negative;
            }
            case Div(Expr n, Expr d) -> {
                negative = factors(n, num, den, negative);
                return factors(d, den, num, negative);
            }
            case Pow(Expr b, Const(double k)) when k == 2 && b instanceof Var -> {
                num.add(b);
                num.add(b);
                return negative;
            }
            case Const _, Var _, Add _, Pow _, Call _, Where _ -> {
                num.add(cancel(e));
                return negative;
            }
        }
    }

    private boolean isStep(String name) {
        for (Reduce r : steps) {
            if (r.name().equals(name)) return true;
        }
        return false;
    }

    private boolean mentionsElement(Expr e) {
        return Variables.readsAny(e, elementVars);
    }

    private boolean mentionsElement(Cond c) {
        return Variables.readsAny(new Where(c, ZERO, ZERO), elementVars);
    }

    private static Expr d(Expr e, String wrt) {
        return Differentiate.derivative(e, wrt, 1);
    }
}
