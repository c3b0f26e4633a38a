package dev.ramp.compiler.pass;

import dev.ramp.compiler.ir.Cond;
import dev.ramp.compiler.ir.Expr;
import dev.ramp.compiler.ir.Expr.*;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Measures the expressions the resolver builds, without recursion, since the point is to reject
 * expressions too big for the recursive passes after it. Nodes are measured once, by identity,
 * however many expressions share them.
 *
 * <p>Resolved expressions share subtrees: a let-bound value used twice is one object. The size
 * of a {@link Size} counts nodes as a tree walk meets them, shared ones once per use, because
 * that is the work a pass without memoisation does: {@code let a = x*x in let b = a*a in ...}
 * doubles it per level while memory grows by a node. {@link #built()} counts what memory does
 * grow by: every node and operand slot measured, so a chain of bindings that each extend a sum
 * (which the smart constructors copy to keep it flat) shows its quadratic cost.
 */
final class Measure {
    /** Depth (a constant is 1) and expanded tree size (saturating at {@link Long#MAX_VALUE}). */
    record Size(int depth, long nodes) {}

    private final Map<Object, Size> done = new IdentityHashMap<>();
    private long built;

    /** The size of {@code root}. */
    Size of(Expr root) {
        Deque<Object> pending = new ArrayDeque<>();
        pending.push(root);
        while (!pending.isEmpty()) {
            Object node = pending.peek();
            if (done.containsKey(node)) {
                pending.pop();
                continue;
            }
            List<?> children = children(node);
            int depth = 0;
            long nodes = 1;
            boolean ready = true;
            for (Object child : children) {
                Size s = done.get(child);
                if (s == null) {
                    pending.push(child);
                    ready = false;
                } else if (ready) {
                    depth = Math.max(depth, s.depth());
                    nodes = saturatedAdd(nodes, s.nodes());
                }
            }
            if (ready) {
                pending.pop();
                done.put(node, new Size(depth + 1, nodes));
                built += 1 + children.size();
            }
        }
        return done.get(root);
    }

    /** Nodes and operand slots measured so far: the memory the measured expressions occupy. */
    long built() {
        return built;
    }

    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }

    private static List<?> children(Object node) {
        return switch (node) {
            case Expr e -> switch (e) {
                case Const _, Var _ -> List.of();
                case Neg(Expr arg) -> List.of(arg);
                case Add(List<Expr> terms) -> terms;
                case Mul(List<Expr> factors) -> factors;
                case Div(Expr num, Expr den) -> List.of(num, den);
                case Pow(Expr base, Expr exponent) -> List.of(base, exponent);
                case Call(var fn, List<Expr> args) -> args;
                case Where(Cond cond, Expr ifTrue, Expr ifFalse) -> List.of(cond, ifTrue, ifFalse);
            };
            case Cond c -> switch (c) {
                case Cond.Compare(var op, Expr left, Expr right) -> List.of(left, right);
                case Cond.And(Cond left, Cond right) -> List.of(left, right);
                case Cond.Or(Cond left, Cond right) -> List.of(left, right);
                case Cond.Not(Cond operand) -> List.of(operand);
            };
            default -> throw new IllegalArgumentException("not an IR node: " + node);
        };
    }
}
