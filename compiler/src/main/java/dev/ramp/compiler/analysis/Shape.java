package dev.ramp.compiler.analysis;

import java.util.List;

/**
 * The shape of a function over the whole real line: its range, monotonicity, and local extrema.
 *
 * @param lower the infimum
 * @param upper the supremum
 * @param monotonicity the kind of monotonicity
 * @param extrema the local extrema, by x
 * @param constantOn the open intervals where the function is constant, as {lo, hi, value} triples
 * @param jumps the discontinuities, as {x, limit from the left, limit from the right} triples
 */
public record Shape(Bound lower, Bound upper, Monotonicity monotonicity, List<Extremum> extrema, List<double[]> constantOn,
        List<double[]> jumps) {
    public Shape {
        extrema = List.copyOf(extrema);
        constantOn = List.copyOf(constantOn);
        jumps = List.copyOf(jumps);
    }

    /** Monotonicity over the real line, judged from the derivative's sign on the grid and the jumps at branch points. */
    public enum Monotonicity {
        /** f' ≥ 0 everywhere and never constant on an interval (f' may vanish at isolated points or underflow in a tail). */
        INCREASING,
        /** f' ≥ 0 everywhere, constant on some interval. */
        NONDECREASING,
        DECREASING,
        NONINCREASING,
        CONSTANT,
        NONMONOTONIC
    }

    /** The largest absolute value: max(|inf|, |sup|). */
    public double maxAbs() {
        return Math.max(Math.abs(lower.value()), Math.abs(upper.value()));
    }
}
