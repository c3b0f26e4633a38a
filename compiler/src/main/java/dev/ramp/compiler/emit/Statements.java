package dev.ramp.compiler.emit;

import dev.ramp.compiler.ir.Cond;
import dev.ramp.compiler.ir.Cond.*;
import dev.ramp.compiler.ir.Expr;
import dev.ramp.compiler.ir.Expr.Where;
import java.lang.classfile.CodeBuilder;
import java.lang.classfile.Label;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The body of a method (or of a kernel's loop) as a sequence of statements, each an expression
 * and what happens to its value ({@link Sink}): return it, store it into an array, add it to an
 * accumulator. Emitting them one after the other through one {@link ExprGen} shares every common
 * subexpression between them (f and f' in the fused kernel).
 *
 * <p><b>Splitting on a shared condition.</b> Statements often branch on the same condition:
 * elu's {@code f = where(x > 0, x, a*(exp(x)-1))} and {@code f' = where(x > 0, 1, a*exp(x))}.
 * Emitted one after the other, {@code exp(x)} would be computed in f's else-branch, forgotten at
 * the join, and computed again in f''s. So when the condition of a {@code where} that a statement
 * evaluates unconditionally is tested again by a later statement, the rest of the body is emitted
 * twice, once per outcome (tail duplication):
 *
 * <pre>{@code
 * if (x > 0) { ys[i] = x;             gradIn[i] = g * 1; }
 * else       { double e = exp(x);     ys[i] = a*(e - 1);   gradIn[i] = g * (a*e); }
 * }</pre>
 *
 * The test itself is one the first statement performs anyway, so nothing is computed that the
 * straight code would not compute. Duplication is bounded: at most {@link #MAX_SPLITS} nested
 * splits, and only while the duplicated code stays within the method's size budget.
 */
final class Statements {
    /** Nested splits allowed on one path: up to 2^3 copies of the rest of a body. */
    static final int MAX_SPLITS = 3;

    /** What a statement does with its value; {@code before} runs before the value is pushed. */
    interface Sink {
        void before(CodeBuilder code);

        void after(CodeBuilder code);

        /** Whether control leaves the method after this statement (a return). */
        default boolean terminates() {
            return false;
        }
    }

    /** One statement: evaluate {@code value}, hand it to {@code sink}. */
    record Stmt(Expr value, Sink sink) {}

    private final CodeBuilder code;
    private final ExprGen gen;
    private final Outlining outlining;
    private final List<Stmt> stmts;
    private final List<Set<Cond>> condsTested;
    private final int budget;

    /**
     * @param budget the size in bytes the duplicated code may take; each split doubles the
     *     estimated size of the remaining statements
     */
    Statements(CodeBuilder code, ExprGen gen, Outlining outlining, List<Stmt> stmts, int budget) {
        this.code = code;
        this.gen = gen;
        this.outlining = outlining;
        this.stmts = stmts;
        this.budget = budget;
        this.condsTested = new ArrayList<>();
        // Only a later statement can make a split worthwhile: the first one's conditions are never looked up.
        for (int i = 0; i < stmts.size(); i++) condsTested.add(i == 0 ? Set.of() : condsIn(stmts.get(i).value()));
    }

    /**
     * Emits all statements in {@code scope}. If the last one does not terminate, control ends up
     * at {@code end}, which the caller binds after this call (null when the body returns).
     */
    void emit(Scope scope, Label end) {
        emitFrom(0, scope, end, MAX_SPLITS, 1);
    }

    private void emitFrom(int from, Scope scope, Label end, int splitsLeft, int copies) {
        for (int i = from; i < stmts.size(); i++) {
            Stmt s = stmts.get(i);
            Cond split = splitsLeft > 0 && i + 1 < stmts.size() && fitsTwice(i, copies) ? sharedCondition(i, scope) : null;
            if (split != null) {
                Label otherwise = code.newLabel();
                gen.jumpIfFalse(split, otherwise, scope);
                emitFrom(i, scope.assuming(split, true), end, splitsLeft - 1, copies * 2);
                if (!stmts.getLast().sink().terminates()) code.goto_(end);
                code.labelBinding(otherwise);
                emitFrom(i, scope.assuming(split, false), end, splitsLeft - 1, copies * 2);
                return;
            }
            s.sink().before(code);
            gen.emit(s.value(), scope);
            s.sink().after(code);
        }
    }

    /** Whether the method stays within budget if the rest, already in {@code copies} copies, doubles. */
    private boolean fitsTwice(int from, int copies) {
        long size = 0;
        for (int i = from; i < stmts.size(); i++) size += outlining.inlineSize(stmts.get(i).value());
        return 2L * copies * size <= budget;
    }

    /**
     * An undecided condition that statement {@code i} tests whatever happens (on its path of
     * unconditional evaluation, through decided {@code where}s to the side taken) and that a
     * later statement tests too; null if there is none.
     */
    private Cond sharedCondition(int i, Scope scope) {
        ArrayDeque<Object> work = new ArrayDeque<>();
        Map<Object, Boolean> seen = new IdentityHashMap<>();
        work.push(stmts.get(i).value());
        while (!work.isEmpty()) {
            Object n = work.pop();
            if (seen.put(n, Boolean.TRUE) != null) continue;
            if (n instanceof Expr e && (scope.slotOf(e) != null || outlining.isOutlined(e))) continue;
            switch (n) {
                case Where(Cond c, Expr t, Expr f) -> {
                    Boolean d = scope.decide(c);
                    if (d != null) {
                        work.push(d ? t : f);
                        continue;
                    }
                    for (int j = i + 1; j < stmts.size(); j++) {
                        if (condsTested.get(j).contains(c)) return c;
                    }
                    unconditionalOperands(c, work);
                }
                default -> Dag.children(n).forEach(work::push);
            }
        }
        return null;
    }

    /** The expressions a condition always evaluates (not the right side of and/or). */
    private static void unconditionalOperands(Cond c, ArrayDeque<Object> work) {
        switch (c) {
            case Compare(var op, Expr l, Expr r) -> {
                work.push(l);
                work.push(r);
            }
            case Not(Cond a) -> unconditionalOperands(a, work);
            case And(Cond l, Cond r) -> unconditionalOperands(l, work);
            case Or(Cond l, Cond r) -> unconditionalOperands(l, work);
        }
    }

    /** Every condition of a {@code where} in {@code e}, not looking into helper methods. */
    private Set<Cond> condsIn(Expr e) {
        Set<Cond> out = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        ArrayDeque<Object> work = new ArrayDeque<>();
        Map<Object, Boolean> seen = new IdentityHashMap<>();
        work.push(e);
        while (!work.isEmpty()) {
            Object n = work.pop();
            if (seen.put(n, Boolean.TRUE) != null) continue;
            if (n instanceof Expr x && outlining.isOutlined(x)) continue;
            if (n instanceof Where(Cond c, var t, var f)) out.add(c);
            Dag.children(n).forEach(work::push);
        }
        return out;
    }

    /** A sink from two code fragments. */
    static Sink sink(Consumer<CodeBuilder> before, Consumer<CodeBuilder> after, boolean terminates) {
        return new Sink() {
            @Override public void before(CodeBuilder code) { before.accept(code); }
            @Override public void after(CodeBuilder code) { after.accept(code); }
            @Override public boolean terminates() { return terminates; }
        };
    }
}
