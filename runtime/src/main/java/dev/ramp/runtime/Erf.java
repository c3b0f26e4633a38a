package dev.ramp.runtime;

/**
 * The error function erf and the complementary error function erfc, for every double.
 *
 * <h2>Method</h2>
 * Piecewise rational approximations on |x| in the layout of the Sun fdlibm {@code s_erf.c}
 * (SunPro, 1993); the approximation coefficients are the published fdlibm ones. What is
 * different here is how the pieces are combined, so that the few roundings that remain all
 * happen where they cost the least:
 * <ul>
 *   <li>[0, 0.84375): erf(x) = x + x*R(x^2) with R = P/Q, the sum formed by one fused
 *       multiply-add. erfc(x) = 1 - erf(x) below 1/4, and (1/2 - x) - x*R above, where
 *       1/2 - x is exact and the product x*R is carried exactly (two-product with fma).
 *       Below 2^-28, erf(x) = x + (2/sqrt(pi) - 1)*x in a single fma: no underflow, and
 *       the sign of zero is kept.</li>
 *   <li>[0.84375, 1.25): erf(x) = c + P1(s)/Q1(s) with s = x - 1 and c = erf(1) rounded to
 *       24 bits, so that 1 - c and 1 + c are exact.</li>
 *   <li>[1.25, 28): erfc(x) = exp(-x^2 - 0.5625 + R(1/x^2)/S(1/x^2)) / x with one rational
 *       approximation on [1.25, 1/0.35) and another on [1/0.35, 28). The exponent is
 *       formed in double-double (x^2 exact through fma), and the exponential is a
 *       double-double kernel (table of 2^(j/32) in double-double, degree-7 polynomial
 *       on |r| &lt;= ln2/64, relative error about 2^-65), so that neither the large
 *       argument -x^2 nor the rounding of Math.exp show in the result. The quotient by x
 *       is corrected with an fma residual and the power of two is applied last with a
 *       single rounding, so results in the subnormal range (x &gt; 26.55) are also
 *       accurate. erf(x) = 1 - erfc(x) there; erf(x) rounds to 1 from x = 5.93 on.</li>
 *   <li>erf(-x) = -erf(x) exactly, erfc(-x) = 2 - erfc(x); erfc(x) = 2 for x &lt;= -6.</li>
 * </ul>
 * No allocation, no table look-up beyond 64 doubles, no BigDecimal.
 *
 * <h2>Measured accuracy</h2>
 * See {@code ErfAccuracyTest}, which compares against a 60+ digit BigDecimal reference.
 */
final class Erf {
    private Erf() {}

    // erf(1) rounded to 24 bits: 1 - ERX and 1 + ERX are exact.
    private static final double ERX = 8.45062911510467529297e-01;
    // 2/sqrt(pi) - 1
    private static final double EFX = 1.28379167095512586316e-01;

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
                // erf(x) = 2x/sqrt(pi) (1 - x^2/3 + ...); x^2/3 < 2^-57 is below half an ulp.
                return Math.fma(EFX, x, x);
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
            double y = smallRatio(x * x);
            if (x < 0.25) {
                // x < 1/4 (including negative x): erfc(x) >= 0.72, 1 - erf(x) loses nothing.
                return 1.0 - Math.fma(x, y, x);
            }
            // erfc(x) = 1/2 + ((1/2 - x) - x*y): 1/2 - x is exact for x in [1/4, 1], x*y = p + pe
            // exactly, and the two sums are carried with their rounding errors.
            double a = 0.5 - x;
            double p = x * y;
            double pe = Math.fma(x, y, -p);
            double s = a - p;
            double e1 = (a - s) - p;
            double u = 0.5 + s;
            double e2 = (0.5 - u) + s;
            return u + ((e1 + e2) - pe);
        }
        if (ax < 1.25) {
            double r = midRatio(ax - 1.0);
            return x < 0 ? (1.0 + ERX) + r : (1.0 - ERX) - r;
        }
        if (x > 0) {
            return x < 28 ? erfcLarge(x) : 0.0;
        }
        if (x > -6) {
            return 2.0 - erfcLarge(ax);
        }
        return x <= -6 ? 2.0 : x; // 2 - erfc(6) rounds to 2; NaN stays NaN
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
        double s = 1.0 / (x * x);
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
        double ah = -xx - 0.5625;
        double ae = (-xx - ah) - 0.5625; // exact: |xx| > 0.5625
        double al = ae + (rs - xxe);
        double t = ah + al;
        al = (ah - t) + al;
        ah = t;

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

        // divide by x, correcting the quotient with its fma residual, then scale by 2^k.
        double y = eh / x;
        double res = Math.fma(-y, x, eh) + el;
        y += res / x;
        if (k >= -1022) {
            return y * Double.longBitsToDouble((long) (k + 1023) << 52);
        }
        // subnormal result: an exact scaling first, then one rounding.
        return y * Double.longBitsToDouble((long) (k + 600 + 1023) << 52) * 0x1p-600;
    }
}
