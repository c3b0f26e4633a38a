package dev.ramp.compiler.emit;

import dev.ramp.compiler.ir.Cond;
import dev.ramp.compiler.ir.Expr;
import dev.ramp.compiler.ir.Expr.*;
import dev.ramp.compiler.ir.Fn;
import java.util.ArrayDeque;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a kernel computes per element, after common subexpressions are shared: operations and
 * math calls by kind, and an estimate in nanoseconds per element from measured per-call costs,
 * which differ between scalar code and SIMD lanes (a scalar log1p costs two exps; in lanes SVML
 * makes it cheaper than one scalar exp). Counted for the scalar form (the IR as the symbolic
 * passes produce it) and the lane form (with the {@link LaneForms} rewrites).
 *
 * <p>The weights are measurements on the reference machine (AMD Zen 5, AVX-512, JDK 25; see
 * {@code /work/shared/codegen.md} section 2 and {@code BENCHMARKS.md}): scalar {@code Math}
 * per call in a loop over 1,024 doubles, and Vector API per element in float lanes (double lanes
 * cost about twice that). Arithmetic is cheap in both.
 */
final class CostModel {
    private CostModel() {}

    /** Measured ns per element: scalar Math/RampMath call, and one lane in float lanes. */
    private record Weight(double scalar, double lane) {}

    private static final Map<String, Weight> WEIGHTS = Map.ofEntries(
            Map.entry("exp", new Weight(2.9, 0.20)),
            Map.entry("log", new Weight(4.4, 0.25)),
            Map.entry("log1p", new Weight(5.5, 0.28)),
            Map.entry("expm1", new Weight(7.1, 0.25)),
            Map.entry("tanh", new Weight(8.1, 0.40)),
            Map.entry("sinh", new Weight(9.0, 0.40)),
            Map.entry("cosh", new Weight(9.0, 0.40)),
            Map.entry("sin", new Weight(6.0, 0.30)),
            Map.entry("cos", new Weight(6.0, 0.30)),
            Map.entry("atan", new Weight(7.0, 0.35)),
            Map.entry("pow", new Weight(9.0, 0.60)),
            Map.entry("sigmoid", new Weight(3.2, 0.30)),     // scalar: exp + division + branch
            Map.entry("softplus", new Weight(8.6, 0.55)),    // scalar: exp + log1p
            Map.entry("erf", new Weight(12.0, 2.0)),         // scalar: RampMath's compensated erf; lanes: fdlibm pieces
            Map.entry("erfc", new Weight(14.0, 2.2)),
            Map.entry("sqrt", new Weight(0.5, 0.05)),
            Map.entry("div", new Weight(0.12, 0.04)),
            Map.entry("add", new Weight(0.1, 0.01)),
            Map.entry("mul", new Weight(0.1, 0.01)),
            Map.entry("neg", new Weight(0.05, 0.01)),
            Map.entry("abs", new Weight(0.05, 0.01)),
            Map.entry("sign", new Weight(0.1, 0.02)),
            Map.entry("max", new Weight(0.1, 0.01)),
            Map.entry("min", new Weight(0.1, 0.01)),
            Map.entry("compare", new Weight(0.1, 0.01)),
            Map.entry("select", new Weight(0.3, 0.01)));    // scalar: a branch; lanes: a blend

    /** Operations by kind (math calls by function name) and the estimated cost per element. */
    record Cost(Map<String, Integer> operations, double scalarNs, double laneNs) {
        /** Operations and calls, e.g. {@code "add 3, mul 4, div 1; exp 1"}. */
        String summary() {
            StringBuilder arith = new StringBuilder(), calls = new StringBuilder();
            for (var e : operations.entrySet()) {
                boolean call = WEIGHTS.get(e.getKey()) instanceof Weight w && w.scalar() >= 1;
                StringBuilder b = call ? calls : arith;
                if (!b.isEmpty()) b.append(", ");
                b.append(e.getKey()).append(' ').append(e.getValue());
            }
            return (arith.isEmpty() ? "no arithmetic" : arith) + "; " + (calls.isEmpty() ? "no math calls" : calls);
        }
    }

