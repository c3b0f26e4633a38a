package dev.ramp.compiler.emit;

import dev.ramp.compiler.ir.Expr;
import dev.ramp.compiler.ir.Expr.*;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Decides which subexpressions become private static helper methods {@code double h<id>(double x)}
 * so that no method grows too large.
 *
 * <p>Two limits matter, and the second is the tighter: the JVM rejects methods with more than
 * 64 KB of bytecode, and HotSpot never JIT-compiles a method larger than 8000 bytes
 * ({@code -XX:-DontCompileHugeMethods} is off by default), so a large kernel would run
 * interpreted forever. Sizes here are conservative byte estimates.
 *
 * <p>The decision is greedy and bottom-up (ids are a topological order): a node's inline size is
 * its own code plus its children's; while that exceeds {@code nodeLimit}, its largest child is
 * outlined (its cost becomes a call). So every inline body, the helpers' included, stays near
 * {@code nodeLimit}. A method's roots are then checked together against {@code methodLimit}
 * ({@link #fitMethod}). Only nodes that depend on nothing but the function's input can be
 * outlined (the gradient input exists only in kernels). Shared subterms are counted at every
 * use, so sizes over-estimate, which errs towards outlining. Typical activations (mish'' is
 * about 60 nodes) are far below the limits and are never outlined, so CSE sees the whole method.
 */
final class Outlining {
    /** Bytes for {@code dload x; invokestatic h(D)D}, the inline cost of an outlined node. */
    static final int CALL_SIZE = 6;

    private final Dag dag;
    private final BitSet outlined = new BitSet();
    private final BitSet xOnly = new BitSet();
    private final int[] size;
    private final int nodeLimit;

    Outlining(Dag dag, String input, int nodeLimit) {
        this.dag = dag;
        this.nodeLimit = nodeLimit;
        this.size = new int[dag.size()];
        for (int id = 0; id < dag.size(); id++) {
            Object n = dag.node(id);
            List<Object> kids = Dag.children(n);
            boolean onlyX = !(n instanceof Var(String name)) || name.equals(input);
            for (Object k : kids) onlyX &= xOnly.get(dag.id(k));
            if (onlyX) xOnly.set(id);
            size[id] = own(n) + childCost(kids);
            while (size[id] > nodeLimit) {
                int biggest = biggestOutlinable(kids);
                if (biggest < 0) break;
                outlined.set(biggest);
                size[id] = own(n) + childCost(kids);
            }
        }
    }

    /** Whether {@code node} is computed by its own helper method. */
    boolean isOutlined(Object node) {
        return outlined.get(dag.id(node));
    }

    /** The name of the helper method computing an outlined node. */
    String helperName(Expr node) {
        return "h" + dag.id(node);
    }

    /**
     * The outlined nodes code for {@code roots} calls, directly or through other helpers, in id
     * order: each class gets the helpers it uses and no others.
     */
    List<Expr> helpersFor(List<Expr> roots) {
        BitSet seen = new BitSet();
        java.util.ArrayDeque<Object> work = new java.util.ArrayDeque<>(roots);
        while (!work.isEmpty()) {
            Object n = work.pop();
            int id = dag.id(n);
            if (seen.get(id)) continue;
            seen.set(id);
            work.addAll(Dag.children(n));
        }
        seen.and(outlined);
        List<Expr> out = new ArrayList<>();
        seen.stream().forEach(id -> out.add((Expr) dag.node(id)));
        return out;
    }

    /**
     * Outlines roots (or, for a root that reads the gradient, its children) until the roots'
     * total inline size is within {@code methodLimit}. Called once per method before emitting it.
     */
    void fitMethod(List<Expr> roots, int methodLimit) {
        while (true) {
            int total = 0;
            for (Expr r : roots) total += inlineSize(r);
            if (total <= methodLimit) return;
            int best = -1;
            for (Expr r : roots) {
                int id = dag.id(r);
                int candidate = outlinable(id) ? id : biggestOutlinable(Dag.children(r));
                if (candidate >= 0 && (best < 0 || size[candidate] > size[best])) best = candidate;
            }
            if (best < 0) return;   // nothing left to outline; the class builder reports the overflow
            outlined.set(best);
            for (Expr r : roots) {
                int id = dag.id(r);
                size[id] = own(r) + childCost(Dag.children(r));
            }
        }
    }

    /** The estimated inline size of a node, as a call if it is outlined. */
    int inlineSize(Object node) {
        int id = dag.id(node);
        return outlined.get(id) ? CALL_SIZE : size[id];
    }

    /** The estimated size of a node's own body (what its helper contains). */
    int bodySize(Object node) {
        return size[dag.id(node)];
    }

    private boolean outlinable(int id) {
        return xOnly.get(id) && !outlined.get(id) && size[id] > CALL_SIZE
                && !(dag.node(id) instanceof Const || dag.node(id) instanceof Var) && dag.node(id) instanceof Expr;
    }

    private int biggestOutlinable(List<Object> kids) {
        int best = -1;
        for (Object k : kids) {
            int id = dag.id(k);
            if (k instanceof Expr && outlinable(id) && (best < 0 || size[id] > size[best])) best = id;
        }
        return best;
    }

    private int childCost(List<Object> kids) {
        int sum = 0;
        for (Object k : kids) sum += inlineSize(k);
        return sum;
    }

    /** Bytes a node's own instructions take, plus a store to a local in case it is shared. */
    private static int own(Object n) {
        return switch (n) {
            case Const c -> 3;
            case Var v -> 4;
            case Neg x -> 6;
            case Add(List<Expr> t) -> t.size() + 5;
            case Mul(List<Expr> f) -> f.size() + 5;
            case Div d -> 6;
            case Pow p -> 12;
            case Call c -> 8;
            case Where w -> 14;
            default -> 8;   // conditions: a dcmp and a jump
        };
    }
}
