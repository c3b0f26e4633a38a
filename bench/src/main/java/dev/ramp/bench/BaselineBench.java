package dev.ramp.bench;

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
 * The six kernel benchmarks of a {@link Baseline}, handwritten or compiled; each subclass says
 * which kernel it finds, and JMH names the benchmarks after the subclass
 * ({@code HandwrittenBench.forwardDouble}, {@code GeneratedBench.fusedFloat}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-XX:+UseParallelGC"})
public abstract class BaselineBench extends KernelData {
    private Baseline kernel;

    /** The kernel for {@code function}, or an exception saying why there is none. */
    abstract Baseline find(String function);

    @Setup(Level.Trial)
    public void find() {
        kernel = find(function);
    }

    @Benchmark
    public void forwardDouble() {
        kernel.forward(xd, yd);
    }

    @Benchmark
    public void forwardFloat() {
        kernel.forward(xf, yf);
    }

    @Benchmark
    public void backwardDouble() {
        kernel.backward(xd, gd, gid);
    }

    @Benchmark
    public void backwardFloat() {
        kernel.backward(xf, gf, gif);
    }

    @Benchmark
    public void fusedDouble() {
        kernel.fused(xd, yd, gd, gid);
    }

    @Benchmark
    public void fusedFloat() {
        kernel.fused(xf, yf, gf, gif);
    }
}