    /** The cost of computing all {@code roots} once, shared subexpressions once. */
    static Cost of(List<Expr> roots) {
        Map<String, Integer> ops = new TreeMap<>();
        Map<Object, Boolean> seen = new IdentityHashMap<>();
        ArrayDeque<Object> work = new ArrayDeque<>(roots);
        while (!work.isEmpty()) {
            Object n = work.pop();
            if (seen.put(n, Boolean.TRUE) != null) continue;
            count(n, ops);
            work.addAll(Dag.children(n));
        }
        double scalar = 0, lane = 0;
        for (var e : ops.entrySet()) {
            Weight w = WEIGHTS.getOrDefault(e.getKey(), new Weight(0.1, 0.01));
            scalar += w.scalar() * e.getValue();
            lane += w.lane() * e.getValue();
        }
        return new Cost(ops, scalar, lane);
    }

    /** The estimated cost of one node alone (its children not included) in float lanes, in ns per element. */
    static double laneNs(Object node) {
        Map<String, Integer> ops = new TreeMap<>();
        count(node, ops);
        double lane = 0;
        for (var e : ops.entrySet()) lane += WEIGHTS.getOrDefault(e.getKey(), new Weight(0.1, 0.01)).lane() * e.getValue();
        return lane;
    }

    private static void count(Object n, Map<String, Integer> ops) {
        switch (n) {
            case Const c -> {}
            case Var v -> {}
            case Neg x -> ops.merge("neg", 1, Integer::sum);
            case Add(List<Expr> t) -> ops.merge("add", t.size() - 1, Integer::sum);
            case Mul(List<Expr> f) -> ops.merge("mul", f.size() - 1, Integer::sum);
            case Div d -> ops.merge("div", 1, Integer::sum);
            case Pow(Expr b, Expr k) -> {
                switch (PowLowering.formOf(b, k)) {
                    case SQUARE -> ops.merge("mul", 1, Integer::sum);
                    case CUBE, FOURTH -> ops.merge("mul", 2, Integer::sum);
                    case RECIPROCAL -> ops.merge("div", 1, Integer::sum);
                    case SQRT -> ops.merge("sqrt", 1, Integer::sum);
                    case POW -> ops.merge("pow", 1, Integer::sum);
                }
            }
            case Call(Fn fn, var args) -> ops.merge(fn.symbol(), 1, Integer::sum);
            case Where w -> ops.merge("select", 1, Integer::sum);
            case Cond.Compare c -> ops.merge("compare", 1, Integer::sum);
            default -> {}   // and, or, not: mask operations, free
        }
    }

    /**
     * A report for f, f' and the fused pair: the scalar form and the lane form (with rewrites),
     * each with its counts and estimates.
     */
    static String report(Emitter.Spec spec) {
        Plan plan = new Plan(spec, Emitter.Tuning.DEFAULT, Emitter.Options.DEFAULT);
        Map<String, List<Expr>> kernels = new LinkedHashMap<>();
        kernels.put("f", List.of(plan.value));
        kernels.put("f'", List.of(plan.derivatives.getFirst()));
        kernels.put("f, f' fused", List.of(plan.value, plan.derivatives.getFirst()));
        StringBuilder b = new StringBuilder();
        for (var k : kernels.entrySet()) {
            Cost scalar = of(k.getValue());
            Cost lanes = of(LaneForms.expand(k.getValue(), LaneType.FLOAT, LaneForms.newDag()));
            b.append(String.format(Locale.ROOT, "%s%n  counted as count_ops after cse: %s%n", k.getKey(), OpCount.of(k.getValue()).summary()));
            b.append(String.format(Locale.ROOT, "  scalar form: %s%n    about %.1f ns/element scalar%n", scalar.summary(), scalar.scalarNs()));
            b.append(String.format(Locale.ROOT, "  lane form:   %s%n    about %.2f ns/element in float lanes, %.2f in double lanes%n",
                    lanes.summary(), lanes.laneNs(), 2 * lanes.laneNs()));
        }
        return b.toString();
    }
}
