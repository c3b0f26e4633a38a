/*
 * The approximation coefficients below come from fdlibm's s_erf.c, whose notice reads:
 *
 * Copyright (C) 1993 by Sun Microsystems, Inc. All rights reserved.
 *
 * Developed at SunPro, a Sun Microsystems, Inc. business.
 * Permission to use, copy, modify, and distribute this
 * software is freely granted, provided that this notice
 * is preserved.
 */
package dev.ramp.runtime;

/**
 * The error function erf and the complementary error function erfc, for every double.
 *
 * <h2>Method</h2>
 * Piecewise rational approximations on |x| in the layout of the Sun fdlibm {@code s_erf.c}
 * (SunPro, 1993), whose published approximation coefficients are used unchanged. The code is
 * new; it differs from fdlibm in how the pieces are combined, so that the approximations'
 * own evaluation errors and the roundings in between do not reach the last bit:
 * <ul>
 *   <li>|x| &lt; 2^-28: erf(x) = x * 2/sqrt(pi) as one fma with the constant in two parts:
 *       no underflow for subnormal x, sign of zero kept. erfc(x) = 1 below 2^-56.</li>
 *   <li>|x| &lt; 0.84375: erf(x) = x + x*y, y = PP(x^2)/QQ(x^2), in one fma. erfc(x) for
 *       x &lt; 1/4 is (1 - x) - x*y with both roundings carried; for x in [1/4, 0.84375),
 *       where erfc falls to 0.23, it is 1/2 + ((1/2 - x) - x*y) with y in double-double
 *       (compensated Horner, Graillat/Langlois/Louvet 2005) and 1/2 - x exact.</li>
 *   <li>[0.84375, 1.25): erf(x) = c + PA(s)/QA(s), s = x - 1, c = erf(1) rounded to 24 bits
 *       so that 1 - c and 1 + c are exact; for erfc(x), x &gt; 0, the quotient is taken in
 *       double-double since erfc falls to 0.077.</li>
 *   <li>[1.25, 28): erfc(x) = exp(-x^2 - 0.5625 + R(1/x^2)/S(1/x^2)) / x (one R/S on
 *       [1.25, 1/0.35), another beyond). The exponent is formed in double-double (x^2 exact
 *       by fma) and exponentiated by an own double-double kernel (2^(j/32) table in
 *       double-double, degree-7 polynomial on |r| &lt;= ln2/64, about 2^-65 relative), then
 *       divided by x with an fma-corrected quotient, and the power of two is applied with a
 *       single rounding even for subnormal results (x &gt; 26.54; 0 from x = 27.23 on). For
 *       erfc(x), 0 &lt; x &lt; 6, R/S is also compensated: it reaches -0.21 and its plain
 *       rounding errors would cost up to 0.4 ulp. erf(x) = 1 - erfc(|x|) on [1.25, 6),
 *       and erf(x) = +-1 beyond (it rounds to 1 from 5.93 on).</li>
 *   <li>erf(-x) = -erf(x) exactly; erfc(-x) = 2 - erfc(x), = 2 for x &lt;= -6.</li>
 * </ul>
 * Only exactly rounded operations are used (+, -, *, /, fma, rint; no Math.exp), so results
 * are the same on every JVM. No allocation, no BigDecimal; a 64-double table.
 *
 * <h2>Measured accuracy</h2>
 * Against a 90-digit BigDecimal reference (Maclaurin series up to |x| = 3, continued fraction
 * beyond), on 14,449 deterministic arguments covering [-30, 30] uniformly, log-spaced
 * magnitudes from 1e-300 up, subnormals and every switch point, plus 3,000 random ones:
 * <ul>
 *   <li>erf: max 0.762 ulp, at x = +-0.843747975 (just below 0.84375); 0.58 on
 *       [0.84375, 1.25), 0.55 on [1.25, 6), 0.52 for |x| &lt; 2^-28.</li>
 *   <li>erfc: max 0.671 ulp, at x = 1.2499999999999993 (where the PA/QA approximation error
 *       bound, 2^-59.06 absolute, is 0.14 ulp of erfc = 0.077); at most 0.61 everywhere else,
 *       0.53 on [6, 26.54) and 0.50 in the subnormal range.</li>
 * </ul>
 * Reproduce (per-range maxima written to {@code runtime/target/erf-accuracy.txt}):
 * <pre>
 * JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 MAVEN_OPTS=--sun-misc-unsafe-memory-access=allow \
 *   mvn -B -q -pl runtime verify -Dtest='Erf*Test'
 * </pre>
 */
