package dev.ramp.compiler.emit;

import static org.junit.jupiter.api.Assertions.*;

import dev.ramp.compiler.Compiler;
import dev.ramp.compiler.Library;
import dev.ramp.compiler.diag.Source;
import dev.ramp.compiler.emit.Emitter.Options;
import dev.ramp.compiler.emit.VectorTesting.Tolerance;
import dev.ramp.compiler.ir.Cond;
import dev.ramp.compiler.ir.Expr;
import dev.ramp.compiler.ir.Fn;
import dev.ramp.runtime.Activation;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Vector kernels against scalar kernels.
 *
 * <p>Before C2 compiles a vector loop, the Vector API runs its Java fallback, which computes each
 * lane with the same {@code Math} method the scalar code calls; so a cold vector kernel without
 * the lane rewrites ({@link LaneRewritesTest} covers those) must give the scalar kernel's bits exactly, for double arrays and for float arrays widened to double
 * lanes. That pins down the lane-wise code itself: blends for {@code where} (NaN in a lane that
 * is not selected must not leak), comparisons with NaN, signed zeros through max/min/sign, the
 * power forms, the scalar tail, offsets. The exceptions are erf and erfc, whose lane forms are
 * fdlibm's formulas rather than RampMath's compensated ones ({@link LaneFormsAccuracyTest}).
 * Once compiled, lanes call SVML, which differs from {@code Math} in the last bit:
 * {@link VectorWarmTest} covers that state.
 */
class VectorKernelsTest {
    static final String DEFINITIONS = WithSymbolicPassesTest.DEFINITIONS + """
            sigmoid(x) = sigmoid(x)
            tanh(x) = tanh(x)
            softplus_raw(x) = softplus(x)
            silu(x) = x * sigmoid(x)
            quick_gelu(x) = x * sigmoid(1.702 * x)
            log_sigmoid(x) = -softplus(-x)
            tanhshrink(x) = x - tanh(x)
            signed(x) = sign(x) * x + sign(x - 1)
            relu(x) = max(0, x)
            hardtanh(x) = min(max(x, -1), 1)
            hardsigmoid(x) = min(max(x + 3, 0), 6) / 6
            hardshrink(x; lambd = 0.5) = where(abs(x) > lambd, x, 0)
            threshold(x; t = 0, v = -2) = where(x > t, x, v)
            not_nan(x) = where(x != x, 1, where(not (x >= 0) and not (x < 0), 2, x))
            trig(x) = sin(x) * cos(x) + atan(x) + sinh(x / 100) + cosh(x / 100)
            logs(x) = log(abs(x) + 1) + log1p(abs(x)) + sqrt(abs(x)) + x^1.5 + abs(x)^0.25
            """;

    /**
     * Accurate float kernels: within 1 ulp of the scalar float kernel, which computes in double
     * and rounds once. Double lanes round the same double result once (the same bits but for erf's
     * lane form); float lanes are only taken where they are exact but for one rounding and a
     * constant's float rounding ({@link ExactInFloat}), 1 ulp at most, 1 subnormal ulp below the
     * normal range.
     */
    static final Tolerance FLOAT_LANES = new Tolerance(ExactInFloat.MAX_ULPS, Float.MIN_VALUE);

    /** Lane forms without the rewrites: vector kernels compute what the scalar ones compute. */
    static final Emitter.Tuning AS_WRITTEN = Emitter.Tuning.DEFAULT.withoutLaneRewrites();

    static final Library LIBRARY = Compiler.define(new Source("vector-test.ramp", DEFINITIONS), Library.EMPTY);

    static Stream<String> names() {
        return LIBRARY.names().stream();
    }

    static Emitter.Spec spec(String name) {
        return WithSymbolicPassesTest.spec(LIBRARY.lookup(name));
    }

    static int doubleLanes() {
        return VectorSupport.bits() / 64;
    }

    @Test
    void theModuleIsThere() {
        assertTrue(VectorSupport.available(), "the tests run with --add-modules jdk.incubator.vector");
    }

