package dev.ramp.compiler.analysis;

/**
 * Statistics of f and f' under a standard normal input z (a unit-variance pre-activation).
 *
 * @param mean E[f(z)]
 * @param secondMoment E[f(z)²]
 * @param variance Var[f(z)] = E[f²] - E[f]²
 * @param zeroCentred |E[f(z)]| ≤ 10^-9 · √E[f(z)²]
 * @param sparsity P(f(z) = 0): the mass of the intervals where the branch taken is the constant 0
 * @param gradientMean E[f'(z)]
 * @param gradientSecondMoment E[f'(z)²]
 * @param deadGradient P(f'(z) = 0): the mass of the intervals where f' is the constant 0
 */
public record Moments(Estimate mean, Estimate secondMoment, double variance, boolean zeroCentred,
        Estimate sparsity, Estimate gradientMean, Estimate gradientSecondMoment, Estimate deadGradient) {}
