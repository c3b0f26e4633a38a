package dev.ramp.compiler.emit;

import static dev.ramp.compiler.emit.VectorDescs.*;
import static java.lang.constant.ConstantDescs.*;

import dev.ramp.compiler.ir.Expr;
import dev.ramp.compiler.rows.RowProgram;
import dev.ramp.compiler.rows.Variables;
import java.lang.classfile.CodeBuilder;
import java.lang.classfile.Label;
import java.lang.constant.ClassDesc;
import java.lang.constant.MethodTypeDesc;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Vector main loops for row kernels ({@link RowEmitter}): the sums over a row and the output
 * loop run whole vectors first ({@link LaneGen}, SVML for exp and log), then the scalar loop
 * finishes the tail from where they stopped, as the element-wise kernels do
 * ({@link VectorKernels}).
 *
 * <pre>{@code
 * // s = sum(exp(xs - c)), 8 double lanes:
 * int upper = len & -8;
 * DoubleVector C = DoubleVector.broadcast(S, c), acc = DoubleVector.broadcast(S, 0.0);
 * for (i = 0; i < upper; i += 8) acc = acc.add(DoubleVector.fromArray(S, x, xOff + i).sub(C).lanewise(EXP));
 * s += acc.reduceLanes(ADD);                   // then the scalar loop from i = upper
 * }</pre>
 *
 * Sums are added in a different order than the scalar loop (lane by lane, then across lanes),
 * and SVML's functions differ from {@code Math}'s in the last bit, so results differ from the
 * evaluator by rounding. Max and min (whose first index is kept), and anything reading the
 * element index, stay scalar.
 */
final class RowLanes {
    private RowLanes() {}

    private static final ClassDesc CD_Associative = CD_VectorOperators.nested("Associative");

    /** The lane type for {@code elem} arrays, or null for scalar loops only. */
    static LaneType lanesFor(Kernels.Elem elem) {
        if (Emitter.Options.DEFAULT.backend() == Emitter.Options.Backend.SCALAR || !VectorSupport.available()) return null;
        return elem == Kernels.Elem.DOUBLE ? LaneType.DOUBLE : LaneType.WIDENED_FLOAT;
    }

    /** Where the loop reads and writes: the array slots and their offset slots. */
    record Layout(int x, int xOff, int len, int i, int gOut, int gOff, boolean elementGrad, List<String> views) {}

    /**
     * Emits a vector loop and leaves {@code i} where the scalar loop must start; false (and
     * nothing emitted) when the values cannot run in lanes.
     *
     * @param values the loop's values, hoisted (loop-invariant parts are variables)
     * @param scalarSlots the double slot of every loop-invariant variable
     * @param consume what to do with each value's vector on the stack: add it to an
     *     accumulator, or store it
     * @param first the first free local slot
     */
    static boolean loop(CodeBuilder c, LaneType lanes, Layout at, List<Expr> values, Map<String, Integer> scalarSlots,
                        int first, Before before, Consume consume, After after) {
        if (lanes == null) return false;
        Set<String> read = new java.util.HashSet<>();
        for (Expr v : values) read.addAll(Variables.of(v));
        if (read.contains(RowProgram.INDEX)) return false;
        Dag dag = new Dag(identity(read), Map.of());
        List<Expr> laneValues = LaneForms.expand(values, lanes, dag, true);
        if (dag.size() > Backends.MAX_NODES) return false;
        int slot = first;
        int upper = slot++;
        c.iload(at.len()).loadConstant(-lanes.lanes()).iand().istore(upper);
        // view k of the row starts at xOff + k*len
        List<Integer> viewOffsets = new ArrayList<>();
        for (int k = 0; k < at.views().size(); k++) {
            if (k == 0) {
                viewOffsets.add(at.xOff());
            } else {
                int off = slot++;
                c.iload(at.xOff()).iload(at.len()).loadConstant(k).imul().iadd().istore(off);
                viewOffsets.add(off);
            }
        }
        Map<String, Integer> vectors = new LinkedHashMap<>();
        for (String name : read) {
            if (at.views().contains(name) || name.equals(RowProgram.GRAD) && at.elementGrad()) continue;
            int s = slot++;
            lanes.species(c);
            c.dload(scalarSlots.get(name));
            c.invokestatic(lanes.compute().vector(), "broadcast", lanes.compute().broadcast());
            c.astore(s);
            vectors.put(name, s);
        }
        slot = before.emit(c, slot);
        Label head = c.newLabel(), end = c.newLabel();
        c.iconst_0().istore(at.i());
        c.labelBinding(head);
        c.iload(at.i()).iload(upper).if_icmpge(end);
        for (int k = 0; k < at.views().size(); k++) {
            lanes.load(c, at.x(), viewOffsets.get(k), at.i());
            int s = slot++;
            c.astore(s);
            vectors.put(at.views().get(k), s);
        }
        if (at.elementGrad() && read.contains(RowProgram.GRAD)) {
            lanes.load(c, at.gOut(), at.gOff(), at.i());
            int s = slot++;
            c.astore(s);
            vectors.put(RowProgram.GRAD, s);
        }
        // Row outputs blend both sides of a where, as they were measured and tested; mask tests
        // (BranchSkip) are for the element-wise kernels' costly tails.
        LaneGen gen = new LaneGen(c, lanes, vectors, slot, laneValues, false);
        for (int k = 0; k < laneValues.size(); k++) {
            Expr value = laneValues.get(k);
            consume.emit(c, k, () -> gen.emit(value));
        }
        c.iinc(at.i(), lanes.lanes()).goto_(head);
        c.labelBinding(end);
        after.emit(c);
        return true;
    }

    /** Code before the loop; returns the next free slot. */
    interface Before {
        int emit(CodeBuilder c, int firstFree);
    }

    /** What the loop does with value {@code k}; {@code value} pushes its vector. */
    interface Consume {
        void emit(CodeBuilder c, int k, Runnable value);
    }

    /** Code after the loop. */
    interface After {
        void emit(CodeBuilder c);
    }

    /** {@code acc = acc.add(value)} on a vector accumulator in {@code slot}. */
    static void accumulate(CodeBuilder c, LaneType lanes, int slot, Runnable value) {
        c.aload(slot);
        value.run();
        c.invokevirtual(lanes.compute().vector(), "add", lanes.compute().binary());
        c.astore(slot);
    }

    /** {@code sum += acc.reduceLanes(ADD)} for a double accumulator {@code sum}. */
    static void reduceInto(CodeBuilder c, LaneType lanes, int vectorSlot, int sumSlot) {
        c.dload(sumSlot).aload(vectorSlot);
        c.getstatic(CD_VectorOperators, "ADD", CD_Associative);
        c.invokevirtual(lanes.compute().vector(), "reduceLanes", MethodTypeDesc.of(CD_double, CD_Associative));
        c.dadd().dstore(sumSlot);
    }

    private static Map<String, String> identity(Set<String> names) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String n : names) m.put(n, n);
        return m;
    }
}
