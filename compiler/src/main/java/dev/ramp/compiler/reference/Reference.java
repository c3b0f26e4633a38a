package dev.ramp.compiler.reference;

import java.math.BigDecimal;

/**
 * The reference value of an expression at a point, with what is known about its accuracy.
 *
 * {@snippet :
 * Reference r = new HighPrecision().evaluate(mishPrime, "x", -1.19);
 * if (r.converged() && !r.nearBranchSwitch(0x1p-53)) {
 *     UlpError e = Ulp.error(compiled.applyAsDouble(-1.19), r);
 * }
 * }
 *
 * @param value the value, to {@code digits} significant digits (the finite value carries more
 *     digits than that, all of {@code workingDigits}; only the first {@code digits} are vouched for)
 * @param exact every operation was exact, so {@code value} is the exact value
 * @param converged two evaluations at increasing precision agreed to the target number of
 *     digits and the running error bound of the last one confirms it, or the bound shows the
 *     value to be below 10^-400 in magnitude (so that every floating format rounds it to zero;
 *     {@code digits} may then be small); false means the precision limit was reached first
 *     and {@code value} is only the best available
 * @param digits significant digits believed correct: the smaller of the agreement between the
 *     last two evaluations and the running error bound; {@code workingDigits} when exact; 0 for
 *     an unconverged non-finite value
 * @param workingDigits the precision of the evaluation that produced {@code value}
 * @param scale first-order bound on the rounding error of evaluating the expression, as
 *     written, in floating point with every operation and primitive rounded once, in units of
 *     the unit roundoff: a double evaluation is expected within about {@code scale * 2^-53}
 *     of the truth (Higham's running error bound). At least |value| unless the expression is
 *     a bare constant or variable; much larger where terms cancel, which makes it the yardstick
 *     for zero crossings ({@link Ulp#errorAgainstScale}). Null when unbounded (e.g. sqrt at an
 *     inexact 0) and 0 for a non-finite value.
 * @param branchMargin how far the point is from a branch switch, relative to rounding: the
 *     minimum over the comparisons of {@code where} conditions and the arguments of
 *     {@code sign} met on the taken path of |l - r| / (scale(l) + scale(r)). A double
 *     evaluation may take the other branch when this is below a few unit roundoffs;
 *     +infinity when no such decision depends on rounded values
 */
public record Reference(
        Real value,
        boolean exact,
        boolean converged,
        int digits,
        int workingDigits,
        BigDecimal scale,
        double branchMargin) {

    /** The double nearest to the reference value: what a correctly rounded result would be. */
    public double toDouble() {
        return value.toDouble();
    }

    /**
     * Whether a floating-point evaluation with unit roundoff {@code u} (2^-53 for double, 2^-24
     * for float) may take a different branch here than the reference: the margin is within 4 u.
     */
    public boolean nearBranchSwitch(double u) {
        return branchMargin <= 4 * u;
    }
}
