package dev.ramp.compiler.gen;

import static dev.ramp.compiler.ir.Exprs.*;

import dev.ramp.compiler.ir.Cond;
import dev.ramp.compiler.ir.Expr;
import dev.ramp.compiler.ir.Fn;
import dev.ramp.runtime.RampMath;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Random IR trees for property tests: depth-bounded, over the input {@code x}, a parameter
 * {@code a} and small constants, using every node kind, every primitive and {@code where} with
 * every comparison and connective. Built through the smart constructors, so every tree is one the
 * parser could produce. Arguments of primitives with a restricted domain (log, sqrt, log1p, the
 * base of a non-constant power) are drawn mostly from expressions that are positive by
 * construction (exp, softplus, sigmoid, cosh, 1 + |u|, 0.5 + u^2), so most samples are defined;
 * the properties skip the rest.
 *
 * <p>A tree is built from a seed and a depth with {@link Random} rather than from nested jqwik
 * combinators: those build a shrinkable per node and made generation, not the code under test,
 * take most of the run. jqwik still shrinks a failure, by lowering the depth and the seed.
 */
public final class ExprArbitraries {
    private ExprArbitraries() {}

    /** Whether erf and erfc are implemented in this build (they are placeholders until merged). */
    public static final boolean ERF_AVAILABLE = erfAvailable();

    private static boolean erfAvailable() {
        try {
            RampMath.erf(0.5);
            return true;
        } catch (UnsupportedOperationException e) {
            return false;
        }
    }

    private static final List<Fn> SMOOTH_ANYWHERE = List.of(Fn.EXP, Fn.EXPM1, Fn.TANH, Fn.SINH, Fn.COSH, Fn.SIN, Fn.COS,
                    Fn.ATAN, Fn.SIGMOID, Fn.SOFTPLUS, Fn.ABS, Fn.SIGN, Fn.ERF, Fn.ERFC).stream()
            .filter(f -> ERF_AVAILABLE || (f != Fn.ERF && f != Fn.ERFC)).toList();
    private static final List<Fn> NEED_POSITIVE = List.of(Fn.LOG, Fn.SQRT, Fn.LOG1P);
    private static final double[] CONSTANTS = {0, 1, 2, 0.5, -1, 3, 0.01, -2.5, 10, 0.25};
    private static final double[] EXPONENTS = {2, 3, -1, 4, 0.5};

    /** Trees of depth at most {@code maxDepth} (a leaf has depth 0). */
    public static Arbitrary<Expr> exprs(int maxDepth) {
        // Mostly full depth; shallower trees are what shrinking moves to.
        Arbitrary<Integer> depths = Arbitraries.frequency(Tuple.of(1, 0), Tuple.of(2, Math.max(0, maxDepth - 1)), Tuple.of(6, maxDepth));
        return Combinators.combine(Arbitraries.longs(), depths)
                .as((seed, depth) -> tree(new Random(seed), depth))
                .withoutEdgeCases();
    }

    /** One random tree of depth at most {@code depth}. */
    public static Expr tree(Random r, int depth) {
        if (depth == 0) return leaf(r);
        int d = depth - 1;
        return switch (pick(r, 2, 2, 3, 2, 3, 2, 2, 1, 5, 2, 1, 1, 2)) {
            case 0 -> tree(r, d);
            case 1 -> neg(tree(r, d));
            case 2 -> add(trees(r, d, 2 + r.nextInt(2)));
            case 3 -> sub(tree(r, d), tree(r, d));
            case 4 -> mul(trees(r, d, 2 + r.nextInt(2)));
            case 5 -> div(tree(r, d), r.nextInt(4) == 0 ? tree(r, d) : positive(r, d));
            case 6 -> pow(tree(r, d), constant(EXPONENTS[r.nextInt(EXPONENTS.length)]));
            case 7 -> pow(positive(r, d), tree(r, d));
            case 8 -> call(SMOOTH_ANYWHERE.get(r.nextInt(SMOOTH_ANYWHERE.size())), tree(r, d));
            case 9 -> call(NEED_POSITIVE.get(r.nextInt(NEED_POSITIVE.size())), positive(r, d));
            case 10 -> call(r.nextBoolean() ? Fn.MAX : Fn.MIN, tree(r, d), tree(r, d));
            case 11 -> where(cond(r, d), tree(r, d), tree(r, d));
            default -> bait(r, d);
        };
    }

    /**
     * The left sides of the simplifier's guarded identities over an unrestricted subtree, which
     * may be negative, zero or NaN: exactly where an unguarded rule would change the value.
     */
    private static Expr bait(Random r, int depth) {
        Expr u = tree(r, depth);
        return switch (r.nextInt(10)) {
            case 0 -> call(Fn.EXP, call(Fn.LOG, u));
            case 1 -> call(Fn.EXPM1, call(Fn.LOG1P, u));
            case 2 -> pow(call(Fn.SQRT, u), TWO);
            case 3 -> div(u, u);
            case 4 -> sub(u, u);
            case 5 -> mul(sub(u, u), tree(r, depth));
            case 6 -> div(sub(u, u), tree(r, depth));
            case 7 -> mul(u, pow(u, MINUS_ONE));
            case 8 -> call(Fn.ABS, u);
            default -> call(r.nextBoolean() ? Fn.LOG : Fn.SQRT, u);
        };
    }

    /** x, a, or a small constant (with x the likeliest, so most trees depend on it). */
    private static Expr leaf(Random r) {
        return switch (pick(r, 4, 2, 3)) {
            case 0 -> var("x");
            case 1 -> var("a");
            default -> constant(CONSTANTS[r.nextInt(CONSTANTS.length)]);
        };
    }

    private static List<Expr> trees(Random r, int depth, int n) {
        List<Expr> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) out.add(tree(r, depth));
        return out;
    }

    /** An expression positive wherever it is finite, whatever its argument. */
    private static Expr positive(Random r, int depth) {
        Expr u = tree(r, depth);
        return switch (r.nextInt(6)) {
            case 0 -> call(Fn.EXP, u);
            case 1 -> call(Fn.SOFTPLUS, u);
            case 2 -> call(Fn.SIGMOID, u);
            case 3 -> call(Fn.COSH, u);
            case 4 -> add(ONE, call(Fn.ABS, u));
            default -> add(constant(0.5), pow(u, TWO));
        };
    }

    /** A comparison of two subtrees (or of one with 0), sometimes combined with and, or, not. */
    private static Cond cond(Random r, int depth) {
        return switch (pick(r, 6, 1, 1, 1)) {
            case 0 -> compare(r, depth);
            case 1 -> new Cond.And(compare(r, depth), compare(r, depth));
            case 2 -> new Cond.Or(compare(r, depth), compare(r, depth));
            default -> new Cond.Not(compare(r, depth));
        };
    }

    private static Cond compare(Random r, int depth) {
        Cond.Op op = Cond.Op.values()[r.nextInt(Cond.Op.values().length)];
        return new Cond.Compare(op, tree(r, depth), r.nextBoolean() ? ZERO : tree(r, depth));
    }

    /** An index chosen with the given relative weights. */
    private static int pick(Random r, int... weights) {
        int total = 0;
        for (int w : weights) total += w;
        int k = r.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            k -= weights[i];
            if (k < 0) return i;
        }
        throw new AssertionError();
    }
}
