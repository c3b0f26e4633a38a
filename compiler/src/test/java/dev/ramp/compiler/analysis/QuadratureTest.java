package dev.ramp.compiler.analysis;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Adaptive Gauss–Kronrod and the normal distribution helpers. */
class QuadratureTest {

    @Test
    void integratesSmoothFunctionsToTheTolerance() {
        Quadrature.Result r = Quadrature.integrate(x -> Math.pow(x, 10), List.of(0.0, 1.0), 1e-15, 1e-14);
        assertEquals(1.0 / 11, r.value(), 1e-15);
        Quadrature.Result g = Quadrature.integrate(Normal::pdf, List.of(-40.0, 0.0, 40.0), 1e-16, 1e-14);
        assertEquals(1, g.value(), 1e-14);
        assertTrue(g.error() < 1e-13);
        Quadrature.Result osc = Quadrature.integrate(Math::sin, List.of(0.0, 100.0), 1e-14, 1e-13);
        assertEquals(1 - Math.cos(100), osc.value(), 1e-12);
    }

    @Test
    void theErrorEstimateBoundsTheActualError() {
        Quadrature.Result r = Quadrature.integrate(x -> Math.sqrt(x), List.of(0.0, 1.0), 1e-12, 1e-12);
        assertTrue(Math.abs(r.value() - 2.0 / 3) <= r.error(), "|error| " + Math.abs(r.value() - 2.0 / 3) + " vs estimate " + r.error());
    }

    @Test
    void aNaNIntegrandGivesNaN() {
        assertTrue(Double.isNaN(Quadrature.integrate(x -> Math.log(x), List.of(-1.0, 1.0), 1e-12, 1e-12).value()));
    }

    @Test
    void normalMassesKeepTheirDigitsInTheTails() {
        assertEquals(0.5, Normal.cdf(0), 0);
        assertEquals(0.15865525393145705141476745, Normal.cdf(-1), 1e-17);
        // P(8 < z < 9) ≈ 6.22e-16: from the upper tail, not 1 - 1.
        assertEquals(6.2209605742717841e-16 - 1.1285884059538408e-19, Normal.mass(8, 9), 1e-28);
        double[] m = Normal.moments(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, 4);
        assertArrayEquals(new double[] {1, 0, 1, 0, 3}, m, 1e-15);
    }
}
