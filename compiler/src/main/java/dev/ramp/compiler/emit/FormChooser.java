package dev.ramp.compiler.emit;

import dev.ramp.compiler.ir.Cond;
import dev.ramp.compiler.ir.Cond.*;
import dev.ramp.compiler.ir.Expr;
import dev.ramp.compiler.ir.Expr.*;
import dev.ramp.compiler.ir.Fn;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Chooses, among equal forms of f and f', the one the cost model says is cheaper: each rule
 * below rewrites the pair (f, f') into an equal pair, and the result is kept only when its
 * estimated cost per element drops in scalar code and does not rise in SIMD lanes
 * ({@link CostModel}'s two sets of measured weights). Rules are tried in order, each on the
 * pair the previous ones left.
 *
 * <pre>{@code
 * gelu_tanh   0.5 (1 + tanh w)      ->  sigmoid(2w)                      no tanh; exact in the left tail
 *             1 - tanh(w)^2         ->  4 sigmoid(2w) sigmoid(-2w)       once tanh(w) is gone; no cancellation
 * mish        tanh(softplus(u))     ->  n / d,  n = e (e + 2), d = n + 2,  e = exp(min(u, 40))
 *             sigmoid(u) (1 - tanh(softplus(u))^2)  ->  4 e (e + 1) / d^2    one exp for f and f'; its product 0 beyond the guards
 * shared exp  sigmoid(u), sigmoid(-u), softplus(u) of one u  ->  RampMath's formulas inline,
 *             sharing e = exp(-|u|) and 1 / (1 + e)                     within an ulp of RampMath
 * reuse f     f = a * b,  f' = ... a * b * c ...  ->  f * c              bit for bit (same left fold)
 * }</pre>
 *
 * The clamp at 40 is the guard of the rational form: e (e + 2) would overflow to infinity for
 * u > 354 and give inf / inf; beyond 40, tanh(softplus(u)) is 1 in double (1 - t is below
 * 2e^-80) and the sech^2 term is below 4e^-80: the product that carries it is 0 there (and below
 * -746, where e is 0), so that f' rounds to the same value and stays finite however large the
 * product's other factors (mish'(+inf) = 1; x times the clamped term would be +inf).
 *
 * <p>Not rules, because they fail the accuracy budget (4 ulps against the high-precision
 * reference; the tests show it): softplus' = exp(x - f) (the rounding of x - f is amplified by
 * exp: about |x|/2 ulps) and elu' = f + alpha on the left branch (cancels for x below about -1:
 * at x = -40 the result is 0 instead of 4e-18).
 *
 * <p>The chooser runs after the symbolic passes (and after any stabilisation): it only ever
 * sees the expressions it is given, and hands back a {@link Emitter.Spec} whose f and f' have the
 * bound parameters as constants (f'' and the parameter derivatives as they were).
 */
final class FormChooser {
    private FormChooser() {}

    /** Beyond this argument tanh(softplus(u)) is 1.0 in double; the rational form clamps here. */
    static final double CLAMP = 40;

    /** Below this argument exp underflows to 0 in double (exp(-745.2) is the smallest subnormal's half). */
    static final double FLUSH = -746;

    private record Pair(Expr f, Expr df) {
        List<Expr> roots() {
            return List.of(f, df);
        }
    }

