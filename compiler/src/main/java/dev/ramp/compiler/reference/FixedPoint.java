package dev.ramp.compiler.reference;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Series kernels in binary fixed point: a value v is the integer V = round(v 2^q) for a scale q
 * chosen per call so that V has the working number of bits. A BigDecimal operation rounds to
 * decimal digits, which costs a division by a power of ten every time; here a product is a
 * multiplication and a shift, and a division by a term index is a one-word division, which
 * makes the series several times faster. Only the conversions in and out round in decimal.
 *
 * <p>Truncating shifts err by at most one unit of 2^-q per operation; the callers carry 16
 * guard bits beyond 3.33 bits per requested digit, far more than the few hundred operations
 * of a series can use up.
 */
final class FixedPoint {
    private FixedPoint() {}

    private static final double BITS_PER_DIGIT = Math.log(10) / Math.log(2);
    private static final AtomicReferenceArray<BigInteger> TEN_POWERS = new AtomicReferenceArray<>(4096);

    /** Working bits for a decimal precision, with 16 guard bits. */
    static int bits(MathContext w) {
        return (int) Math.ceil(w.getPrecision() * BITS_PER_DIGIT) + 16;
    }

    /** floor(log2 |v|) for nonzero v, within one (enough to choose scales). */
    static long log2(BigDecimal v) {
        double d = v.doubleValue();
        if (d != 0 && Double.isFinite(d)) return Math.getExponent(d);
        return (long) Math.floor(BigMath.exponent(v) * BITS_PER_DIGIT);
    }

    /** round(v 2^q). */
    static BigInteger toFixed(BigDecimal v, int q) {
        BigInteger u = v.unscaledValue();
        int scale = v.scale();
        if (scale <= 0) {
            BigInteger whole = u.multiply(tenPow(-scale));
            return q >= 0 ? whole.shiftLeft(q) : roundShift(whole, -q);
        }
        BigInteger num = q >= 0 ? u.shiftLeft(q) : u;
        BigInteger den = tenPow(scale);
        if (q < 0) den = den.shiftLeft(-q);
        BigInteger[] qr = num.divideAndRemainder(den);
        // round half away from zero: the error is at most half a unit either way
        if (qr[1].abs().shiftLeft(1).compareTo(den) >= 0) return qr[0].add(BigInteger.valueOf(num.signum()));
        return qr[0];
    }

    /**
     * V / 2^q to w's precision (within one unit in the last place; one or two digits more may
     * be kept). Done with cached powers of ten rather than BigDecimal rounding, which recomputes
     * 10^n for every rounding beyond 320 digits.
     */
    static BigDecimal fromFixed(BigInteger v, int q, MathContext w) {
        if (v.signum() == 0) return BigDecimal.ZERO;
        // decimal exponent of v / 2^q, to within one
        long e10 = (long) Math.floor((v.bitLength() - 1 - q) / BITS_PER_DIGIT);
        int k = Math.toIntExact(w.getPrecision() + 1 - e10); // keep digits down to 10^-k
        // n = round(v 10^k / 2^q)
        BigInteger num = k >= 0 ? v.multiply(tenPow(k)) : v;
        BigInteger n;
        if (k >= 0 && q >= 0) {
            n = q == 0 ? num : roundShift(num, q);
        } else {
            BigInteger den = k < 0 ? tenPow(-k) : BigInteger.ONE;
            if (q >= 0) den = den.shiftLeft(q);
            else num = num.shiftLeft(-q);
            BigInteger[] qr = num.divideAndRemainder(den);
            n = qr[1].abs().shiftLeft(1).compareTo(den) >= 0 ? qr[0].add(BigInteger.valueOf(num.signum())) : qr[0];
        }
        return new BigDecimal(n, k);
    }

    /**
     * The even contraction of Laplace's continued fraction for erfc (see {@link BigErf}),
     * 2a^2+1 - 1*2 / (2a^2+5 - 3*4 / (2a^2+9 - ...)), evaluated backwards from {@code depth}.
     * Every partial denominator exceeds 2a^2 >= 8, so fixed point keeps its relative accuracy.
     */
    static BigDecimal erfcFraction(BigDecimal a, int depth, MathContext w) {
        int q = bits(w);
        BigInteger twoA2 = toFixed(a.multiply(a).multiply(BigDecimal.TWO), q);
        BigInteger t = BigInteger.ZERO;
        for (long n = depth; n >= 1; n--) {
            BigInteger den = twoA2.add(BigInteger.valueOf(4 * n + 1).shiftLeft(q)).add(t);
            t = BigInteger.valueOf((2 * n - 1) * (2 * n)).shiftLeft(2 * q).divide(den).negate();
        }
        return fromFixed(twoA2.add(BigInteger.ONE.shiftLeft(q)).add(t), q, w);
    }

