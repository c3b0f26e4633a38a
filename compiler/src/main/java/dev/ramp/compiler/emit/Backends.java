package dev.ramp.compiler.emit;

import dev.ramp.compiler.emit.Emitter.Options;
import dev.ramp.compiler.emit.Kernels.Elem;
import dev.ramp.compiler.ir.Expr;
import dev.ramp.compiler.ir.Expr.*;
import java.util.ArrayDeque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which loop each array kernel gets: the scalar loop alone, or a vector main loop in front of it.
 *
 * <p>The rule comes from {@code BackendBench}, the same kernels with each loop forced, one JVM
 * per measurement (table in {@code BENCHMARKS.md}). The expectation was that plain arithmetic
 * (relu, hardtanh, hardswish) should keep the scalar loop, since C2's SuperWord pass vectorises
 * it. It does, and at 4,096 elements the two loops tie (within the error); at 1,048,576 the
 * Vector API loop is 1.6 to 3.8 times faster, and float kernels gain 2 to 9 times at every size
 * (the scalar float loop widens and narrows every element). Kernels that call math functions
 * gain 10 to 60 times (SVML), and kernels that branch gain from blends, which SuperWord cannot
 * produce. So {@link Options.Backend#AUTO} takes the vector loop for every kernel whose lane
 * form fits one JIT-compiled method ({@link #MAX_NODES}); {@link Options.Backend#SCALAR}
 * forces the scalar loop. Parameter-gradient sums stay scalar.
 *
 * <p>Float kernels: {@link Options.Accuracy#FAST} computes in float lanes; accurate computes in
 * double lanes (widened floats, rounded once on the way out) unless the float-lane program is
 * within 1 float ulp of the true value by construction ({@link ExactInFloat}: selections,
 * min/max/abs and single correctly rounded operations on exact values, as in relu).
 */
final class Backends {
    private Backends() {}

    /**
     * Lane-form values and masks above which a kernel keeps the scalar loop: each takes about 8
     * to 12 bytes of bytecode, and HotSpot does not JIT-compile methods above 8000 bytes.
     */
    static final int MAX_NODES = 500;

    /** The vector loop for kernel {@code k} on {@code elem} arrays, or null for the scalar loop alone. */
    static VectorKernels.Program choose(Plan plan, Kernel k, Elem elem) {
        Options options = plan.options;
        if (options.backend() == Options.Backend.SCALAR || !VectorSupport.available()) return null;
        List<Expr> roots = switch (k) {
            case FORWARD -> List.of(plan.value);
            case BACKWARD -> List.of(plan.gTimesDf);
            case FORWARD_BACKWARD -> List.of(plan.value, plan.gTimesDf);
            case PARAMETER_GRADIENT -> List.of();   // sums stay scalar
        };
        if (roots.isEmpty() || reachable(roots) > MAX_NODES) return null;
        return switch (elem) {
            case DOUBLE -> program(roots, LaneType.DOUBLE, plan.tuning);
            case FLOAT -> {
                VectorKernels.Program inFloat = program(roots, LaneType.FLOAT, plan.tuning);
                if (inFloat == null || options.accuracy() == Options.Accuracy.FAST) yield inFloat;
                // accurate: float lanes only where they meet the 1-ulp float contract by
                // construction, else double lanes
                if (ExactInFloat.exact(inFloat.roots())) yield inFloat;
                yield program(roots, LaneType.WIDENED_FLOAT, plan.tuning);
            }
        };
    }

    private static VectorKernels.Program program(List<Expr> roots, LaneType lanes, Emitter.Tuning tuning) {
        Dag dag = LaneForms.newDag();
        List<Expr> laneRoots = LaneForms.expand(roots, lanes, dag, tuning.laneRewrites());
        return dag.size() > MAX_NODES ? null : new VectorKernels.Program(lanes, laneRoots, tuning.skipBranches());
    }

    /** The number of distinct nodes the roots reach (iteratively: expressions may be deep). */
    private static int reachable(List<Expr> roots) {
        Map<Object, Boolean> seen = new IdentityHashMap<>();
        ArrayDeque<Object> work = new ArrayDeque<>(roots);
        while (!work.isEmpty() && seen.size() <= MAX_NODES) {
            Object n = work.pop();
            if (seen.put(n, Boolean.TRUE) == null) work.addAll(Dag.children(n));
        }
        return seen.size();
    }
}