    @ParameterizedTest
    @MethodSource("names")
    void coldVectorKernelsEqualScalarKernelsBitForBit(String name) {
        Emitter.Spec spec = spec(name);
        Activation s = EmitTesting.compile(spec, EmitTesting.SCALAR);
        Activation v = EmitTesting.compile(spec, AS_WRITTEN, VectorTesting.VECTOR);
        boolean erf = DEFINITIONS.lines().anyMatch(l -> l.startsWith(name + "(") && l.contains("erf"));
        // erf's lane form is fdlibm's (LaneFormsAccuracyTest); gelu' cancels near x = -0.75.
        Tolerance bound = erf ? new Tolerance(4, 1e-15) : Tolerance.EXACT;
        for (int len : VectorTesting.lengths(doubleLanes())) {
            for (int[] o : VectorTesting.OFFSETS) {
                VectorTesting.compareDouble(name, s, v, len, o[0], o[1], o[2], o[3], bound);
                VectorTesting.compareFloat(name, s, v, len, o[0], o[1], o[2], o[3], FLOAT_LANES);
            }
        }
    }

    @Provide
    net.jqwik.api.Arbitrary<Emitter.Spec> specs() {
        return RandomExprs.specs(4).filter(s -> !s.toString().contains("ERF"));
    }

    /**
     * Random expressions (every node kind, NaN-producing branches, shared subterms): cold double
     * lanes give the scalar kernel's bits; cold float lanes give exactly the float arithmetic
     * {@link FloatLaneCheck} emulates.
     */
    @Property(tries = 200)
    void randomExpressionsAreExactWhenCold(@ForAll("specs") Emitter.Spec spec) {
        Activation s = EmitTesting.compile(spec, EmitTesting.SCALAR);
        Activation v = EmitTesting.compile(spec, AS_WRITTEN, VectorTesting.VECTOR);
        int lanes = doubleLanes();
        VectorTesting.compareDouble("random", s, v, 3 * lanes + 1, 1, 0, 2, 1, Tolerance.EXACT);
        floatLanesMatchTheirEmulation(spec, 5 * lanes + 3);
    }

    /** FAST float kernels (float lanes everywhere) against {@link FloatLaneCheck#floatLanes}, bit for bit, vector part and tail. */
    static void floatLanesMatchTheirEmulation(Emitter.Spec spec, int n) {
        Activation v = EmitTesting.compile(spec, VectorTesting.FAST);
        float[] xs = VectorTesting.toFloat(VectorTesting.inputs(n, n)), g = VectorTesting.toFloat(VectorTesting.gradients(n, 3));
        float[] ys = new float[n], gi = new float[n], ys2 = new float[n], gi2 = new float[n];
        v.forward(xs, ys);
        v.backward(xs, g, gi);
        v.forwardBackward(xs, ys2, g, gi2);
        Plan plan = new Plan(spec, Emitter.Tuning.DEFAULT, VectorTesting.FAST);
        List<dev.ramp.compiler.ir.Expr> lane = LaneForms.expand(List.of(plan.value, plan.gTimesDf), LaneType.FLOAT, LaneForms.newDag());
        double[] xd = new double[n], gd = new double[n];
        for (int i = 0; i < n; i++) {
            xd[i] = xs[i];
            gd[i] = g[i];
        }
        double[] f = FloatLaneCheck.floatLanes(lane.get(0), xd, gd), df = FloatLaneCheck.floatLanes(lane.get(1), xd, gd);
        int tail = n - n % (2 * doubleLanes());   // float lanes: twice the double lanes; the rest is the scalar loop
        for (int i = 0; i < tail; i++) {
            String at = " at x = " + xs[i] + ", g = " + g[i];
            assertEquals((float) f[i], ys[i], "forward" + at);
            assertEquals((float) f[i], ys2[i], "fused f" + at);
            assertEquals((float) df[i], gi[i], "backward" + at);
            assertEquals((float) df[i], gi2[i], "fused grad" + at);
        }
        for (int i = tail; i < n; i++) {
            assertEquals((float) v.applyAsDouble(xs[i]), ys[i], "tail forward at " + xs[i]);
            assertEquals((float) (g[i] * v.derivative(xs[i])), gi[i], "tail backward at " + xs[i]);
        }
    }

