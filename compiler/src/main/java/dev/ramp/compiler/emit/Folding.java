package dev.ramp.compiler.emit;

import dev.ramp.compiler.ir.Expr;
import dev.ramp.compiler.ir.Expr.*;
import java.util.ArrayList;
import java.util.List;

/**
 * Constant folding after parameters are bound ({@code alpha * (exp(x) - 1)} with alpha = 1 has a
 * factor 1 the symbolic passes could not see). Only rewrites that give the same bits as the code
 * they replace, for every input:
 * <ul>
 *   <li>an operation whose operands are all constants is computed now, with the same Java
 *       arithmetic, the same {@code Math} method, or the same {@link PowLowering} form;
 *   <li>a leading run of constants in a sum or product is combined (evaluation folds left, so
 *       {@code (c1 + c2) + x} is what would run anyway);
 *   <li>factors of exactly 1.0 are dropped, and {@code u / 1.0} and {@code u ^ 1.0} are
 *       {@code u}: IEEE multiplication and division by one, and {@code Math.pow(u, 1)}, return
 *       {@code u} unchanged, signed zeros and infinities included.
 * </ul>
 * Not {@code u + 0.0} (it turns -0.0 into 0.0) and nothing that reorders operations.
 */
final class Folding {
    private Folding() {}

    /** A simpler equivalent of the node with canonical children {@code kids}, or null. */
    static Expr fold(Expr node, List<Object> kids) {
        return switch (node) {
            case Neg n -> kids.getFirst() instanceof Const(double v) ? new Const(-v) : null;
            case Add a -> prefix(kids, true);
            case Mul m -> {
                List<Object> rest = new ArrayList<>();
                for (Object k : kids) if (!(k instanceof Const(double v) && v == 1.0)) rest.add(k);
                if (rest.isEmpty()) yield new Const(1.0);
                if (rest.size() == 1) yield (Expr) rest.getFirst();
                Expr folded = prefix(rest, false);
                yield folded != null ? folded : rest.size() < kids.size() ? new Mul(exprs(rest)) : null;
            }
            case Div d -> {
                if (kids.get(1) instanceof Const(double b)) {
                    if (b == 1.0) yield (Expr) kids.get(0);
                    if (kids.get(0) instanceof Const(double a)) yield new Const(a / b);
                }
                yield null;
            }
            case Pow p -> {
                if (kids.get(1) instanceof Const(double k)) {
                    if (k == 1.0) yield (Expr) kids.get(0);
                    Expr base = (Expr) kids.get(0);
                    if (base instanceof Const(double b)) yield new Const(PowLowering.apply(PowLowering.formOf(base, (Expr) kids.get(1)), b, k));
                }
                yield null;
            }
            case Call(var fn, var args) -> {
                double[] values = new double[kids.size()];
                for (int i = 0; i < values.length; i++) {
                    if (!(kids.get(i) instanceof Const(double v))) yield null;
                    values[i] = v;
                }
                try {
                    yield new Const(fn.apply(values));
                } catch (RuntimeException notAvailable) {
                    yield null;   // a primitive that cannot run at compile time stays a call
                }
            }
            default -> null;
        };
    }

    /** Combines a leading run of two or more constants; null if there is none. */
    private static Expr prefix(List<Object> kids, boolean sum) {
        if (!(kids.get(0) instanceof Const(double acc)) || !(kids.get(1) instanceof Const)) return null;
        int i = 1;
        for (; i < kids.size() && kids.get(i) instanceof Const(double v); i++) acc = sum ? acc + v : acc * v;
        if (i == kids.size()) return new Const(acc);
        List<Expr> rest = new ArrayList<>();
        rest.add(new Const(acc));
        rest.addAll(exprs(kids.subList(i, kids.size())));
        return sum ? new Add(rest) : new Mul(rest);
    }

    private static List<Expr> exprs(List<Object> kids) {
        List<Expr> out = new ArrayList<>();
        for (Object k : kids) out.add((Expr) k);
        return out;
    }
}