final class Erf {
    private Erf() {}

    // erf(1) rounded to 24 bits: 1 - ERX and 1 + ERX are exact.
    private static final double ERX = 8.45062911510467529297e-01;
    // 2/sqrt(pi) = TWO_OVER_SQRT_PI + TWO_OVER_SQRT_PI_LO to about 2^-106
    private static final double TWO_OVER_SQRT_PI = 1.1283791670955126;
    private static final double TWO_OVER_SQRT_PI_LO = 1.533545961316588e-17;

    // [0, 0.84375): (erf(x) - x)/x ~ PP(z)/QQ(z), z = x^2 (fdlibm s_erf.c, |error| < 2^-57.90)
    private static final double PP0 = 1.28379167095512558561e-01;
    private static final double PP1 = -3.25042107247001499370e-01;
    private static final double PP2 = -2.84817495755985104766e-02;
    private static final double PP3 = -5.77027029648944159157e-03;
    private static final double PP4 = -2.37630166566501626084e-05;
    private static final double QQ1 = 3.97917223959155352819e-01;
    private static final double QQ2 = 6.50222499887672944485e-02;
    private static final double QQ3 = 5.08130628187576562776e-03;
    private static final double QQ4 = 1.32494738004321644526e-04;
    private static final double QQ5 = -3.96022827877536812320e-06;

    // [0.84375, 1.25): erf(1 + s) - ERX ~ PA(s)/QA(s) (fdlibm s_erf.c, |error| < 2^-59.06)
    private static final double PA0 = -2.36211856075265944077e-03;
    private static final double PA1 = 4.14856118683748331666e-01;
    private static final double PA2 = -3.72207876035701323847e-01;
    private static final double PA3 = 3.18346619901161753674e-01;
    private static final double PA4 = -1.10894694282396677476e-01;
    private static final double PA5 = 3.54783043256182359371e-02;
    private static final double PA6 = -2.16637559486879084300e-03;
    private static final double QA1 = 1.06420880400844228286e-01;
    private static final double QA2 = 5.40397917702171048937e-01;
    private static final double QA3 = 7.18286544141962662868e-02;
    private static final double QA4 = 1.26171219808761642112e-01;
    private static final double QA5 = 1.36370839120290507362e-02;
    private static final double QA6 = 1.19844998467991074170e-02;

    // [1.25, 1/0.35): log(x*erfc(x)) + x^2 + 0.5625 ~ RA(s)/SA(s), s = 1/x^2
    // (fdlibm s_erf.c, |error| < 2^-62.57)
    private static final double RA0 = -9.86494403484714822705e-03;
    private static final double RA1 = -6.93858572707181764372e-01;
    private static final double RA2 = -1.05586262253232909814e+01;
    private static final double RA3 = -6.23753324503260060396e+01;
    private static final double RA4 = -1.62396669462573470355e+02;
    private static final double RA5 = -1.84605092906711035994e+02;
    private static final double RA6 = -8.12874355063065934246e+01;
    private static final double RA7 = -9.81432934416914548592e+00;
    private static final double SA1 = 1.96512716674392571292e+01;
    private static final double SA2 = 1.37657754143519042600e+02;
    private static final double SA3 = 4.34565877475229228821e+02;
    private static final double SA4 = 6.45387271733267880336e+02;
    private static final double SA5 = 4.29008140027567833386e+02;
    private static final double SA6 = 1.08635005541779435134e+02;
    private static final double SA7 = 6.57024977031928170135e+00;
    private static final double SA8 = -6.04244152148580987438e-02;

