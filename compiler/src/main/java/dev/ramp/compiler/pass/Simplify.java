package dev.ramp.compiler.pass;

import dev.ramp.compiler.ir.Cond;
import dev.ramp.compiler.ir.Exprs;
import dev.ramp.compiler.ir.Expr;
import dev.ramp.compiler.ir.Expr.*;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A bounded, greedy, bottom-up rewriter. Each pass rebuilds the tree from the leaves up: every
 * node is put in normal form by the structural steps of {@link Normalise}, then the first
 * {@linkplain Rules named rule} that matches it, passes its guard and does not make it larger is
 * applied (and the result normalised in turn). Passes repeat until one changes nothing
 * ({@link StopReason#SATURATED}) or a limit is reached; the result says which.
 *
 * <p>Guarantees, checked by property tests over random trees: the value never changes beyond
 * rounding, a NaN from a domain error ({@code log(-1)}, {@code 0 * log(-1)}) stays NaN, and
 * {@link #size} never grows. The one licence taken: where an intermediate overflows, the result
 * may become finite ({@code log(exp(800))} is 800, not infinity).
 * Each pass is linear in the tree (memoised by identity, so shared subtrees cost once).
 *
 * {@snippet :
 * Expr e = Compiler.parseExpression(new Source("<doc>", "exp(log(sigmoid(x))) + tanh(-x)"), Library.EMPTY).body();
 * Simplify.Result r = Simplify.run(e);
 * Printer.print(r.expr());   // sigmoid(x) - tanh(x)
 * r.reason();                // SATURATED
 * r.fired();                 // {exp-log=1, tanh-odd=1}
 * }
 */
public final class Simplify {
    private Simplify() {}

    /** Why rewriting stopped. */
    public enum StopReason {
        /** A pass changed nothing: no rule applies anywhere. */
        SATURATED,
        /** The pass limit was reached while passes were still changing the tree. */
        ITERATION_LIMIT,
        /** The tree is larger than the node limit, so no further pass was started. */
        NODE_LIMIT
    }

    /**
     * The outcome of a run.
     *
     * @param expr the simplified expression
     * @param reason why rewriting stopped
     * @param iterations the number of passes made (the last of which, when saturated, changed nothing)
     * @param fired how often each rule and structural step changed something, by name, sorted
     */
    public record Result(Expr expr, StopReason reason, int iterations, Map<String, Integer> fired) {
        public Result {
            Objects.requireNonNull(expr);
            Objects.requireNonNull(reason);
            fired = Collections.unmodifiableMap(new TreeMap<>(fired));
        }
    }

    /**
     * Bounds on a run.
     *
     * @param iterations the most passes to make
     * @param nodes the largest tree ({@link #size}) to start a pass on
     */
    public record Limits(int iterations, int nodes) {
        /** 30 passes (activations and their fourth derivatives saturate in under 10), 100,000 nodes. */
        public static final Limits DEFAULT = new Limits(30, 100_000);

        public Limits {
            if (iterations < 1 || nodes < 1) throw new IllegalArgumentException("limits must be positive");
        }
    }

    /** {@code e} simplified with the default limits and the full rule table. */
    public static Expr simplify(Expr e) {
        return run(e).expr();
    }

    /** A run with the default limits and the full rule table. */
    public static Result run(Expr e) {
        return run(e, Limits.DEFAULT, Rules.ALL);
    }

    /** A run with the given limits and rules (the structural steps always apply). */
    public static Result run(Expr e, Limits limits, List<Rule> rules) {
        Map<String, List<Rule>> byHead = rules == Rules.ALL ? Rules.BY_HEAD : Rules.index(rules);
        Map<String, Integer> fired = new TreeMap<>();
        Expr current = e;
        for (int pass = 1; pass <= limits.iterations(); pass++) {
            if (size(current) > limits.nodes()) return new Result(current, StopReason.NODE_LIMIT, pass - 1, fired);
            Expr next = new Pass(byHead, fired).visit(current);
            if (next.equals(current)) return new Result(next, StopReason.SATURATED, pass, fired);
            current = next;
        }
        return new Result(current, StopReason.ITERATION_LIMIT, limits.iterations(), fired);
    }

    /**
     * The size the simplifier never increases: the number of nodes (conditions included), where a
     * negated term of a sum is free, since {@code a + (-b)} prints and compiles as {@code a - b}.
     */
    public static int size(Expr e) {
        return switch (e) {
            case Const c -> 1;
            case Var v -> 1;
            case Neg(Expr a) -> 1 + size(a);
            case Add(List<Expr> terms) -> {
                int n = 1;
                for (Expr t : terms) n += termSize(t);
                yield n;
            }
            case Mul(List<Expr> factors) -> {
                int n = 1;
                for (Expr f : factors) n += size(f);
                yield n;
            }
            case Div(Expr n, Expr d) -> 1 + size(n) + size(d);
            case Pow(Expr b, Expr x) -> 1 + size(b) + size(x);
            case Call(var fn, List<Expr> args) -> {
                int n = 1;
                for (Expr a : args) n += size(a);
                yield n;
            }
            case Where(Cond c, Expr t, Expr f) -> 1 + size(c) + size(t) + size(f);
        };
    }

    /** The size of a term of a sum: a negation there is a subtraction, and free. */
    static int termSize(Expr t) {
        return t instanceof Neg(Expr a) ? size(a) : size(t);
    }

    private static int size(Cond c) {
        return switch (c) {
            case Cond.Compare(var op, Expr l, Expr r) -> 1 + size(l) + size(r);
            case Cond.And(Cond l, Cond r) -> 1 + size(l) + size(r);
            case Cond.Or(Cond l, Cond r) -> 1 + size(l) + size(r);
            case Cond.Not(Cond x) -> 1 + size(x);
        };
    }

    /** One bottom-up pass, with its memo (by identity) and its interval analysis. */
    private static final class Pass {
        /** How many rules may fire in a row at one node within a pass; the rest wait for the next pass. */
        private static final int RULE_CHAIN = 8;

        private final Map<String, List<Rule>> byHead;
        private final Map<String, Integer> fired;
        private final Map<Expr, Expr> memo = new IdentityHashMap<>();
        private final Range.Analysis ranges = new Range.Analysis();
        private final Normalise norm;

        Pass(Map<String, List<Rule>> byHead, Map<String, Integer> fired) {
            this.byHead = byHead;
            this.fired = fired;
            this.norm = new Normalise(ranges::of, name -> fired.merge(name, 1, Integer::sum));
        }

        Expr visit(Expr e) {
            return visit(e, 0);
        }

        private Expr visit(Expr e, int chain) {
            Expr known = memo.get(e);
            if (known != null) return known;
            Expr normal = switch (e) {
                case Const c -> e;
                case Var v -> e;
                case Neg(Expr a) -> norm.neg(visit(a));
                // A negated term is kept as a negation (a subtraction); the sum re-derives its coefficient.
                case Add(List<Expr> terms) -> {
                    List<Expr> out = new ArrayList<>(terms.size());
                    for (Expr t : terms) out.add(t instanceof Neg(Expr a) ? Exprs.neg(visit(a)) : visit(t));
                    yield norm.add(out);
                }
                case Mul(List<Expr> factors) -> norm.mul(visitAll(factors));
                case Div(Expr n, Expr d) -> norm.div(visit(n), visit(d));
                case Pow(Expr b, Expr x) -> norm.pow(visit(b), visit(x));
                case Call(var fn, List<Expr> args) -> norm.call(fn, visitAll(args));
                case Where(Cond c, Expr t, Expr f) -> {
                    Object cond = visit(c);
                    if (cond instanceof Boolean b) {
                        fired.merge("where-fold", 1, Integer::sum);
                        yield visit(b ? t : f);
                    }
                    yield norm.where((Cond) cond, visit(t), visit(f));
                }
            };
            Expr result = chain < RULE_CHAIN ? rewrite(normal, chain) : normal;
            memo.put(e, result);
            memo.put(result, result);
            return result;
        }

        private List<Expr> visitAll(List<Expr> es) {
            List<Expr> out = new ArrayList<>(es.size());
            for (Expr e : es) out.add(visit(e));
            return out;
        }

        /** The condition simplified, or a {@link Boolean} when it is decided. */
        private Object visit(Cond c) {
            return switch (c) {
                case Cond.Compare(Cond.Op op, Expr l, Expr r) -> norm.compare(op, visit(l), visit(r));
                case Cond.And(Cond l, Cond r) -> norm.and(visit(l), visit(r));
                case Cond.Or(Cond l, Cond r) -> norm.or(visit(l), visit(r));
                case Cond.Not(Cond x) -> {
                    Object inner = visit(x);
                    if (inner instanceof Cond.Not(Cond y)) {
                        fired.merge("not-not", 1, Integer::sum);
                        yield y;
                    }
                    yield norm.not(inner);
                }
            };
        }

        /** Applies the first rule that matches, passes its guard and does not grow the node, then normalises the result. */
        private Expr rewrite(Expr e, int chain) {
            List<Rule> candidates = byHead.get(head(e));
            if (candidates == null) return e;
            for (Rule rule : candidates) {
                Object out = rule.apply(e, ranges::of);
                if (out instanceof Expr r && norm.size(r) <= norm.size(e)) {
                    fired.merge(rule.name(), 1, Integer::sum);
                    return visit(r, chain + 1);
                }
            }
            return e;
        }

        private static String head(Expr e) {
            return switch (e) {
                case Const c -> "#";
                case Var v -> "?";
                case Neg n -> "neg";
                case Add a -> "+";
                case Mul m -> "*";
                case Div d -> "/";
                case Pow p -> "^";
                case Call(var fn, var args) -> fn.symbol();
                case Where w -> "where";
            };
        }
    }
}