    /** {@code spec} with its value and first derivative in the cheapest form found; {@code spec} itself when no rule pays. */
    static Emitter.Spec choose(Emitter.Spec spec) {
        if (!mayApply(spec)) return spec;
        Map<String, Double> constants = new LinkedHashMap<>();
        for (int i = 0; i < spec.parameterNames().size(); i++) constants.put(spec.parameterNames().get(i), spec.parameterValues().get(i));
        // The input keeps its name, so f'' and the parameter derivatives pass through untouched.
        Dag dag = new Dag(Map.of(spec.variable(), spec.variable()), constants);
        Pair start = new Pair(dag.intern(spec.value()), dag.intern(spec.derivatives().getFirst()));
        Pair best = start;
        Cost bestCost = null;   // computed when a rule first offers a candidate
        List<UnaryOperator<Pair>> rules = List.of(FormChooser::geluTanh, FormChooser::mish, FormChooser::sharedExp, FormChooser::reuseF);
        for (int i = 0; i < rules.size(); i++) {
            Pair p = rules.get(i).apply(best);
            if (p == null) continue;
            Pair candidate = new Pair(dag.intern(p.f()), dag.intern(p.df()));
            // a rule that introduces sigmoids (gelu_tanh's) is judged with their shared exponential
            if (i < 2 && sharedExp(candidate) instanceof Pair shared) candidate = new Pair(dag.intern(shared.f()), dag.intern(shared.df()));
            if (bestCost == null) bestCost = cost(best);
            Cost c = cost(candidate);
            if (c.scalar() < bestCost.scalar() - 1e-9 && c.lane() <= bestCost.lane() + 1e-9) {
                best = candidate;
                bestCost = c;
            }
        }
        if (best == start) return spec;
        List<Expr> derivatives = new ArrayList<>(spec.derivatives());
        derivatives.set(0, best.df());
        return new Emitter.Spec(spec.name(), spec.variable(), spec.parameterNames(), spec.parameterValues(), best.f(), derivatives,
                spec.parameterDerivatives());
    }

    /**
     * Whether any rule could match: f is a product (f' may reuse it) or a tanh, sigmoid or
     * softplus occurs. A walk without allocation per node, so that functions no rule concerns
     * (relu, the hard* family) pay nothing for the chooser.
     */
    private static boolean mayApply(Emitter.Spec spec) {
        if (spec.value() instanceof Mul) return true;
        ArrayList<Object> work = new ArrayList<>(List.of(spec.value(), spec.derivatives().getFirst()));
        Map<Object, Boolean> seen = new IdentityHashMap<>();
        while (!work.isEmpty()) {
            Object n = work.removeLast();
            if (n instanceof Call(Fn fn, List<Expr> a) && (fn == Fn.TANH || fn == Fn.SIGMOID || fn == Fn.SOFTPLUS)) return true;
            if (seen.put(n, Boolean.TRUE) == null) work.addAll(Dag.children(n));
        }
        return false;
    }

    private record Cost(double scalar, double lane) {}

    /**
     * Estimated ns per element of the fused pair in scalar code and in lanes, from one walk (the
     * lane weights of sigmoid and softplus are those of their lane forms, so the expansion need
     * not be built: compile latency matters here).
     */
    private static Cost cost(Pair p) {
        CostModel.Cost c = CostModel.of(p.roots());
        return new Cost(c.scalarNs(), c.laneNs());
    }

    // ---- gelu_tanh: 0.5 (1 + tanh w) is sigmoid(2w) ---------------------------------------------

    private static Pair geluTanh(Pair p) {
        Map<Expr, Expr> halves = new IdentityHashMap<>();   // tanh(w) -> w, for each 0.5 * (1 + tanh w)
        for (Object n : nodes(p)) {
            if (n instanceof Mul(List<Expr> fs) && fs.contains(new Const(0.5))) {
                for (Expr e : fs) if (onePlusTanh(e) instanceof Expr w) halves.put(e, w);
            }
        }
        if (halves.isEmpty()) return null;
        List<Expr> args = new ArrayList<>(halves.values());
        return map(p, e -> switch (e) {
            case Mul(List<Expr> fs) when fs.contains(new Const(0.5)) && fs.stream().anyMatch(halves::containsKey) -> {
                List<Expr> out = new ArrayList<>();
                boolean dropped = false;
                for (Expr x : fs) {
                    if (!dropped && x instanceof Const(double v) && v == 0.5) dropped = true;
                    else out.add(halves.containsKey(x) ? sigmoid(twice(halves.get(x)), false) : x);
                }
                yield out.size() == 1 ? out.getFirst() : new Mul(out);
            }
            case Add(List<Expr> ts) when ts.size() == 2 && ts.get(0).equals(new Const(1.0))
                    && ts.get(1) instanceof Neg(Pow(Call(Fn fn, List<Expr> a), Const(double k))) && fn == Fn.TANH && k == 2
                    && args.stream().anyMatch(w -> w == a.getFirst()) ->
                    new Mul(List.of(new Const(4), sigmoid(twice(a.getFirst()), false), sigmoid(twice(a.getFirst()), true)));
            default -> e;
        });
    }

