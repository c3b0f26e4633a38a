package dev.ramp.compiler.analysis;

import java.util.HashMap;
import java.util.Map;

/**
 * Signal propagation through a deep network at initialisation, in the mean-field picture (Poole
 * et al. 2016, Schoenholz et al. 2017) with zero biases: pre-activations of layer l are
 * N(0, q_l); weights with variance g²/fan_in give
 *
 * <pre>
 *   q_(l+1) = V(q_l),  V(q) = g² · E[f(√q z)²]          (the variance map)
 *   χ(q)    = g² · E[f'(√q z)²]                          (the per-layer factor of E[gradient²])
 * </pre>
 *
 * so the gradient's second moment through L layers is multiplied by the product of χ(q_l). He's
 * gain g = 1/√E[f(z)²] makes q = 1 a fixed point (V(1) = 1), and the product is then χ(1)^L.
 * The edge of chaos is the gain where χ = 1 at the variance fixed point the network settles at.
 */
final class MeanField {
    private final Gaussian gauss;
    private final double chiAtZero, chiAtInfinity;
    /** E[f(√q z)²] and E[f'(√q z)²] by q: the searches for different gains revisit the same q = 2^k. */
    private final Map<Double, Double> f2 = new HashMap<>(), df2 = new HashMap<>();

    /**
     * @param chiAtZero lim E[f'(√q z)²] as q → 0: the mean of the squared one-sided derivatives at 0
     * @param chiAtInfinity lim E[f'(√q z)²] as q → ∞: the mean of the squared limits of f' at ±∞, NaN if unknown
     */
    MeanField(Gaussian gauss, double chiAtZero, double chiAtInfinity) {
        this.gauss = gauss;
        this.chiAtZero = chiAtZero;
        this.chiAtInfinity = chiAtInfinity;
    }

    /** Where the variance iteration from q = 1 settles (0 and ∞ allowed), and the slope V'(q*) there. */
    record FixedPoint(double q, double slope) {}

    private static final int DOUBLINGS = 50;
    static final double Q_MIN = Math.scalb(1.0, -DOUBLINGS), Q_MAX = Math.scalb(1.0, DOUBLINGS);

    /** V(q) = g² E[f(√q z)²]. */
    double variance(double g, double q) {
        return g * g * f2.computeIfAbsent(q, v -> gauss.value(Gaussian.Moment.F2, Math.sqrt(v)));
    }

    /** χ(q) = g² E[f'(√q z)²]; at q = 0 and ∞ its limits (or, if unknown, the value at 2^∓50). */
    double chi(double g, double q) {
        if (q <= 0 && Double.isFinite(chiAtZero)) return g * g * chiAtZero;
        if (Double.isInfinite(q) && Double.isFinite(chiAtInfinity)) return g * g * chiAtInfinity;
        double at = q <= 0 ? Q_MIN : Double.isInfinite(q) ? Q_MAX : q;
        return g * g * df2.computeIfAbsent(at, v -> gauss.value(Gaussian.Moment.DF2, Math.sqrt(v)));
    }

    /** V'(q) = g² E[x f(x) f'(x)] / q for x ~ N(0, q) (differentiate under the integral, x = √q z). */
    double slope(double g, double q) {
        return g * g * gauss.value(Gaussian.Moment.XFDF, Math.sqrt(q)) / q;
    }

