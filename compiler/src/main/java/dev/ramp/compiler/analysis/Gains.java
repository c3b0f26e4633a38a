package dev.ramp.compiler.analysis;

import java.util.Optional;

/**
 * Initialisation gains (weights with standard deviation gain/√fan_in) and what they do through depth.
 *
 * @param recommended He's gain generalised: 1/√E[f(z)²], which keeps the second moment of the
 *     pre-activations through a layer (He et al. 2015: √2 for relu)
 * @param recommendedExact the gain as √(p/q) when it is one ({@code √2}), else null
 * @param backward 1/√E[f'(z)²]: the gain that keeps the gradient's second moment through a layer
 *     instead (He's fan_out argument); equal to the recommended gain only when E[f²] = E[f'²]
 * @param varianceSlope V'(1) at the recommended gain: below 1 the fixed point q = 1 attracts,
 *     1 is marginal (every q is a fixed point for positively homogeneous f), above 1 it repels
 * @param chi χ = g² E[f'(z)²] at the recommended gain: the per-layer factor of E[gradient²]
 * @param depths the depths reported
 * @param depthProducts χ^L for each depth: below 1 gradients vanish, above 1 they explode
 * @param critical the edge-of-chaos gain (χ = 1 at the variance fixed point), NaN if none in [g/16, 16g]
 * @param criticalQ the variance fixed point at the critical gain
 * @param chaosJump when there is no critical gain because χ jumps across 1 (the fixed point q = 1 is
 *     unstable, so q* switches between 0 and ∞): the gain where it jumps; else NaN
 * @param chiBelowJump χ just below that gain
 * @param chiAboveJump χ just above it
 * @param qBelowJump the variance fixed point just below it
 * @param qAboveJump the variance fixed point just above it
 * @param pytorch PyTorch's calculate_gain for this activation and its behaviour, if PyTorch has one
 */
public record Gains(double recommended, String recommendedExact, double backward, double varianceSlope,
        double chi, int[] depths, double[] depthProducts, double critical, double criticalQ,
        double chaosJump, double chiBelowJump, double chiAboveJump, double qBelowJump, double qAboveJump,
        Optional<PyTorch> pytorch) {

    /**
     * PyTorch's gain, and the mean-field behaviour at that gain.
     *
     * @param gain calculate_gain's entry
     * @param difference PyTorch's gain minus the recommended gain
     * @param q the variance the iteration settles at with PyTorch's gain (1 when the gains agree)
     * @param chi χ at that variance
     * @param depthProducts the gradient's second-moment factor through each depth, following q_l from q_1 = 1
     */
    public record PyTorch(PyTorchGain gain, double difference, double q, double chi, double[] depthProducts) {}
}