    // [1/0.35, 28): same function, (fdlibm s_erf.c, |error| < 2^-61.52)
    private static final double RB0 = -9.86494292470009928597e-03;
    private static final double RB1 = -7.99283237680523006574e-01;
    private static final double RB2 = -1.77579549177547519889e+01;
    private static final double RB3 = -1.60636384855821916062e+02;
    private static final double RB4 = -6.37566443368389627722e+02;
    private static final double RB5 = -1.02509513161107724954e+03;
    private static final double RB6 = -4.83519191608651397019e+02;
    private static final double SB1 = 3.03380607434824582924e+01;
    private static final double SB2 = 3.25792512996573918826e+02;
    private static final double SB3 = 1.53672958608443695994e+03;
    private static final double SB4 = 3.19985821950859553908e+03;
    private static final double SB5 = 2.55305040643316442583e+03;
    private static final double SB6 = 4.74528541206955367215e+02;
    private static final double SB7 = -2.24409524465858183362e+01;

    // The same coefficients, lowest degree first, for the compensated evaluations in erfc.
    private static final double[] PP = {PP0, PP1, PP2, PP3, PP4};
    private static final double[] QQ = {1.0, QQ1, QQ2, QQ3, QQ4, QQ5};
    private static final double[] PA = {PA0, PA1, PA2, PA3, PA4, PA5, PA6};
    private static final double[] QA = {1.0, QA1, QA2, QA3, QA4, QA5, QA6};
    private static final double[] RA = {RA0, RA1, RA2, RA3, RA4, RA5, RA6, RA7};
    private static final double[] SA = {1.0, SA1, SA2, SA3, SA4, SA5, SA6, SA7, SA8};
    private static final double[] RB = {RB0, RB1, RB2, RB3, RB4, RB5, RB6};
    private static final double[] SB = {1.0, SB1, SB2, SB3, SB4, SB5, SB6, SB7};

    // exp kernel: ln2/32 = LN2_32_HI + LN2_32_LO, LN2_32_HI has 36 significant bits so that
    // j * LN2_32_HI is exact for |j| < 2^17.
    private static final double INV_LN2_32 = 46.16624130844683;
    private static final double LN2_32_HI = 0x1.62e42fefa0000p-6;
    private static final double LN2_32_LO = 5.145609244655338e-14;
    private static final double INV6 = 1.0 / 6;
    private static final double INV24 = 1.0 / 24;
    private static final double INV120 = 1.0 / 120;
    private static final double INV720 = 1.0 / 720;
    private static final double INV5040 = 1.0 / 5040;

    /** 2^(j/32), j = 0..31, as (hi, lo) pairs: hi + lo is 2^(j/32) to about 2^-107. */
    private static final double[] EXP2_32 = {
        1.0, 0.0,
        1.0218971486541166, 5.109225028973444e-17,
        1.0442737824274138, 8.551889705537965e-17,
        1.0671404006768237, -7.899853966841582e-17,
        1.0905077326652577, -3.046782079812471e-17,
        1.1143867425958924, 1.0410278456845571e-16,
        1.1387886347566916, 8.912812676025408e-17,
        1.1637248587775775, 3.8292048369240935e-17,
        1.189207115002721, 3.982015231465646e-17,
        1.215247359980469, -7.712630692681488e-17,
        1.241857812073484, 4.658027591836937e-17,
        1.2690509571917332, 2.667932131342186e-18,
        1.2968395546510096, 2.5382502794888315e-17,
        1.3252366431597413, -2.8587312100388614e-17,
        1.3542555469368927, 7.70094837980299e-17,
        1.383909881963832, -6.770511658794786e-17,
        1.4142135623730951, -9.667293313452913e-17,
        1.4451808069770467, -3.0237581349939873e-17,
        1.4768261459394993, -3.483994556892796e-17,
        1.5091644275934228, -1.016455327754295e-16,
        1.5422108254079407, 7.949834809697621e-17,
        1.5759808451078865, -1.0136916471278304e-17,
        1.6104903319492543, 2.4707192569797888e-17,
        1.645755478153965, -1.0125679913674773e-16,
        1.681792830507429, 8.199010020581497e-17,
        1.718619298122478, -1.851380418263111e-17,
        1.7562521603732995, 2.960140695448873e-17,
        1.7947090750031072, 1.8227458427912087e-17,
        1.8340080864093424, 3.283107224245627e-17,
        1.8741676341103, -6.122763413004143e-17,
        1.9152065613971474, -1.0619946056195963e-16,
        1.9571441241754002, 8.960767791036668e-17,
    };

