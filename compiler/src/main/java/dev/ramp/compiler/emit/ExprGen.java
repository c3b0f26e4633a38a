package dev.ramp.compiler.emit;

import static dev.ramp.compiler.emit.Descs.*;

import dev.ramp.compiler.ir.Cond;
import dev.ramp.compiler.ir.Cond.*;
import dev.ramp.compiler.ir.Expr;
import dev.ramp.compiler.ir.Expr.*;
import java.lang.classfile.CodeBuilder;
import java.lang.classfile.Label;
import java.lang.classfile.Opcode;
import java.lang.constant.ClassDesc;
import java.util.ArrayDeque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Emits expressions of one method onto the operand stack, with common subexpressions computed
 * once (a DAG node used twice or more in the method gets a local {@code double} slot, filled
 * where the node is first computed) and {@code where} compiled to real branches.
 *
 * <pre>{@code
 * // t = tanh(softplus(x)) used by f and f' in the fused kernel:
 * double t = tanh(softplus(x));   // first use: compute, dup2, dstore T
 * ys[i] = x * t;
 * gradIn[i] = g * (t + x * (1 - t*t) * sigmoid(x));   // later uses: dload T
 *
 * // where(c, a, b):
 *     <c, jump to F if false>     // IEEE: NaN makes < <= > >= == false and != true
 *     <a>  goto END
 * F:  <b>
 * END:
 * }</pre>
 *
 * <p>Scheduling: see {@link Scope}. Nodes are computed at their first use in program order and
 * remembered per branch region, so nothing is hoisted above a branch it belongs to.
 * Conditions already decided on the current path fold their {@code where} to one side.
 */
final class ExprGen {
    private final CodeBuilder code;
    private final Outlining outlining;
    private final ClassDesc owner;
    private final Map<String, Integer> inputSlots;
    private final Map<Expr, Integer> uses;
    private final Map<Expr, Integer> slots = new IdentityHashMap<>();
    private final Expr self;
    private int nextSlot;

    /**
     * @param code the method being built
     * @param outlining which nodes are helper calls
     * @param owner the class being built (helpers are its static methods)
     * @param inputSlots the local slot of each input variable ({@code x}, and {@code g} in kernels)
     * @param firstTemp the first free local slot, for shared values
     * @param roots everything the method evaluates (for use counts)
     * @param self the node whose helper body this is, emitted inline even though it is outlined;
     *     null in other methods
     */
    ExprGen(CodeBuilder code, Outlining outlining, ClassDesc owner, Map<String, Integer> inputSlots,
            int firstTemp, List<Expr> roots, Expr self) {
        this.code = code;
        this.outlining = outlining;
        this.owner = owner;
        this.inputSlots = inputSlots;
        this.nextSlot = firstTemp;
        this.self = self;
        this.uses = countUses(roots);
    }

    /** How often each node is used by the method's code, not descending into helper calls. */
    private Map<Expr, Integer> countUses(List<Expr> roots) {
        Map<Expr, Integer> count = new IdentityHashMap<>();
        Map<Object, Boolean> seen = new IdentityHashMap<>();
        ArrayDeque<Object> work = new ArrayDeque<>();
        for (Expr r : roots) {
            count.merge(r, 1, Integer::sum);
            work.push(r);
        }
        while (!work.isEmpty()) {
            Object n = work.pop();
            if (seen.put(n, Boolean.TRUE) != null) continue;
            if (n != self && n instanceof Expr e && outlining.isOutlined(e)) continue;
            for (Object k : Dag.children(n)) {
                if (k instanceof Expr e) count.merge(e, 1, Integer::sum);
                work.push(k);
            }
        }
        return count;
    }

    /** Whether the method evaluates a node more than once (so its first evaluation is stored). */
    boolean shared(Expr e) {
        return uses.getOrDefault(e, 0) > 1 && !(e instanceof Const || e instanceof Var);
    }

    /** Pushes the value of {@code e}. */
    void emit(Expr e, Scope scope) {
        Integer slot = scope.slotOf(e);
        if (slot != null) {
            code.dload(slot);
            return;
        }
        if (e != self && outlining.isOutlined(e)) {
            code.dload(inputSlots.get(Emitter.INPUT)).invokestatic(owner, outlining.helperName(e), MTD_D_D);
        } else {
            compute(e, scope);
        }
        if (shared(e)) {
            int s = slots.computeIfAbsent(e, k -> allocate());
            code.dup2().dstore(s);
            scope.define(e, s);
        }
    }

    private int allocate() {
        int s = nextSlot;
        nextSlot += 2;
        return s;
    }

    private void compute(Expr e, Scope scope) {
        switch (e) {
            case Const(double v) -> constant(v);
            case Var(String name) -> code.dload(inputSlots.get(name));
            case Neg(Expr a) -> {
                emit(a, scope);
                code.dneg();
            }
            case Add(List<Expr> terms) -> fold(terms, Opcode.DADD, scope);
            case Mul(List<Expr> factors) -> fold(factors, Opcode.DMUL, scope);
            case Div(Expr n, Expr d) -> {
                emit(n, scope);
                emit(d, scope);
                code.ddiv();
            }
            case Pow(Expr b, Expr k) -> pow(b, k, scope);
            case Call(var fn, List<Expr> args) -> {
                for (Expr a : args) emit(a, scope);
                code.invokestatic(ClassDesc.ofInternalName(fn.owner()), fn.method(), args.size() == 1 ? MTD_D_D : MTD_D_DD);
            }
            case Where(Cond c, Expr t, Expr f) -> where(c, t, f, scope);
        }
    }

