package dev.ramp.bench;

/**
 * Handwritten Vector API kernels of the ten headline functions ({@link HandwrittenVector}):
 * float in float lanes, one fused loop.
 */
public class HandwrittenVectorBench extends BaselineBench {
    @Override
    Baseline find(String function) {
        return HandwrittenVector.find(function).orElseThrow(() -> new IllegalStateException(
                "no handwritten Vector API kernel for " + function + "; there are: " + HandwrittenVector.NAMES));
    }
}
