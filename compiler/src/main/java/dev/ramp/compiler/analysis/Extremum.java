package dev.ramp.compiler.analysis;

/**
 * A local minimum or maximum: where the derivative changes sign.
 *
 * @param x its location (refined by bisection on the derivative's sign, to adjacent doubles)
 * @param value the function there
 * @param minimum true for a minimum, false for a maximum
 * @param atKink whether it sits on a branch point (a corner such as abs at 0), not at a zero of a smooth f'
 */
public record Extremum(double x, double value, boolean minimum, boolean atKink) {}
