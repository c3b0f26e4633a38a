package dev.ramp.compiler.emit;

import static org.junit.jupiter.api.Assertions.*;

import dev.ramp.compiler.Compiler;
import dev.ramp.compiler.Library;
import dev.ramp.compiler.diag.Source;
import dev.ramp.compiler.emit.Emitter.Options;
import dev.ramp.runtime.Activation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Lane-wise {@code where} that computes only the sides some lane needs ({@link BranchSkip}),
 * against the blend of both sides (the same lane forms with {@code skipBranches} off): bit for
 * bit, for every kernel (forward, backward, fused), double and float arrays, float kernels in
 * double lanes (accurate) and in float lanes (fast). The inputs come in blocks of 16 (a whole
 * float vector, two double vectors) that are all in one branch's range (every mask all-true or
 * all-false), mixed, with a NaN lane, or all NaN; the functions are the stdlib's stabilised
 * forms (mish's x < -690 tail, erf's pieces in gelu) and small ones with shared values and
 * nested branches. Both kernels run cold (the Vector API's Java fallback), so both compute each
 * lane with the same scalar methods and any difference is the branch code's.
 */
class BranchSkipTest {
    static final String DEFINITIONS = WithSymbolicPassesTest.DEFINITIONS + """
            silu(x) = x * sigmoid(x)
            log_sigmoid(x) = -softplus(-x)
            gelu_erf(x) = 0.5 * x * (1 + erf(x / sqrt(2)))
            tail(x) = where(x < -5, exp(x) * x, 2 * x)
            shared(x) = where(x > 1, log1p(x) * exp(-x), x) + exp(-x)
            nested(x) = where(x > 0, where(x > 3, tanh(x) + log(x), expm1(x)), where(x < -3, exp(x), x * x))
            nan_lanes(x) = where(x != x, exp(x + 1), where(x >= 0, exp(-x), x))
            """;
    static final Library LIBRARY = Compiler.define(new Source("branch-skip-test.ramp", DEFINITIONS), Library.EMPTY);

    static final Emitter.Tuning BLEND = Emitter.Tuning.DEFAULT.blendingEveryWhere();
    static final int BLOCK = 16;

    static Stream<String> names() {
        return LIBRARY.names().stream();
    }

    static Emitter.Spec spec(String name) {
        return Compiler.compiledSpec(LIBRARY.lookup(name), Map.of());
    }

    /** Blocks of one kind each: far left (stabilisers' tails), left, near 0, right, far right, mixed, one NaN lane, all NaN, infinities. */
    static double[] inputs() {
        Random r = new Random(6);
        List<Double> xs = new ArrayList<>();
        double[][] ranges = {{-800, -700}, {-40, -6}, {-3, -0.5}, {-1e-3, 1e-3}, {0.5, 3}, {4, 40}, {700, 800}};
        for (double[] range : ranges) for (int i = 0; i < BLOCK; i++) xs.add(range[0] + (range[1] - range[0]) * r.nextDouble());
        for (int i = 0; i < BLOCK; i++) xs.add(r.nextGaussian() * (i % 2 == 0 ? 5 : 800));                    // mixed
        for (int i = 0; i < BLOCK; i++) xs.add(i == 5 ? Double.NaN : 4 + 30 * r.nextDouble());              // one NaN lane
        for (int i = 0; i < BLOCK; i++) xs.add(i == 9 ? Double.NaN : -800 + 100 * r.nextDouble());
        for (int i = 0; i < BLOCK; i++) xs.add(Double.NaN);
        for (int i = 0; i < BLOCK; i++) xs.add(i % 2 == 0 ? Double.NEGATIVE_INFINITY : -1e300);
        for (int i = 0; i < BLOCK; i++) xs.add(i % 2 == 0 ? Double.POSITIVE_INFINITY : 1e300);
        for (int i = 0; i < 5; i++) xs.add(-750.0 + i);                                                     // scalar tail
        return xs.stream().mapToDouble(Double::doubleValue).toArray();
    }

    @ParameterizedTest
    @MethodSource("names")
    void skippingGivesTheBlendsBitsInEveryKernel(String name) {
        Emitter.Spec spec = spec(name);
        for (Options options : List.of(VectorTesting.VECTOR, VectorTesting.FAST)) {
            Activation skip = EmitTesting.compile(spec, Emitter.Tuning.DEFAULT, options);
            Activation blend = EmitTesting.compile(spec, BLEND, options);
            double[] xs = inputs();
            double[] g = VectorTesting.gradients(xs.length, 11);
            assertArrayEquals(bits(runDouble(blend, xs, g)), bits(runDouble(skip, xs, g)), name + " double, " + options);
            float[] xf = VectorTesting.toFloat(xs), gf = VectorTesting.toFloat(g);
            assertArrayEquals(bits(runFloat(blend, xf, gf)), bits(runFloat(skip, xf, gf)), name + " float, " + options);
        }
    }

    /** The stabilised stdlib forms do get the mask tests (else the test above compares a blend with itself). */
    @Test
    void stabilisersTailsAndErfPiecesAreSkipped() {
        for (String name : List.of("mish", "gelu", "gelu_erf", "tail", "shared", "nested", "nan_lanes")) {
            String skip = EmitTesting.disassemble(EmitTesting.verifiedKernelBytes(spec(name), Emitter.Tuning.DEFAULT, VectorTesting.VECTOR));
            String blend = EmitTesting.disassemble(EmitTesting.verifiedKernelBytes(spec(name), BLEND, VectorTesting.VECTOR));
            assertTrue(skip.contains("allTrue") && skip.contains("anyTrue"), name + ": no mask test");
            assertFalse(blend.contains("allTrue") || blend.contains("anyTrue"), name + ": a mask test with skipping off");
        }
    }

    /** A where with cheap sides blends: a mask test would cost more than it saves. */
    @Test
    void cheapSidesBlend() {
        for (String name : List.of("leaky_relu", "relu6", "softshrink", "hardswish")) {
            String skip = EmitTesting.disassemble(EmitTesting.verifiedKernelBytes(spec(name), Emitter.Tuning.DEFAULT, VectorTesting.VECTOR));
            assertFalse(skip.contains("allTrue"), name);
        }
    }

    /** The mixed path repeats both sides: every kernel method stays under HotSpot's 8000-byte limit for JIT compilation. */
    @ParameterizedTest
    @MethodSource("names")
    void kernelsStayCompilable(String name) {
        for (Options options : List.of(VectorTesting.VECTOR, VectorTesting.FAST)) {
            EmitTesting.codeSizes(EmitTesting.verifiedKernelBytes(spec(name), Emitter.Tuning.DEFAULT, options))
                    .forEach((method, size) -> assertTrue(size < 8000, name + " " + method + ": " + size + " bytes"));
        }
    }

    private static double[][] runDouble(Activation a, double[] xs, double[] g) {
        int n = xs.length;
        double[] ys = new double[n], gi = new double[n], ys2 = new double[n], gi2 = new double[n];
        a.forward(xs, ys);
        a.backward(xs, g, gi);
        a.forwardBackward(xs, ys2, g, gi2);
        return new double[][] {ys, gi, ys2, gi2};
    }

    private static float[][] runFloat(Activation a, float[] xs, float[] g) {
        int n = xs.length;
        float[] ys = new float[n], gi = new float[n], ys2 = new float[n], gi2 = new float[n];
        a.forward(xs, ys);
        a.backward(xs, g, gi);
        a.forwardBackward(xs, ys2, g, gi2);
        return new float[][] {ys, gi, ys2, gi2};
    }

    private static long[] bits(double[][] results) {
        return Stream.of(results).flatMapToDouble(java.util.Arrays::stream).mapToLong(Double::doubleToRawLongBits).toArray();
    }

    private static long[] bits(float[][] results) {
        List<Long> out = new ArrayList<>();
        for (float[] r : results) for (float v : r) out.add((long) Float.floatToRawIntBits(v));
        return out.stream().mapToLong(Long::longValue).toArray();
    }
}