    /**
     * The limit of q_(l+1) = V(q_l) from q_1 = 1. The map is increasing for the activations
     * considered, so the iterates move monotonically to the nearest fixed point in the direction
     * of V(1) - 1: it is bracketed by halving (or doubling) q up to 50 times and located by
     * the Illinois method on log q to 10^-10. No fixed point within 2^±50 means q* = 0 (the signal dies)
     * or q* = ∞ (it explodes).
     */
    FixedPoint fixedPoint(double g) {
        double h1 = variance(g, 1) - 1;
        if (Double.isNaN(h1)) return new FixedPoint(Double.NaN, Double.NaN);
        if (Math.abs(h1) <= 1e-9) return new FixedPoint(1, slope(g, 1));
        double step = h1 < 0 ? 0.5 : 2;
        double near = 1, far = Double.NaN;
        for (int i = 0; i < DOUBLINGS; i++) {
            double q = near * step;
            double h = variance(g, q) - q;
            if (Double.isNaN(h)) return new FixedPoint(Double.NaN, Double.NaN);
            if (h1 < 0 ? h >= 0 : h <= 0) {
                far = q;
                break;
            }
            near = q;
        }
        if (Double.isNaN(far)) return new FixedPoint(h1 < 0 ? 0 : Double.POSITIVE_INFINITY, Double.NaN);
        // The root in log q between near (the sign of h1) and far (the other sign, or zero).
        double[] r = Roots.bracketed(t -> {
            double q = Math.exp(t);
            return variance(g, q) - q;
        }, Math.log(near), Math.log(far), variance(g, near) - near, variance(g, far) - far, 1e-10);
        double q = Math.exp(0.5 * (r[0] + r[1]));
        return new FixedPoint(q, slope(g, q));
    }

    /**
     * The gradient's second-moment factor through the first {@code depths} layers (each entry
     * the product of χ(q_l) for l = 1..L), following q_l from q_1 = 1.
     */
    double[] gradientProducts(double g, int... depths) {
        double[] out = new double[depths.length];
        double q = 1, product = 1;
        int l = 0;
        for (int k = 0; k < depths.length; k++) {
            for (; l < depths[k]; l++) {
                product *= chi(g, q);
                q = variance(g, q);
                if (!Double.isFinite(q) || q <= 0) q = q <= 0 ? 0 : Double.POSITIVE_INFINITY;
            }
            out[k] = product;
        }
        return out;
    }

    /**
     * The edge of chaos.
     *
     * @param gain the gain g_c with χ(q*(g_c)) = 1; NaN if there is none
     * @param q the variance fixed point there
     * @param jump when χ - 1 changes sign by jumping (q* switching between 0 and ∞ across an
     *     unstable fixed point) rather than passing through 0: where, else NaN
     * @param chiBelow χ just below the jump
     * @param chiAbove χ just above the jump
     * @param qBelow the variance fixed point just below the jump
     * @param qAbove the variance fixed point just above the jump
     */
    record Critical(double gain, double q, double jump, double chiBelow, double chiAbove, double qBelow, double qAbove) {
        static final Critical NONE = new Critical(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);

        static Critical found(double g, double q) {
            return new Critical(g, q, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
    }

    /**
     * The edge of chaos: the gain g_c with χ(q*(g_c)) = 1, by the Illinois method on log g over
     * [g/16, 16 g] around {@code near}. If χ - 1 does not change sign there, or changes it by a
     * jump (checked: |χ - 1| ≤ 10^-6 at an end of the final bracket), there is no such gain.
     */
    Critical critical(double near) {
        double lo = Math.log(near / 16), hi = Math.log(near * 16);
        double flo = criticalResidual(Math.exp(lo)), fhi = criticalResidual(Math.exp(hi));
        if (Double.isNaN(flo) || Double.isNaN(fhi) || (flo > 0) == (fhi > 0)) return Critical.NONE;
        double[] r = Roots.bracketed(t -> criticalResidual(Math.exp(t)), lo, hi, flo, fhi, 1e-9);
        if (Double.isNaN(r[0])) return Critical.NONE;
        double g = Math.exp(0.5 * (r[0] + r[1]));
        FixedPoint p = fixedPoint(g);
        // A jump: χ - 1 stays away from 0 at both ends of the final bracket, or reaches it only
        // exactly at an unstable fixed point (any other gain leaves it).
        if (Math.min(Math.abs(r[2]), Math.abs(r[3])) > 1e-6 || p.slope() > 1 + 1e-9) {
            double below = g * (1 - 1e-6), above = g * (1 + 1e-6);
            FixedPoint pb = fixedPoint(below), pa = fixedPoint(above);
            return new Critical(Double.NaN, Double.NaN, g, chi(below, pb.q()), chi(above, pa.q()), pb.q(), pa.q());
        }
        return Critical.found(g, p.q());
    }

    private double criticalResidual(double g) {
        FixedPoint p = fixedPoint(g);
        if (Double.isNaN(p.q())) return Double.NaN;
        return chi(g, p.q()) - 1;
    }
}
