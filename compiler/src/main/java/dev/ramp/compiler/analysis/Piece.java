package dev.ramp.compiler.analysis;

import dev.ramp.compiler.ir.Expr;
import java.util.Optional;

/**
 * The definition on one open interval between consecutive branch points, branch-free.
 *
 * @param lo the left end (may be -∞)
 * @param hi the right end (may be +∞)
 * @param f the definition there
 * @param df its derivative (the derivative of {@code f}, equal to the definition's f' inside)
 * @param poly {@code f} as an exponential polynomial, when it is one (closed-form integrals)
 * @param dpoly {@code df} as an exponential polynomial, when it is one
 * @param verified whether {@code f} matched the definition at every sample point of the interval
 */
record Piece(double lo, double hi, Expr f, Expr df, Optional<ExpPoly> poly, Optional<ExpPoly> dpoly, boolean verified) {
    /** f is the constant 0 here (symbolically). */
    boolean zero() {
        return verified && f instanceof Expr.Const(double v) && v == 0;
    }

    /** f' is the constant 0 here (symbolically). */
    boolean deadGradient() {
        return verified && df instanceof Expr.Const(double v) && v == 0;
    }

    /** f is constant here (symbolically). */
    boolean constant() {
        return verified && f instanceof Expr.Const;
    }

    /** f' is constant here (symbolically). */
    boolean constantGradient() {
        return verified && df instanceof Expr.Const;
    }

    static double interior(double lo, double hi) {
        if (lo == Double.NEGATIVE_INFINITY && hi == Double.POSITIVE_INFINITY) return 0;
        if (lo == Double.NEGATIVE_INFINITY) return hi - Math.max(1, Math.abs(hi));
        if (hi == Double.POSITIVE_INFINITY) return lo + Math.max(1, Math.abs(lo));
        return 0.5 * (lo + hi);
    }
}
