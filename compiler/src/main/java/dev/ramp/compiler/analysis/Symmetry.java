package dev.ramp.compiler.analysis;

/**
 * Parity and positive homogeneity (scale invariance).
 *
 * @param parity {@code "odd"}, {@code "even"}, {@code "odd and even"} (f ≡ 0) or {@code "neither"}
 * @param parityMethod {@code "symbolic"} (the simplified f(-x) is identical to ±f(x)) or
 *     {@code "numeric"} (f(-x) = ±f(x) to 10^-12 at every grid point with |x| ≤ 10^3)
 * @param parityWitness for {@code "neither"}: {x, f(-x), f(x)} at a point that rules both out; else empty
 * @param homogeneous whether f(a·x) = a·f(x) for every a > 0
 * @param homogeneityMethod {@code "symbolic"} (every piece is c·x, the only branch point is 0 and
 *     f(0) = 0) or {@code "numeric"} (checked for a = 0.5, 2, 10 at grid points with |x| ≤ 10^3)
 * @param homogeneityWitness when not homogeneous: {a, x, f(a·x), a·f(x)}; else empty
 */
public record Symmetry(String parity, String parityMethod, double[] parityWitness,
        boolean homogeneous, String homogeneityMethod, double[] homogeneityWitness) {}
