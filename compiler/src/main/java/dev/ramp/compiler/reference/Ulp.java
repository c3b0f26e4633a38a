package dev.ramp.compiler.reference;

import dev.ramp.compiler.reference.Real.Beyond;
import dev.ramp.compiler.reference.Real.Finite;
import dev.ramp.compiler.reference.Real.Infinite;
import dev.ramp.compiler.reference.Real.Undefined;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The error of a double or float result against a reference value, in ulps.
 *
 * <p><b>Relative mode</b> ({@link #error}): |result - ref| / ulp(ref), where ulp(ref) is the
 * spacing of the format's numbers in the binade of the exact reference: 2^(e - 52) for a double
 * with 2^e <= |ref| < 2^(e+1), and the smallest subnormal (2^-1074; 2^-149 for float) below
 * the normal range. A correctly rounded result is within 0.5 ulp. Above the largest finite
 * number the binades go on as if the exponent were unbounded, so a finite result for a true
 * value of 1e400 is about 2^52 ulps off, while the result +infinity counts as exact there
 * (it is the correctly rounded value). Special outcomes are {@link UlpError}s of their own.
 *
 * <p><b>Scale mode</b> ({@link #errorAgainstScale}), for zero crossings and cancellation: the
 * unit is ulp(max(|ref|, scale * 2^-k)) with {@code scale} from {@link Reference#scale()}, the
 * first-order bound on the rounding error of the expression as written (in units of the unit
 * roundoff). Where the true value is tiny next to the terms that produce it (mish'(x) crossing
 * zero near x = -1.19, x - tanh(x) near 0) relative error is meaningless; this measures the
 * error against the size of what was cancelled. With k = 0 a result within about one ulp of
 * the scale has an error within the bound a careful evaluation of the same expression would
 * meet; larger k is stricter. Where there is no cancellation, scale ~ |ref| and the two modes
 * agree to within the small factor by which the bound exceeds |ref|.
 *
 * {@snippet :
 * Reference ref = new HighPrecision().evaluate(expr, "x", x);
 * UlpError relative = Ulp.error(compiled.applyAsDouble(x), ref);
 * UlpError absolute = Ulp.errorAgainstScale(compiled.applyAsDouble(x), ref, 0);
 * }
 */
public final class Ulp {
    private Ulp() {}

    /** A binary floating-point format: significand bits and exponent range of normal numbers. */
    public enum Format {
        DOUBLE(53, -1022, 1023),
        FLOAT(24, -126, 127);

        final int precision;
        final int minExponent;
        final int maxExponent;

        Format(int precision, int minExponent, int maxExponent) {
            this.precision = precision;
            this.minExponent = minExponent;
            this.maxExponent = maxExponent;
        }
    }

    /** The error of a double result against the reference value, in ulps of double. */
    public static UlpError error(double result, Reference reference) {
        return error(result, reference.value(), Format.DOUBLE);
    }

    /** The error of a double result against {@code reference}, in ulps of double. */
    public static UlpError error(double result, Real reference) {
        return error(result, reference, Format.DOUBLE);
    }

    /** The error of a float result against {@code reference}, in ulps of float. */
    public static UlpError error(float result, Real reference) {
        return error(result, reference, Format.FLOAT);
    }

    /**
     * The error of a double result in ulps of max(|ref|, scale * 2^-k) (see the class
     * comment); the same as {@link #error} when the reference is not finite or has no bounded
     * scale.
     */
    public static UlpError errorAgainstScale(double result, Reference reference, int k) {
        UlpError relative = error(result, reference.value(), Format.DOUBLE);
        if (!(relative instanceof UlpError.Ulps(double ulps, boolean correctlyRounded))
                || !(reference.value() instanceof Finite(BigDecimal v)) || reference.scale() == null) {
            return relative;
        }
        BigDecimal yardstick = v.abs().max(reference.scale().multiply(pow2(-k)));
        return new UlpError.Ulps(ratio(difference(result, v), ulp(yardstick, Format.DOUBLE)), correctlyRounded);
    }

    /** The error of {@code result} (a value of {@code format}) against {@code reference}. */
    public static UlpError error(double result, Real reference, Format format) {
        return switch (reference) {
            case Undefined(Real.Why why) -> new UlpError.NotJudged(result, why);
            case Infinite(boolean negative) -> result == (negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY)
                    ? new UlpError.Ulps(0, true) : new UlpError.MissedInfinity(result);
            case Beyond b when b.tiny() -> Double.isFinite(result)
                    // The reference is below 10^-(10^7): the error is |result| itself.
                    ? new UlpError.Ulps(Math.abs(result) / Math.scalb(1.0, format.minExponent - format.precision + 1), result == 0)
                    : new UlpError.NonFinite(result);
            case Beyond b -> result == b.signum() * Double.POSITIVE_INFINITY
                    ? new UlpError.Ulps(0, true) : new UlpError.MissedInfinity(result);
            case Finite(BigDecimal v) -> finiteError(result, v, format);
        };
    }

    private static UlpError finiteError(double result, BigDecimal v, Format format) {
        double rounded = round(v, format);
        if (Double.isInfinite(rounded)) {
            if (result == rounded) return new UlpError.Ulps(0, true);
            if (Double.isNaN(result) || Double.isInfinite(result)) return new UlpError.MissedInfinity(result);
        } else if (Double.isNaN(result) || Double.isInfinite(result)) {
            return new UlpError.NonFinite(result);
        }
        if (Double.isInfinite(rounded) && BigMath.exponent(v) > 30_000) {
            // A finite result against a value past 10^30000: its binade's ulp has no cheap exact
            // form, and the answer is 2^(precision-1) ulps up to a factor below 2 anyway.
            return new UlpError.Ulps(Math.scalb(1.0, format.precision - 1), false);
        }
        return new UlpError.Ulps(ratio(difference(result, v), ulp(v, format)), result == rounded);
    }

    /**
     * |result - v| to 40 digits (correctly rounded, so exactly 0 only when equal): an exact
     * difference with a reference of 10^-(10^6) would have a million digits.
     */
    private static BigDecimal difference(double result, BigDecimal v) {
        return new BigDecimal(result).subtract(v, DIFFERENCE).abs();
    }

    private static final MathContext DIFFERENCE = new MathContext(40);

    /** diff / ulp as a double (the ulp is a power of two, so this is one exact scaling). */
    private static double ratio(BigDecimal diff, BigDecimal ulp) {
        if (diff.signum() == 0) return 0;
        // Far below an ulp (a reference of 10^-(10^6) against a result of 0): no double but 0.
        if (BigMath.exponent(diff) - BigMath.exponent(ulp) < -400) return 0;
        return diff.divide(ulp, MathContext.DECIMAL64).doubleValue();
    }

    /**
     * The spacing of {@code format}'s numbers in the binade of |v| (v's exact value), with the
     * exponent range extended upwards without limit and the subnormal spacing below it.
     */
    public static BigDecimal ulp(BigDecimal v, Format format) {
        long e = v.signum() == 0 ? format.minExponent : Math.max(format.minExponent, floorLog2(v.abs()));
        return pow2(e - format.precision + 1);
    }

    /** {@code v} rounded to {@code format} (nearest, ties to even), as a double (+-0, +-infinity possible). */
    public static double round(BigDecimal v, Format format) {
        if (v.signum() == 0) return 0.0;
        BigDecimal a = v.abs();
        long log2 = floorLog2(a);
        // Below half the smallest subnormal: rounds to zero (and scaling it up exactly would be costly).
        if (log2 < format.minExponent - format.precision) return v.signum() < 0 ? -0.0 : 0.0;
        long e = Math.max(format.minExponent, log2);
        if (e > format.maxExponent) return v.signum() * Double.POSITIVE_INFINITY;
        int shift = (int) (e - format.precision + 1);
        // a / 2^shift rounded to an integer of at most `precision` bits (or 2^precision).
        BigInteger n = a.multiply(pow2(-shift)).setScale(0, RoundingMode.HALF_EVEN).toBigIntegerExact();
        double r = Math.scalb(n.doubleValue(), shift); // exact: n < 2^54 and the result is in range or overflows
        if (format == Format.FLOAT && Math.abs(r) > Float.MAX_VALUE) r = Double.POSITIVE_INFINITY;
        return v.signum() < 0 ? -r : r;
    }

    /** floor(log2 a) for a > 0, exactly. */
    static long floorLog2(BigDecimal a) {
        // Estimate from the decimal exponent and leading digits, then correct by exact comparison.
        long exp10 = BigMath.exponent(a);
        double lead = a.movePointLeft(Math.toIntExact(exp10)).doubleValue();
        long e = (long) Math.floor((exp10 + Math.log10(lead)) * (Math.log(10) / Math.log(2)));
        // Far outside every format's exponent range (double's ends at 2^-1075 and 2^1024) the
        // estimate, good to one, decides nothing: skip the exact powers of two there.
        if (Math.abs(e) > 4_000) return e;
        while (pow2(e).compareTo(a) > 0) e--;
        while (pow2(e + 1).compareTo(a) <= 0) e++;
        return e;
    }

    /** 2^e exactly. */
    static BigDecimal pow2(long e) {
        int n = Math.toIntExact(Math.abs(e));
        BigInteger twoN = BigInteger.ONE.shiftLeft(n);
        if (e >= 0) return new BigDecimal(twoN);
        // 2^-n = 5^n / 10^n
        return new BigDecimal(BigInteger.valueOf(5).pow(n), n);
    }
}
