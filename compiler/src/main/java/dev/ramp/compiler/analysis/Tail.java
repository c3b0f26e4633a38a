package dev.ramp.compiler.analysis;

/**
 * How a function behaves as x → ±∞, read from its values at |x| = 10^2 … 10^12.
 *
 * @param side -1 for x → -∞, +1 for x → +∞
 * @param kind the behaviour
 * @param limit the limit for {@link Kind#CONSTANT} (rounded to the digits the samples support),
 *     the slope for {@link Kind#LINEAR}, NaN otherwise
 * @param offset the intercept b of the asymptote a·x + b for {@link Kind#LINEAR}, else NaN
 * @param growth for unbounded tails, {@code "linear"}, {@code "superlinear"} or {@code "sublinear"}; else empty
 */
public record Tail(int side, Kind kind, double limit, double offset, String growth) {
    /** The kinds of tail behaviour. */
    public enum Kind {
        /** Converges to a finite limit: saturates. */
        CONSTANT,
        /** Grows like a·x + b with a ≠ 0. */
        LINEAR,
        /** Grows to +∞ faster or slower than linearly. */
        UNBOUNDED_ABOVE,
        /** Falls to -∞ faster or slower than linearly. */
        UNBOUNDED_BELOW,
        /** No limit was recognised (oscillation, NaN, or too slow to tell). */
        NONE
    }

    /** The extreme value the tail approaches: the limit, ±∞ for growing tails, NaN if none. */
    public double approaches() {
        return switch (kind) {
            case CONSTANT -> limit;
            case LINEAR -> limit * side > 0 ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
            case UNBOUNDED_ABOVE -> Double.POSITIVE_INFINITY;
            case UNBOUNDED_BELOW -> Double.NEGATIVE_INFINITY;
            case NONE -> Double.NaN;
        };
    }

    /** Whether the function tends to 0 here (for a derivative: the gradient vanishes). */
    public boolean vanishes() {
        return kind == Kind.CONSTANT && limit == 0;
    }
}