    private static BigInteger roundShift(BigInteger v, int n) {
        return v.add(BigInteger.ONE.shiftLeft(n - 1)).shiftRight(n);
    }

    static BigInteger tenPow(int n) {
        if (n >= TEN_POWERS.length()) return BigInteger.TEN.pow(n);
        BigInteger p = TEN_POWERS.get(n);
        if (p == null) {
            p = BigInteger.TEN.pow(n);
            TEN_POWERS.set(n, p);
        }
        return p;
    }

    /**
     * e^r - 1 for |r| up to a few units, with full relative accuracy for tiny r: halve r s
     * times (exactly, by the choice of scale), sum the Taylor series, then undo the halving
     * with expm1(2y) = expm1(y) (expm1(y) + 2). s ~ sqrt(bits) balances series terms against
     * doublings.
     */
    static BigDecimal expm1(BigDecimal r, MathContext w) {
        if (r.signum() == 0) return BigDecimal.ZERO;
        if (BigMath.exponent(r) < -w.getPrecision() - 1) return r.round(w); // r^2/2 is below the last digit
        int bits = bits(w);
        long e2 = log2(r);
        int s = (int) Math.max(0, (long) Math.sqrt(bits) + e2 + 1);
        // y = r / 2^s is about 2^(e2 - s); scale it to `bits` significant bits.
        int q = Math.toIntExact(bits - (e2 - s));
        BigInteger y = toFixed(r, q - s);
        BigInteger sum = y, term = y;
        for (long n = 2; term.signum() != 0; n++) {
            term = term.multiply(y).shiftRight(q).divide(BigInteger.valueOf(n));
            sum = sum.add(term);
        }
        BigInteger two = BigInteger.TWO.shiftLeft(q);
        for (int i = 0; i < s; i++) sum = sum.multiply(sum.add(two)).shiftRight(q);
        return fromFixed(sum, q, w);
    }

    /**
     * sin r or cos r for |r| <= 1 by Taylor series, relative accuracy kept for tiny r (sin is
     * scaled to r's magnitude, cos is near 1).
     */
    static BigDecimal sinCos(BigDecimal r, MathContext w, boolean sine) {
        if (sine && (r.signum() == 0 || BigMath.exponent(r) < -w.getPrecision() / 2 - 1)) return r.round(w); // r^3/6 negligible
        int bits = bits(w);
        int q = sine ? Math.toIntExact(bits - log2(r)) : bits;
        BigInteger x = toFixed(r, q);
        BigInteger x2 = x.multiply(x).shiftRight(q);
        BigInteger term = sine ? x : BigInteger.ONE.shiftLeft(q);
        BigInteger sum = term;
        for (long k = sine ? 2 : 1; term.signum() != 0; k += 2) {
            term = term.multiply(x2).shiftRight(q).divide(BigInteger.valueOf(k * (k + 1))).negate();
            sum = sum.add(term);
        }
        return fromFixed(sum, q, w);
    }

    /** atan a for |a| <= 0.5 by its Taylor series, relative accuracy kept for tiny a. */
    static BigDecimal atanSeries(BigDecimal a, MathContext w) {
        if (BigMath.exponent(a) < -w.getPrecision() / 2 - 1) return a.round(w); // a^3/3 negligible
        int bits = bits(w);
        int q = Math.toIntExact(bits - log2(a));
        BigInteger x = toFixed(a, q);
        BigInteger x2 = x.multiply(x).shiftRight(q);
        BigInteger power = x, sum = x;
        for (long k = 3; power.signum() != 0; k += 2) {
            power = power.multiply(x2).shiftRight(q).negate();
            sum = sum.add(power.divide(BigInteger.valueOf(k)));
        }
        return fromFixed(sum, q, w);
    }

    /**
     * sum over n of (2a^2)^n a / (1*3*...*(2n+1)) for a > 0 (DLMF 7.6.2 without its factor
     * 2/sqrt(pi) e^(-a^2)): positive terms, which rise until n ~ a^2 and then fall.
     */
    static BigDecimal erfSeriesSum(BigDecimal a, MathContext w) {
        if (BigMath.exponent(a) < -w.getPrecision() / 2 - 1) return a.round(w); // 2a^3/3 negligible
        int bits = bits(w);
        int q = Math.toIntExact(bits - log2(a));
        BigInteger x = toFixed(a, q);
        BigInteger twoA2 = x.multiply(x).shiftRight(q - 1);
        BigInteger term = x, sum = x;
        double peak = a.doubleValue() * a.doubleValue();
        for (long n = 1; ; n++) {
            term = term.multiply(twoA2).shiftRight(q).divide(BigInteger.valueOf(2 * n + 1));
            sum = sum.add(term);
            if (n > peak && term.bitLength() < sum.bitLength() - bits) break;
        }
        return fromFixed(sum, q, w);
    }
}
