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
 * Handwritten Vector API kernels of the ten headline functions ({@link HandwrittenVector}):
 * float in float lanes, one fused loop.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-XX:+UseParallelGC"})
public class HandwrittenVectorBench extends KernelData {
    private Baseline kernel;

    @Setup(Level.Trial)
    public void find() {
        kernel = HandwrittenVector.find(function).orElseThrow(() -> new IllegalStateException(
                "no handwritten Vector API kernel for " + function + "; there are: " + HandwrittenVector.NAMES));
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