    @ParameterizedTest
    @MethodSource("names")
    void floatLanesComputeWhatTheirEmulationComputes(String name) {
        floatLanesMatchTheirEmulation(spec(name), 7 * doubleLanes() + 5);
    }

    @Test
    void autoTakesTheVectorLoopForEveryKernelThatFits() {
        Options auto = new Options(Options.Backend.AUTO, Options.Accuracy.ACCURATE);
        assertEquals(6, vectorKernels(spec("mish"), auto));
        assertEquals(6, vectorKernels(spec("leaky_relu"), auto));
        assertEquals(6, vectorKernels(spec("hardtanh"), auto));   // plain arithmetic too (BackendBench)
        assertEquals(0, vectorKernels(spec("mish"), EmitTesting.SCALAR));
        assertEquals(6, vectorKernels(spec("relu"), VectorTesting.VECTOR));
    }

    @Test
    void aKernelTooLargeForOneMethodKeepsTheScalarLoop() {
        java.util.Random r = new java.util.Random(7);
        dev.ramp.compiler.ir.Expr big = RandomExprs.huge(r, 2 * Backends.MAX_NODES);
        Emitter.Spec spec = new Emitter.Spec("big", "x", List.of("alpha"), List.of(0.5), big, List.of(big), List.of(big));
        assertEquals(0, vectorKernels(spec, VectorTesting.VECTOR));
    }

    /** How many of the six forward/backward/fused kernels (double and float) have a vector loop. */
    static int vectorKernels(Emitter.Spec spec, Options options) {
        byte[] bytes = EmitTesting.verifiedKernelBytes(spec, Emitter.Tuning.DEFAULT, options);
        int n = 0;
        for (String array : List.of("D", "F")) {
            String a = "[" + array;
            if (callsVectorApi(bytes, "forwardKernel", "(" + a + "I" + a + "II)V")) n++;
            if (callsVectorApi(bytes, "backwardKernel", "(" + a + "I" + a + "I" + a + "II)V")) n++;
            if (callsVectorApi(bytes, "forwardBackwardKernel", "(" + a + "I" + a + "I" + a + "I" + a + "II)V")) n++;
        }
        return n;
    }

    static boolean callsVectorApi(byte[] bytes, String method, String descriptor) {
        return EmitTesting.instructions(bytes, method, descriptor).contains("call fromArray");
    }

    /** Which lanes accurate float kernels get: "float", "double" (widened) or "scalar", for forward, backward, fused. */
    static String floatLanes(String name) {
        byte[] bytes = EmitTesting.verifiedKernelBytes(spec(name), Emitter.Tuning.DEFAULT, VectorTesting.VECTOR);
        StringBuilder b = new StringBuilder();
        for (String m : List.of("forwardKernel([FI[FII)V", "backwardKernel([FI[FI[FII)V", "forwardBackwardKernel([FI[FI[FI[FII)V")) {
            int paren = m.indexOf('(');
            List<String> code = EmitTesting.instructions(bytes, m.substring(0, paren), m.substring(paren));
            if (!b.isEmpty()) b.append(' ');
            b.append(code.contains("call convertShape") ? "double" : code.contains("call fromArray") ? "float" : "scalar");
        }
        return b.toString();
    }

    /**
     * The accurate contract (1 float ulp): float lanes only where exact by construction, double
     * lanes for everything that rounds more than once or calls a math function, however accurate
     * float lanes happen to be on a sample (mish's forward pass was 46 float ulps off at a float
     * subnormal result); fast mode keeps float lanes for all.
     */
    @Test
    void accurateFloatKernelsUseFloatLanesOnlyWhereExactByConstruction() {
        assertEquals("float float float", floatLanes("relu"));
        assertEquals("float float float", floatLanes("leaky_relu"));     // 0.01 x: one rounding, 0.01f is 2^-25.4 off
        assertEquals("float float float", floatLanes("hardtanh"));
        assertEquals("float float float", floatLanes("threshold"));
        assertEquals("double double double", floatLanes("hardsigmoid")); // (x + 3) / 6: two roundings
        assertEquals("double double double", floatLanes("softplus_raw"));
        assertEquals("double double double", floatLanes("tanh"));
        assertEquals("double double double", floatLanes("sigmoid"));
        assertEquals("double double double", floatLanes("mish"));
        assertEquals("double double double", floatLanes("gelu_tanh"));
        for (String name : List.of("mish", "sigmoid", "relu")) {
            byte[] bytes = EmitTesting.verifiedKernelBytes(spec(name), Emitter.Tuning.DEFAULT, VectorTesting.FAST);
            assertFalse(EmitTesting.instructions(bytes, "forwardKernel", "([FI[FII)V").contains("call convertShape"), name + " fast");
        }
    }