    static double erf(double x) {
        double ax = Math.abs(x);
        if (ax < 0.84375) {
            if (ax < 0x1p-28) {
                // erf(x) = 2x/sqrt(pi) (1 - x^2/3 + ...) and x^2/3 < 2^-57: one rounding of
                // x * 2/sqrt(pi), with the constant's low part; exact product, so no underflow.
                return Math.fma(x, TWO_OVER_SQRT_PI, x * TWO_OVER_SQRT_PI_LO);
            }
            return Math.fma(x, smallRatio(x * x), x);
        }
        if (ax < 1.25) {
            double r = ERX + midRatio(ax - 1.0);
            return x < 0 ? -r : r;
        }
        if (ax < 6) {
            double r = 1.0 - erfcLarge(ax);
            return x < 0 ? -r : r;
        }
        if (ax >= 6) {
            // 1 - erf(6) = 2.2e-17 is below half an ulp of 1: erf rounds to +-1.
            return x < 0 ? -1.0 : 1.0;
        }
        return x; // NaN
    }

    static double erfc(double x) {
        double ax = Math.abs(x);
        if (ax < 0.84375) {
            if (ax < 0x1p-56) {
                return 1.0;
            }
            if (x < 0.25) {
                // erfc(x) = (1 - x) - x*y with y = smallRatio(x^2); erfc(x) > 0.72 here, so only
                // the roundings of 1 - x and of the product need carrying.
                double y = smallRatio(x * x);
                double a = 1.0 - x;
                double ae = (1.0 - a) - x;
                double p = x * y;
                double pe = Math.fma(x, y, -p);
                double s = a - p;
                double e1 = (a - s) - p;
                return s + ((ae + e1) - pe);
            }
            return erfcNearHalf(x);
        }
        if (ax < 1.25) {
            if (x < 0) {
                return (1.0 + ERX) + midRatio(ax - 1.0);
            }
            return erfcNearOne(x);
        }
        if (x > 0) {
            if (x < 6) {
                return x < 1 / 0.35 ? erfcAccurate(x, RA, SA) : erfcAccurate(x, RB, SB);
            }
            return x < 28 ? erfcLarge(x) : 0.0;
        }
        if (x > -6) {
            return 2.0 - erfcLarge(ax);
        }
        return x <= -6 ? 2.0 : x; // 2 - erfc(6) rounds to 2; NaN stays NaN
    }

    /**
     * erfc(x) for x in [0.25, 0.84375), where erfc(x) falls to 0.23: 1/2 + ((1/2 - x) - x*y)
     * with y = PP(z)/QQ(z) in double-double (z = x^2 carried exactly). 1/2 - x is exact.
     */
    private static double erfcNearHalf(double x) {
        double z = x * x;
        double zl = Math.fma(x, x, -z);
        double nh = horner(PP, z);
        double nl = hornerError(PP, z, zl);
        double dh = horner(QQ, z);
        double dl = hornerError(QQ, z, zl);
        double yh = nh / dh;
        double yl = (Math.fma(-yh, dh, nh) + nl - yh * dl) / dh;
        double a = 0.5 - x;
        double p = x * yh;
        double pe = Math.fma(x, yh, -p) + x * yl;
        double s = a - p;
        double e1 = (a - s) - p;
        double u = 0.5 + s;
        double e2 = (0.5 - u) + s;
        return u + ((e1 + e2) - pe);
    }

