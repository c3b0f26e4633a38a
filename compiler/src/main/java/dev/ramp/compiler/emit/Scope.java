package dev.ramp.compiler.emit;

import dev.ramp.compiler.ir.Cond;
import dev.ramp.compiler.ir.Cond.*;
import dev.ramp.compiler.ir.Expr;
import dev.ramp.compiler.ir.Expr.Const;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * What is known at one point of the generated code: which shared values already sit in local
 * slots, and which conditions have been tested with which outcome. Scopes nest like the code's
 * branch regions: a branch of a {@code where} (or the right operand of a short-circuit
 * {@code and}/{@code or}) is a child scope; a value computed there is visible only inside it.
 *
 * <p>This is what keeps work in the branch that needs it: a value is computed where it is
 * first needed, never earlier, so a subterm used only by one side of a {@code where} is
 * computed in that side. When both sides of a {@code where} computed the same value (each
 * stores it into the node's one slot), it is available after the join ({@link #join}), so a
 * value needed on every path is still computed once per path.
 */
final class Scope {
    private final Scope parent;
    private final Map<Expr, Integer> available = new IdentityHashMap<>();
    private final Map<Cond, Boolean> facts = new IdentityHashMap<>();

    private Scope(Scope parent) {
        this.parent = parent;
    }

    /** The scope at a method's entry: nothing computed, nothing known. */
    static Scope root() {
        return new Scope(null);
    }

    /** A nested region entered when {@code cond} has the given outcome. */
    Scope assuming(Cond cond, boolean outcome) {
        Scope s = new Scope(this);
        s.assume(cond, outcome);
        return s;
    }

    /** A nested region entered conditionally, with nothing new known. */
    Scope child() {
        return new Scope(this);
    }

    /** The slot holding {@code node}'s value here, or null. */
    Integer slotOf(Expr node) {
        for (Scope s = this; s != null; s = s.parent) {
            Integer slot = s.available.get(node);
            if (slot != null) return slot;
        }
        return null;
    }

    /** Records that {@code node}'s value is in {@code slot} from here on. */
    void define(Expr node, int slot) {
        available.put(node, slot);
    }

    /** After an if/else: what both branches computed is available in this (the parent) scope. */
    void join(Scope ifTrue, Scope ifFalse) {
        for (Map.Entry<Expr, Integer> e : ifTrue.available.entrySet()) {
            if (ifFalse.available.containsKey(e.getKey())) available.put(e.getKey(), e.getValue());
        }
    }

    /**
     * The outcome of {@code c} if it is decided here (tested on the way in, or implied by tests,
     * or a comparison of two constants), else null. Three-valued: {@code and} is false if either
     * side is, {@code or} true if either side is.
     */
    Boolean decide(Cond c) {
        Boolean known = fact(c);
        if (known != null) return known;
        return switch (c) {
            case Compare(Op op, Expr l, Expr r) ->
                    l instanceof Const(double a) && r instanceof Const(double b) ? op.test(a, b) : null;
            case Not(Cond a) -> {
                Boolean v = decide(a);
                yield v == null ? null : !v;
            }
            case And(Cond l, Cond r) -> {
                Boolean a = decide(l), b = decide(r);
                yield Boolean.FALSE.equals(a) || Boolean.FALSE.equals(b) ? Boolean.FALSE
                        : Boolean.TRUE.equals(a) && Boolean.TRUE.equals(b) ? Boolean.TRUE : null;
            }
            case Or(Cond l, Cond r) -> {
                Boolean a = decide(l), b = decide(r);
                yield Boolean.TRUE.equals(a) || Boolean.TRUE.equals(b) ? Boolean.TRUE
                        : Boolean.FALSE.equals(a) && Boolean.FALSE.equals(b) ? Boolean.FALSE : null;
            }
        };
    }

    private Boolean fact(Cond c) {
        for (Scope s = this; s != null; s = s.parent) {
            Boolean v = s.facts.get(c);
            if (v != null) return v;
        }
        return null;
    }

    /** Records {@code c == outcome} and what it implies for its parts. */
    void assume(Cond c, boolean outcome) {
        facts.put(c, outcome);
        switch (c) {
            case Not(Cond a) -> assume(a, !outcome);
            case And(Cond l, Cond r) -> {
                if (outcome) { assume(l, true); assume(r, true); }
            }
            case Or(Cond l, Cond r) -> {
                if (!outcome) { assume(l, false); assume(r, false); }
            }
            case Compare cmp -> {}
        }
    }
}