    /** n-ary sums and products fold left, as written: ((a + b) + c). */
    private void fold(List<Expr> operands, Opcode op, Scope scope) {
        emit(operands.getFirst(), scope);
        for (int i = 1; i < operands.size(); i++) {
            emit(operands.get(i), scope);
            code.with(java.lang.classfile.instruction.OperatorInstruction.of(op));
        }
    }

    /** Bit-exact constants: dconst_0 only for +0.0 (never -0.0), dconst_1 for 1.0, else ldc2_w. */
    private void constant(double v) {
        if (Double.doubleToRawLongBits(v) == 0L) code.dconst_0();
        else if (v == 1.0) code.dconst_1();
        else code.ldc(v);
    }

    /** See {@link PowLowering} for the forms and why. */
    private void pow(Expr b, Expr k, Scope scope) {
        PowLowering.Form form = PowLowering.formOf(b, k);
        if (form == PowLowering.Form.RECIPROCAL) code.dconst_1();
        emit(b, scope);
        switch (form) {
            case SQUARE -> code.dup2().dmul();
            case CUBE -> code.dup2().dup2().dmul().dmul();         // b b b -> b (b*b) -> (b*b)*b
            case FOURTH -> code.dup2().dmul().dup2().dmul();       // s = b*b; s*s
            case RECIPROCAL -> code.ddiv();                         // 1 / b
            case SQRT -> code.dconst_0().dadd().invokestatic(CD_Math, "sqrt", MTD_D_D);
            case POW -> {
                emit(k, scope);
                code.invokestatic(CD_Math, "pow", MTD_D_DD);
            }
        }
    }

    /**
     * A decided condition emits only the side taken (no branch). Otherwise: test, then each side
     * in its own scope; what both sides computed stays available after the join.
     */
    private void where(Cond c, Expr ifTrue, Expr ifFalse, Scope scope) {
        Boolean decided = scope.decide(c);
        if (decided != null) {
            emit(decided ? ifTrue : ifFalse, scope);
            return;
        }
        Label otherwise = code.newLabel(), end = code.newLabel();
        jumpIfFalse(c, otherwise, scope);
        Scope t = scope.assuming(c, true);
        emit(ifTrue, t);
        code.goto_(end);
        code.labelBinding(otherwise);
        Scope f = scope.assuming(c, false);
        emit(ifFalse, f);
        code.labelBinding(end);
        scope.join(t, f);
    }

    /**
     * Jumping code: falls through when {@code c} is true, jumps to {@code target} when false.
     * {@code and}/{@code or} short-circuit; the right operand runs in a child scope (it does not
     * always run, so what it computes is not kept) that knows the left operand's outcome. Parts
     * already decided on this path emit no test.
     */
    void jumpIfFalse(Cond c, Label target, Scope scope) {
        Boolean decided = scope.decide(c);
        if (decided != null) {
            if (!decided) code.goto_(target);
            return;
        }
        switch (c) {
            case Compare(Op op, Expr l, Expr r) -> {
                compare(op, l, r, scope);
                code.branch(falseJump(op), target);
            }
            case Not(Cond a) -> jumpIfTrue(a, target, scope);
            case And(Cond l, Cond r) -> {
                jumpIfFalse(l, target, scope);
                jumpIfFalse(r, target, scope.assuming(l, true));
            }
            case Or(Cond l, Cond r) -> {
                Label taken = code.newLabel();
                jumpIfTrue(l, taken, scope);
                jumpIfFalse(r, target, scope.assuming(l, false));
                code.labelBinding(taken);
            }
        }
    }

    /** Jumping code that jumps to {@code target} when {@code c} is true and falls through when false. */
    void jumpIfTrue(Cond c, Label target, Scope scope) {
        Boolean decided = scope.decide(c);
        if (decided != null) {
            if (decided) code.goto_(target);
            return;
        }
        switch (c) {
            case Compare(Op op, Expr l, Expr r) -> {
                compare(op, l, r, scope);
                code.branch(trueJump(op), target);
            }
            case Not(Cond a) -> jumpIfFalse(a, target, scope);
            case Or(Cond l, Cond r) -> {
                jumpIfTrue(l, target, scope);
                jumpIfTrue(r, target, scope.assuming(l, false));
            }
            case And(Cond l, Cond r) -> {
                Label skip = code.newLabel();
                jumpIfFalse(l, skip, scope);
                jumpIfTrue(r, target, scope.assuming(l, true));
                code.labelBinding(skip);
            }
        }
    }

    /**
     * Pushes the int of {@code dcmpl}/{@code dcmpg}, chosen so that NaN lands on the false side:
     * NaN gives +1 with dcmpg (used for < and <=, where +1 means false) and -1 with dcmpl (used
     * for >, >=, == and !=, where -1 means false, or for != true).
     */
    private void compare(Op op, Expr l, Expr r, Scope scope) {
        emit(l, scope);
        emit(r, scope);
        if (op == Op.LT || op == Op.LE) code.dcmpg();
        else code.dcmpl();
    }

    /** The int jump taken when {@code l op r} is false (given the dcmp above). */
    private static Opcode falseJump(Op op) {
        return switch (op) {
            case LT -> Opcode.IFGE;
            case LE -> Opcode.IFGT;
            case GT -> Opcode.IFLE;
            case GE -> Opcode.IFLT;
            case EQ -> Opcode.IFNE;
            case NE -> Opcode.IFEQ;
        };
    }

    /** The int jump taken when {@code l op r} is true. */
    private static Opcode trueJump(Op op) {
        return switch (op) {
            case LT -> Opcode.IFLT;
            case LE -> Opcode.IFLE;
            case GT -> Opcode.IFGT;
            case GE -> Opcode.IFGE;
            case EQ -> Opcode.IFEQ;
            case NE -> Opcode.IFNE;
        };
    }
}