    /** w for {@code 1 + tanh(w)}, else null. */
    private static Expr onePlusTanh(Expr e) {
        return e instanceof Add(List<Expr> ts) && ts.size() == 2 && ts.get(0).equals(new Const(1.0))
                && ts.get(1) instanceof Call(Fn fn, List<Expr> a) && fn == Fn.TANH ? a.getFirst() : null;
    }

    /** 2w, with the 2 folded into a leading constant factor (exact: a power of two). */
    private static Expr twice(Expr w) {
        if (w instanceof Mul(List<Expr> fs) && fs.getFirst() instanceof Const(double c)) {
            List<Expr> out = new ArrayList<>(fs);
            out.set(0, new Const(2 * c));
            return new Mul(out);
        }
        return new Mul(List.of(new Const(2), w));
    }

    private static Expr sigmoid(Expr u, boolean negated) {
        return new Call(Fn.SIGMOID, List.of(negated ? new Neg(u) : u));
    }

    // ---- mish: tanh(softplus(u)) as a rational function of exp(min(u, 40)) --------------------

    private record Rational(Expr e, Expr d, Expr t) {}

    private static Rational rational(Expr u) {
        Expr e = call(Fn.EXP, new Call(Fn.MIN, List.of(u, new Const(CLAMP))));
        Expr n = new Mul(List.of(e, new Add(List.of(e, new Const(2)))));
        Expr d = new Add(List.of(n, new Const(2)));
        return new Rational(e, d, new Div(n, d));
    }

    private static Pair mish(Pair p) {
        Map<Expr, Rational> forms = new IdentityHashMap<>();   // u -> its rational form
        for (Object n : nodes(p)) if (tanhSoftplusArg(n) instanceof Expr u) forms.computeIfAbsent(u, FormChooser::rational);
        if (forms.isEmpty()) return null;
        // first the products sigmoid(u) * (1 - tanh(softplus(u))^2), while their factors are intact
        Pair products = map(p, e -> {
            if (!(e instanceof Mul(List<Expr> fs))) return e;
            List<Expr> out = new ArrayList<>(fs);
            List<Expr> guards = new ArrayList<>();
            for (int i = 0; i < out.size(); i++) {
                if (!(sechSquaredArg(out.get(i)) instanceof Expr u)) continue;
                int s = indexOfSigmoid(out, u);
                if (s < 0) continue;
                Rational r = forms.get(u);
                Expr q = new Div(new Mul(List.of(new Const(4), r.e(), new Add(List.of(r.e(), new Const(1))))), new Pow(r.d(), new Const(2)));
                out.set(Math.min(i, s), q);
                out.remove(Math.max(i, s));
                guards.add(u);
                i = -1;
            }
            if (out.size() == fs.size()) return e;
            Expr product = out.size() == 1 ? out.getFirst() : new Mul(out);
            for (Expr u : guards) product = flushedBeyond(u, product);
            return product;
        });
        // then every other tanh(softplus(u))
        return map(products, e -> tanhSoftplusArg(e) instanceof Expr u && forms.get(u) instanceof Rational r ? r.t() : e);
    }

