package dev.ramp.compiler.analysis;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Predicate;

/**
 * Expectations under a centred normal input x ~ N(0, σ²), split at the branch points. On each
 * piece: exact when the integrand is an exponential polynomial (Gaussian integrals of
 * {@code x^k e^(βx)} in terms of Φ and φ at the kinks, see {@link ExpPoly#gaussianIntegral}),
 * otherwise adaptive Gauss–Kronrod on the piece (where the integrand is smooth) with the normal
 * density, pre-split at 0, ±σ, ±2σ, ±4σ, ±8σ, ±16σ and truncated at ±40σ, where the density is
 * below 10^-340 (so the truncation changes no double unless f grows like e^(x²)).
 */
final class Gaussian {
    /** The integrands: E[f], E[f²], E[f'], E[f'²], and E[x f f'] (the slope of the variance map). */
    enum Moment { F, F2, DF, DF2, XFDF }

    /** Tolerances per piece for quadrature: absolute, relative; looser ones for the many evaluations of mean-field iterations. */
    static final double ABS_TOL = 1e-15, REL_TOL = 1e-13, ITERATION_ABS_TOL = 1e-13, ITERATION_REL_TOL = 1e-10;
    static final double TRUNCATE = 40;

    private final Pieces pieces;
    private final DoubleUnaryOperator f, df;
    /** The exponential-polynomial integrand of each moment on each piece (empty: use quadrature), computed once. */
    private final Map<Moment, List<Optional<ExpPoly>>> integrands = new EnumMap<>(Moment.class);

    Gaussian(Pieces pieces, DoubleUnaryOperator f, DoubleUnaryOperator df) {
        this.pieces = pieces;
        this.f = f;
        this.df = df;
        for (Moment m : Moment.values()) {
            List<Optional<ExpPoly>> per = new ArrayList<>();
            for (Piece p : pieces.pieces()) per.add(p.verified() ? integrand(m, p) : Optional.empty());
            integrands.put(m, per);
        }
    }

    /** E[h(x)] for x ~ N(0, σ²): the value only, to about 10^-10 relative, without building the closed form (for iterations). */
    double value(Moment m, double sigma) {
        double value = 0;
        List<Optional<ExpPoly>> polys = integrands.get(m);
        for (int i = 0; i < polys.size(); i++) {
            Piece p = pieces.pieces().get(i);
            Optional<ExpPoly> poly = polys.get(i);
            value += poly.isPresent() ? poly.get().gaussianIntegral(p.lo(), p.hi(), sigma).value()
                    : numeric(m, p.lo(), p.hi(), sigma, ITERATION_ABS_TOL, ITERATION_REL_TOL).value();
        }
        return value;
    }

    /** E[h(x)] for x ~ N(0, σ²), h the chosen moment's integrand. */
    Estimate expect(Moment m, double sigma) {
        ClosedForm exact = ClosedForm.ZERO;
        boolean allExact = true, anyExact = false;
        double value = 0, error = 0;
        List<Optional<ExpPoly>> polys = integrands.get(m);
        for (int i = 0; i < polys.size(); i++) {
            Piece p = pieces.pieces().get(i);
            Optional<ExpPoly> poly = polys.get(i);
            if (poly.isPresent()) {
                ClosedForm c = poly.get().gaussianIntegral(p.lo(), p.hi(), sigma);
                double v = c.value();
                exact = exact.plus(c);
                value += v;
                double size = 0;
                for (ClosedForm.Term t : c.terms()) size += Math.abs(t.value());
                error += 1e-15 * size;
                anyExact = true;
            } else {
                Quadrature.Result r = numeric(m, p.lo(), p.hi(), sigma, ABS_TOL, REL_TOL);
                value += r.value();
                error += r.error();
                allExact = false;
            }
        }
        String method = allExact ? "exact" : anyExact ? "exact and Gauss–Kronrod" : "Gauss–Kronrod";
        if (!allExact) return new Estimate(value, error, null, method);
        ClosedForm form = exact.normalised();
        // The merged form cancels like terms exactly, so its value is the better one (0, not 3e-17).
        return new Estimate(form.value(), error, form, method);
    }

    /** P(x in a piece that satisfies {@code which}) for x ~ N(0, 1): exact, from the branch structure. */
    Estimate probability(Predicate<Piece> which) {
        ClosedForm c = ClosedForm.ZERO;
        for (Piece p : pieces.pieces()) if (which.test(p)) c = c.plus(ClosedForm.mass(p.lo(), p.hi()));
        c = c.normalised();
        double v = 0;
        for (Piece p : pieces.pieces()) if (which.test(p)) v += Normal.mass(p.lo(), p.hi());
        return new Estimate(c.isConstant() ? c.value() : v, 1e-16, c, "exact");
    }

    private static Optional<ExpPoly> integrand(Moment m, Piece p) {
        return switch (m) {
            case F -> p.poly();
            case F2 -> p.poly().flatMap(a -> a.tryTimes(a));
            case DF -> p.dpoly();
            case DF2 -> p.dpoly().flatMap(a -> a.tryTimes(a));
            case XFDF -> p.poly().flatMap(a -> p.dpoly().flatMap(a::tryTimes)).flatMap(a -> a.tryTimes(ExpPoly.monomial(1, 1, 0)));
        };
    }

    private Quadrature.Result numeric(Moment m, double lo, double hi, double sigma, double absTol, double relTol) {
        double a = Math.max(lo, -TRUNCATE * sigma), b = Math.min(hi, TRUNCATE * sigma);
        if (!(a < b)) return Quadrature.ZERO;
        List<Double> breaks = new ArrayList<>();
        breaks.add(a);
        double[] cuts = {-16, -8, -4, -2, -1, 0, 1, 2, 4, 8, 16};
        for (double c : cuts) if (a < c * sigma && c * sigma < b) breaks.add(c * sigma);
        breaks.add(b);
        DoubleUnaryOperator h = x -> {
            double density = Normal.pdf(x / sigma) / sigma;
            if (density == 0) return 0;
            return integrandAt(m, x) * density;
        };
        return Quadrature.integrate(h, breaks, absTol, relTol);
    }

    private double integrandAt(Moment m, double x) {
        return switch (m) {
            case F -> f.applyAsDouble(x);
            case F2 -> square(f.applyAsDouble(x));
            case DF -> df.applyAsDouble(x);
            case DF2 -> square(df.applyAsDouble(x));
            case XFDF -> x * f.applyAsDouble(x) * df.applyAsDouble(x);
        };
    }

    private static double square(double v) {
        return v * v;
    }
}