    /**
     * erfc(x) for x in [0.84375, 1.25), where erfc(x) falls to 0.077: (1 - ERX) - PA(s)/QA(s)
     * with the quotient in double-double (s = x - 1 is exact).
     */
    private static double erfcNearOne(double x) {
        double s = x - 1.0;
        double nh = horner(PA, s);
        double nl = hornerError(PA, s, 0.0);
        double dh = horner(QA, s);
        double dl = hornerError(QA, s, 0.0);
        double q = nh / dh;
        double ql = (Math.fma(-q, dh, nh) + nl - q * dl) / dh;
        double c = 1.0 - ERX;
        double v = c - q;
        double e = (c - v) - q;
        return v + (e - ql);
    }

    /**
     * erfc(x) for x in [1.25, 6): as {@link #erfcLarge} but with s = 1/x^2 and R(s)/S(s) in
     * double-double. The quotient reaches -0.21 at x = 1.25, and the rounding errors of its
     * plain evaluation (up to 0.9 * 2^-53 in the exponent) would show as up to 0.6 ulp in erfc;
     * they fade as x grows (-0.07 at 1/0.35, -0.025 at 6).
     */
    private static double erfcAccurate(double x, double[] num, double[] den) {
        double xx = x * x;
        double xxe = Math.fma(x, x, -xx);
        double inv = 1.0 / x;
        double s = inv * inv;
        double sl = (Math.fma(-s, xx, 1.0) - s * xxe) * s; // s + sl = 1/x^2 to about 2^-104
        double nh = horner(num, s);
        double nl = hornerError(num, s, sl);
        double dh = horner(den, s);
        double dl = hornerError(den, s, sl);
        double q = nh / dh;
        double ql = (Math.fma(-q, dh, nh) + nl - q * dl) / dh;
        // a = -x^2 - 0.5625 + q + ql as ah + al
        double b = -xx - 0.5625;
        double be = (-xx - b) - 0.5625;
        double ah = b + q;
        double e = (b - ah) + q;
        return expOverX(ah, (be + e) + (ql - xxe), x, inv);
    }

    /** c[0] + t*(c[1] + t*(c[2] + ...)) in double, the plain Horner scheme. */
    private static double horner(double[] c, double t) {
        int n = c.length - 1;
        double r = c[n];
        for (int i = n - 1; i >= 0; i--) {
            r = c[i] + t * r;
        }
        return r;
    }

    /**
     * The error of {@link #horner}(c, t) against the exact polynomial at t + tl, to first order in
     * tl and to about 2^-106 relative: the compensated Horner scheme of Graillat, Langlois and
     * Louvet (2005), the product errors by fma and the sum errors by Knuth's two-sum, plus
     * tl * (the running value) at each step for the perturbation of the argument.
     */
    private static double hornerError(double[] c, double t, double tl) {
        int n = c.length - 1;
        double r = c[n];
        double err = 0.0;
        for (int i = n - 1; i >= 0; i--) {
            double p = r * t;
            double pe = Math.fma(r, t, -p);
            double sum = c[i] + p;
            double bb = sum - p;
            double se = (c[i] - bb) + (p - (sum - bb));
            err = err * t + r * tl + (pe + se);
            r = sum;
        }
        return err;
    }

    /** (erf(x) - x)/x for |x| < 0.84375, as a function of z = x^2. */
    private static double smallRatio(double z) {
        double r = PP0 + z * (PP1 + z * (PP2 + z * (PP3 + z * PP4)));
        double s = 1.0 + z * (QQ1 + z * (QQ2 + z * (QQ3 + z * (QQ4 + z * QQ5))));
        return r / s;
    }

