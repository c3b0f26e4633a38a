package dev.ramp.compiler.emit;

import dev.ramp.compiler.ir.Cond;
import dev.ramp.compiler.ir.Cond.*;
import dev.ramp.compiler.ir.Expr;
import dev.ramp.compiler.ir.Expr.*;
import dev.ramp.compiler.ir.Fn;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Random IR over the input {@code x} and parameters {@code alpha}, {@code beta}: every node
 * kind, every primitive, constant
 * powers that hit each lowering, conditions with and/or/not, and deliberate sharing (a subterm
 * used several times) so that CSE has work to do.
 */
final class RandomExprs {
    private RandomExprs() {}

    static final List<Fn> UNARY = java.util.Arrays.stream(Fn.values())
            .filter(f -> f.arity() == 1).toList();
    static final List<Fn> BINARY = java.util.Arrays.stream(Fn.values()).filter(f -> f.arity() == 2).toList();
    static final List<String> PARAMS = List.of("alpha", "beta");

    static Arbitrary<Double> constants() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.of(0.0, -0.0, 1.0, -1.0, 2.0, 0.5, 3.0, 0.01, 1.0507009873554805, Double.NaN,
                        Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1e300, -4.0)),
                Tuple.of(2, Arbitraries.doubles().between(-10, 10)));
    }

    /** Parameter values: some of them turn {@code x ^ alpha} into a lowered power. */
    static Arbitrary<Double> parameterValues() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of(2.0, 3.0, 0.5, -1.0, 4.0, 0.0, -0.0, 1.0)),
                Tuple.of(2, Arbitraries.doubles().between(-3, 3)));
    }

    static Arbitrary<Expr> leaf() {
        return Arbitraries.frequencyOf(
                Tuple.of(5, Arbitraries.just(new Var("x"))),
                Tuple.of(3, constants().map(Const::new)),
                Tuple.of(1, Arbitraries.of(PARAMS).map(Var::new)));
    }

    static Arbitrary<Expr> exprs(int depth) {
        if (depth == 0) return leaf();
        Arbitrary<Expr> sub = Arbitraries.lazy(() -> exprs(depth - 1));
        Arbitrary<Expr> exponent = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of(2.0, 3.0, 4.0, -1.0, 0.5, 1.5, -2.0).map(Const::new)),
                Tuple.of(1, Arbitraries.of(PARAMS).map(Var::new)),
                Tuple.of(1, sub));
        Arbitrary<Expr> sqrtBase = Combinators.combine(Arbitraries.of(Fn.EXP, Fn.ABS, Fn.COSH, Fn.SOFTPLUS), sub)
                .as((fn, a) -> new Call(fn, List.of(a)));
        return Arbitraries.frequencyOf(
                Tuple.of(2, leaf()),
                Tuple.of(1, sub.map(Neg::new)),
                Tuple.of(2, sub.list().ofMinSize(2).ofMaxSize(4).map(Add::new)),
                Tuple.of(2, sub.list().ofMinSize(2).ofMaxSize(4).map(Mul::new)),
                Tuple.of(1, Combinators.combine(sub, sub).as(Div::new)),
                Tuple.of(2, Combinators.combine(sub, exponent).as(Pow::new)),
                Tuple.of(1, sqrtBase.map(b -> new Pow(b, new Const(0.5)))),
                Tuple.of(3, Combinators.combine(Arbitraries.of(UNARY), sub).as((fn, a) -> new Call(fn, List.of(a)))),
                Tuple.of(1, Combinators.combine(Arbitraries.of(BINARY), sub, sub).as((fn, a, b) -> new Call(fn, List.of(a, b)))),
                Tuple.of(2, Combinators.combine(conds(depth - 1), sub, sub).as(Where::new)),
                Tuple.of(1, sub.map(s -> new Add(List.of(s, new Mul(List.of(s, s)))))),
                Tuple.of(1, Combinators.combine(conds(depth - 1), sub, sub)
                        .as((c, a, b) -> new Mul(List.of(new Where(c, a, b), new Where(c, b, new Neg(a)), a)))));
    }

    static Arbitrary<Cond> conds(int depth) {
        Arbitrary<Expr> sub = Arbitraries.lazy(() -> exprs(Math.max(0, depth - 1)));
        Arbitrary<Cond> compare = Combinators.combine(Arbitraries.of(Op.values()), sub, sub).as(Compare::new);
        if (depth == 0) return compare;
        Arbitrary<Cond> inner = Arbitraries.lazy(() -> conds(depth - 1));
        return Arbitraries.frequencyOf(
                Tuple.of(5, compare),
                Tuple.of(1, Combinators.combine(inner, inner).as(And::new)),
                Tuple.of(1, Combinators.combine(inner, inner).as(Or::new)),
                Tuple.of(1, inner.map(Not::new)));
    }

    /** Specs whose "derivatives" are just other random expressions: the emitter never looks. */
    static Arbitrary<Emitter.Spec> specs(int depth) {
        return Combinators.combine(exprs(depth), exprs(depth), exprs(depth), exprs(depth - 1), exprs(depth - 1),
                        parameterValues(), parameterValues())
                .as((f, d1, d2, dA, dB, a, b) -> new Emitter.Spec("random", "x", PARAMS, List.of(a, b), f, List.of(d1, d2), List.of(dA, dB)));
    }

    /**
     * A large random tree (no jqwik: the huge-expression test needs one specific size), built
     * from few constants so that it exceeds method limits before the constant pool.
     */
    static Expr huge(Random r, int nodes) {
        if (nodes <= 1) {
            return switch (r.nextInt(3)) {
                case 0 -> new Var("x");
                case 1 -> new Const(r.nextInt(8) - 3);
                default -> new Var("alpha");
            };
        }
        int left = 1 + r.nextInt(nodes - 1);
        Expr a = huge(r, left), b = huge(r, nodes - left);
        return switch (r.nextInt(8)) {
            case 0 -> new Add(List.of(a, b));
            case 1 -> new Mul(List.of(a, new Call(Fn.TANH, List.of(b))));
            case 2 -> new Div(a, new Add(List.of(new Const(2), new Call(Fn.ABS, List.of(b)))));
            case 3 -> new Where(new Compare(Op.LT, a, b), a, new Neg(b));
            case 4 -> new Call(Fn.MAX, List.of(a, b));
            case 5 -> new Add(List.of(new Call(Fn.SIN, List.of(a)), new Pow(b, new Const(2))));
            case 6 -> new Call(Fn.SIGMOID, List.of(new Add(List.of(a, b))));
            default -> new Mul(List.of(new Call(Fn.ATAN, List.of(a)), b));
        };
    }
}