    /** The rule itself, on lane forms written out: what it accepts is within 1 ulp for every input. */
    @Test
    void exactInFloatAcceptsOnlyOneRoundingOfExactValues() {
        Expr x = new Expr.Var("x");
        assertTrue(ExactInFloat.exact(List.of(x, new Expr.Neg(x), new Expr.Call(Fn.ABS, List.of(x)))));
        assertTrue(ExactInFloat.exact(List.of(new Expr.Mul(List.of(new Expr.Const(0.01), x)))));      // 0.5 + 0.37 ulp
        assertTrue(ExactInFloat.exact(List.of(new Expr.Add(List.of(new Expr.Const(3), x)))));
        assertFalse(ExactInFloat.exact(List.of(new Expr.Add(List.of(new Expr.Const(0.1), x)))));       // cancels near -0.1
        assertFalse(ExactInFloat.exact(List.of(new Expr.Mul(List.of(new Expr.Const(1 + 0x1p-24), x))))); // 2^-24 off: 1.5 ulp
        assertFalse(ExactInFloat.exact(List.of(new Expr.Div(new Expr.Add(List.of(new Expr.Const(3), x)), new Expr.Const(6)))));
        assertFalse(ExactInFloat.exact(List.of(new Expr.Call(Fn.EXP, List.of(x)))));
        assertFalse(ExactInFloat.exact(List.of(new Expr.Where(new Cond.Compare(Cond.Op.GT, x, new Expr.Const(0.1)), x, new Expr.Const(0)))));
        assertFalse(ExactInFloat.exact(List.of(new Expr.Const(1e300))));
        // and what it accepts is within 1 ulp of the true value, over every float in a range of binades
        Expr product = new Expr.Mul(List.of(new Expr.Const(0.01), x));
        for (int i = 0; i < 200_000; i++) {
            float xf = Float.intBitsToFloat(0x3f800000 + i * 97);
            double got = (float) (0.01f * xf);
            java.math.BigDecimal truth = new java.math.BigDecimal("0.01").multiply(new java.math.BigDecimal(xf));
            double err = truth.subtract(new java.math.BigDecimal(got)).abs().doubleValue() / Math.ulp((float) truth.doubleValue());
            assertTrue(err <= 1, () -> "0.01 * " + xf + ": " + err + " ulp");
        }
        assertTrue(ExactInFloat.exact(List.of(product)));
    }

    @Test
    void aWhereWhoseUnselectedSideIsNaNGivesTheSelectedSide() {
        // log(x) is NaN for x < 0 and the blend must drop it; 0 * inf in the other side too.
        Library lib = Compiler.define(new Source("t.ramp", "f(x) = where(x < 0, x * exp(-x) * 0, log(x) + exp(x) * 0)"), Library.EMPTY);
        Emitter.Spec spec = WithSymbolicPassesTest.spec(lib.lookup("f"));
        Activation v = EmitTesting.compile(spec, VectorTesting.VECTOR);
        double[] xs = {-1000, -1, -0.0, 0.0, 1, 1000, Double.NEGATIVE_INFINITY, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
        double[] ys = new double[xs.length];
        v.forward(xs, ys);
        Activation s = EmitTesting.compile(spec, EmitTesting.SCALAR);
        for (int i = 0; i < xs.length; i++) assertEquals(s.applyAsDouble(xs[i]), ys[i], "x = " + xs[i]);
    }
}
