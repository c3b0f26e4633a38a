package dev.ramp.compiler.pass;

import dev.ramp.compiler.ir.Cond;
import dev.ramp.compiler.ir.Expr;
import dev.ramp.compiler.ir.Expr.*;
import java.util.Comparator;
import java.util.List;

/**
 * The canonical total order of operands in sums and products. A greedy rewriter cannot search
 * over commutativity, so the simplifier sorts operands instead: equal multisets of operands then
 * give equal trees, and like terms end up next to each other.
 *
 * <p>Constants come first, then variables (by name), calls (by primitive, then arguments), powers,
 * products, quotients, sums and branches; a negation sorts as its operand, just after it, and a
 * power after its base. This reads naturally when printed: {@code 2 * x * tanh(x)},
 * {@code 1 - tanh(x)^2}, {@code x^2 * sigmoid(x)}.
 */
public final class ExprOrder implements Comparator<Expr> {
    /** The one instance. */
    public static final ExprOrder INSTANCE = new ExprOrder();

    private ExprOrder() {}

    @Override
    public int compare(Expr a, Expr b) {
        if (a == b) return 0;
        // A negation sorts next to its operand, so x - y keeps x and y in their own order; a
        // power sorts next to its base, so x * x^2 * tanh(x) and beta^2 * sigmoid(x) read in order.
        Expr ua = key(a), ub = key(b);
        int c = ua == a && ub == b ? 0 : compare(ua, ub);
        if (c != 0) return c;
        ua = a instanceof Neg(Expr inner) ? inner : a;
        ub = b instanceof Neg(Expr inner) ? inner : b;
        c = compareUnsigned(ua, ub);
        if (c != 0) return c;
        return Boolean.compare(a instanceof Neg, b instanceof Neg);
    }

    /** What an operand sorts by first: a negation's operand, a power's base. */
    private static Expr key(Expr e) {
        Expr u = e instanceof Neg(Expr inner) ? inner : e;
        return u instanceof Pow(Expr base, Expr exponent) ? base : u;
    }

    private int compareUnsigned(Expr a, Expr b) {
        int c = Integer.compare(rank(a), rank(b));
        if (c != 0) return c;
        return switch (a) {
            case Const(double x) -> Double.compare(x, ((Const) b).value());
            case Var(String x) -> x.compareTo(((Var) b).name());
            case Neg(Expr x) -> compare(x, ((Neg) b).arg());
            case Add(List<Expr> xs) -> compareLists(xs, ((Add) b).terms());
            case Mul(List<Expr> xs) -> compareLists(xs, ((Mul) b).factors());
            case Div(Expr n, Expr d) -> {
                Div o = (Div) b;
                int k = compare(n, o.num());
                yield k != 0 ? k : compare(d, o.den());
            }
            case Pow(Expr base, Expr exp) -> {
                Pow o = (Pow) b;
                int k = compare(base, o.base());
                yield k != 0 ? k : compare(exp, o.exponent());
            }
            case Call(var fn, List<Expr> args) -> {
                Call o = (Call) b;
                int k = fn.compareTo(o.fn());
                yield k != 0 ? k : compareLists(args, o.args());
            }
            case Where(Cond cond, Expr t, Expr f) -> {
                Where o = (Where) b;
                int k = compareConds(cond, o.cond());
                if (k == 0) k = compare(t, o.ifTrue());
                yield k != 0 ? k : compare(f, o.ifFalse());
            }
        };
    }

    /** Ranks in printing order; Neg only reaches here nested (a negation of a negation). */
    private static int rank(Expr e) {
        return switch (e) {
            case Const c -> 0;
            case Var v -> 1;
            case Call c -> 2;
            case Pow p -> 3;
            case Mul m -> 4;
            case Div d -> 5;
            case Add a -> 6;
            case Where w -> 7;
            case Neg n -> 8;
        };
    }

    private int compareLists(List<Expr> xs, List<Expr> ys) {
        for (int i = 0; i < Math.min(xs.size(), ys.size()); i++) {
            int c = compare(xs.get(i), ys.get(i));
            if (c != 0) return c;
        }
        return Integer.compare(xs.size(), ys.size());
    }

    /** A total order on conditions, so that branches with different conditions sort stably. */
    int compareConds(Cond a, Cond b) {
        int c = Integer.compare(rank(a), rank(b));
        if (c != 0) return c;
        return switch (a) {
            case Cond.Compare(Cond.Op op, Expr l, Expr r) -> {
                Cond.Compare o = (Cond.Compare) b;
                int k = op.compareTo(o.op());
                if (k == 0) k = compare(l, o.left());
                yield k != 0 ? k : compare(r, o.right());
            }
            case Cond.And(Cond l, Cond r) -> {
                Cond.And o = (Cond.And) b;
                int k = compareConds(l, o.left());
                yield k != 0 ? k : compareConds(r, o.right());
            }
            case Cond.Or(Cond l, Cond r) -> {
                Cond.Or o = (Cond.Or) b;
                int k = compareConds(l, o.left());
                yield k != 0 ? k : compareConds(r, o.right());
            }
            case Cond.Not(Cond x) -> compareConds(x, ((Cond.Not) b).operand());
        };
    }

    private static int rank(Cond c) {
        return switch (c) {
            case Cond.Compare x -> 0;
            case Cond.And x -> 1;
            case Cond.Or x -> 2;
            case Cond.Not x -> 3;
        };
    }
}
