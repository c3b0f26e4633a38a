package dev.ramp.bench;

import dev.ramp.compiler.Compiler;
import dev.ramp.compiler.emit.Emitter;
import dev.ramp.compiler.ir.Function;
import dev.ramp.runtime.Activation;
import dev.ramp.stdlib.Stdlib;
import java.util.Map;
import org.openjdk.jmh.annotations.Param;

/**
 * The measurement behind the emitter's per-kernel backend rule: the same function's kernels
 * with the scalar loop and with the vector loop forced, side by side. Run:
 * {@code java --add-modules jdk.incubator.vector -jar bench/target/benchmarks.jar BackendBench -p function=relu,hardtanh,...}
 */
public class BackendBench extends BaselineBench {
    @Param({"scalar", "vector"})
    public String backend;

    @Override
    Baseline find(String function) {
        Emitter.Options.Backend b = backend.equals("scalar") ? Emitter.Options.Backend.SCALAR : Emitter.Options.Backend.VECTOR;
        // Held strongly across trials, as in GeneratedBench.
        return new ActivationBaseline(GeneratedBench.COMPILED.computeIfAbsent(function + "/" + backend,
                k -> compile(function, new Emitter.Options(b, Emitter.Options.Accuracy.ACCURATE))));
    }

    /** What {@code Ramp.compile(name)} compiles (stabilised, forms chosen), with the given kernel options. */
    static Activation compile(String name, Emitter.Options options) {
        Function f = Compiler.function(name, Stdlib.library());
        return Emitter.define(Compiler.compiledSpec(f, Map.of()), options);
    }
}
