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
 * The depth of a resolved expression (a constant or variable is 1), computed without recursion,
 * since the point is to reject trees too deep for recursive passes. Shared subtrees are
 * measured once.
 */
final class Depth {
    private Depth() {}

    static int of(Expr root) {
        Map<Object, Integer> depth = new IdentityHashMap<>();
        Deque<Object> pending = new ArrayDeque<>();
        pending.push(root);
        while (!pending.isEmpty()) {
            Object node = pending.peek();
            if (depth.containsKey(node)) {
                pending.pop();
                continue;
            }
            int deepest = 0;
            boolean ready = true;
            for (Object child : children(node)) {
                Integer d = depth.get(child);
                if (d == null) {
                    pending.push(child);
                    ready = false;
                } else {
                    deepest = Math.max(deepest, d);
                }
            }
            if (ready) {
                pending.pop();
                depth.put(node, deepest + 1);
            }
        }
        return depth.get(root);
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
