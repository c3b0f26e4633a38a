package dev.ramp.stdlib;

/**
 * Whose derivative values the stdlib uses at kinks, where PyTorch and JAX differ (leaky_relu at
 * 0, hardtanh at its bounds, sparse_sigmoid at +-1; see {@code jax-kinks.ramp}). Function values
 * are the same under both.
 */
public enum KinkConvention {
    /** PyTorch's backward values (the default). */
    PYTORCH,
    /** JAX's derivative values. */
    JAX
}
