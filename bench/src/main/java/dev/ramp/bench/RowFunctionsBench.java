package dev.ramp.bench;

import dev.ramp.Ramp;
import dev.ramp.runtime.RowActivation;
import java.util.SplittableRandom;
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
 * Every stdlib row function, forward and VJP (double), on a 65,536-element matrix in rows of
 * 256: what each costs per element, for comparison with each other and with the element-wise
 * kernels. {@link RowBench} has the handwritten baselines for softmax and logsumexp.
 *
 * <pre>{@code
 * java --add-modules jdk.incubator.vector -jar bench/target/benchmarks.jar RowFunctionsBench -f 1 -wi 3 -w 1 -i 5 -r 1
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-XX:+UseParallelGC"})
public class RowFunctionsBench {
    @Param({"softmax", "log_softmax", "softmin", "logsumexp", "lse0", "glu", "maxout"})
    public String function;

    private static final int N = 256, ELEMENTS = 65536;

    private RowActivation f;
    private int rows;
    private double[] x, y, g, gi;

    @Setup(Level.Trial)
    public void setup() {
        f = Ramp.compileRows(function);
        rows = ELEMENTS / N;
        SplittableRandom r = new SplittableRandom(42);
        x = new double[ELEMENTS];
        gi = new double[ELEMENTS];
        y = new double[rows * f.outputLength(N)];
        g = new double[y.length];
        for (int i = 0; i < x.length; i++) x[i] = r.nextDouble(-8, 8);
        for (int i = 0; i < g.length; i++) g[i] = r.nextDouble(-1, 1);
    }

    @Benchmark
    public void forward() {
        f.forwardRows(x, rows, N, y);
    }

    @Benchmark
    public void backward() {
        f.backwardRows(x, g, rows, N, gi);
    }
}
