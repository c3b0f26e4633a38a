package dev.ramp.compiler.analysis;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Closed forms: truncated normal moments against quadrature, normalisation, printing, far tails. */
class ClosedFormTest {

    /** ∫_a^b z^j φ(z) dz by adaptive Gauss–Kronrod (finite ends; infinite ones cut at ±40). */
    private static double numeric(int j, double a, double b) {
        double lo = Math.max(a, -40), hi = Math.min(b, 40);
        return Quadrature.integrate(z -> Math.pow(z, j) * Normal.pdf(z), List.of(lo, hi), 1e-16, 1e-14).value();
    }

    @Test
    void truncatedMomentsMatchQuadratureTo1e14() {
        double[][] intervals = {{0, Double.POSITIVE_INFINITY}, {-1, 1}, {-3, 0.5}, {Double.NEGATIVE_INFINITY, -2}, {0.1, 0.3}, {-1e-7, 1e-7}};
        for (double[] iv : intervals) {
            for (int j = 0; j <= 8; j++) {
                double exact = ClosedForm.truncatedMoment(j, iv[0], iv[1]).value();
                assertEquals(numeric(j, iv[0], iv[1]), exact, 1e-14 * Math.max(1, Math.abs(exact)), "M_" + j + " on " + iv[0] + ".." + iv[1]);
            }
        }
    }

    @Test
    void fullMomentsAreDoubleFactorials() {
        double inf = Double.POSITIVE_INFINITY;
        assertEquals("1", ClosedForm.truncatedMoment(0, -inf, inf).normalised().toString());
        assertEquals("0", ClosedForm.truncatedMoment(1, -inf, inf).normalised().toString());
        assertEquals("1", ClosedForm.truncatedMoment(2, -inf, inf).normalised().toString());
        assertEquals("3", ClosedForm.truncatedMoment(4, -inf, inf).normalised().toString());
        assertEquals("15", ClosedForm.truncatedMoment(6, -inf, inf).normalised().toString());
    }

    @Test
    void halfLineMomentsPrintAsFractionsOfTheDensityAtZero() {
        double inf = Double.POSITIVE_INFINITY;
        assertEquals("1/2", ClosedForm.truncatedMoment(0, 0, inf).normalised().toString());
        assertEquals("1/√(2π)", ClosedForm.truncatedMoment(1, 0, inf).normalised().toString());
        assertEquals("1/2", ClosedForm.truncatedMoment(2, 0, inf).normalised().toString());
        assertEquals("2/√(2π)", ClosedForm.truncatedMoment(3, 0, inf).normalised().toString());
    }

    @Test
    void mirroredDistributionFunctionsMerge() {
        // P(-1 < z < 1) = Φ(1) - Φ(-1) = 2Φ(1) - 1.
        ClosedForm c = ClosedForm.mass(-1, 1).normalised();
        assertEquals("2·Φ(1) - 1", c.toString());
        assertEquals(0.6826894921370859, c.value(), 1e-15);
    }

    @Test
    void exponentialPrefactorsStayFiniteWhereTheirFactorsOverflowAndUnderflow() {
        // e^(γ²/2) Φ(-γ) for γ = 100: e^5000 overflows and Φ(-100) underflows; the product is
        // φ(100)·e^5000·R(100) = R(100)/√(2π), Mills' ratio R(x) = (1 - 1/x² + 3/x⁴ - 15/x⁶ + 105/x⁸ …)/x.
        ClosedForm c = new ClosedForm(List.of(new ClosedForm.Term(1, 5000, ClosedForm.Kind.CDF, -100)));
        double u = 1e-4;
        double mills = (1 - u + 3 * u * u - 15 * u * u * u + 105 * u * u * u * u) / 100;
        assertEquals(mills / Math.sqrt(2 * Math.PI), c.value(), 1e-15);
        assertEquals(Normal.cdf(-5), Math.exp(Normal.logCdf(-5)), 1e-21);
        assertEquals(Math.log(Normal.cdf(-30.0000001)), Normal.logCdf(-30.0000001), 1e-12);  // the continued fraction, against erfc
        assertEquals(Math.log(Normal.cdf(-35)), Normal.logCdf(-35), 1e-12);
    }

    @Test
    void exponentialPolynomialIntegralsMatchQuadrature() {
        // E[(e^z - 1)² ; z < 0] and E[z e^(z/2) ; -1 < z < 3] under N(0, σ²) for a few σ.
        ExpPoly elu2 = ExpPoly.monomial(1, 0, 2).plus(ExpPoly.monomial(-2, 0, 1)).plus(ExpPoly.constant(1));
        ExpPoly other = ExpPoly.monomial(1, 1, 0.5);
        for (double sigma : new double[] {0.3, 1, 2.5}) {
            double s = sigma;
            double want1 = Quadrature.integrate(x -> Math.pow(Math.expm1(x), 2) * Normal.pdf(x / s) / s, List.of(-40 * s, 0.0), 1e-16, 1e-14).value();
            assertEquals(want1, elu2.gaussianIntegral(Double.NEGATIVE_INFINITY, 0, s).value(), 1e-14);
            double want2 = Quadrature.integrate(x -> x * Math.exp(x / 2) * Normal.pdf(x / s) / s, List.of(-1.0, 3.0), 1e-16, 1e-14).value();
            assertEquals(want2, other.gaussianIntegral(-1, 3, s).value(), 1e-14);
        }
    }

    @Test
    void readsExponentialPolynomialsAndRefusesOthers() {
        assertTrue(ExpPoly.of(Fixtures.function("where(x > 0, x, 2 * expm1(x / 2))").body(), "x").isEmpty(), "a where is not one piece");
        assertTrue(ExpPoly.of(Fixtures.function("2 * expm1(x / 2)").body(), "x").isPresent());
        assertTrue(ExpPoly.of(Fixtures.function("(x + 1)^3 / 4").body(), "x").orElseThrow().isPolynomial());
        assertTrue(ExpPoly.of(Fixtures.function("cosh(x) - 1").body(), "x").isPresent());
        assertTrue(ExpPoly.of(Fixtures.function("tanh(x)").body(), "x").isEmpty());
        assertTrue(ExpPoly.of(Fixtures.function("exp(x^2)").body(), "x").isEmpty(), "only linear exponents");
        assertTrue(ExpPoly.of(Fixtures.function("x^0.5").body(), "x").isEmpty());
    }
}
