package dev.ramp.compiler.emit;

import static dev.ramp.compiler.emit.VectorDescs.*;

import dev.ramp.compiler.ir.Cond;
import dev.ramp.compiler.ir.Cond.*;
import dev.ramp.compiler.ir.Expr;
import dev.ramp.compiler.ir.Expr.*;
import dev.ramp.compiler.ir.Fn;
import java.lang.classfile.CodeBuilder;
import java.lang.classfile.Label;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Emits expressions lane-wise: every value is a vector ({@code DoubleVector} or
 * {@code FloatVector}, see {@link LaneType}) and every condition a {@code VectorMask}. Both sides
 * of a {@code where} are computed for all lanes and blended, and a node used twice is computed
 * once and kept in a local slot; but a {@code where} with a side that calls a math function
 * (a stabiliser's tail, one piece of erf) tests its mask first and computes only the side some
 * lane needs ({@link BranchSkip}): the same bits as the blend, since a blend of a vector with
 * itself under any mask is that vector.
 *
 * <pre>{@code
 * // f = where(x > 0, x, alpha * expm1(x))  (elu):
 * DoubleVector e = x.lanewise(VectorOperators.EXPM1);      // getstatic at the use site: a JIT constant
 * DoubleVector f = DoubleVector.broadcast(S, alpha).mul(e)  // the false side, for every lane
 *                      .blend(x, DoubleVector.broadcast(S, 0.0).compare(VectorOperators.LT, x));
 * }</pre>
 *
 * <p>Why blending is safe: nothing in lane arithmetic throws, and a side that is not selected
 * (an inf or NaN from {@code expm1(800)}, say) is discarded by the blend; the selected lanes get
 * exactly what the scalar code's taken branch computes. The operator of every lane-wise math call
 * is loaded by {@code getstatic VectorOperators.X} right where it is used: C2 only turns a
 * {@code lanewise} into a vector math call (SVML on x86) when the operator is a constant there.
 *
 * <p>Input: expressions in lane form ({@link LaneForms}): the only calls left are those with a
 * {@code VectorOperators} counterpart ({@link #operator}).
 */
final class LaneGen {
    private final CodeBuilder code;
    private final LaneType lanes;
    private final VectorDescs.Methods v;
    private final Map<String, Integer> inputSlots;
    private final Map<Object, Integer> uses;
    private final Map<Object, Integer> slots = new IdentityHashMap<>();
    private int nextSlot;
    /** The nodes remembered in the innermost branch path (forgotten when it ends). */
    private List<Object> scope = new ArrayList<>();
    /** In the mixed path of a skipping where: nested wheres blend. */
    private boolean blendOnly;
    /** How many lane-form nodes skipping may still duplicate (mixed paths repeat both sides). */
    private int skipBudget;

    /**
     * @param inputSlots the local slot of each input vector ({@code x}, and {@code g} in kernels)
     * @param firstTemp the first free local slot, for shared values
     * @param roots everything the loop body evaluates (for use counts)
     * @param skipBranches whether a where with a costly side tests its mask ({@link BranchSkip}); else every where blends
     */
    LaneGen(CodeBuilder code, LaneType lanes, Map<String, Integer> inputSlots, int firstTemp, List<Expr> roots, boolean skipBranches) {
        this.code = code;
        this.lanes = lanes;
        this.v = lanes.compute();
        this.inputSlots = inputSlots;
        this.nextSlot = firstTemp;
        this.uses = countUses(roots);
        this.skipBudget = Math.max(0, Backends.MAX_NODES - uses.size());
        this.blendOnly = !skipBranches;
    }

    private static Map<Object, Integer> countUses(List<Expr> roots) {
        Map<Object, Integer> count = new IdentityHashMap<>();
        Map<Object, Boolean> seen = new IdentityHashMap<>();
        ArrayDeque<Object> work = new ArrayDeque<>();
        for (Expr r : roots) {
            count.merge(r, 1, Integer::sum);
            work.push(r);
        }
        while (!work.isEmpty()) {
            Object n = work.pop();
            if (seen.put(n, Boolean.TRUE) != null) continue;
            for (Object k : Dag.children(n)) {
                count.merge(k, 1, Integer::sum);
                work.push(k);
            }
        }
        return count;
    }

    /** Pushes the vector of {@code e}. */
    void emit(Expr e) {
        if (!memoized(e)) {
            compute(e);
            remember(e);
        }
    }

    /** Loads a value or mask computed before; false if there is none. */
    private boolean memoized(Object node) {
        Integer slot = slots.get(node);
        if (slot == null) return false;
        code.aload(slot);
        return true;
    }

    /** Keeps the value on the stack in a slot if it is used again (constants and inputs too: a broadcast is not free). */
    private void remember(Object node) {
        if (uses.getOrDefault(node, 0) > 1 && !(node instanceof Var)) {
            int s = nextSlot++;   // never reused: a slot keeps one type on every path
            code.dup().astore(s);
            slots.put(node, s);
            scope.add(node);
        }
    }

    private void compute(Expr e) {
        switch (e) {
            case Const(double c) -> lanes.broadcast(code, c);
            case Var(String name) -> code.aload(inputSlots.get(name));
            case Neg(Expr a) -> {
                emit(a);
                code.invokevirtual(v.vector(), "neg", v.unary());
            }
            case Add(List<Expr> terms) -> fold(terms, "add");
            case Mul(List<Expr> factors) -> fold(factors, "mul");
            case Div(Expr n, Expr d) -> {
                emit(n);
                emit(d);
                code.invokevirtual(v.vector(), "div", v.binary());
            }
            case Pow(Expr b, Expr k) -> pow(b, k);
            case Call(Fn fn, List<Expr> args) -> call(fn, args);
            case Where w -> where(w);
        }
    }

    /**
     * {@code where(c, t, f)}: with a side worth skipping ({@link BranchSkip}), tests the mask and
     * computes only the side the lanes need, blending only when they disagree; else a blend.
     */
    private void where(Where w) {
        BranchSkip.Plan skip = blendOnly ? null : BranchSkip.plan(w, uses, slots.keySet(), skipBudget);
        if (skip == null) {
            blend(w);
            return;
        }
        skipBudget -= skip.duplicated();
        // Values the sides share with code outside this where: computed here, for every lane,
        // so no path leaves a slot unset that later code reads.
        for (Object n : skip.hoisted()) hoist(n);
        mask(w.cond());
        int m = nextSlot++;
        code.astore(m);
        Label notAll = code.newLabel(), mixed = code.newLabel(), end = code.newLabel();
        code.aload(m).invokevirtual(CD_VectorMask, "allTrue", MTD_BOOLEAN).ifeq(notAll);
        inScope(() -> emit(w.ifTrue()));
        code.goto_(end);
        code.labelBinding(notAll);
        code.aload(m).invokevirtual(CD_VectorMask, "anyTrue", MTD_BOOLEAN).ifne(mixed);
        inScope(() -> emit(w.ifFalse()));
        code.goto_(end);
        code.labelBinding(mixed);
        // lanes disagree: both sides and the blend, nested wheres blended too (bounded code size)
        boolean outer = blendOnly;
        blendOnly = true;
        inScope(() -> {
            emit(w.ifFalse());
            emit(w.ifTrue());
            code.aload(m).invokevirtual(v.vector(), "blend", v.blend());
        });
        blendOnly = outer;
        code.labelBinding(end);
    }

    // f.blend(t, mask): lanes where c holds take t.
    private void blend(Where w) {
        emit(w.ifFalse());
        emit(w.ifTrue());
        mask(w.cond());
        code.invokevirtual(v.vector(), "blend", v.blend());
    }

    /** Computes a shared node into its slot (it has one: it is used more than once). */
    private void hoist(Object n) {
        if (slots.containsKey(n)) return;
        if (n instanceof Cond c) mask(c);
        else emit((Expr) n);
        if (!slots.containsKey(n)) throw new IllegalStateException("hoisted a value used once: " + n);
        code.pop();
    }

    /**
     * Runs {@code body} with values it computes forgotten afterwards: on the other paths they
     * were never computed, so code after the merge must compute them again.
     */
    private void inScope(Runnable body) {
        List<Object> outer = scope;
        scope = new ArrayList<>();
        body.run();
        for (Object n : scope) slots.remove(n);
        scope = outer;
    }

    /** Left fold, as the scalar code: ((a + b) + c). */
    private void fold(List<Expr> operands, String method) {
        emit(operands.getFirst());
        for (int i = 1; i < operands.size(); i++) {
            emit(operands.get(i));
            code.invokevirtual(v.vector(), method, v.binary());
        }
    }

    /** The forms of {@link PowLowering}, lane-wise, so lanes round as the scalar code does. */
    private void pow(Expr b, Expr k) {
        PowLowering.Form form = PowLowering.formOf(b, k);
        switch (form) {
            case SQUARE -> {
                emit(b);
                code.dup().invokevirtual(v.vector(), "mul", v.binary());
            }
            case CUBE -> {
                emit(b);
                code.dup().dup().invokevirtual(v.vector(), "mul", v.binary()).invokevirtual(v.vector(), "mul", v.binary());
            }
            case FOURTH -> {
                emit(b);
                code.dup().invokevirtual(v.vector(), "mul", v.binary());
                code.dup().invokevirtual(v.vector(), "mul", v.binary());
            }
            case RECIPROCAL -> {
                lanes.broadcast(code, 1.0);
                emit(b);
                code.invokevirtual(v.vector(), "div", v.binary());
            }
            case SQRT -> {
                emit(b);
                lanes.broadcast(code, 0.0);   // + 0.0 turns -0.0 into +0.0, as pow(-0.0, 0.5) = +0.0
                code.invokevirtual(v.vector(), "add", v.binary());
                unary("SQRT");
            }
            case POW -> {
                emit(b);
                code.getstatic(CD_VectorOperators, "POW", CD_Binary);
                emit(k);
                code.invokevirtual(v.vector(), "lanewise", v.lanewiseBinary());
            }
        }
    }

    private void call(Fn fn, List<Expr> args) {
        String op = operator(fn);
        if (op == null) throw new IllegalArgumentException(fn.symbol() + " has no lane-wise operator: expand it first (LaneForms)");
        emit(args.getFirst());
        if (fn.arity() == 1) {
            unary(op);
        } else {
            // max and min: the methods (Math.max/min semantics: NaN wins, -0.0 < +0.0)
            emit(args.get(1));
            code.invokevirtual(v.vector(), op, v.binary());
        }
    }

    // v.lanewise(VectorOperators.OP), the operator a getstatic right here.
    private void unary(String op) {
        code.getstatic(CD_VectorOperators, op, CD_Unary);
        code.invokevirtual(v.vector(), "lanewise", v.lanewiseUnary());
    }

    /**
     * The {@code VectorOperators} field computing {@code fn} lane by lane (for max and min, the
     * vector method), or null when there is none (those are rewritten by {@link LaneForms}).
     */
    static String operator(Fn fn) {
        return switch (fn) {
            case EXP -> "EXP";
            case LOG -> "LOG";
            case LOG1P -> "LOG1P";
            case EXPM1 -> "EXPM1";
            case SQRT -> "SQRT";
            case ABS -> "ABS";
            case TANH -> "TANH";
            case SINH -> "SINH";
            case COSH -> "COSH";
            case SIN -> "SIN";
            case COS -> "COS";
            case ATAN -> "ATAN";
            case MAX -> "max";
            case MIN -> "min";
            case SIGN, SIGMOID, SOFTPLUS, ERF, ERFC -> null;
        };
    }

    /** Pushes the mask of lanes where {@code c} holds (IEEE: comparisons with NaN are false but !=). */
    private void mask(Cond c) {
        if (memoized(c)) return;
        switch (c) {
            case Compare(Op op, Expr l, Expr r) -> {
                emit(l);
                code.getstatic(CD_VectorOperators, op.name(), CD_Comparison);
                emit(r);
                code.invokevirtual(v.vector(), "compare", v.compare());
            }
            case And(Cond l, Cond r) -> {
                mask(l);
                mask(r);
                code.invokevirtual(CD_VectorMask, "and", MTD_MASK_MASK);
            }
            case Or(Cond l, Cond r) -> {
                mask(l);
                mask(r);
                code.invokevirtual(CD_VectorMask, "or", MTD_MASK_MASK);
            }
            case Not(Cond a) -> {
                mask(a);
                code.invokevirtual(CD_VectorMask, "not", MTD_MASK);
            }
        }
        remember(c);
    }
}
