package dev.ramp.compiler.emit;

import static org.junit.jupiter.api.Assertions.*;

import dev.ramp.compiler.emit.VectorTesting.Tolerance;
import dev.ramp.runtime.Activation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Vector kernels once C2 has compiled them, when lanes call SVML instead of {@code Math}: each
 * kernel (without the lane rewrites, which {@link LaneRewritesTest} covers) runs until its loop
 * is compiled, then is compared with the scalar kernel. SVML's
 * functions are within 0.64 ulp of the truth and {@code Math}'s within 1, so single calls differ
 * by at most a couple of ulps. Expressions that cancel magnify a difference in their terms
 * without bound near the zeros of the result (tanh' = 1 - t^2, gelu', gelu_tanh', mish', silu'),
 * so there the bound is absolute: with a unit gradient, the error of an O(1) term, a few ulps of
 * 1. Bounds: {@code ulps} of the scalar result, or {@code ulpsOfOne} * 2^-52 absolute. Float
 * kernels keep the accurate float bound ({@link VectorKernelsTest#FLOAT_LANES}) with SVML too.
 */
class VectorWarmTest {

    /** Runs every kernel on a large array until the JIT has compiled the vector loops. */
    static void warm(Activation a) {
        int n = 2048;
        double[] xs = VectorTesting.inputs(n, 1), ys = new double[n], g = new double[n], gi = new double[n];
        float[] xf = VectorTesting.toFloat(xs), yf = new float[n], gf = new float[n], gif = new float[n];
        java.util.Arrays.fill(g, 0.5);
        java.util.Arrays.fill(gf, 0.5f);
        long deadline = System.nanoTime() + 20_000_000_000L;
        for (int rep = 0; rep < 1500 && System.nanoTime() < deadline; rep++) {
            a.forward(xs, ys);
            a.backward(xs, g, gi);
            a.forwardBackward(xs, ys, g, gi);
            a.forward(xf, yf);
            a.backward(xf, gf, gif);
            a.forwardBackward(xf, yf, gf, gif);
        }
    }

    @ParameterizedTest
    @CsvSource({
            "mish, 4, 8",
            "silu, 4, 8",
            "gelu, 4, 8",
            "gelu_tanh, 4, 32",   // x (1 - t^2) u' with t near 1: the error of t times about x^3
            "elu, 2, 0",
            "sigmoid, 2, 0",
            "tanh, 2, 8",
            "softplus, 2, 0",
            "leaky_relu, 0, 0",
            "log_sigmoid, 2, 0",
            "softsign, 0, 0",
            "squareplus, 2, 0",
    })
    void warmVectorKernelsStayCloseToScalarOnes(String name, double ulps, double ulpsOfOne) {
        Emitter.Spec spec = VectorKernelsTest.spec(name);
        Activation s = EmitTesting.compile(spec, EmitTesting.SCALAR);
        Activation v = EmitTesting.compile(spec, VectorKernelsTest.AS_WRITTEN, VectorTesting.VECTOR);
        warm(v);
        Tolerance bound = new Tolerance(ulps, ulpsOfOne * Math.ulp(1.0));
        int lanes = VectorKernelsTest.doubleLanes();
        double worst = 0, worstF = 0;
        for (int len : new int[] {1000, 16 * lanes + 3}) {
            worst = Math.max(worst, VectorTesting.compareDouble(name, s, v, len, 1, 0, 2, 3, bound, true));
            worstF = Math.max(worstF, VectorTesting.compareFloat(name, s, v, len, 0, 1, 0, 2, VectorKernelsTest.FLOAT_LANES));
        }
        System.out.printf("%s: worst %.1f ulps (double), %.1f (float)%n", name, worst, worstF);
    }
}
