package dev.ramp.compiler.reference;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;

/**
 * A value during one evaluation at a fixed working precision, with two first-order running
 * error bounds (Higham, Accuracy and Stability of Numerical Algorithms, 2nd ed., section 3.3):
 *
 * <ul>
 *   <li>{@code err}: the error of this evaluation itself, in units of 10^(1-p) for p working
 *       digits. Exact operations contribute nothing, so an exact result has {@code err == 0}
 *       and needs no second opinion, and an inexact zero (cancellation that wiped out every
 *       digit) is recognised as untrustworthy however often it repeats. For a non-finite
 *       value, 0 means "certain" and null "decided by an uncertain comparison or an
 *       untrustworthy zero".</li>
 *   <li>{@code scale}: the same bound for an evaluation of the expression in floating point
 *       with every operation rounded once, in units of the unit roundoff: a double evaluation
 *       is off by about {@code scale * 2^-53} at most. It is at least |value| for anything that
 *       involved an operation, and much larger where terms cancel. Null when unbounded (a
 *       square root at an inexact 0).</li>
 * </ul>
 * Both are kept to a few digits, rounded up; they are magnitudes, not values.
 */
record Val(Real value, BigDecimal err, BigDecimal scale) {

    /** Precision of error magnitudes: a few digits, rounded away from zero so bounds stay bounds. */
    static final MathContext LOW = new MathContext(4, RoundingMode.UP);

    /** An exactly known value (a constant, a variable, or a certain special outcome). */
    static Val exact(Real value) {
        return new Val(value, BigDecimal.ZERO, BigDecimal.ZERO);
    }

    /** A special outcome (infinity, undefined, beyond range) that is as certain as its inputs. */
    static Val special(Real value, List<Val> inputs) {
        for (Val v : inputs) {
            if (v.err == null) return new Val(value, null, BigDecimal.ZERO);
        }
        return exact(value);
    }

    static Val special(Real value, Val input) {
        return new Val(value, input.err == null ? null : BigDecimal.ZERO, BigDecimal.ZERO);
    }

    /** |v| to a few digits, rounded up. */
    static BigDecimal mag(BigDecimal v) {
        return v.abs().round(LOW);
    }

    /** a + b on magnitudes, null (unbounded) absorbing. */
    static BigDecimal plus(BigDecimal a, BigDecimal b) {
        return a == null || b == null ? null : a.add(b, LOW);
    }

    /** a * b on magnitudes, null (unbounded) absorbing unless the other factor is exactly 0. */
    static BigDecimal times(BigDecimal a, BigDecimal b) {
        if (a != null && a.signum() == 0 || b != null && b.signum() == 0) return BigDecimal.ZERO;
        return a == null || b == null ? null : a.multiply(b, LOW);
    }

    /** The finite value; callers check first. */
    BigDecimal finite() {
        return ((Real.Finite) value).value();
    }

    boolean isFinite() {
        return value instanceof Real.Finite;
    }
}
