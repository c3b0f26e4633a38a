package dev.ramp.compiler.analysis;

/**
 * A point where some branch of the definition switches: a {@code where} condition, a
 * {@code max}/{@code min} tie, the zero of an {@code abs} or {@code sign} argument.
 *
 * @param x the location
 * @param method how it was found: {@code "linear"} or {@code "quadratic"} (the switching expression
 *     solved exactly), or {@code "bisection"} (a sign change on the grid, refined to adjacent doubles)
 * @param source the switching expression, printed ({@code x > 0}, {@code max(0, x) vs 6})
 */
public record BranchPoint(double x, String method, String source) {}
