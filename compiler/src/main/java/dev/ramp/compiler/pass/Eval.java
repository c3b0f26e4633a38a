package dev.ramp.compiler.pass;

import dev.ramp.compiler.ir.Cond;
import dev.ramp.compiler.ir.Expr;
import dev.ramp.compiler.ir.Expr.*;
import java.util.List;
import java.util.Map;

/**
 * The reference evaluator: walks the tree in double precision, with exactly the semantics that
 * compiled code must reproduce. It is the oracle the code generator is tested against and the
 * {@code --interpreted} path of the command line.
 *
 * <p>Semantics: IEEE double arithmetic, {@link Math#pow} for {@code ^}, each primitive's
 * {@link dev.ramp.compiler.ir.Fn#apply}; {@code where} evaluates its condition and then only the
 * chosen branch, so a NaN or infinity in the inactive branch never reaches the result.
 *
 * {@snippet :
 * Expr mish = mul(var("x"), call(Fn.TANH, call(Fn.SOFTPLUS, var("x"))));
 * double y = Eval.eval(mish, "x", 1.0);                    // 0.8650983882673103
 * double z = Eval.eval(mul(var("a"), var("x")), Map.of("x", 2.0, "a", 3.0)); // 6.0
 * }
 */
public final class Eval {
    private Eval() {}

    /**
     * Values of variables. A functional interface rather than a map so that callers binding one
     * or two variables (the usual case) pay no boxing or hashing per lookup.
     */
    @FunctionalInterface
    public interface Env {
        /** The value of the variable {@code name}; throws if it is unbound. */
        double value(String name);

        /** An environment binding only {@code name}. */
        static Env of(String name, double value) {
            return n -> {
                if (n.equals(name)) return value;
                throw unbound(n);
            };
        }

        /** An environment over a map; missing names throw. */
        static Env of(Map<String, Double> values) {
            return n -> {
                Double v = values.get(n);
                if (v == null) throw unbound(n);
                return v;
            };
        }
    }

    /** The value of {@code e} with the single variable {@code name} bound to {@code value}. */
    public static double eval(Expr e, String name, double value) {
        return eval(e, Env.of(name, value));
    }

    /** The value of {@code e} with variables bound by {@code env}. */
    public static double eval(Expr e, Map<String, Double> env) {
        return eval(e, Env.of(env));
    }

    /** The value of {@code e} with variables bound by {@code env}. */
    public static double eval(Expr e, Env env) {
        return switch (e) {
            case Const(double v) -> v;
            case Var(String name) -> env.value(name);
            case Neg(Expr a) -> -eval(a, env);
            case Add(List<Expr> terms) -> {
                // Left to right, as the code generator emits it, so both round identically.
                double sum = eval(terms.getFirst(), env);
                for (int i = 1; i < terms.size(); i++) sum += eval(terms.get(i), env);
                yield sum;
            }
            case Mul(List<Expr> factors) -> {
                double product = eval(factors.getFirst(), env);
                for (int i = 1; i < factors.size(); i++) product *= eval(factors.get(i), env);
                yield product;
            }
            case Div(Expr num, Expr den) -> eval(num, env) / eval(den, env);
            case Pow(Expr base, Expr exponent) -> Math.pow(eval(base, env), eval(exponent, env));
            case Call(var fn, List<Expr> args) -> args.size() == 1
                    ? fn.apply(eval(args.getFirst(), env))
                    : fn.apply(eval(args.get(0), env), eval(args.get(1), env));
            case Where(Cond cond, Expr ifTrue, Expr ifFalse) -> test(cond, env) ? eval(ifTrue, env) : eval(ifFalse, env);
        };
    }

    /** The truth of {@code c}; comparisons follow IEEE rules (anything compared with NaN is false, except {@code !=}). */
    public static boolean test(Cond c, Env env) {
        return switch (c) {
            case Cond.Compare(Cond.Op op, Expr left, Expr right) -> op.test(eval(left, env), eval(right, env));
            case Cond.And(Cond left, Cond right) -> test(left, env) && test(right, env);
            case Cond.Or(Cond left, Cond right) -> test(left, env) || test(right, env);
            case Cond.Not(Cond operand) -> !test(operand, env);
        };
    }

    private static IllegalArgumentException unbound(String name) {
        return new IllegalArgumentException("unbound variable '" + name + "'");
    }
}