    /**
     * {@code product} (which has the factor 4 e (e + 1) / d^2 of {@code u}), or 0 where that factor
     * is negligible or exactly 0: for u > {@link #CLAMP} (the clamped factor stays near 4e^-80, while
     * the true one keeps falling, so another factor as large as u = 1e300, or an infinite one, would
     * make the product huge or infinite instead of about 0: mish'(+inf) must be 1, not +inf) and for
     * u < {@link #FLUSH} (e = 0, and an infinite factor would make 0 * inf = NaN where the limit is 0).
     * In between it is the product itself; the comparisons are false for NaN, which then propagates.
     */
    private static Expr flushedBeyond(Expr u, Expr product) {
        Cond outside = new Or(new Compare(Op.GT, u, new Const(CLAMP)), new Compare(Op.LT, u, new Const(FLUSH)));
        return new Where(outside, new Const(0), product);
    }

    private static Expr tanhSoftplusArg(Object n) {
        return n instanceof Call(Fn fn, List<Expr> a) && fn == Fn.TANH && a.getFirst() instanceof Call(Fn g, List<Expr> b) && g == Fn.SOFTPLUS
                ? b.getFirst() : null;
    }

    /** u for {@code 1 - tanh(softplus(u))^2}, else null. */
    private static Expr sechSquaredArg(Expr e) {
        return e instanceof Add(List<Expr> ts) && ts.size() == 2 && ts.get(0).equals(new Const(1.0))
                && ts.get(1) instanceof Neg(Pow(Expr t, Const(double k))) && k == 2 ? tanhSoftplusArg(t) : null;
    }

    private static int indexOfSigmoid(List<Expr> factors, Expr u) {
        for (int i = 0; i < factors.size(); i++) {
            if (factors.get(i) instanceof Call(Fn fn, List<Expr> a) && fn == Fn.SIGMOID && a.getFirst() == u) return i;
        }
        return -1;
    }

    // ---- sigmoid and softplus of one argument share exp(-|u|) ------------------------------------

    private static Pair sharedExp(Pair p) {
        Map<Expr, List<Expr>> byArgument = new IdentityHashMap<>();   // |u|'s argument -> the calls
        for (Object n : nodes(p)) {
            if (n instanceof Call(Fn fn, List<Expr> a) && (fn == Fn.SIGMOID || fn == Fn.SOFTPLUS)) {
                Expr v = a.getFirst() instanceof Neg(Expr inner) ? inner : a.getFirst();
                byArgument.computeIfAbsent(v, k -> new ArrayList<>()).add((Expr) n);
            }
        }
        Map<Expr, Expr> exps = new IdentityHashMap<>();   // call -> the shared exp(-|v|)
        byArgument.forEach((v, calls) -> {
            if (calls.size() < 2) return;
            Expr e = call(Fn.EXP, new Neg(call(Fn.ABS, v)));
            for (Expr c : calls) exps.put(c, e);
        });
        if (exps.isEmpty()) return null;
        return map(p, e -> {
            if (!(e instanceof Call(Fn fn, List<Expr> a)) || !exps.containsKey(e)) return e;
            Expr u = a.getFirst(), ex = exps.get(e);
            // RampMath.sigmoid's two cases (u >= 0: 1 / (1 + exp(-u)); else exp(u) / (1 + exp(u))) with
            // one reciprocal that sigmoid(u) and sigmoid(-u) share (one more rounding: within an ulp).
            // RampMath.softplus: max(u, 0) + log1p(exp(-|u|)), bit for bit.
            return fn == Fn.SIGMOID
                    ? new Mul(List.of(new Where(u instanceof Neg(Expr v) ? new Compare(Op.LT, new Const(0), v) : new Compare(Op.LT, u, new Const(0)), ex, new Const(1)),
                            new Div(new Const(1), new Add(List.of(new Const(1), ex)))))
                    : new Add(List.of(new Call(Fn.MAX, List.of(u, new Const(0))), call(Fn.LOG1P, ex)));
        });
    }

    // ---- f' reuses f: a product that starts with f's factors -------------------------------------

    private static Pair reuseF(Pair p) {
        if (!(p.f() instanceof Mul(List<Expr> ff))) return null;
        Expr f = p.f();
        boolean[] hit = {false};
        Expr df = map(p.df(), e -> {
            if (e != f && e instanceof Mul(List<Expr> fs) && fs.size() > ff.size() && startsWith(fs, ff)) {
                hit[0] = true;
                List<Expr> out = new ArrayList<>();
                out.add(f);
                out.addAll(fs.subList(ff.size(), fs.size()));
                return new Mul(out);
            }
            return e;
        });
        return hit[0] ? new Pair(f, df) : null;
    }

