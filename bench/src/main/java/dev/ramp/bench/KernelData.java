package dev.ramp.bench;

import java.util.SplittableRandom;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The arrays every kernel benchmark runs on: inputs uniform on [-8, 8) (both tails of every
 * activation, where the branches and the math differ), gradients uniform on [-1, 1), double and
 * float, {@link #size} elements each. {@code ./ramp bench} passes the functions and sizes.
 */
@State(Scope.Benchmark)
public abstract class KernelData {
    /** A stdlib function name. */
    @Param("mish")
    public String function;

    /** Elements per array: 4,096 stays in L1/L2, 1,048,576 streams from L3/memory. */
    @Param({"4096", "1048576"})
    public int size;

    public double[] xd, yd, gd, gid;
    public float[] xf, yf, gf, gif;

    @Setup(Level.Trial)
    public void data() {
        SplittableRandom r = new SplittableRandom(42);
        xd = new double[size];
        gd = new double[size];
        yd = new double[size];
        gid = new double[size];
        xf = new float[size];
        gf = new float[size];
        yf = new float[size];
        gif = new float[size];
        for (int i = 0; i < size; i++) {
            xd[i] = r.nextDouble(-8, 8);
            gd[i] = r.nextDouble(-1, 1);
            xf[i] = (float) xd[i];
            gf[i] = (float) gd[i];
        }
    }
}
