package dev.ramp.compiler.analysis;

import static org.junit.jupiter.api.Assertions.*;

import dev.ramp.compiler.ir.Function;
import dev.ramp.compiler.pass.Differentiate;
import dev.ramp.compiler.pass.Eval;
import org.junit.jupiter.api.Test;

/** The variance map, its fixed points, gradient products through depth, and the edge of chaos. */
class MeanFieldTest {

    private static MeanField meanField(String expr, double chiAtZero, double chiAtInfinity) {
        Function f = Fixtures.function(expr);
        var d = Differentiate.derivative(f.body(), "x", 1);
        Gaussian g = new Gaussian(Pieces.of(f.body(), "x"), x -> Eval.eval(f.body(), "x", x), x -> Eval.eval(d, "x", x));
        return new MeanField(g, chiAtZero, chiAtInfinity);
    }

    @Test
    void theFixedPointIsWhereIteratingTheVarianceMapSettles() {
        MeanField tanh = meanField(Fixtures.TANH, 1, 0);
        double g = 5.0 / 3, q = 1;
        for (int i = 0; i < 500; i++) q = tanh.variance(g, q);
        MeanField.FixedPoint p = tanh.fixedPoint(g);
        assertEquals(q, p.q(), 1e-8);
        assertTrue(p.slope() < 1, "stable");
    }

    @Test
    void reluAtHesGainKeepsEveryVarianceAndGradientsFlat() {
        MeanField relu = meanField(Fixtures.RELU, 0.5, 0.5);
        double g = Math.sqrt(2);
        assertEquals(1, relu.fixedPoint(g).q(), 0);
        assertEquals(1, relu.slope(g, 1), 1e-14);
        double[] products = relu.gradientProducts(g, 10, 50);
        assertEquals(1, products[0], 1e-12);
        assertEquals(1, products[1], 1e-12);
        // Off the critical gain the variance leaves for 0 or ∞, and χ = g²/2 all the same.
        assertEquals(0, relu.fixedPoint(1.2).q(), 0);
        assertEquals(Double.POSITIVE_INFINITY, relu.fixedPoint(1.6).q(), 0);
        assertEquals(Math.pow(1.6 * 1.6 / 2, 50), relu.gradientProducts(1.6, 50)[0], 1e-9 * Math.pow(1.28, 50));
        assertEquals(Math.sqrt(2), relu.critical(Math.sqrt(2)).gain(), 1e-8);
    }

    @Test
    void gradientProductsFollowTheVarianceFromOne() {
        MeanField tanh = meanField(Fixtures.TANH, 1, 0);
        double g = 5.0 / 3, q = 1, product = 1;
        for (int l = 0; l < 10; l++) {
            product *= tanh.chi(g, q);
            q = tanh.variance(g, q);
        }
        assertEquals(product, tanh.gradientProducts(g, 10)[0], 1e-12 * product);
    }

    @Test
    void geluHasNoEdgeOfChaosButAJumpAtItsUnstableFixedPoint() {
        MeanField gelu = meanField(Fixtures.GELU, 0.25, 0.5);
        double he = 1 / Math.sqrt(0.425221482570298674918554416385);
        assertTrue(gelu.slope(he, 1) > 1, "q = 1 is unstable at He's gain");
        MeanField.Critical c = gelu.critical(he);
        assertTrue(Double.isNaN(c.gain()));
        assertEquals(he, c.jump(), 1e-6);
        assertEquals(0, c.qBelow(), 0);
        assertEquals(Double.POSITIVE_INFINITY, c.qAbove(), 0);
        assertTrue(c.chiBelow() < 1 && c.chiAbove() > 1);
    }
}