    private static boolean startsWith(List<Expr> fs, List<Expr> prefix) {
        for (int i = 0; i < prefix.size(); i++) if (fs.get(i) != prefix.get(i)) return false;
        return true;
    }

    // ---- traversal -------------------------------------------------------------------------------

    /** Every node reachable from the pair's roots (canonical, so each once). */
    private static List<Object> nodes(Pair p) {
        List<Object> out = new ArrayList<>();
        Map<Object, Boolean> seen = new IdentityHashMap<>();
        ArrayList<Object> work = new ArrayList<>(p.roots());
        while (!work.isEmpty()) {
            Object n = work.removeLast();
            if (seen.put(n, Boolean.TRUE) != null) continue;
            out.add(n);
            work.addAll(Dag.children(n));
        }
        return out;
    }

    private static Pair map(Pair p, UnaryOperator<Expr> local) {
        Map<Object, Object> memo = new IdentityHashMap<>();
        return new Pair(map(p.f(), local, memo), map(p.df(), local, memo));
    }

    private static Expr map(Expr e, UnaryOperator<Expr> local) {
        return map(e, local, new IdentityHashMap<>());
    }

    /** Bottom-up: children first, then {@code local} on the rebuilt node (canonical nodes are shared, so memoised). */
    private static Expr map(Expr e, UnaryOperator<Expr> local, Map<Object, Object> memo) {
        Object done = memo.get(e);
        if (done != null) return (Expr) done;
        Expr rebuilt = switch (e) {
            case Const c -> c;
            case Var v -> v;
            case Neg(Expr a) -> new Neg(map(a, local, memo));
            case Add(List<Expr> t) -> new Add(maps(t, local, memo));
            case Mul(List<Expr> f) -> new Mul(maps(f, local, memo));
            case Div(Expr n, Expr d) -> new Div(map(n, local, memo), map(d, local, memo));
            case Pow(Expr b, Expr k) -> new Pow(map(b, local, memo), map(k, local, memo));
            case Call(Fn fn, List<Expr> a) -> new Call(fn, maps(a, local, memo));
            case Where(Cond c, Expr t, Expr f) -> new Where(cond(c, local, memo), map(t, local, memo), map(f, local, memo));
        };
        Expr out = local.apply(unchanged(e, rebuilt) ? e : rebuilt);
        memo.put(e, out);
        return out;
    }

    private static List<Expr> maps(List<Expr> es, UnaryOperator<Expr> local, Map<Object, Object> memo) {
        List<Expr> out = new ArrayList<>(es.size());
        for (Expr e : es) out.add(map(e, local, memo));
        return out;
    }

    private static Cond cond(Cond c, UnaryOperator<Expr> local, Map<Object, Object> memo) {
        Object done = memo.get(c);
        if (done != null) return (Cond) done;
        Cond out = switch (c) {
            case Compare(Op op, Expr l, Expr r) -> new Compare(op, map(l, local, memo), map(r, local, memo));
            case And(Cond l, Cond r) -> new And(cond(l, local, memo), cond(r, local, memo));
            case Or(Cond l, Cond r) -> new Or(cond(l, local, memo), cond(r, local, memo));
            case Not(Cond a) -> new Not(cond(a, local, memo));
        };
        memo.put(c, out);
        return out;
    }

    /** Whether a rebuilt node has the very same children (so the canonical node can stand for it). */
    private static boolean unchanged(Object original, Object rebuilt) {
        List<Object> a = Dag.children(original), b = Dag.children(rebuilt);
        for (int i = 0; i < a.size(); i++) if (a.get(i) != b.get(i)) return false;
        return true;
    }

    private static Expr call(Fn fn, Expr a) {
        return new Call(fn, List.of(a));
    }
}
