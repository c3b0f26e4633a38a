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
 * <p>The rule, from {@code BackendBench} (the same kernels with each loop forced; numbers in
 * {@code BENCHMARKS.md}):
 * <ul>
 *   <li>double kernels whose expressions are plain arithmetic, {@code abs}, {@code sqrt},
 *       {@code max} and {@code min} keep the scalar loop: C2's SuperWord pass already makes it
 *       SIMD code (relu, hardtanh, hardswish forward), as fast as the Vector API loop or faster;
 *   <li>double kernels that call a math function (exp, log, tanh, sigmoid, erf, a general
 *       power, ...) or branch ({@code where}) get the vector loop: SuperWord vectorises neither,
 *       while lanes call SVML (10 to 40 times faster than {@code Math}) and blend (one
 *       instruction per branch);
 *   <li>float kernels get float lanes wherever {@link FloatLaneCheck} allows them, arithmetic or
 *       not: the scalar float loop widens and narrows every element, float lanes do neither and
 *       hold twice the elements. Where float lanes are not accurate enough, the double rule
 *       applies, with double lanes (widened floats) for the vector loop.
 * </ul>
 *
 * <p>Either loop can be forced ({@link Options.Backend}). A kernel stays scalar anyway when its
 * lane form is too large for one JIT-compiled method ({@link #MAX_NODES}).
 *
 * <p>Float kernels: {@link Options.Accuracy#FAST} computes in float lanes; accurate computes in
 * float lanes only where {@link FloatLaneCheck} finds them within 4 ulps of the same lane
 * program computed in double lanes and rounded once, and otherwise as above.
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
        boolean auto = options.backend() == Options.Backend.AUTO;
        boolean rewrite = plan.tuning.laneRewrites();
        return switch (elem) {
            case DOUBLE -> auto && !benefits(roots) ? null : program(roots, LaneType.DOUBLE, rewrite);
            case FLOAT -> {
                // Float lanes beat the scalar float loop even on plain arithmetic: that loop
                // widens and narrows every element, the lanes do neither.
                VectorKernels.Program inFloat = program(roots, LaneType.FLOAT, rewrite);
                if (inFloat == null || options.accuracy() == Options.Accuracy.FAST) yield inFloat;
                // accurate: float lanes only where they keep the float bound of the same program
                // in double lanes, else double lanes
                VectorKernels.Program widened = program(roots, LaneType.WIDENED_FLOAT, rewrite);
                if (widened == null) yield null;
                if (FloatLaneCheck.passes(widened.roots(), inFloat.roots())) yield inFloat;
                yield auto && !benefits(roots) ? null : widened;
            }
        };
    }

    private static VectorKernels.Program program(List<Expr> roots, LaneType lanes, boolean rewrite) {
        Dag dag = LaneForms.newDag();
        List<Expr> laneRoots = LaneForms.expand(roots, lanes, dag, rewrite);
        return dag.size() > MAX_NODES ? null : new VectorKernels.Program(lanes, laneRoots);
    }

    /**
     * Whether the Vector API is expected to beat the scalar loop: some node calls a function
     * other than abs, sqrt, max, min, raises to a power that stays Math.pow, or branches.
     */
    static boolean benefits(List<Expr> roots) {
        Map<Object, Boolean> seen = new IdentityHashMap<>();
        ArrayDeque<Object> work = new ArrayDeque<>(roots);
        while (!work.isEmpty()) {
            Object n = work.pop();
            if (seen.put(n, Boolean.TRUE) != null) continue;
            boolean wins = switch (n) {
                case Call(var fn, var args) -> switch (fn) {
                    case ABS, SQRT, MAX, MIN -> false;
                    case SIGN, EXP, LOG, LOG1P, EXPM1, TANH, SINH, COSH, SIN, COS, ATAN, SIGMOID, SOFTPLUS, ERF, ERFC -> true;
                };
                case Pow(Expr b, Expr e) -> PowLowering.formOf(b, e) == PowLowering.Form.POW;
                case Where w -> true;
                default -> false;
            };
            if (wins) return true;
            work.addAll(Dag.children(n));
        }
        return false;
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
