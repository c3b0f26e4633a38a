package dev.ramp.compiler.pass;

import static dev.ramp.compiler.ir.Exprs.constant;

import dev.ramp.compiler.ir.Cond;
import dev.ramp.compiler.ir.Expr;
import dev.ramp.compiler.ir.Expr.*;
import dev.ramp.compiler.ir.Exprs;
import dev.ramp.compiler.ir.Fn;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The simplifier's structural steps: the n-ary canonicalisation that s-expression patterns cannot
 * express without associativity and commutativity. Each method takes a node's already simplified
 * operands and returns the node in normal form; each step has a name, reported when it changes
 * something.
 *
 * <ul>
 *   <li>{@code fold}: constant folding, only when the result is finite or an operand already was
 *       not (so {@code log(0)}, {@code 1/0} and {@code exp(1000)} stay as written: never a silent
 *       infinity or NaN).
 *   <li>{@code add-flatten}, {@code add-like-terms} ({@code 2x + 3x -> 5x}; {@code u - u -> 0} only where u is never NaN),
 *       {@code add-order}: sums.
 *   <li>{@code mul-flatten}, {@code mul-zero} ({@code 0 * u -> 0} where u is never NaN: unlike
 *       {@link dev.ramp.compiler.ir.Exprs#mul}, which follows SymPy, the simplifier keeps the NaN of
 *       {@code 0 * inf}), {@code mul-neg} (negations pulled out of
 *       products), {@code mul-sign} ({@code u * sign(u) -> abs(u)}),
 *       {@code mul-powers} ({@code x * x^2 -> x^3}), {@code mul-exp}
 *       ({@code exp(u) * exp(v) -> exp(u + v)}), {@code mul-div} (quotient factors become one
 *       fraction: {@code 2 x (0.5 / u) -> x / u}), {@code mul-order}: products.
 *   <li>{@code div-neg}, {@code div-zero} ({@code 0 / u -> 0} where u is never 0 or NaN), {@code div-const} (division by a power of two becomes an exact
 *       multiplication), {@code div-coef} ({@code (2u)/v -> 2(u/v)}),
 *       {@code div-cancel} ({@code u^3 v / u -> u^2 v} where u is never 0 or NaN): quotients.
 *   <li>{@code pow-one-base}, {@code pow-pow}, {@code pow-coef} ({@code (2u)^2 -> 4u^2}, only where c^n is exact): powers.
 *   <li>{@code cond-fold}, {@code where-fold}: conditions decided by constants or by the interval
 *       analysis, and the branch they select; {@code extremum-range}: a max or min so decided.
 * </ul>
 *
 * <p>Negative coefficients inside a sum are written as a negation ({@code a - 2x}, not
 * {@code a + (-2)x}): it prints and compiles as a subtraction, and {@link Simplify#size} counts
 * such a negation as free.
 */
final class Normalise {
    private final Function<Expr, Range> ranges;
    private Consumer<String> fired;
    private final Sums sums = new Sums(this);
    private final Products products = new Products(this);
    private final Quotients quotients = new Quotients(this);
    private final Decisions decisions = new Decisions(this);

    Normalise(Function<Expr, Range> ranges, Consumer<String> fired) {
        this.ranges = ranges;
        this.fired = fired;
    }

    /** {@link Simplify#size} of each node met in this pass, by identity: nodes are immutable, and every step measures. */
    private final Map<Expr, Integer> sizes = new IdentityHashMap<>();

    /** {@link Simplify#size}, remembered for the pass (the steps measure operands at every node, so unremembered it is quadratic). */
    int size(Expr e) {
        Integer known = sizes.get(e);
        if (known != null) return known;
        int n = switch (e) {
            case Const c -> 1;
            case Var v -> 1;
            case Neg(Expr a) -> 1 + size(a);
            case Add(List<Expr> terms) -> {
                int k = 1;
                for (Expr t : terms) k += termSize(t);
                yield k;
            }
            case Mul(List<Expr> factors) -> {
                int k = 1;
                for (Expr f : factors) k += size(f);
                yield k;
            }
            case Div(Expr a, Expr b) -> 1 + size(a) + size(b);
            case Pow(Expr a, Expr b) -> 1 + size(a) + size(b);
            case Call(var fn, List<Expr> args) -> {
                int k = 1;
                for (Expr a : args) k += size(a);
                yield k;
            }
            case Where(Cond c, Expr t, Expr f) -> 1 + size(c) + size(t) + size(f);
        };
        sizes.put(e, n);
        return n;
    }

    /** The size of a term of a sum: a negation there is a subtraction, and free. */
    int termSize(Expr t) {
        return t instanceof Neg(Expr a) ? size(a) : size(t);
    }

    private int size(Cond c) {
        return switch (c) {
            case Cond.Compare(var op, Expr l, Expr r) -> 1 + size(l) + size(r);
            case Cond.And(Cond l, Cond r) -> 1 + size(l) + size(r);
            case Cond.Or(Cond l, Cond r) -> 1 + size(l) + size(r);
            case Cond.Not(Cond x) -> 1 + size(x);
        };
    }

    /** Reports that the step {@code name} changed something. */
    void note(String name) {
        fired.accept(name);
    }

    /** The interval analysis of {@code e}. */
    Range range(Expr e) {
        return ranges.apply(e);
    }

    Expr add(List<Expr> terms) {
        return sums.add(terms);
    }

    Expr mul(List<Expr> factors) {
        return products.mul(factors);
    }

    Expr div(Expr num, Expr den) {
        return quotients.div(num, den);
    }

    Expr pow(Expr base, Expr exponent) {
        return quotients.pow(base, exponent);
    }

    Expr call(Fn fn, List<Expr> args) {
        return decisions.call(fn, args);
    }

    /** The condition, or {@link Boolean#TRUE}/{@link Boolean#FALSE} when it is decided. */
    Object compare(Cond.Op op, Expr left, Expr right) {
        return decisions.compare(op, left, right);
    }

    Object and(Object left, Object right) {
        return decisions.and(left, right);
    }

    Object or(Object left, Object right) {
        return decisions.or(left, right);
    }

    Object not(Object operand) {
        return decisions.not(operand);
    }

    Expr where(Cond cond, Expr ifTrue, Expr ifFalse) {
        return decisions.where(cond, ifTrue, ifFalse);
    }

    /** Whether folding to {@code result} is allowed: it is finite, or some operand already was not. */
    static boolean foldable(double result, double... operands) {
        if (Double.isFinite(result)) return true;
        for (double v : operands) {
            if (!Double.isFinite(v)) return true;
        }
        return false;
    }

    Expr neg(Expr a) {
        return switch (a) {
            // -(c * u) -> (-c) * u: the coefficient absorbs the sign.
            case Mul(List<Expr> fs) when fs.getFirst() instanceof Const(double c) -> {
                fired.accept("neg-coef");
                List<Expr> rest = new ArrayList<>(fs);
                rest.set(0, constant(-c));
                yield mul(rest);
            }
            default -> Exprs.neg(a);
        };
    }

    /**
     * The eager attempt if its result is no larger than {@code before}, else the strict one; only
     * the chosen attempt's steps are reported.
     */
    Expr smaller(Supplier<Expr> eager, Supplier<Expr> strict, int before) {
        Consumer<String> outer = fired;
        List<String> steps = new ArrayList<>();
        fired = steps::add;
        try {
            Expr e = eager.get();
            if (size(e) > before) {
                steps.clear();
                e = strict.get();
            }
            steps.forEach(outer);
            return e;
        } finally {
            fired = outer;
        }
    }
}
