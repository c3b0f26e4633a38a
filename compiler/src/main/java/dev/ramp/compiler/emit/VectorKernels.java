package dev.ramp.compiler.emit;

import dev.ramp.compiler.emit.Kernels.Backward;
import dev.ramp.compiler.emit.Kernels.Forward;
import dev.ramp.compiler.emit.Kernels.Fused;
import dev.ramp.compiler.ir.Expr;
import java.lang.classfile.CodeBuilder;
import java.lang.classfile.Label;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Vector main loops for the array kernels. Each is the prologue of the scalar kernel
 * ({@link Kernels}): it runs whole vectors and leaves {@code i} at the first element it did not
 * do, and the scalar loop, the same code a scalar kernel has, finishes the tail.
 *
 * <pre>{@code
 * // forwardBackwardKernel(xs, xOff, ys, yOff, gradOut, gOff, gradIn, giOff, len), 8 double lanes:
 * int i = 0;
 * int upper = len & -8;                                   // whole vectors
 * for (; i < upper; i += 8) {
 *     DoubleVector x = DoubleVector.fromArray(DoubleVector.SPECIES_512, xs, xOff + i);
 *     DoubleVector g = DoubleVector.fromArray(DoubleVector.SPECIES_512, gradOut, gOff + i);
 *     <f lane-wise>.intoArray(ys, yOff + i);              // both read before either is written:
 *     <g * f' lane-wise>.intoArray(gradIn, giOff + i);     // in-place use stays safe
 * }
 * for (; i < len; i++) { ...the scalar loop body... }
 * }</pre>
 */
final class VectorKernels {
    private VectorKernels() {}

    /**
     * What a vector loop computes: its statements' values in lane form, the lanes they run in, and
     * whether a {@code where} with a costly side computes only the sides some lane needs ({@link BranchSkip}).
     */
    record Program(LaneType lanes, List<Expr> roots, boolean skipBranches) {}

    /** An array with its offset parameter: where a vector is loaded or stored. */
    private record Stream(int array, int offset) {}

    static Consumer<CodeBuilder> forward(Program p) {
        return c -> mainLoop(c, p, Forward.I, Forward.LEN, Forward.FIRST_TEMP,
                Map.of(Emitter.INPUT, new Stream(Forward.XS, Forward.X_OFF)),
                List.of(new Stream(Forward.YS, Forward.Y_OFF)));
    }

    static Consumer<CodeBuilder> backward(Program p) {
        return c -> mainLoop(c, p, Backward.I, Backward.LEN, Backward.FIRST_TEMP,
                Map.of(Emitter.INPUT, new Stream(Backward.XS, Backward.X_OFF), Emitter.GRAD, new Stream(Backward.G_OUT, Backward.G_OFF)),
                List.of(new Stream(Backward.G_IN, Backward.GI_OFF)));
    }

    static Consumer<CodeBuilder> forwardBackward(Program p) {
        return c -> mainLoop(c, p, Fused.I, Fused.LEN, Fused.FIRST_TEMP,
                Map.of(Emitter.INPUT, new Stream(Fused.XS, Fused.X_OFF), Emitter.GRAD, new Stream(Fused.G_OUT, Fused.G_OFF)),
                List.of(new Stream(Fused.YS, Fused.Y_OFF), new Stream(Fused.G_IN, Fused.GI_OFF)));
    }

    /**
     * {@code i = 0; upper = len & -L; for (; i < upper; i += L) { load inputs; compute and store each root }}.
     * Slots from {@code first}: {@code upper}, the input vectors, then shared values. The scalar
     * loop after it reuses those slots for its own temporaries, which is fine: nothing of the
     * vector loop is live there.
     */
    private static void mainLoop(CodeBuilder c, Program p, int i, int len, int first, Map<String, Stream> inputs, List<Stream> outputs) {
        LaneType lanes = p.lanes();
        int step = lanes.lanes();
        int upper = first;
        c.iconst_0().istore(i);
        c.iload(len).loadConstant(-step).iand().istore(upper);
        Label head = c.newLabel(), end = c.newLabel();
        c.labelBinding(head);
        c.iload(i).iload(upper).if_icmpge(end);
        Map<String, Integer> inputSlots = new HashMap<>();
        int slot = upper + 1;
        for (String name : List.of(Emitter.INPUT, Emitter.GRAD)) {   // a fixed order: x, then g
            Stream in = inputs.get(name);
            if (in == null) continue;
            lanes.load(c, in.array(), in.offset(), i);
            c.astore(slot);
            inputSlots.put(name, slot++);
        }
        LaneGen gen = new LaneGen(c, lanes, inputSlots, slot, p.roots(), p.skipBranches());
        for (int k = 0; k < outputs.size(); k++) {
            gen.emit(p.roots().get(k));
            lanes.store(c, outputs.get(k).array(), outputs.get(k).offset(), i);
        }
        c.iinc(i, step).goto_(head);
        c.labelBinding(end);
    }
}
