package dev.ramp.compiler.emit;

import dev.ramp.runtime.ArrayKernels;
import java.util.function.Supplier;

/**
 * The class data of a hidden activation class: builds and defines its kernel companion class
 * when the activation first needs it (the activation calls this at most once), then lets go of
 * the plan so the IR is not kept alive for the activation's lifetime.
 */
final class LazyKernels implements Supplier<ArrayKernels> {
    private Plan plan;

    LazyKernels(Plan plan) {
        this.plan = plan;
    }

    @Override
    public synchronized ArrayKernels get() {
        if (plan == null) throw new IllegalStateException("kernels were already created");
        ArrayKernels k = HiddenClasses.defineKernels(Emitter.kernelBytes(plan));
        plan = null;
        return k;
    }
}
