package dev.ramp.stdlib.handwritten;

import dev.ramp.runtime.RampMath;

/**
 * GELU and its approximations by hand. In the left tail each is a product with a function whose
 * log-slope grows like x^2 or x^3 (erfc, sigmoid of a cubic), so a rounding in its argument is
 * amplified hundreds of times; the arguments are therefore carried as hi + lo pairs (with fma)
 * and the lo part applied as a first-order correction. That costs a few flops, no extra calls.
 */
public final class Gaussian {
    private Gaussian() {}

    /** 1/sqrt(2) = RSQRT2_HI + RSQRT2_LO. */
    private static final double RSQRT2_HI = 0.7071067811865476;
    private static final double RSQRT2_LO = -4.833646656726457e-17;
    private static final double SQRT2 = 1.4142135623730951;
    /** 1/sqrt(2 pi), phi's constant. */
    private static final double INV_SQRT_2PI = 0.3989422804014327;
    /** sqrt(2/pi) = C_HI + C_LO and 0.044715 = KAPPA_HI + KAPPA_LO (the exact decimal). */
    private static final double C_HI = 0.7978845608028654;
    private static final double C_LO = -4.98465440455546e-17;
    private static final double KAPPA_HI = 0.044715;
    private static final double KAPPA_LO = 2.1960211427085595e-18;
    /** 1.702 = QUICK_HI + QUICK_LO (the exact decimal). */
    private static final double QUICK_HI = 1.702;
    private static final double QUICK_LO = 4.263256414560601e-17;
    /** Beyond this |x| the cubic overflows; gelu_tanh is x or -0 there to every digit. */
    private static final double GELU_TANH_SATURATED = 1e100;

    /** x Phi(x), Phi(x) = erfc(-x / sqrt 2) / 2. */
    public static double gelu(double x) {
        return x * phi(x);
    }

    /** Phi(x) + x phi(x), with phi(x) = e^(-x^2/2) / sqrt(2 pi). */
    public static double geluPrime(double x) {
        return phi(x) + x * density(x);
    }

    /**
     * Phi(x) = erfc(w)/2 with w = -x/sqrt 2 = wh + wl. erfc(wh + wl) = erfc(wh) - wl 2/sqrt(pi) e^(-wh^2),
     * and 2/sqrt(pi) e^(-w^2) / 2 = sqrt 2 phi(x). Only the left side needs it: on the right
     * erfc(wh) is near 2 and the correction is below half an ulp.
     */
    static double phi(double x) {
        double ph = x * RSQRT2_HI;
        double half = 0.5 * RampMath.erfc(-ph);
        if (x >= -1) return half;
        double pl = Math.fma(x, RSQRT2_HI, -ph) + x * RSQRT2_LO;
        return half + SQRT2 * pl * density(x); // wl = -pl
    }

    /** phi(x) = e^(-x^2/2)/sqrt(2 pi) with x^2 = h + l exact (fma), e^(-l/2) ~ 1 - l/2. */
    static double density(double x) {
        double h = x * x;
        double l = Math.fma(x, x, -h);
        return INV_SQRT_2PI * Math.exp(-0.5 * h) * (1 - 0.5 * l);
    }

    /** x sigmoid(2u) = x/2 (1 + tanh u), u = sqrt(2/pi) (x + 0.044715 x^3): no 1 + tanh cancellation. */
    public static double geluTanh(double x) {
        if (Math.abs(x) > GELU_TANH_SATURATED) return x > 0 ? x : -0.0;
        Pair u = geluTanhArgument(x);
        double z = 2 * u.hi();
        double e = Math.exp(-Math.abs(z));
        double r = 1 / (1 + e);
        double s = z >= 0 ? r : e * r;
        double sn = z >= 0 ? e * r : r;
        return x * (s * (1 + 2 * u.lo() * sn));
    }

    /**
     * (1 + t)/2 + x/2 (1 - t^2) sqrt(2/pi) (1 + 3 kappa x^2) with t = tanh u, written as
     * S + 2x S Sn sqrt(2/pi)(1 + 3 kappa x^2), S = sigmoid(2u), Sn = sigmoid(-2u), both corrected
     * for u's low part.
     */
    public static double geluTanhPrime(double x) {
        if (Math.abs(x) > GELU_TANH_SATURATED) return x > 0 ? 1 : 0;
        Pair u = geluTanhArgument(x);
        double z = 2 * u.hi();
        double e = Math.exp(-Math.abs(z));
        double r = 1 / (1 + e);
        double s = z >= 0 ? r : e * r;
        double sn = z >= 0 ? e * r : r;
        double dz = 2 * u.lo();
        double bigS = s * (1 + dz * sn);
        double bigSn = sn * (1 - dz * s);
        return bigS + 2 * x * bigS * bigSn * C_HI * (1 + 3 * KAPPA_HI * x * x);
    }

    /** An unevaluated sum hi + lo with |lo| below half an ulp of hi. */
    record Pair(double hi, double lo) {}

    /** u = sqrt(2/pi) x (1 + kappa x^2) as hi + lo, each product split exactly with fma. */
    static Pair geluTanhArgument(double x) {
        double x2 = x * x;
        double x2l = Math.fma(x, x, -x2);
        double qh = KAPPA_HI * x2; // q = kappa x^2
        double ql = Math.fma(KAPPA_HI, x2, -qh) + (KAPPA_HI * x2l + KAPPA_LO * x2);
        double rh = 1 + qh; // r = 1 + q, by two-sum
        double bb = rh - qh;
        double rl = ((1 - bb) + (qh - (rh - bb))) + ql;
        double mh = x * rh; // m = x r
        double ml = Math.fma(x, rh, -mh) + x * rl;
        double uh = C_HI * mh; // u = c m
        double ul = Math.fma(C_HI, mh, -uh) + (C_HI * ml + C_LO * mh);
        double hi = uh + ul;
        return new Pair(hi, ul - (hi - uh));
    }

    /** x sigmoid(1.702 x), with z = 1.702 x = zh + zl: sigmoid(zh + zl) ~ s (1 + zl sigmoid(-zh)). */
    public static double quickGelu(double x) {
        double zh = QUICK_HI * x;
        double zl = Math.fma(QUICK_HI, x, -zh) + QUICK_LO * x;
        double e = Math.exp(-Math.abs(zh));
        double r = 1 / (1 + e);
        double s = zh >= 0 ? r : e * r;
        double sn = zh >= 0 ? e * r : r;
        return x * (s * (1 + zl * sn));
    }

    /** sigmoid(z) (1 + z sigmoid(-z)), z = 1.702 x, with the same correction on both sigmoids. */
    public static double quickGeluPrime(double x) {
        double zh = QUICK_HI * x;
        double zl = Math.fma(QUICK_HI, x, -zh) + QUICK_LO * x;
        double e = Math.exp(-Math.abs(zh));
        double r = 1 / (1 + e);
        double s = zh >= 0 ? r : e * r;
        double sn = zh >= 0 ? e * r : r;
        double bigS = s * (1 + zl * sn);
        double bigSn = sn * (1 - zl * s);
        return bigS * (1 + (zh + zl) * bigSn);
    }
}
