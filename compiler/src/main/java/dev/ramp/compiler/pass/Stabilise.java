package dev.ramp.compiler.pass;

import static dev.ramp.compiler.ir.Exprs.*;

import dev.ramp.compiler.ir.Cond;
import dev.ramp.compiler.ir.Expr;
import dev.ramp.compiler.ir.Expr.*;
import dev.ramp.compiler.ir.Fn;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * The stabilisation pass, between simplification and code generation: rewrites an expression
 * into one that computes the same real function without overflowing, cancelling or amplifying
 * rounding where double precision would ({@code log(1 + exp(x))} is 800 at x = 800 and
 * 5.1e-131 at x = -300, not Infinity and 0). Three steps:
 * <ol>
 *   <li>the named rules of {@link StableRules#FORMS}, in one walk: at each node the
 *       {@code BEFORE} rules see it as written, then its operands are stabilised, then the
 *       first rule that matches the node (with stabilised operands) fires. The result of a
 *       primitive rule is walked again (the primitive rules form a terminating system: each
 *       removes an unstable shape); the result of any other rule is final: the walk does not
 *       descend into it, and product rules see it as one opaque factor, so a stable form that
 *       keeps the original as one branch ({@code where(|x| < 1.6, series, x - tanh(x))}) is not
 *       rewritten again, and the walk ends;
 *   <li>the rules of {@link StableRules#RANGE}, in a second walk over the result, which keep
 *       intermediates out of overflow and the subnormal range;
 *   <li>{@link Compensate}d arguments, bottom-up, for the calls that amplify their argument's
 *       rounding.
 * </ol>
 *
 * <p>Run it once on an expression about to be compiled: the compensated forms carry the
 * rounding errors of the expressions they were built from, and are not themselves input for
 * another run. {@link #canonical} (the primitive rules only, no compensation) is idempotent
 * and is what runs before differentiation.
 *
 * {@snippet :
 * Stabilise.stabilise(Ir.parse("log(1 + exp(x))"));   // softplus(x)
 * Stabilise.Result r = Stabilise.run(Ir.parse("x * (1 + erf(x / sqrt(2))) / 2"));
 * r.fired();                                          // {compensate-erfc=1, erfc-def=1}
 * }
 */
public final class Stabilise {
    private Stabilise() {}

    /**
     * The outcome of a run.
     *
     * @param expr the stabilised expression
     * @param fired how often each rule (and each compensation, as {@code compensate-exp} and so on) fired, by name
     */
    public record Result(Expr expr, Map<String, Integer> fired) {
        public Result {
            Objects.requireNonNull(expr);
            fired = Collections.unmodifiableMap(new TreeMap<>(fired));
        }
    }

    /** {@code e} stabilised: every rule, then compensated arguments. */
    public static Expr stabilise(Expr e) {
        return run(e).expr();
    }

    /** A full run, with what fired. */
    public static Result run(Expr e) {
        Map<String, Integer> fired = new TreeMap<>();
        Set<Expr> sealed = Collections.newSetFromMap(new IdentityHashMap<>());
        Expr rewritten = new Walk(StableRules.FORMS, fired, sealed).visit(e);
        Expr inRange = new Walk(StableRules.RANGE, fired, sealed).visit(rewritten);
        Expr compensated = new Compensation(fired).visit(inRange);
        return new Result(compensated, fired);
    }

    /**
     * {@code e} with the primitive rules only (no branches, no compensation): the form
     * differentiated when compiling, so that derivatives are taken of stable primitives.
     */
    public static Expr canonical(Expr e) {
        return new Walk(StableRules.PRIMITIVE, new TreeMap<>(), Collections.newSetFromMap(new IdentityHashMap<>())).visit(e);
    }

    /**
     * {@code derivative} restricted to the domain of {@code function}: NaN wherever the function
     * is (its symbolic derivative may be finite there: -exp(-x) / expm1(-x), the derivative of
     * log(-expm1(-x)), is finite for x < 0, where the function is not defined). Only when the
     * {@link Range} analysis says the function can be NaN for a finite input; otherwise the
     * derivative unchanged.
     */
    public static Expr withinDomain(Expr derivative, Expr function) {
        if (!new Range.Analysis().of(function).nan()) return derivative;
        return where(new Cond.Compare(Cond.Op.NE, function, function), function, derivative);
    }

    /** The two rule walks without compensation: what the golden tests of single rules look at. */
    static Result rewrite(Expr e) {
        Map<String, Integer> fired = new TreeMap<>();
        Set<Expr> sealed = Collections.newSetFromMap(new IdentityHashMap<>());
        Expr rewritten = new Walk(StableRules.FORMS, fired, sealed).visit(e);
        return new Result(new Walk(StableRules.RANGE, fired, sealed).visit(rewritten), fired);
    }

    // ------------------------------------------------------------------ the rule walk

    /** One walk with its memo (by identity), interval analysis and set of final subtrees. */
    private static final class Walk {
        /** A bound on rule firings per walk: the primitive rules terminate, but a bug must not hang the compiler. */
        private static final int FUEL = 100_000;

        private final List<StableRule> rules;
        private final Map<String, Integer> fired;
        private final Map<Expr, Expr> memo = new IdentityHashMap<>();
        /** This walk's finished results: a non-primitive rule's result is not rewritten again in this walk. */
        private final Set<Expr> finals = Collections.newSetFromMap(new IdentityHashMap<>());
        /** Stable forms no walk may enter ({@link StableRules#SEALING}, {@link StableRule.Context#keep}). */
        private final Set<Expr> sealed;
        private final Range.Analysis ranges = new Range.Analysis();
        private final StableRule.Context context = new StableRule.Context(this::range, this::done, e -> sealed().add(e), this::visit,
                this::monomial);
        private int fuel = FUEL;
        /**
         * Monomials by identity: sum rules try every ordered pair of terms, and each try factors
         * both terms (hashing whole subtrees into the powers map). A monomial depends on which
         * subtrees are opaque, and those sets only grow, so the memo is valid while their sizes
         * stand still.
         */
        private final Map<Expr, Monomial> monomials = new IdentityHashMap<>();
        private int monomialsFor = -1;

        Walk(List<StableRule> rules, Map<String, Integer> fired, Set<Expr> sealed) {
            this.rules = rules;
            this.fired = fired;
            this.sealed = sealed;
        }

        private Range range(Expr e) {
            return ranges.of(e);
        }

        private Set<Expr> sealed() {
            return sealed;
        }

        /** Common factors of a pair of terms, by identity: every sum rule tries the same pairs. */
        private final Map<Expr, Map<Expr, java.util.Optional<Common>>> commons = new IdentityHashMap<>();

        private Common common(Expr a, Expr b) {
            refreshOpaque();
            Map<Expr, java.util.Optional<Common>> withA = commons.computeIfAbsent(a, k -> new IdentityHashMap<>());
            java.util.Optional<Common> c = withA.get(b);
            if (c == null) {
                c = java.util.Optional.ofNullable(Common.of(a, b, context));
                withA.put(b, c);
            }
            return c.orElse(null);
        }

        /** Forgets the monomials and common factors when the opaque subtrees they were taken with change. */
        private void refreshOpaque() {
            int opaqueNow = finals.size() + sealed.size();
            if (opaqueNow != monomialsFor) {
                monomials.clear();
                commons.clear();
                monomialsFor = opaqueNow;
            }
        }

        private Monomial monomial(Expr e) {
            refreshOpaque();
            Monomial m = monomials.get(e);
            if (m == null) {
                m = Monomial.of(e, this::done);
                monomials.put(e, m);
            }
            return m;
        }

        /** Final in this walk or sealed: rules neither rewrite it nor look inside. */
        private boolean done(Expr e) {
            return finals.contains(e) || sealed.contains(e);
        }

        Expr visit(Expr e) {
            if (done(e)) return e;
            Expr known = memo.get(e);
            if (known != null) return known;
            memo.put(e, e);   // a rule whose result contains e itself sees it as done
            Expr rewritten = before(e);
            Expr result;
            if (rewritten == null) {
                result = after(rebuild(e));
            } else {
                // A BEFORE rule that keeps the node as one branch (where(a > 690, scaled, node)):
                // that branch is the node stabilised by every other rule, not the node as written.
                if (contains(rewritten, e)) memo.put(e, after(rebuild(e)));
                result = visit(rewritten);
            }
            memo.put(e, result);
            return result;
        }

        /** Whether {@code whole} has {@code part} itself (by identity) as a subtree. */
        private static boolean contains(Expr whole, Expr part) {
            if (whole == part) return true;
            return switch (whole) {
                case Const c -> false;
                case Var v -> false;
                case Neg(Expr a) -> contains(a, part);
                case Add(List<Expr> ts) -> ts.stream().anyMatch(t -> contains(t, part));
                case Mul(List<Expr> fs) -> fs.stream().anyMatch(f -> contains(f, part));
                case Div(Expr n, Expr d) -> contains(n, part) || contains(d, part);
                case Pow(Expr b, Expr x) -> contains(b, part) || contains(x, part);
                case Call(Fn fn, List<Expr> args) -> args.stream().anyMatch(a -> contains(a, part));
                case Where(Cond c, Expr t, Expr f) -> contains(t, part) || contains(f, part);
            };
        }

        /** The first BEFORE rule's result for the node as written, or null. */
        private Expr before(Expr e) {
            for (StableRule r : rules) {
                if (r instanceof StableRule.Structural s && s.phase() == StableRule.Phase.BEFORE && fuel > 0) {
                    Expr out = s.step().apply(e, context);
                    if (out != null) return fire(r, out);
                }
            }
            return null;
        }

        /**
         * The node (operands stabilised) after the first AFTER rule that applies: a primitive
         * rule's result is walked again (the primitive rules are a terminating rewrite system),
         * any other rule's result is final.
         */
        private Expr after(Expr e) {
            if (done(e)) return e;
            for (StableRule r : rules) {
                if (fuel <= 0) return e;
                Expr out = apply(r, e);
                if (out != null) return out == e ? e : visit(fire(r, out));
            }
            return e;
        }

        private Expr fire(StableRule r, Expr out) {
            fuel--;
            fired.merge(r.name(), 1, Integer::sum);
            return out;
        }

        /**
         * A non-primitive pattern rule's result is final (for a sum rule, the term it put in the
         * sum); structural rules mark their stable parts themselves ({@link StableRule.Context#keep}).
         */
        private Expr settle(StableRule r, Expr out) {
            if (out != null && !r.primitive()) {
                finals.add(out);
                if (StableRules.SEALING.contains(r.name())) sealed.add(out);
            }
            return out;
        }

        private Expr apply(StableRule rule, Expr e) {
            return switch (rule) {
                case StableRule.Local r -> settle(r, matchAt(r.lhs(), r.guard(), r.rhs(), e));
                case StableRule.InSum r -> e instanceof Add(List<Expr> terms) ? inSum(r, terms) : null;
                case StableRule.Structural r -> r.phase() == StableRule.Phase.AFTER ? r.step().apply(e, context) : null;
            };
        }

        private Expr matchAt(Pattern lhs, Rule.Guard guard, StableRule.Rewrite rhs, Expr target) {
            Map<String, Object> bindings = lhs.match(target);
            if (bindings == null || !guard.test().test(new Rule.Match(bindings, ranges::of))) return null;
            return rhs.build(new StableRule.Bound(bindings, ranges::of, this::visit, sealed::add));
        }

        /**
         * A two-term sum rule against every ordered pair of the terms: as they are, and with the
         * factors they share pulled out. The pair is replaced by the result.
         */
        private Expr inSum(StableRule.InSum r, List<Expr> terms) {
            for (int i = 0; i < terms.size(); i++) {
                if (done(terms.get(i))) continue;
                for (int j = 0; j < terms.size(); j++) {
                    if (i == j || done(terms.get(j))) continue;
                    Expr out = pair(r, terms.get(i), terms.get(j));
                    if (out == null) continue;
                    List<Expr> rest = new ArrayList<>(terms);
                    rest.remove(Math.max(i, j));
                    rest.remove(Math.min(i, j));
                    rest.add(out);
                    return StableRules.foldConstants(rest);
                }
            }
            return null;
        }

        private Expr pair(StableRule.InSum r, Expr a, Expr b) {
            Expr direct = settle(r, matchAt(r.lhs(), r.guard(), r.rhs(), new Add(List.of(a, b))));
            if (direct != null) return direct;
            Common c = common(a, b);
            if (c == null) return null;
            Expr inner = settle(r, matchAt(r.lhs(), r.guard(), r.rhs(), new Add(List.of(c.a(), c.b()))));
            return inner == null ? null : mul(c.factor(), inner);
        }

        /** The node rebuilt from stabilised operands; the same object when none changed. */
        private Expr rebuild(Expr e) {
            return switch (e) {
                case Const c -> e;
                case Var v -> e;
                case Neg(Expr a) -> {
                    Expr s = visit(a);
                    yield s == a ? e : StableForms.negate(s);
                }
                case Add(List<Expr> terms) -> {
                    List<Expr> s = all(terms);
                    yield s == null ? e : StableRules.foldConstants(s);
                }
                case Mul(List<Expr> factors) -> {
                    List<Expr> s = all(factors);
                    yield s == null ? e : mul(s);
                }
                case Div(Expr n, Expr d) -> {
                    Expr sn = visit(n), sd = visit(d);
                    yield sn == n && sd == d ? e : div(sn, sd);
                }
                case Pow(Expr b, Expr x) -> {
                    Expr sb = visit(b), sx = visit(x);
                    yield sb == b && sx == x ? e : pow(sb, sx);
                }
                case Call(Fn fn, List<Expr> args) -> {
                    List<Expr> s = all(args);
                    yield s == null ? e : new Call(fn, s);
                }
                case Where(Cond c, Expr t, Expr f) -> {
                    Cond sc = visit(c);
                    Expr st = visit(t), sf = visit(f);
                    yield sc == c && st == t && sf == f ? e : where(sc, st, sf);
                }
            };
        }

        /** The stabilised operands, or null when none changed. */
        private List<Expr> all(List<Expr> operands) {
            List<Expr> out = new ArrayList<>(operands.size());
            boolean changed = false;
            for (Expr o : operands) {
                Expr s = visit(o);
                changed |= s != o;
                out.add(s);
            }
            return changed ? out : null;
        }

        private Cond visit(Cond c) {
            return switch (c) {
                case Cond.Compare(Cond.Op op, Expr l, Expr r) -> {
                    Expr sl = visit(l), sr = visit(r);
                    yield sl == l && sr == r ? c : new Cond.Compare(op, sl, sr);
                }
                case Cond.And(Cond l, Cond r) -> {
                    Cond sl = visit(l), sr = visit(r);
                    yield sl == l && sr == r ? c : new Cond.And(sl, sr);
                }
                case Cond.Or(Cond l, Cond r) -> {
                    Cond sl = visit(l), sr = visit(r);
                    yield sl == l && sr == r ? c : new Cond.Or(sl, sr);
                }
                case Cond.Not(Cond x) -> {
                    Cond sx = visit(x);
                    yield sx == x ? c : new Cond.Not(sx);
                }
            };
        }
    }

    /**
     * Two terms with their shared factors pulled out: {@code a = factor * a'}, {@code b = factor * b'}.
     * Constants count as shared when equal in magnitude.
     */
    private record Common(Expr factor, Expr a, Expr b) {
        static Common of(Expr a, Expr b, StableRule.Context context) {
            Monomial ma = context.monomial(a), mb = context.monomial(b);
            if (!ma.cancellationsSafe(context.ranges()) || !mb.cancellationsSafe(context.ranges())) return null;
            double coefficient = Math.abs(ma.coefficient()) == Math.abs(mb.coefficient()) ? Math.abs(ma.coefficient()) : 1;
            Monomial shared = new Monomial(coefficient, Map.of(), List.of());
            for (Map.Entry<Expr, Integer> p : ma.powers().entrySet()) {
                int ea = p.getValue(), eb = mb.exponent(p.getKey());
                // A factor both share: the smaller positive power, or the smaller negative one (1/s and 1/s^3 share 1/s).
                int e = ea > 0 && eb > 0 ? Math.min(ea, eb) : ea < 0 && eb < 0 ? Math.max(ea, eb) : 0;
                if (e != 0) {
                    shared = shared.times(p.getKey(), e);
                    ma = ma.times(p.getKey(), -e);
                    mb = mb.times(p.getKey(), -e);
                }
            }
            if (shared.powers().isEmpty() && coefficient == 1) return null;
            if (coefficient == 0) return null;
            return new Common(shared.toExpr(), ma.withCoefficient(ma.coefficient() / coefficient).toExpr(),
                    mb.withCoefficient(mb.coefficient() / coefficient).toExpr());
        }
    }

    // ------------------------------------------------------------------ compensated arguments

    /** The functions whose arguments are compensated, each reported as {@code compensate-<name>}. */
    private static final Set<Fn> COMPENSATED = EnumSet.of(Fn.EXP, Fn.EXPM1, Fn.ERFC, Fn.SIGMOID, Fn.SOFTPLUS, Fn.LOG, Fn.LOG1P, Fn.SINH, Fn.COSH);

    /** One bottom-up walk replacing amplifying calls of rounded arguments by their compensated forms. */
    private static final class Compensation {
        private final Map<String, Integer> fired;
        private final Map<Expr, Expr> memo = new IdentityHashMap<>();
        private final Range.Analysis ranges = new Range.Analysis();
        private final ErrorFree errors = new ErrorFree();

        Compensation(Map<String, Integer> fired) {
            this.fired = fired;
        }

        Expr visit(Expr e) {
            Expr known = memo.get(e);
            if (known != null) return known;
            Expr result = switch (e) {
                case Const c -> e;
                case Var v -> e;
                case Neg(Expr a) -> {
                    Expr s = visit(a);
                    yield s == a ? e : neg(s);
                }
                case Add(List<Expr> terms) -> {
                    List<Expr> s = all(terms);
                    yield s == null ? e : new Add(s);
                }
                case Mul(List<Expr> factors) -> {
                    List<Expr> s = all(factors);
                    yield s == null ? e : new Mul(s);
                }
                case Div(Expr n, Expr d) -> {
                    Expr sn = visit(n), sd = visit(d);
                    yield sn == n && sd == d ? e : new Div(sn, sd);
                }
                case Pow(Expr b, Expr x) -> {
                    Expr sb = visit(b), sx = visit(x);
                    yield sb == b && sx == x ? e : new Pow(sb, sx);
                }
                case Call(Fn fn, List<Expr> args) -> {
                    List<Expr> s = all(args);
                    Call call = s == null ? (Call) e : new Call(fn, s);
                    Expr c = COMPENSATED.contains(fn) && s == null
                            ? Compensate.compensated(fn, call.arg(), errors, ranges::of) : null;
                    if (c != null) fired.merge("compensate-" + fn.symbol(), 1, Integer::sum);
                    yield c != null ? c : call;
                }
                case Where(Cond c, Expr t, Expr f) -> {
                    Expr st = visit(t), sf = visit(f);
                    yield st == t && sf == f ? e : new Where(c, st, sf);
                }
            };
            memo.put(e, result);
            return result;
        }

        private List<Expr> all(List<Expr> operands) {
            List<Expr> out = new ArrayList<>(operands.size());
            boolean changed = false;
            for (Expr o : operands) {
                Expr s = visit(o);
                changed |= s != o;
                out.add(s);
            }
            return changed ? out : null;
        }
    }
}
