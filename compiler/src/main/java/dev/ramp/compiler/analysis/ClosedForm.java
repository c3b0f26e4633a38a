package dev.ramp.compiler.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An exact value built from the standard normal distribution: {@code Σ c · e^E · K(t)}, where
 * K is 1, the density φ or the distribution function Φ at a point t (kink locations, shifted by
 * completing the square). Gaussian integrals of exponential-polynomial pieces land here; the
 * printed form is what the report calls the closed form ({@code 1/√(2π)}, {@code 1/2},
 * {@code √e·Φ(-1) + 1/√(2π) - 1/2}).
 *
 * @param terms the terms, like terms merged by {@link #normalised()}
 */
public record ClosedForm(List<Term> terms) {
    /** What multiplies a term's coefficient. */
    public enum Kind { ONE, PDF, CDF }

    /**
     * {@code coef · e^exponent · K(t)}.
     *
     * @param coef the coefficient
     * @param exponent E in the prefactor e^E (0 for none)
     * @param kind 1, φ(t) or Φ(t)
     * @param t the point (0 for {@link Kind#ONE})
     */
    public record Term(double coef, double exponent, Kind kind, double t) {
        /**
         * The term's value. With a prefactor, e^E·φ(t) and e^E·Φ(t) are combined in log space:
         * at large variances E is huge and Φ(t) underflows, while the product is moderate.
         */
        public double value() {
            if (exponent == 0) {
                return coef * switch (kind) {
                    case ONE -> 1;
                    case PDF -> Normal.pdf(t);
                    case CDF -> Normal.cdf(t);
                };
            }
            double log = switch (kind) {
                case ONE -> exponent;
                case PDF -> Double.isInfinite(t) ? Double.NEGATIVE_INFINITY : exponent - 0.5 * t * t + Math.log(Normal.INV_SQRT_2PI);
                case CDF -> exponent + Normal.logCdf(t);
            };
            return coef * Math.exp(log);
        }
    }

    public ClosedForm {
        terms = List.copyOf(terms);
    }

    static final ClosedForm ZERO = new ClosedForm(List.of());

    static ClosedForm constant(double c) {
        return new ClosedForm(List.of(new Term(c, 0, Kind.ONE, 0)));
    }

    /** c·φ(t). */
    static ClosedForm pdf(double c, double t) {
        return Double.isInfinite(t) ? ZERO : new ClosedForm(List.of(new Term(c, 0, Kind.PDF, t)));
    }

    /** c·Φ(t). */
    static ClosedForm cdf(double c, double t) {
        if (t == Double.NEGATIVE_INFINITY) return ZERO;
        if (t == Double.POSITIVE_INFINITY) return constant(c);
        return new ClosedForm(List.of(new Term(c, 0, Kind.CDF, t)));
    }

    /** P(a < z < b) = Φ(b) - Φ(a). */
    static ClosedForm mass(double a, double b) {
        return cdf(1, b).plus(cdf(-1, a));
    }

    /**
     * M_j(a, b) = ∫_a^b z^j φ(z) dz, unrolled from M_j = a^(j-1)φ(a) - b^(j-1)φ(b) + (j-1) M_(j-2).
     * On a short interval (b - a ≤ 1/2) the terms of that recurrence nearly cancel (at large
     * variances the kinks crowd near 0 and it would lose every digit), so there M_j is computed
     * instead by 20-point Gauss–Legendre, exact to rounding for so smooth an integrand on so short
     * an interval, and kept as a number.
     */
    static ClosedForm truncatedMoment(int j, double a, double b) {
        if (Double.isFinite(a) && Double.isFinite(b) && b - a <= 0.5) return constant(shortMoment(j, a, b));
        if (j == 0) return mass(a, b);
        if (j == 1) return pdf(1, a).plus(pdf(-1, b));
        ClosedForm boundary = pdf(Math.pow(a, j - 1), a).plus(pdf(-Math.pow(b, j - 1), b));
        return boundary.plus(truncatedMoment(j - 2, a, b).times(j - 1));
    }

    private static final double[] GL_X = new double[20], GL_W = new double[20];

    static {
        // Nodes and weights of 20-point Gauss–Legendre on [-1, 1]: Newton's method on P_20.
        int n = 20;
        for (int i = 0; i < n; i++) {
            double z = Math.cos(Math.PI * (i + 0.75) / (n + 0.5)), dp;
            while (true) {
                double p1 = 1, p2 = 0;
                for (int k = 1; k <= n; k++) {
                    double p3 = p2;
                    p2 = p1;
                    p1 = ((2 * k - 1) * z * p2 - (k - 1) * p3) / k;
                }
                dp = n * (z * p1 - p2) / (z * z - 1);
                double z1 = z;
                z = z1 - p1 / dp;
                if (Math.abs(z - z1) <= 1e-16) break;
            }
            GL_X[i] = z;
            GL_W[i] = 2 / ((1 - z * z) * dp * dp);
        }
    }

    /** ∫_a^b z^j φ(z) dz by 20-point Gauss–Legendre (for b - a ≤ 1/2). */
    static double shortMoment(int j, double a, double b) {
        double mid = 0.5 * (a + b), half = 0.5 * (b - a), sum = 0;
        for (int i = 0; i < GL_X.length; i++) {
            double z = mid + half * GL_X[i];
            sum += GL_W[i] * Math.pow(z, j) * Normal.pdf(z);
        }
        return sum * half;
    }

    ClosedForm plus(ClosedForm o) {
        List<Term> all = new ArrayList<>(terms);
        all.addAll(o.terms);
        return new ClosedForm(all);
    }

    ClosedForm times(double s) {
        return new ClosedForm(terms.stream().map(t -> new Term(t.coef * s, t.exponent, t.kind, t.t)).toList());
    }

    /** This value times e^e. */
    ClosedForm withExponent(double e) {
        if (e == 0) return this;
        return new ClosedForm(terms.stream().map(t -> new Term(t.coef, t.exponent + e, t.kind, t.t)).toList());
    }

    /** The value, summed in the normalised order. */
    public double value() {
        double sum = 0;
        for (Term t : terms) sum += t.value();
        return sum;
    }

    /**
     * Like terms merged, zeros dropped, φ(-t) written φ(t), Φ(0) = 1/2 folded into the constant,
     * and Φ(-t) rewritten 1 - Φ(t) when Φ(t) also occurs (so that they merge); in a fixed order:
     * φ terms, then Φ, then constants, each by point.
     */
    ClosedForm normalised() {
        List<Term> canon = new ArrayList<>();
        for (Term t : terms) {
            switch (t.kind) {
                case ONE -> canon.add(new Term(t.coef, t.exponent, Kind.ONE, 0));
                case PDF -> canon.add(new Term(t.coef, t.exponent, Kind.PDF, Math.abs(t.t)));
                case CDF -> {
                    if (t.t == 0) canon.add(new Term(t.coef * 0.5, t.exponent, Kind.ONE, 0));
                    else canon.add(t);
                }
            }
        }
        List<Term> flipped = new ArrayList<>();
        for (Term t : canon) {
            boolean mirrored = t.kind == Kind.CDF && t.t < 0
                    && canon.stream().anyMatch(u -> u.kind == Kind.CDF && u.t == -t.t && u.exponent == t.exponent);
            if (mirrored) {
                flipped.add(new Term(t.coef, t.exponent, Kind.ONE, 0));
                flipped.add(new Term(-t.coef, t.exponent, Kind.CDF, -t.t));
            } else {
                flipped.add(t);
            }
        }
        record Like(double exponent, Kind kind, double t) {}
        Map<Like, Double> merged = new LinkedHashMap<>();
        for (Term t : flipped) merged.merge(new Like(t.exponent, t.kind, t.t), t.coef, Double::sum);
        List<Term> out = new ArrayList<>();
        merged.forEach((k, c) -> {
            // A coefficient left over from cancellation at rounding level is dropped.
            double scale = flipped.stream().filter(t -> new Like(t.exponent, t.kind, t.t).equals(k)).mapToDouble(t -> Math.abs(t.coef)).max().orElse(0);
            if (c != 0 && Math.abs(c) > 1e-15 * scale) out.add(new Term(c, k.exponent, k.kind, k.t));
        });
        out.sort(Comparator.comparingInt((Term t) -> (t.kind.ordinal() + 2) % 3).thenComparingDouble(t -> t.exponent).thenComparingDouble(t -> t.t));
        return new ClosedForm(out);
    }

    /** Whether the form is a plain number (no φ, Φ or exponential prefactor). */
    boolean isConstant() {
        return terms.stream().allMatch(t -> t.kind == Kind.ONE && t.exponent == 0);
    }

    /** The form as text: {@code 1/2}, {@code 1/√(2π)}, {@code √e·Φ(-1) + 1/√(2π) - 1/2}. */
    @Override
    public String toString() {
        if (terms.isEmpty()) return "0";
        StringBuilder out = new StringBuilder();
        for (Term t : terms) {
            String body = term(Math.abs(t.coef), t);
            if (out.isEmpty()) out.append(t.coef < 0 ? "-" : "").append(body);
            else out.append(t.coef < 0 ? " - " : " + ").append(body);
        }
        return out.toString();
    }

    /** One term with a non-negative coefficient c. */
    private static String term(double c, Term t) {
        String factor = switch (t.kind) {
            case ONE -> "";
            case PDF -> t.t == 0 ? "" : "φ(" + Fmt.plain(t.t) + ")";
            case CDF -> "Φ(" + Fmt.plain(t.t) + ")";
        };
        String exp = t.exponent == 0 ? "" : t.exponent == 0.5 ? "√e" : t.exponent == 1 ? "e" : "e^" + Fmt.atom(t.exponent);
        String coef = Fmt.exact(c);
        List<String> parts = new ArrayList<>();
        boolean unit = c == 1;
        if (!unit || (exp.isEmpty() && factor.isEmpty() && !(t.kind == Kind.PDF))) parts.add(coef);
        if (!exp.isEmpty()) parts.add(exp);
        if (!factor.isEmpty()) parts.add(factor);
        String product = String.join("·", parts);
        if (t.kind == Kind.PDF && t.t == 0) {
            // φ(0) = 1/√(2π): written as a division.
            if (product.isEmpty()) return "1/√(2π)";
            if (product.contains("/")) return "(" + product + ")/√(2π)";
            return product + "/√(2π)";
        }
        return product;
    }
}
