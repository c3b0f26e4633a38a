package dev.ramp.compiler.reference;

/**
 * How far a floating-point result is from the reference: a number of ulps, or one of the
 * outcomes that are not a number of ulps. Produced by {@link Ulp}.
 *
 * {@snippet :
 * String shown = switch (Ulp.error(result, reference)) {
 *     case UlpError.Ulps(double ulps, boolean correctlyRounded) -> String.format("%.2f ulp", ulps);
 *     case UlpError.NonFinite(double r) -> r + " where the true value is finite";
 *     case UlpError.MissedInfinity(double r) -> r + " where the true value is infinite";
 *     case UlpError.NotJudged(double r, Real.Why why) -> "undefined (" + why + ")";
 * };
 * }
 */
public sealed interface UlpError {

    /**
     * The error |result - reference| in ulps of the format in the reference's binade (see
     * {@link Ulp}); 0 for an exact match, including equal infinities and a correctly
     * overflowed result.
     *
     * @param correctlyRounded the result is the reference rounded to nearest (ties to even),
     *     which means {@code ulps <= 0.5} but not conversely at the edge of a binade
     */
    record Ulps(double ulps, boolean correctlyRounded) implements UlpError {}

    /** The reference rounds to a finite number, but the result is NaN or infinite. */
    record NonFinite(double result) implements UlpError {}

    /**
     * The reference is infinite, or so large that it rounds to infinity, but the result is not
     * that infinity (it is NaN, the other infinity, or, for a true infinity, finite).
     */
    record MissedInfinity(double result) implements UlpError {}

    /**
     * The reference has no value ({@link Real.Undefined}): there is nothing to compare, and any
     * result is acceptable. Callers usually count these apart and may check that the result is
     * NaN ({@link #resultIsNaN()}), the IEEE answer, except at a {@link Real.Why#POLE} where
     * doubles give an infinity.
     */
    record NotJudged(double result, Real.Why why) implements UlpError {
        public boolean resultIsNaN() {
            return Double.isNaN(result);
        }
    }

    /** The ulps if measured, +infinity for the non-numeric failures, 0 if not judged. */
    default double ulpsOrInfinity() {
        return switch (this) {
            case Ulps(double ulps, boolean cr) -> ulps;
            case NonFinite n -> Double.POSITIVE_INFINITY;
            case MissedInfinity m -> Double.POSITIVE_INFINITY;
            case NotJudged n -> 0;
        };
    }
}
