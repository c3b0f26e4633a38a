package dev.ramp.compiler.analysis;

/**
 * A computed quantity with its accuracy and provenance.
 *
 * @param value the value
 * @param error an estimate of the absolute error (rounding only, for exact results)
 * @param exact the closed form, or null when part of the value came from quadrature
 * @param method how it was computed: {@code "exact"}, {@code "Gauss–Kronrod"}, or both
 */
public record Estimate(double value, double error, ClosedForm exact, String method) {
    /** The closed form as text, or null. */
    public String closedForm() {
        return exact == null ? null : exact.toString();
    }
}
