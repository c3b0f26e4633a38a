package dev.ramp.compiler.emit;

import dev.ramp.runtime.ArrayKernels;
import java.util.function.Supplier;

/**
 * The class data of a hidden activation class: builds and defines its kernel companion class
 * when the activation first needs it (the activation asks at most once). It keeps only the spec,
 * not the plan: an activation that never runs an array method should not keep a DAG and its
 * analyses alive, and re-interning a spec is cheap next to building eight loops.
 */
final class LazyKernels implements Supplier<ArrayKernels> {
    private Emitter.Spec spec;
    private final Emitter.Tuning tuning;
    private final Emitter.Options options;

    LazyKernels(Emitter.Spec spec, Emitter.Tuning tuning) {
        this(spec, tuning, Emitter.Options.DEFAULT);
    }

    LazyKernels(Emitter.Spec spec, Emitter.Tuning tuning, Emitter.Options options) {
        this.spec = spec;
        this.tuning = tuning;
        this.options = options;
    }

    @Override
    public synchronized ArrayKernels get() {
        if (spec == null) throw new IllegalStateException("kernels were already created");
        ArrayKernels k = HiddenClasses.defineKernels(Emitter.kernelBytes(new Plan(spec, tuning, options)));
        spec = null;
        return k;
    }
}
