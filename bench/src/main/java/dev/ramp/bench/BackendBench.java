package dev.ramp.bench;

import dev.ramp.compiler.Compiler;
import dev.ramp.compiler.emit.Emitter;
import dev.ramp.compiler.ir.Function;
import dev.ramp.runtime.Activation;
import dev.ramp.stdlib.Stdlib;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The measurement behind the emitter's per-kernel backend rule: the same function's kernels
 * with the scalar loop and with the vector loop forced, side by side. Run:
 * {@code java --add-modules jdk.incubator.vector -jar bench/target/benchmarks.jar BackendBench -p function=relu,hardtanh,...}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-XX:+UseParallelGC"})
public class BackendBench extends KernelData {
    @Param({"scalar", "vector"})
    public String backend;

    private Activation activation;

    /** Held strongly across trials, as in {@link GeneratedBench}. */
    private static final java.util.Map<String, Activation> COMPILED = new java.util.concurrent.ConcurrentHashMap<>();

    @Setup(Level.Trial)
    public void compile() {
        Emitter.Options.Backend b = backend.equals("scalar") ? Emitter.Options.Backend.SCALAR : Emitter.Options.Backend.VECTOR;
        activation = COMPILED.computeIfAbsent(function + "/" + backend, k -> compile(function, new Emitter.Options(b, Emitter.Options.Accuracy.ACCURATE)));
    }

    /** What {@code Ramp.compile(name)} compiles (stabilised, forms chosen), with the given kernel options. */
    static Activation compile(String name, Emitter.Options options) {
        Function f = Compiler.function(name, Stdlib.library());
        return Emitter.define(Compiler.compiledSpec(f, Map.of()), options);
    }

    @Benchmark
    public void forwardDouble() {
        activation.forward(xd, yd);
    }

    @Benchmark
    public void forwardFloat() {
        activation.forward(xf, yf);
    }

    @Benchmark
    public void backwardDouble() {
        activation.backward(xd, gd, gid);
    }

    @Benchmark
    public void backwardFloat() {
        activation.backward(xf, gf, gif);
    }
}
