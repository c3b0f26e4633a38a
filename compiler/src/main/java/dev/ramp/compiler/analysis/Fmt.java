package dev.ramp.compiler.analysis;

import java.util.Locale;
import java.util.Optional;

/** How the report writes numbers: shortest round-trip, significant digits, and recognised exact values. */
final class Fmt {
    private Fmt() {}

    /** Java's shortest round-trip form without a trailing {@code .0}: {@code 2}, {@code 0.5}, {@code -1.5E-9}; ∞ and NaN as symbols. */
    static String plain(double v) {
        if (Double.isNaN(v)) return "NaN";
        if (Double.isInfinite(v)) return v > 0 ? "∞" : "-∞";
        if (v == 0) return "0";
        String s = Double.toString(v);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }

    /** {@link #plain}, parenthesised when negative (for use as an exponent). */
    static String atom(double v) {
        String s = plain(v);
        return v < 0 ? "(" + s + ")" : s;
    }

    /** {@code v} to {@code digits} significant digits, trailing zeros removed: {@code 0.398942}, {@code 1.2e-05}. */
    static String sig(double v, int digits) {
        if (Double.isNaN(v)) return "NaN";
        if (Double.isInfinite(v)) return v > 0 ? "∞" : "-∞";
        if (v == 0) return "0";
        double a = Math.abs(v);
        if (a >= 1e-4 && a < Math.pow(10, digits)) {
            int decimals = Math.max(0, digits - 1 - (int) Math.floor(Math.log10(a)));
            String s = String.format(Locale.ROOT, "%." + decimals + "f", v);
            if (s.contains(".")) s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
            return s.equals("-0") ? "0" : s;
        }
        String s = String.format(Locale.ROOT, "%." + (digits - 1) + "e", v);
        int e = s.indexOf('e');
        String mant = s.substring(0, e), exp = s.substring(e + 1);
        if (mant.contains(".")) mant = mant.replaceAll("0+$", "").replaceAll("\\.$", "");
        int ex = Integer.parseInt(exp);
        return mant + "e" + (ex < 0 ? "-" : "+") + String.format(Locale.ROOT, "%02d", Math.abs(ex));
    }

    /** A simple fraction p/q (q ≤ 64) equal to v to within rounding, written {@code 1/2}, {@code -3}, {@code 5/3}. */
    static Optional<String> rational(double v) {
        if (!Double.isFinite(v)) return Optional.empty();
        for (int q = 1; q <= 64; q++) {
            double p = Math.rint(v * q);
            if (Math.abs(p) > 1e6) return Optional.empty();
            if (Math.abs(v - p / q) <= 2e-15 * Math.max(1, Math.abs(v))) {
                long pl = (long) p;
                return Optional.of(q == 1 ? Long.toString(pl) : pl + "/" + q);
            }
        }
        return Optional.empty();
    }

    /**
     * A simple closed form that a numerically computed {@code v} agrees with to within {@code tol}:
     * p/q, p/(q√(2π)) or p/(q√π) with q ≤ 12 and |p| ≤ 100 (0 included). Only a hint: agreement
     * to the quadrature's accuracy, not a derivation.
     */
    static Optional<String> recognise(double v, double tol) {
        if (!Double.isFinite(v) || !(tol < 1e-9)) return Optional.empty();
        double[] scales = {1, Math.sqrt(2 * Math.PI), Math.sqrt(Math.PI)};
        String[] names = {"", "√(2π)", "√π"};
        for (int k = 0; k < scales.length; k++) {
            for (int q = 1; q <= 12; q++) {
                double p = Math.rint(v * scales[k] * q);
                if (Math.abs(p) > 100 || (p == 0 && k > 0)) continue;
                if (Math.abs(v - p / (q * scales[k])) > tol) continue;
                long pl = (long) p;
                if (k == 0) return Optional.of(q == 1 ? Long.toString(pl) : pl + "/" + q);
                return Optional.of(pl + "/" + (q == 1 ? names[k] : "(" + q + names[k] + ")"));
            }
        }
        return Optional.empty();
    }

    /** A recognised fraction, else the shortest round-trip form. */
    static String exact(double v) {
        return rational(v).orElseGet(() -> plain(v));
    }

    /** √(p/q) when v² is a simple fraction: {@code √2}, {@code √(2/3)}; empty otherwise. */
    static Optional<String> sqrtRational(double v) {
        if (!(v > 0) || !Double.isFinite(v)) return Optional.empty();
        Optional<String> direct = rational(v);
        if (direct.isPresent()) return direct;
        return rational(v * v).map(r -> r.contains("/") ? "√(" + r + ")" : "√" + r);
    }
}
