package dev.ramp.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code System.arraycopy} of the kernels' array size: one read and one write per element, as a
 * forward pass, and no arithmetic: the memory-bound ceiling a kernel can only approach.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-XX:+UseParallelGC"})
public class ArraycopyBench {
    @Param({"4096", "1048576"})
    public int size;

    private double[] xd, yd;
    private float[] xf, yf;

    @Setup(Level.Trial)
    public void data() {
        xd = new double[size];
        yd = new double[size];
        xf = new float[size];
        yf = new float[size];
        for (int i = 0; i < size; i++) xf[i] = (float) (xd[i] = i * 0.5 - 3);
    }

    @Benchmark
    public void copyDouble() {
        System.arraycopy(xd, 0, yd, 0, size);
    }

    @Benchmark
    public void copyFloat() {
        System.arraycopy(xf, 0, yf, 0, size);
    }
}
