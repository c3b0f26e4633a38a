package dev.ramp.stdlib;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Error of a computed double against a high-precision reference, in units in the last place of
 * the reference rounded to double. The reference keeps 25 digits, so the error is measured
 * against the true value, not against its rounding (a correctly rounded result scores at most 0.5).
 */
public final class Ulps {
    private Ulps() {}

    /**
     * |actual - reference| / ulp(reference as a double). Zero when both are the same infinity,
     * both NaN, or when the reference rounds to an infinity the actual value equals (overflow is
     * the correctly rounded answer). Infinite when one is NaN or infinite and the other is not.
     * The sign of zero is ignored: the reference has none.
     */
    public static double error(double actual, Reference reference) {
        double expected = reference.toDouble();
        if (Double.isNaN(expected) || Double.isNaN(actual)) {
            return Double.isNaN(expected) && Double.isNaN(actual) ? 0 : Double.POSITIVE_INFINITY;
        }
        if (Double.isInfinite(expected) || Double.isInfinite(actual)) {
            return expected == actual ? 0 : Double.POSITIVE_INFINITY;
        }
        BigDecimal diff = new BigDecimal(actual).subtract(reference.decimal()).abs();
        return diff.divide(new BigDecimal(Math.ulp(expected)), MathContext.DECIMAL64).doubleValue();
    }

    /**
     * Whether the reference is a double (within a billionth of an ulp: 25 digits cannot tell
     * more): then an implementation must produce exactly that double, not merely come close.
     * Covers the kinks' conventional values, zeros, plain x, and the saturated tails.
     */
    public static boolean isExact(Reference reference) {
        double expected = reference.toDouble();
        if (Double.isNaN(expected) || Double.isInfinite(expected)) return true;
        return error(expected, reference) < 1e-9;
    }

    /** Whether {@code actual} is {@code reference}'s double, ignoring the sign of zero. */
    public static boolean matchesExactly(double actual, Reference reference) {
        double expected = reference.toDouble();
        return actual == expected || Double.compare(actual, expected) == 0;
    }
}
