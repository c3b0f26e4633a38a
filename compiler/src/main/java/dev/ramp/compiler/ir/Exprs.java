package dev.ramp.compiler.ir;

import dev.ramp.compiler.ir.Expr.*;
import java.util.ArrayList;
import java.util.List;

/**
 * Smart constructors for {@link Expr}. They do only O(1)-per-operand canonicalisation (flatten
 * nested sums and products, drop additive zeros and multiplicative ones, cancel double negation,
 * fold a negated constant); everything else is the simplifier's job.
 */
public final class Exprs {
    private Exprs() {}

    public static final Const ZERO = new Const(0.0);
    public static final Const ONE = new Const(1.0);
    public static final Const TWO = new Const(2.0);
    public static final Const MINUS_ONE = new Const(-1.0);

    public static Const constant(double value) {
        return new Const(value);
    }

    public static Var var(String name) {
        return new Var(name);
    }

    public static boolean isZero(Expr e) {
        return e instanceof Const(double v) && v == 0.0;
    }

    public static boolean isOne(Expr e) {
        return e instanceof Const(double v) && v == 1.0;
    }

    public static Expr neg(Expr a) {
        return switch (a) {
            case Neg(Expr inner) -> inner;
            case Const(double v) -> new Const(-v);
            default -> new Neg(a);
        };
    }

    public static Expr add(Expr a, Expr b) {
        return add(List.of(a, b));
    }

    /** The sum of the terms: nested sums flattened, zeros dropped; 0 when nothing is left. */
    public static Expr add(List<Expr> terms) {
        List<Expr> flat = new ArrayList<>(terms.size());
        for (Expr t : terms) {
            if (t instanceof Add(List<Expr> inner)) flat.addAll(inner);
            else if (!isZero(t)) flat.add(t);
        }
        return switch (flat.size()) {
            case 0 -> ZERO;
            case 1 -> flat.getFirst();
            default -> new Add(flat);
        };
    }

    public static Expr sub(Expr a, Expr b) {
        return add(a, neg(b));
    }

    public static Expr mul(Expr a, Expr b) {
        return mul(List.of(a, b));
    }

    /**
     * The product of the factors: nested products flattened, ones dropped; 0 if any factor is the
     * constant 0 (the symbolic convention 0 * u = 0, as in SymPy), 1 when nothing is left.
     */
    public static Expr mul(List<Expr> factors) {
        List<Expr> flat = new ArrayList<>(factors.size());
        for (Expr f : factors) {
            if (f instanceof Mul(List<Expr> inner)) flat.addAll(inner);
            else if (isZero(f)) return ZERO;
            else if (!isOne(f)) flat.add(f);
        }
        return switch (flat.size()) {
            case 0 -> ONE;
            case 1 -> flat.getFirst();
            default -> new Mul(flat);
        };
    }

    public static Expr div(Expr num, Expr den) {
        if (isOne(den)) return num;
        if (isZero(num)) return ZERO;
        return new Div(num, den);
    }

    public static Expr pow(Expr base, Expr exponent) {
        if (isOne(exponent)) return base;
        if (isZero(exponent)) return ONE;
        return new Pow(base, exponent);
    }

    public static Expr call(Fn fn, Expr... args) {
        return new Call(fn, List.of(args));
    }

    public static Expr where(Cond cond, Expr ifTrue, Expr ifFalse) {
        if (ifTrue.equals(ifFalse)) return ifTrue;
        return new Where(cond, ifTrue, ifFalse);
    }
}
