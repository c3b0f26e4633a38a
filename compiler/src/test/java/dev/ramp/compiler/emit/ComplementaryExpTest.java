package dev.ramp.compiler.emit;

import static org.junit.jupiter.api.Assertions.*;

import dev.ramp.compiler.Compiler;
import dev.ramp.compiler.Library;
import dev.ramp.compiler.diag.Source;
import dev.ramp.compiler.ir.Expr;
import dev.ramp.compiler.ir.Function;
import dev.ramp.runtime.Activation;
import java.util.List;
import java.util.Map;
import java.util.stream.DoubleStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link ComplementaryExp}: exp(u) on the u <= 0 side and exp(-u) on the u > 0 side of one
 * {@code where} become one exp(-|u|). The formulas are compiled as written (no stabilisation, no
 * chooser), once as they are and once rewritten: the rewritten code gives the same bits in the
 * scalar methods (NaN stays NaN; -|NaN| may flip its sign bit) and in every vector kernel, and its error against the high-precision reference
 * is the same; the rewrite removes an exponential from the lanes, and leaves alone what is not
 * complementary.
 */
class ComplementaryExpTest {
    static final String DEFINITIONS = """
            mish_sides(x) = x * where(x <= 0, exp(x) * (exp(x) + 2) / (exp(x) * (exp(x) + 2) + 2), (1 + 2 * exp(-x)) / (1 + 2 * exp(-x) + 2 * exp(-x) * exp(-x)))
            sigmoid_sides(x) = where(0 < x, 1 / (1 + exp(-x)), exp(x) / (1 + exp(x)))
            softplus_sides(x) = where(x > 0, x + log1p(exp(-x)), log1p(exp(x)))
            shifted(x) = where(x - 1 < 0, exp(x - 1) * x, x * exp(-(x - 1)))
            not_complementary(x) = where(x <= 0, exp(x), exp(2 * x))
            one_side_only(x) = where(x <= 0, exp(x), x)
            """;
    static final Library LIBRARY = Compiler.define(new Source("complementary-exp-test.ramp", DEFINITIONS), Library.EMPTY);
    static final List<String> REWRITTEN = List.of("mish_sides", "sigmoid_sides", "softplus_sides", "shifted");

    static Stream<String> rewritten() {
        return REWRITTEN.stream();
    }

    static Emitter.Spec asWritten(String name) {
        return Compiler.compiledSpec(LIBRARY.lookup(name), Map.of(), Compiler.Options.EXACT_FORMULA);
    }

    static double[] points() {
        return DoubleStream.concat(DoubleStream.of(0.0, -0.0, 1, -1, 1e-300, -1e-300, 1e-8, 0.5, 1.19, 2, 20, 40, 100, 354, 700, 709, 710,
                        745, 800, 1e3, Double.MAX_VALUE, Double.POSITIVE_INFINITY, Double.MIN_VALUE, Double.NaN)
                .flatMap(x -> DoubleStream.of(x, -x)), FormsAccuracyTest.points().length > 0 ? DoubleStream.of(FormsAccuracyTest.points()) : DoubleStream.empty())
                .toArray();
    }

    @ParameterizedTest
    @MethodSource("rewritten")
    void theSharedExponentialGivesTheSameBitsAndAccuracy(String name) {
        Emitter.Spec before = asWritten(name), after = ComplementaryExp.share(before);
        assertNotSame(before, after, name + ": not rewritten");
        Activation a = EmitTesting.compile(before), b = EmitTesting.compile(after);
        for (double x : points()) {
            assertEquals(Double.doubleToLongBits(a.applyAsDouble(x)), Double.doubleToLongBits(b.applyAsDouble(x)), name + " f at " + x);
            assertEquals(Double.doubleToLongBits(a.derivative(x)), Double.doubleToLongBits(b.derivative(x)), name + " f' at " + x);
        }
        Function f = LIBRARY.lookup(name);
        Expr df = Compiler.derivative(f, null, 1);
        double f0 = FormsAccuracyTest.worst(name + " f as written", f.body(), f, a::applyAsDouble);
        double f1 = FormsAccuracyTest.worst(name + " f shared exp", f.body(), f, b::applyAsDouble);
        double d0 = FormsAccuracyTest.worst(name + " f' as written", df, f, a::derivative);
        double d1 = FormsAccuracyTest.worst(name + " f' shared exp", df, f, b::derivative);
        assertTrue(f1 <= f0 + 0.5 && d1 <= d0 + 0.5, name + ": " + f0 + " -> " + f1 + ", " + d0 + " -> " + d1);
    }

    @ParameterizedTest
    @MethodSource("rewritten")
    void vectorKernelsGiveTheSameBits(String name) {
        Emitter.Spec before = asWritten(name), after = ComplementaryExp.share(before);
        // cold kernels, without the lane rewrites: each lane computes what the scalar code computes
        Emitter.Tuning asWritten = Emitter.Tuning.DEFAULT.withoutLaneRewrites();
        Activation a = EmitTesting.compile(before, asWritten, VectorTesting.VECTOR), b = EmitTesting.compile(after, asWritten, VectorTesting.VECTOR);
        for (int len : VectorTesting.lengths(VectorKernelsTest.doubleLanes())) {
            VectorTesting.compareDouble(name, a, b, len, 1, 0, 2, 1, VectorTesting.Tolerance.EXACT);
        }
    }

    @ParameterizedTest
    @MethodSource("rewritten")
    void lanesComputeOneExponentialFewer(String name) {
        Emitter.Spec before = asWritten(name), after = ComplementaryExp.share(before);
        assertEquals(exps(before) - 1, exps(after), name);
    }

    @Test
    void theCompiledMishHasOneExponentialOutsideItsTails() {
        Emitter.Spec mish = Compiler.compiledSpec(CostTablesTest.LIBRARY.lookup("mish"), Map.of());
        // f: exp(-|x|) and the x < -690 tail's exp(x + 600); f' also the tail of its sigmoid term
        assertEquals(2, exps(mish, List.of(mish.value())), mish.value().toString());
        assertEquals(3, exps(mish, List.of(mish.derivatives().getFirst())));
    }

    @Test
    void whatIsNotComplementaryStays() {
        for (String name : List.of("not_complementary", "one_side_only")) {
            Emitter.Spec s = asWritten(name);
            assertSame(s, ComplementaryExp.share(s), name);
        }
    }

    private static int exps(Emitter.Spec spec) {
        return exps(spec, List.of(spec.value(), spec.derivatives().getFirst()));
    }

    /** Distinct exponentials the lanes compute for these roots. */
    private static int exps(Emitter.Spec spec, List<Expr> roots) {
        Plan plan = new Plan(new Emitter.Spec(spec.name(), spec.variable(), spec.parameterNames(), spec.parameterValues(), roots.getFirst(),
                spec.derivatives(), spec.parameterDerivatives()), Emitter.Tuning.DEFAULT, Emitter.Options.DEFAULT);
        List<Expr> interned = roots.size() == 1 ? List.of(plan.value) : List.of(plan.value, plan.derivatives.getFirst());
        return CostModel.of(LaneForms.expand(interned, LaneType.DOUBLE, LaneForms.newDag())).operations().getOrDefault("exp", 0);
    }
}
