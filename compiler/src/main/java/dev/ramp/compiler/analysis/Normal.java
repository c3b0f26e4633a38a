package dev.ramp.compiler.analysis;

import dev.ramp.runtime.RampMath;

/**
 * The standard normal distribution: density φ, distribution function Φ (through ramp's erfc,
 * within 0.7 ulp), the mass of an interval without cancellation in either tail, and the truncated
 * moments {@code M_k(a, b) = ∫_a^b x^k φ(x) dx}.
 */
final class Normal {
    private Normal() {}

    /** 1/√(2π). */
    static final double INV_SQRT_2PI = 0.3989422804014327;

    /** φ(x) = e^(-x²/2)/√(2π); 0 at ±∞. */
    static double pdf(double x) {
        if (Double.isInfinite(x)) return 0;
        return INV_SQRT_2PI * Math.exp(-0.5 * x * x);
    }

    /** Φ(x) = erfc(-x/√2)/2, accurate to a few ulp in both tails; Φ(0) = 1/2 exactly. */
    static double cdf(double x) {
        if (x == Double.NEGATIVE_INFINITY) return 0;
        if (x == Double.POSITIVE_INFINITY) return 1;
        return 0.5 * RampMath.erfc(-x * 0.7071067811865476);
    }

    /**
     * log Φ(x), finite far into the left tail: directly above -30, below through Mills' ratio
     * Φ(x) = φ(x)·R(-x) with R(u) = 1/(u + 1/(u + 2/(u + 3/(u + …)))), a continued fraction that
     * converges to full precision in 40 terms for u ≥ 30.
     */
    static double logCdf(double x) {
        if (x == Double.NEGATIVE_INFINITY) return Double.NEGATIVE_INFINITY;
        if (x > -30) return Math.log(cdf(x));
        double u = -x, r = u;
        for (int k = 40; k >= 1; k--) r = u + k / r;
        return -0.5 * x * x + Math.log(INV_SQRT_2PI) - Math.log(r);
    }

    /** P(a < z < b) for z ~ N(0, 1), computed from the nearer tail so that no digits cancel. */
    static double mass(double a, double b) {
        if (!(a < b)) return 0;
        if (a >= 0) return cdf(-a) - cdf(-b);
        return cdf(b) - cdf(a);
    }

    /**
     * The truncated moments M_0..M_n over (a, b), by M_0 = Φ(b) - Φ(a), M_1 = φ(a) - φ(b),
     * M_k = a^(k-1) φ(a) - b^(k-1) φ(b) + (k-1) M_(k-2) (integration by parts; a boundary term at
     * an infinite end is 0).
     */
    static double[] moments(double a, double b, int n) {
        double[] m = new double[n + 1];
        double pa = pdf(a), pb = pdf(b);
        for (int k = 0; k <= n; k++) {
            if (k == 0) m[0] = mass(a, b);
            else {
                double ta = pa == 0 ? 0 : Math.pow(a, k - 1) * pa;
                double tb = pb == 0 ? 0 : Math.pow(b, k - 1) * pb;
                m[k] = ta - tb + (k >= 2 ? (k - 1) * m[k - 2] : 0);
            }
        }
        return m;
    }
}
