package dev.ramp.bench;

import dev.ramp.Ramp;
import dev.ramp.runtime.Activation;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * ramp's generated kernels ({@code Ramp.compile(name)}, default options: the backend chosen per
 * kernel, accurate float kernels): forward, backward and fused, double and float.
 */
public class GeneratedBench extends BaselineBench {
    /**
     * Activations compiled in this JVM, held strongly: the compile cache holds them weakly, and a
     * trial whose state finds its activation collected would measure freshly defined, not yet
     * JIT-compiled kernel classes (quick mode warms every benchmark up first, then measures).
     */
    static final Map<String, Activation> COMPILED = new ConcurrentHashMap<>();

    @Override
    Baseline find(String function) {
        return new ActivationBaseline(COMPILED.computeIfAbsent(function, name -> Ramp.compile(name)));
    }
}
