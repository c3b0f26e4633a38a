package dev.ramp.bench;

/**
 * The handwritten scalar kernels of the stdlib ({@link HandwrittenScalar}): plain Java loops over
 * {@code Math}, float computed in double; fused is forward then backward.
 */
public class HandwrittenBench extends BaselineBench {
    @Override
    Baseline find(String function) {
        return HandwrittenScalar.find(function).orElseThrow(() -> new IllegalStateException(
                "no handwritten scalar kernel for " + function + " (are the stdlib's handwritten kernels on the class path?)"));
    }
}
