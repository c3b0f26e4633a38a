package dev.ramp.compiler.pass;

import static dev.ramp.compiler.ir.Exprs.constant;

import dev.ramp.compiler.ir.Cond;
import dev.ramp.compiler.ir.Expr;
import dev.ramp.compiler.ir.Expr.*;
import dev.ramp.compiler.ir.Fn;
import java.util.List;

/**
 * Calls, conditions and branches in normal form: calls on constants folded, and max, min and
 * comparisons decided by constants or by the interval analysis ({@link Normalise}'s
 * {@code fold}, {@code extremum-range} and {@code cond-fold} steps).
 */
final class Decisions {
    private final Normalise n;

    Decisions(Normalise n) {
        this.n = n;
    }

    Expr call(Fn fn, List<Expr> args) {
        if (args.stream().allMatch(a -> a instanceof Const)) {
            double[] values = args.stream().mapToDouble(a -> ((Const) a).value()).toArray();
            double v = fn.apply(values);
            if (Normalise.foldable(v, values)) {
                n.note("fold");
                return constant(v);
            }
        }
        if (fn == Fn.MAX || fn == Fn.MIN) {
            // extremum-range: decided when one side is never below (above) the other.
            Range a = n.range(args.get(0)), b = n.range(args.get(1));
            if (a.defined() && b.defined()) {
                boolean firstWins = fn == Fn.MAX ? a.lo() >= b.hi() : a.hi() <= b.lo();
                boolean secondWins = fn == Fn.MAX ? b.lo() >= a.hi() : b.hi() <= a.lo();
                if (firstWins || secondWins) {
                    n.note("extremum-range");
                    return firstWins ? args.get(0) : args.get(1);
                }
            }
        }
        return new Call(fn, args);
    }

    /** The condition, or {@link Boolean#TRUE}/{@link Boolean#FALSE} when it is decided. */
    Object compare(Cond.Op op, Expr left, Expr right) {
        if (left instanceof Const(double l) && right instanceof Const(double r)) {
            n.note("cond-fold");
            return op.test(l, r);
        }
        Range a = n.range(left), b = n.range(right);
        if (!a.nan() && !b.nan()) {
            Boolean decided = decide(op, a, b);
            if (decided != null) {
                n.note("cond-fold");
                return decided;
            }
            if (left.equals(right)) {
                n.note("cond-fold");
                return op == Cond.Op.LE || op == Cond.Op.GE || op == Cond.Op.EQ;
            }
        }
        return new Cond.Compare(op, left, right);
    }

    /** The comparison's truth when the ranges do not overlap (or touch only where it holds). */
    private static Boolean decide(Cond.Op op, Range a, Range b) {
        return switch (op) {
            case LT -> a.hi() < b.lo() ? Boolean.TRUE : a.lo() >= b.hi() ? Boolean.FALSE : null;
            case LE -> a.hi() <= b.lo() ? Boolean.TRUE : a.lo() > b.hi() ? Boolean.FALSE : null;
            case GT -> a.lo() > b.hi() ? Boolean.TRUE : a.hi() <= b.lo() ? Boolean.FALSE : null;
            case GE -> a.lo() >= b.hi() ? Boolean.TRUE : a.hi() < b.lo() ? Boolean.FALSE : null;
            case EQ -> a.hi() < b.lo() || a.lo() > b.hi() ? Boolean.FALSE : null;
            case NE -> a.hi() < b.lo() || a.lo() > b.hi() ? Boolean.TRUE : null;
        };
    }

    Object and(Object left, Object right) {
        if (left instanceof Boolean l) { n.note("cond-fold"); return l ? right : Boolean.FALSE; }
        if (right instanceof Boolean r) { n.note("cond-fold"); return r ? left : Boolean.FALSE; }
        return new Cond.And((Cond) left, (Cond) right);
    }

    Object or(Object left, Object right) {
        if (left instanceof Boolean l) { n.note("cond-fold"); return l ? Boolean.TRUE : right; }
        if (right instanceof Boolean r) { n.note("cond-fold"); return r ? Boolean.TRUE : left; }
        return new Cond.Or((Cond) left, (Cond) right);
    }

    Object not(Object operand) {
        if (operand instanceof Boolean b) { n.note("cond-fold"); return !b; }
        return new Cond.Not((Cond) operand);
    }

    Expr where(Cond cond, Expr ifTrue, Expr ifFalse) {
        if (ifTrue.equals(ifFalse)) {
            n.note("where-same");
            return ifTrue;
        }
        return new Where(cond, ifTrue, ifFalse);
    }
}
