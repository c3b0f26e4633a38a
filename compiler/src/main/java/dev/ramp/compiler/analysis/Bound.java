package dev.ramp.compiler.analysis;

/**
 * One end of a function's range.
 *
 * @param value the infimum or supremum (±∞ when unbounded)
 * @param attained whether some finite x gives exactly this value
 * @param how {@code "point"} (at {@code x}), {@code "interval"} (constant on ({@code from}, {@code to})),
 *     {@code "limit"} (approached as x → {@code x}, which is ±∞ or a branch point), or {@code "unbounded"}
 * @param x the point, or the limit point
 * @param from the interval's left end (NaN unless {@code how} is interval)
 * @param to the interval's right end (NaN unless {@code how} is interval)
 */
public record Bound(double value, boolean attained, String how, double x, double from, double to) {
    static Bound point(double value, double x) {
        return new Bound(value, true, "point", x, Double.NaN, Double.NaN);
    }

    static Bound interval(double value, double from, double to) {
        return new Bound(value, true, "interval", Double.NaN, from, to);
    }

    static Bound limit(double value, double x) {
        return new Bound(value, false, Double.isInfinite(value) ? "unbounded" : "limit", x, Double.NaN, Double.NaN);
    }

    /** Whether the function is bounded on this side. */
    public boolean bounded() {
        return Double.isFinite(value);
    }
}
