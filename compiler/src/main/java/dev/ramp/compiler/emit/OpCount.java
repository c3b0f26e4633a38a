package dev.ramp.compiler.emit;

import dev.ramp.compiler.ir.Cond;
import dev.ramp.compiler.ir.Expr;
import dev.ramp.compiler.ir.Expr.*;
import dev.ramp.compiler.ir.Fn;
import java.util.ArrayDeque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Operations counted the way SymPy's {@code count_ops} counts them after one {@code cse} over
 * the roots (the counting of the reference tables the compiler is compared with): each shared
 * node once; a sum or product of k operands k - 1; a negated term of a sum is a subtraction (no
 * extra operation); division, power, comparison, {@code where} (a Piecewise) and every call
 * count 1, including max, abs, log1p, expm1 and erfc. The two composite primitives count as the
 * formulas {@code RampMath} evaluates: sigmoid(u) as 1 / (1 + exp(-u)) (4 operations, one exp),
 * softplus(u) as max(u, 0) + log1p(exp(-|u|)) (6 operations, exp and log1p).
 *
 * @param operations the total
 * @param calls the transcendental calls by kind (exp, log, log1p, expm1, tanh, erf, erfc, ...)
 */
record OpCount(int operations, Map<String, Integer> calls) {

    /** The transcendental calls in all. */
    int callCount() {
        return calls.values().stream().mapToInt(Integer::intValue).sum();
    }

    private static final Set<Fn> CHEAP = Set.of(Fn.MAX, Fn.MIN, Fn.ABS, Fn.SIGN, Fn.SQRT);

    /** The count for computing all {@code roots} once, shared subexpressions once. */
    static OpCount of(List<Expr> roots) {
        Map<Object, Boolean> seen = new IdentityHashMap<>();
        Map<Object, Boolean> negOutsideSum = new IdentityHashMap<>();
        ArrayDeque<Object> work = new ArrayDeque<>(roots);
        for (Expr r : roots) if (r instanceof Neg) negOutsideSum.put(r, Boolean.TRUE);
        int ops = 0;
        Map<String, Integer> calls = new TreeMap<>();
        List<Object> negs = new java.util.ArrayList<>();
        while (!work.isEmpty()) {
            Object n = work.pop();
            if (seen.put(n, Boolean.TRUE) != null) continue;
            for (Object k : Dag.children(n)) if (k instanceof Neg && !(n instanceof Add)) negOutsideSum.put(k, Boolean.TRUE);
            switch (n) {
                case Const c -> {}
                case Var v -> {}
                case Neg x -> negs.add(x);
                case Add(List<Expr> t) -> ops += t.size() - 1;
                case Mul(List<Expr> f) -> ops += f.size() - 1;
                case Div d -> ops++;
                case Pow(Expr b, Expr k) -> {
                    ops++;
                    if (PowLowering.formOf(b, k) == PowLowering.Form.POW) calls.merge("pow", 1, Integer::sum);
                }
                case Call(Fn fn, var args) when fn == Fn.SIGMOID -> {
                    ops += 4;
                    calls.merge("exp", 1, Integer::sum);
                }
                case Call(Fn fn, var args) when fn == Fn.SOFTPLUS -> {
                    ops += 6;
                    calls.merge("exp", 1, Integer::sum);
                    calls.merge("log1p", 1, Integer::sum);
                }
                case Call(Fn fn, var args) -> {
                    ops++;
                    if (!CHEAP.contains(fn)) calls.merge(fn.symbol(), 1, Integer::sum);
                }
                case Where w -> ops++;
                case Cond c -> ops++;
                default -> {}
            }
            work.addAll(Dag.children(n));
        }
        for (Object x : negs) if (negOutsideSum.containsKey(x)) ops++;
        return new OpCount(ops, calls);
    }

    /** For example {@code "11 operations; math calls: exp 1, tanh 1"}. */
    String summary() {
        StringBuilder b = new StringBuilder().append(operations).append(" operations; ");
        if (calls.isEmpty()) return b.append("no math calls").toString();
        b.append(callCount()).append(" math call").append(callCount() == 1 ? "" : "s").append(" (");
        boolean first = true;
        for (var e : calls.entrySet()) {
            if (!first) b.append(", ");
            b.append(e.getKey()).append(' ').append(e.getValue());
            first = false;
        }
        return b.append(')').toString();
    }
}