    /** erf(1 + s) - ERX for 1 + s in [0.84375, 1.25). */
    private static double midRatio(double s) {
        double p = PA0 + s * (PA1 + s * (PA2 + s * (PA3 + s * (PA4 + s * (PA5 + s * PA6)))));
        double q = 1.0 + s * (QA1 + s * (QA2 + s * (QA3 + s * (QA4 + s * (QA5 + s * QA6)))));
        return p / q;
    }

    /**
     * erfc(x) for 1.25 <= x < 28: exp(-x^2 - 0.5625 + R/S) / x, the exponent and exponential
     * carried in double-double.
     */
    private static double erfcLarge(double x) {
        double inv = 1.0 / x;
        double s = inv * inv;
        double rs;
        if (x < 1 / 0.35) {
            double r = RA0 + s * (RA1 + s * (RA2 + s * (RA3 + s * (RA4 + s * (RA5 + s * (RA6 + s * RA7))))));
            double q = 1.0 + s * (SA1 + s * (SA2 + s * (SA3 + s * (SA4 + s * (SA5 + s * (SA6 + s * (SA7 + s * SA8)))))));
            rs = r / q;
        } else {
            double r = RB0 + s * (RB1 + s * (RB2 + s * (RB3 + s * (RB4 + s * (RB5 + s * RB6)))));
            double q = 1.0 + s * (SB1 + s * (SB2 + s * (SB3 + s * (SB4 + s * (SB5 + s * (SB6 + s * SB7))))));
            rs = r / q;
        }
        // a = -x^2 - 0.5625 + rs as ah + al.
        double xx = x * x;
        double xxe = Math.fma(x, x, -xx);
        double b = -xx - 0.5625;
        double be = (-xx - b) - 0.5625; // exact: |xx| > 0.5625
        double ah = b + rs;
        double e = (b - ah) + rs;
        return expOverX(ah, (be + e) - xxe, x, inv);
    }

    /**
     * exp(ah + al) / x for ah in [-790, -2], |al| <= ulp(ah), x >= 1.25, inv = 1/x rounded, to within
     * half an ulp plus about 2^-60 relative.
     */
    private static double expOverX(double ah, double al, double x, double inv) {
        // exp(ah + al) = 2^k * 2^(m/32) * exp(r), |r| <= ln2/64
        int j = (int) Math.rint(ah * INV_LN2_32);
        int k = j >> 5;
        int m = (j & 31) << 1;
        double rh = ah - j * LN2_32_HI; // exact (Sterbenz)
        double c = al - j * LN2_32_LO;
        double r = rh + c;
        double rl = (rh - r) + c;
        double p = r * r * (0.5 + r * (INV6 + r * (INV24 + r * (INV120 + r * (INV720 + r * INV5040)))));
        double ql = p + rl;
        double th = EXP2_32[m];
        double tl = EXP2_32[m + 1];
        double ph = th * r;
        double pl = Math.fma(th, r, -ph);
        double eh = th + ph;
        double el = ((th - eh) + ph) + (pl + th * ql + tl + tl * r);

        // divide by x: y + yl, a first quotient from the (1.5 ulp) reciprocal and its
        // correction from the exact fma residual; no division on this path.
        double y = eh * inv;
        double yl = (Math.fma(-y, x, eh) + el) * inv;
        if (k >= -1017) {
            // y > 2^-5 (e^(r) > 0.98, x < 28), so the result is normal: scaling is exact.
            return (y + yl) * Double.longBitsToDouble((long) (k + 1023) << 52);
        }
        // The result may be subnormal. Scale exactly into the normals, round once onto the
        // subnormal grid, then let the exactly known rounding error plus yl decide the last step.
        double scale = Double.longBitsToDouble((long) (k + 600 + 1023) << 52);
        double big = y * scale;
        double sub = big * 0x1p-600;
        double d = big - sub * 0x1p600;
        return sub + (d + yl * scale) * 0x1p-600;
    }
}
