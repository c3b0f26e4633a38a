package dev.ramp.compiler.analysis;

import static dev.ramp.compiler.analysis.Fixtures.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The values the ReLU literature argues from, reproduced to stated tolerances. References:
 * closed forms where they exist, else mpmath 1.3.0 ({@code quad} at 30 digits) as noted.
 */
class LiteratureValuesTest {
    private static final double SQRT_2PI = Math.sqrt(2 * Math.PI);

    @Test
    void reluIsHalfSparseWithSecondMomentOneHalfExactly() {
        Moments m = analyse(RELU).moments();
        assertEquals(0.5, m.sparsity().value(), 1e-15);
        assertEquals("1/2", m.sparsity().closedForm());
        assertEquals(0.5, m.secondMoment().value(), 1e-15);
        assertEquals("1/2", m.secondMoment().closedForm());
        assertEquals(1 / SQRT_2PI, m.mean().value(), 1e-15);
        assertEquals("1/√(2π)", m.mean().closedForm());
        assertEquals(0.5, m.deadGradient().value(), 1e-15);
        assertEquals(0.5, m.gradientSecondMoment().value(), 1e-15);
        assertEquals("exact", m.secondMoment().method());
        assertFalse(m.zeroCentred());
    }

    @Test
    void reluGainIsPyTorchsSqrt2To1e12() {
        Gains g = analyse(RELU).gains();
        assertEquals(Math.sqrt(2.0), g.recommended(), 1e-12);
        assertEquals("√2", g.recommendedExact());
        PyTorchGain pt = g.pytorch().orElseThrow().gain();
        assertEquals("relu", pt.nonlinearity());
        assertEquals("derived", pt.derivation());
        assertEquals(pt.gain(), g.recommended(), 1e-12);
        // Positively homogeneous: χ = 1, so nothing vanishes or explodes through depth.
        assertEquals(1, g.chi(), 1e-12);
        assertEquals(1, g.depthProducts()[1], 1e-10);
        assertEquals(Math.sqrt(2.0), g.critical(), 1e-8);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.01, 0.1, 0.2, 0.3})
    void leakyReluGainIsPyTorchsFormulaTo1e12(double slope) {
        Report r = analyse(LEAKY, Map.of("negative_slope", slope));
        double pytorch = Math.sqrt(2.0 / (1 + slope * slope));
        assertEquals(pytorch, r.gains().recommended(), 1e-12);
        PyTorchGain pt = r.gains().pytorch().orElseThrow().gain();
        assertEquals("leaky_relu", pt.nonlinearity());
        assertEquals(slope, pt.param(), 0);
        assertEquals(pytorch, pt.gain(), 0);
        assertEquals((1 + slope * slope) / 2, r.moments().secondMoment().value(), 1e-15);
        assertEquals(0, r.moments().sparsity().value(), 0);
    }

    @Test
    void linearGainIsOne() {
        Report r = analyse(IDENTITY);
        assertEquals(1, r.gains().recommended(), 1e-12);
        assertEquals("linear", r.gains().pytorch().orElseThrow().gain().nonlinearity());
        assertEquals("odd", r.symmetry().parity());
        assertTrue(r.symmetry().homogeneous());
    }

    @Test
    void sigmoidGradientIsBoundedByOneQuarterAtZero() {
        Shape d = analyse(SIGMOID).gradient();
        assertEquals(0.25, d.upper().value(), 1e-15);
        assertTrue(d.upper().attained());
        assertEquals(0, d.upper().x(), 1e-8);
        assertEquals(0, d.lower().value(), 0);
        assertFalse(d.lower().attained());
        Report r = analyse(SIGMOID);
        assertEquals(Tail.Kind.CONSTANT, r.left().kind());
        assertEquals(0, r.left().limit(), 0);
        assertEquals(1, r.right().limit(), 0);
        assertTrue(r.gradientLeft().vanishes() && r.gradientRight().vanishes(), "vanishing gradients in both tails");
        assertEquals(0.5, r.moments().mean().value(), 1e-13);
        // mpmath: E[sigmoid(z)²] = 0.293379035858092962737649171282
        assertEquals(0.293379035858092962737649171282, r.moments().secondMoment().value(), 1e-13);
    }

    @Test
    void tanhIsZeroCentredOddAndSaturating() {
        Report r = analyse(TANH);
        assertTrue(r.moments().zeroCentred());
        assertEquals(0, r.moments().mean().value(), 1e-13);
        assertEquals("odd", r.symmetry().parity());
        assertEquals("symbolic", r.symmetry().parityMethod());
        assertEquals(-1, r.shape().lower().value(), 0);
        assertEquals(1, r.shape().upper().value(), 0);
        assertFalse(r.shape().lower().attained() || r.shape().upper().attained());
        assertEquals(Shape.Monotonicity.INCREASING, r.shape().monotonicity());
        // mpmath: E[tanh(z)²] = 0.394294490397841174416459772444, E[tanh'(z)²] = 0.464402902448268241972021461116
        assertEquals(0.394294490397841174416459772444, r.moments().secondMoment().value(), 1e-13);
        assertEquals(0.464402902448268241972021461116, r.moments().gradientSecondMoment().value(), 1e-13);
        assertTrue(r.moments().secondMoment().error() < 1e-12);
    }

    @Test
    void tanhShowsPyTorchsEmpiricalFiveThirdsBesideTheDerivedGain() {
        Gains g = analyse(TANH).gains();
        assertEquals(1 / Math.sqrt(0.394294490397841174416459772444), g.recommended(), 1e-12);
        Gains.PyTorch pt = g.pytorch().orElseThrow();
        assertEquals(5.0 / 3, pt.gain().gain(), 0);
        assertEquals("empirical", pt.gain().derivation());
        assertEquals(5.0 / 3 - g.recommended(), pt.difference(), 1e-15);
        // mpmath: at g = 5/3 the variance map's fixed point is q* = 1.17848049038590771739653872852, χ = 1.20983132038282859506238795401
        assertEquals(1.17848049038590771739653872852, pt.q(), 1e-9);
        assertEquals(1.20983132038282859506238795401, pt.chi(), 1e-9);
        // Zero biases: the tanh edge of chaos is g = 1, where the signal itself dies (q* → 0).
        assertEquals(1, g.critical(), 1e-4);
        assertTrue(g.criticalQ() < 1e-6);
    }

    @Test
    void seluIsSelfNormalisingSoItsGainIsOneNotPyTorchsThreeQuarters() {
        Report r = analyse(SELU);
        assertEquals(0, r.moments().mean().value(), 1e-12);
        assertEquals(1, r.moments().secondMoment().value(), 1e-12);
        assertEquals("exact", r.moments().secondMoment().method());
        assertEquals(1, r.gains().recommended(), 1e-12);
        Gains.PyTorch pt = r.gains().pytorch().orElseThrow();
        assertEquals("selu", pt.gain().nonlinearity());
        assertEquals(0.75, pt.gain().gain(), 0);
        assertEquals("empirical", pt.gain().derivation());
        // Near 0 selu is linear with slopes λ and λα, so χ → g²(λ² + λ²α²)/2 and the edge of chaos is 1/√ of that.
        double lambda = 1.0507009873554805, alpha = 1.6732632423543772;
        assertEquals(1 / Math.sqrt(lambda * lambda * (1 + alpha * alpha) / 2), r.gains().critical(), 1e-4);
    }

    @Test
    void geluIsNonMonotonicWithItsMinimumNearMinus075() {
        Report r = analyse(GELU);
        Shape s = r.shape();
        assertEquals(Shape.Monotonicity.NONMONOTONIC, s.monotonicity());
        Extremum min = s.extrema().getFirst();
        assertTrue(min.minimum());
        // Reference: the zero of Φ(x) + x φ(x), -0.751791524724107 (bisection on a central difference, in Python).
        assertEquals(-0.751791524724107, min.x(), 1e-9);
        assertEquals(-0.16997120747990369, min.value(), 1e-12);
        assertEquals(min.value(), s.lower().value(), 0);
        assertTrue(s.lower().attained());
        // E[z Φ(z)] = E[φ(z)] = 1/(2√π) (Stein's lemma); E[gelu'(z)] = 1/2.
        assertEquals(1 / (2 * Math.sqrt(Math.PI)), r.moments().mean().value(), 1e-13);
        assertEquals(0.5, r.moments().gradientMean().value(), 1e-13);
        assertEquals(0.425221482570298674918554416385, r.moments().secondMoment().value(), 1e-13);
    }

    @Test
    void siluMinimumIsNearMinus1278() {
        Extremum min = analyse(SILU).shape().extrema().getFirst();
        assertEquals(-1.2784645426762864, min.x(), 1e-9);
        assertEquals(-0.2784645427610738, min.value(), 1e-12);
    }

    @Test
    void mishMinimumAndMomentsMatchHighPrecisionQuadrature() {
        Report r = analyse(MISH);
        Extremum min = r.shape().extrema().getFirst();
        assertEquals(-1.1924312143964524, min.x(), 1e-9);
        assertEquals(-0.3088434130172503, min.value(), 1e-12);
        assertEquals(Integer.MAX_VALUE, r.smoothness().order());
        // mpmath references at 30 digits.
        assertEquals(0.240403888374791443713122134439, r.moments().mean().value(), 1e-13);
        assertEquals(0.452342192375882770682040036796, r.moments().secondMoment().value(), 1e-13);
        assertEquals(0.479083758373969774613047518424, r.moments().gradientSecondMoment().value(), 1e-13);
        assertTrue(r.gains().pytorch().isEmpty(), "PyTorch has no gain for mish");
    }

    @Test
    void softplusIsSmoothAndUnboundedAbove() {
        Report r = analyse(SOFTPLUS);
        assertEquals("smooth", r.smoothness().label());
        assertFalse(r.shape().upper().bounded());
        assertEquals(0, r.shape().lower().value(), 0);
        assertFalse(r.shape().lower().attained());
        assertEquals(Tail.Kind.LINEAR, r.right().kind());
        assertEquals(1, r.right().limit(), 0);
        assertEquals(Shape.Monotonicity.INCREASING, r.shape().monotonicity());
    }

    @Test
    void pytorchSoftplusJumpsByTwoNanosAtItsThreshold() {
        Report r = analyse(TORCH_SOFTPLUS);
        assertEquals(-1, r.smoothness().order());
        Kink k = r.smoothness().kinks().getFirst();
        assertEquals(20, k.x(), 0);
        assertEquals("linear", k.method());
        assertEquals(Math.log1p(Math.exp(-20)), k.fLeft() - k.fRight(), 1e-15);  // rounding of values near 20
    }

    @Test
    void reluIsPositivelyHomogeneousSymbolicallyAndEluIsNot() {
        Symmetry relu = analyse(RELU).symmetry();
        assertTrue(relu.homogeneous());
        assertEquals("symbolic", relu.homogeneityMethod());
        assertEquals("neither", relu.parity());
        Symmetry elu = analyse(ELU).symmetry();
        assertFalse(elu.homogeneous());
        double[] w = elu.homogeneityWitness();
        assertNotEquals(w[2], w[3]);
    }

    @Test
    void reluHasADeadLeftTailAndAKinkWithPyTorchsSubgradient() {
        Report r = analyse(RELU);
        assertEquals(0, r.deadBelow(), 0);
        assertTrue(Double.isNaN(r.deadAbove()));
        assertEquals("C0", r.smoothness().label());
        Kink k = r.smoothness().kinks().getFirst();
        assertEquals(0, k.x(), 0);
        assertEquals(0, k.dLeft(), 0);
        assertEquals(1, k.dRight(), 0);
        assertEquals(0, k.d(), 0);
        assertEquals(Tail.Kind.LINEAR, r.right().kind());
        assertEquals(Shape.Monotonicity.NONDECREASING, r.shape().monotonicity());
        assertTrue(r.shape().lower().attained());
    }

    @Test
    void eluIsC1WithExactMomentsThatQuadratureConfirms() {
        Report r = analyse(ELU);
        assertEquals("C1", r.smoothness().label());
        Estimate mean = r.moments().mean();
        assertEquals("exact", mean.method());
        assertEquals("1/√(2π) + √e·Φ(-1) - 1/2", mean.closedForm());
        // Independently: E[elu(z)] = φ(0) + e^(1/2) Φ(-1) - 1/2, with Φ(-1) = erfc(1/√2)/2.
        double phiMinus1 = 0.15865525393145705141476745;
        assertEquals(1 / SQRT_2PI + Math.exp(0.5) * phiMinus1 - 0.5, mean.value(), 1e-15);
        assertEquals(-1, r.left().limit(), 0);
    }

    @Test
    void hardtanhIsBoundedWithDeadTailsAndAnExactSecondMoment() {
        Report r = analyse(HARDTANH);
        assertEquals(-1, r.shape().lower().value(), 0);
        assertEquals(1, r.shape().upper().value(), 0);
        assertTrue(r.shape().lower().attained() && r.shape().upper().attained());
        assertEquals(-1, r.deadBelow(), 0);
        assertEquals(1, r.deadAbove(), 0);
        // P(f' = 0) = P(|z| > 1) = 2 Φ(-1).
        assertEquals(2 * 0.15865525393145705141476745, r.moments().deadGradient().value(), 1e-15);
        assertEquals("2 - 2·Φ(1)", r.moments().deadGradient().closedForm().replace("-2·Φ(1) + 2", "2 - 2·Φ(1)"));
        assertEquals(1 - 2 * Math.exp(-0.5) / SQRT_2PI, r.moments().secondMoment().value(), 1e-15);
    }

    @Test
    void hardshrinkSparsityIsTheMassOfItsDeadZone() {
        Report r = analyse(HARDSHRINK);
        assertEquals(1 - 2 * 0.30853753872598689636229538939, r.moments().sparsity().value(), 1e-15);
        assertEquals("2·Φ(0.5) - 1", r.moments().sparsity().closedForm());
        assertEquals(-1, r.smoothness().order());
        assertEquals(2, r.smoothness().kinks().size(), "the zero of abs(x) changes nothing and is dropped");
    }

    @Test
    void hardswishHasItsMinimumAtMinusOneAndAHalf() {
        Report r = analyse(HARDSWISH);
        assertEquals(-0.375, r.shape().lower().value(), 1e-15);
        assertEquals(-1.5, r.shape().lower().x(), 1e-12);
        assertEquals("Φ(-3)", r.moments().sparsity().closedForm());
    }
}
