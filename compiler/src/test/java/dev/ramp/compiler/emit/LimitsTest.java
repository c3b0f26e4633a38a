package dev.ramp.compiler.emit;

import static dev.ramp.compiler.ir.Exprs.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.ramp.compiler.ir.Expr;
import dev.ramp.runtime.Activation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Expressions far beyond the JVM's method size limit still compile, by outlining; or fail cleanly. */
class LimitsTest {

    @Test
    void hugeRandomExpressionIsOutlinedIntoHelpersAndStaysExact() {
        Random r = new Random(42);
        Expr f = RandomExprs.huge(r, 25_000), d = RandomExprs.huge(r, 10_000), dp = RandomExprs.huge(r, 3_000);
        Emitter.Spec spec = new Emitter.Spec("huge", "x", List.of("alpha"), List.of(0.75), f, List.of(d), List.of(dp));
        for (byte[] bytes : List.of(EmitTesting.verifiedBytes(spec, Emitter.Tuning.DEFAULT),
                EmitTesting.verifiedKernelBytes(spec, Emitter.Tuning.DEFAULT))) {
            Map<String, Integer> sizes = EmitTesting.codeSizes(bytes);
            assertTrue(sizes.keySet().stream().filter(m -> m.startsWith("h")).count() > 10, sizes::toString);
            for (Map.Entry<String, Integer> m : sizes.entrySet()) {
                // HotSpot does not JIT-compile methods above 8000 bytes: every method stays below.
                assertTrue(m.getValue() < 8000, () -> m.getKey() + " has " + m.getValue() + " bytes");
            }
        }
        Activation a = EmitTesting.compile(spec);
        Map<String, Double> params = Map.of("alpha", 0.75);
        double[] xs = {-3.5, -1, -0.0, 0.25, 1, 2.5, Double.NaN, 1e10};
        double[] ys = new double[xs.length];
        a.forward(xs, ys);
        for (int i = 0; i < xs.length; i++) {
            assertEquals(RefEval.eval(f, "x", xs[i], params), a.applyAsDouble(xs[i]));
            assertEquals(RefEval.eval(d, "x", xs[i], params), a.derivative(xs[i]));
            assertEquals(a.applyAsDouble(xs[i]), ys[i]);
        }
    }

    @Test
    void tooManyConstantsIsAnEmitException() {
        List<Expr> terms = new ArrayList<>();
        for (int i = 0; i < 40_000; i++) terms.add(mul(constant(i + 0.5), var("x")));
        Expr f = add(terms);
        Emitter.Spec spec = new Emitter.Spec("consts", "x", List.of(), List.of(), f, List.of(f), List.of());
        EmitException e = assertThrows(EmitException.class, () -> Emitter.define(spec));
        assertTrue(e.getMessage().startsWith("expression too large to compile"), e.getMessage());
    }

    /** A flat sum of 40,000 x's has nothing to outline (every term is a leaf): reported, not crashed. */
    @Test
    void unsplittableHugeMethodIsAnEmitException() {
        List<Expr> terms = new ArrayList<>();
        for (int i = 0; i < 40_000; i++) terms.add(var("x"));
        Expr f = add(terms);
        Emitter.Spec spec = new Emitter.Spec("flat", "x", List.of(), List.of(), f, List.of(f), List.of());
        EmitException e = assertThrows(EmitException.class, () -> Emitter.define(spec));
        assertTrue(e.getMessage().startsWith("expression too large to compile"), e.getMessage());
    }

    @Test
    void deeplyNestedExpressionDoesNotOverflowTheStack() {
        Expr f = var("x");
        for (int i = 0; i < 20_000; i++) f = call(i % 2 == 0 ? dev.ramp.compiler.ir.Fn.SIN : dev.ramp.compiler.ir.Fn.ATAN, f);
        Emitter.Spec spec = new Emitter.Spec("deep", "x", List.of(), List.of(), f, List.of(f), List.of());
        Activation a = EmitTesting.compile(spec);
        double expected = 0.3;
        for (int i = 0; i < 20_000; i++) expected = i % 2 == 0 ? Math.sin(expected) : Math.atan(expected);
        assertEquals(expected, a.applyAsDouble(0.3));
    }

    @Test
    void unboundVariableIsAnEmitException() {
        Expr f = mul(var("x"), var("gamma"));
        Emitter.Spec spec = new Emitter.Spec("u", "x", List.of(), List.of(), f, List.of(f), List.of());
        EmitException e = assertThrows(EmitException.class, () -> Emitter.define(spec));
        assertTrue(e.getMessage().contains("gamma"), e.getMessage());
    }
}
