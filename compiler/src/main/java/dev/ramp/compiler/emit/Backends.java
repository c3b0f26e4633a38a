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
 * <p>The rule (backed by measurements, see {@code BENCHMARKS.md}): a kernel whose expressions
 * call a math function (exp, log, tanh, sigmoid, erf, a general power, ...) or branch
 * ({@code where}) gets the vector loop; one made only of arithmetic, {@code abs}, {@code sqrt},
 * {@code max} and {@code min} keeps the scalar loop, because C2's SuperWord pass already turns
 * that loop into SIMD code (relu, relu6, hardtanh, hardswish run as fast as the arraycopy of the
 * same size, with or without the Vector API). Math calls are what SuperWord cannot vectorise:
 * there the Vector API calls SVML, 10 to 40 times faster. Branches it cannot vectorise either,
 * while a blend costs one instruction.
 *
 * <p>Either choice can be forced ({@link Options.Backend}). A kernel stays scalar anyway when
 * its lane form is too large for one JIT-compiled method ({@link #MAX_NODES}).
 *
 * <p>Float kernels: {@link Options.Accuracy#FAST} computes in float lanes; accurate computes in
 * float lanes only where {@link FloatLaneCheck} finds them within 2 ulps of the scalar float
 * kernel, and otherwise widens to double lanes (half the lanes, the scalar kernel's accuracy).
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
        if (options.backend() == Options.Backend.AUTO && !benefits(roots)) return null;
        return switch (elem) {
            case DOUBLE -> program(roots, LaneType.DOUBLE);
            case FLOAT -> {
                VectorKernels.Program inFloat = program(roots, LaneType.FLOAT);
                if (inFloat == null || options.accuracy() == Options.Accuracy.FAST) yield inFloat;
                // accurate: float lanes only where they keep the float bound, else double lanes
                yield FloatLaneCheck.passes(roots, inFloat.roots()) ? inFloat : program(roots, LaneType.WIDENED_FLOAT);
            }
        };
    }

    private static VectorKernels.Program program(List<Expr> roots, LaneType lanes) {
        Dag dag = LaneForms.newDag();
        List<Expr> laneRoots = LaneForms.expand(roots, lanes, dag);
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
