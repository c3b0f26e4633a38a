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
 * Row functions over a rows x n matrix: ramp's compiled row kernels ({@code Ramp.compileRows})
 * against the handwritten loops of {@link HandwrittenRows}, softmax (forward and VJP) and
 * logsumexp (forward), double and float. Inputs uniform on [-8, 8), gradients on [-1, 1).
 *
 * <pre>{@code
 * java --add-modules jdk.incubator.vector -jar bench/target/benchmarks.jar RowBench
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-XX:+UseParallelGC"})
public class RowBench {
    /** Row length: a small vocabulary-free case and a wide one. */
    @Param({"64", "1024"})
    public int n;

    /** Elements in the matrix (rows = elements / n). */
    @Param({"65536"})
    public int elements;

    private RowActivation softmax, logsumexp;
    private int rows;
    private double[] xd, yd, gd, gid, lsed;
    private float[] xf, yf, gf, gif;

    @Setup(Level.Trial)
    public void setup() {
        softmax = Ramp.compileRows("softmax");
        logsumexp = Ramp.compileRows("logsumexp");
        rows = elements / n;
        SplittableRandom r = new SplittableRandom(42);
        xd = new double[rows * n];
        yd = new double[rows * n];
        gd = new double[rows * n];
        gid = new double[rows * n];
        lsed = new double[rows];
        xf = new float[rows * n];
        yf = new float[rows * n];
        gf = new float[rows * n];
        gif = new float[rows * n];
        for (int i = 0; i < xd.length; i++) {
            xd[i] = r.nextDouble(-8, 8);
            gd[i] = r.nextDouble(-1, 1);
            xf[i] = (float) xd[i];
            gf[i] = (float) gd[i];
        }
    }

    @Benchmark
    public void softmaxForwardDouble() {
        softmax.forwardRows(xd, rows, n, yd);
    }

    @Benchmark
    public void softmaxForwardDoubleHandwritten() {
        HandwrittenRows.softmax(xd, rows, n, yd);
    }

    @Benchmark
    public void softmaxForwardFloat() {
        softmax.forwardRows(xf, rows, n, yf);
    }

    @Benchmark
    public void softmaxForwardFloatHandwritten() {
        HandwrittenRows.softmax(xf, rows, n, yf);
    }

    @Benchmark
    public void softmaxBackwardDouble() {
        softmax.backwardRows(xd, gd, rows, n, gid);
    }

    @Benchmark
    public void softmaxBackwardDoubleHandwritten() {
        HandwrittenRows.softmaxBackward(xd, gd, rows, n, gid);
    }

    /** Forward and VJP in one call (training): the max and the sums are computed once. */
    @Benchmark
    public void softmaxFusedDouble() {
        softmax.forwardBackwardRows(xd, gd, rows, n, yd, gid);
    }

    /** The handwritten forward, then the handwritten VJP from y (PyTorch's training path). */
    @Benchmark
    public void softmaxFusedDoubleHandwritten() {
        HandwrittenRows.softmax(xd, rows, n, yd);
        HandwrittenRows.softmaxBackwardFromY(yd, gd, rows, n, gid);
    }

    @Benchmark
    public void logsumexpDouble() {
        logsumexp.forwardRows(xd, rows, n, lsed);
    }

    @Benchmark
    public void logsumexpDoubleHandwritten() {
        HandwrittenRows.logsumexp(xd, rows, n, lsed);
    }
}
