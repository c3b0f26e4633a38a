package dev.ramp.bench;

import dev.ramp.Ramp;
import dev.ramp.runtime.Activation;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.Warmup;

/**
 * ramp's generated kernels ({@code Ramp.compile(name)}, default options: the backend chosen per
 * kernel, accurate float kernels): forward, backward and fused, double and float.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-XX:+UseParallelGC"})
public class GeneratedBench extends KernelData {
    /**
     * Activations compiled in this JVM, held strongly: the compile cache holds them weakly, and a
     * trial whose state finds its activation collected would measure freshly defined, not yet
     * JIT-compiled kernel classes (quick mode warms every benchmark up first, then measures).
     */
    private static final Map<String, Activation> COMPILED = new ConcurrentHashMap<>();

    private Activation activation;

    @Setup(Level.Trial)
    public void compile() {
        activation = COMPILED.computeIfAbsent(function, name -> Ramp.compile(name));
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

    @Benchmark
    public void fusedDouble() {
        activation.forwardBackward(xd, yd, gd, gid);
    }

    @Benchmark
    public void fusedFloat() {
        activation.forwardBackward(xf, yf, gf, gif);
    }
}
