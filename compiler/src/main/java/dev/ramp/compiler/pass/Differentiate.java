package dev.ramp.compiler.pass;

import static dev.ramp.compiler.ir.Exprs.*;

import dev.ramp.compiler.ir.Expr;
import dev.ramp.compiler.ir.Expr.*;
import dev.ramp.compiler.ir.Fn;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Symbolic differentiation: one exhaustive {@code switch} over {@link Expr}. The structural rules
 * (sum, product, quotient, power) live here; the chain rule for primitives lives once in
 * {@link Fn#derivative}, and each primitive's local derivative beside its definition.
 *
 * <p>A subtree that does not mention the variable differentiates to the constant 0 (the smart
 * constructors drop it), so the derivative with respect to {@code x} of a parameter-only factor
 * costs nothing. {@code where} differentiates each branch under the same condition, which keeps
 * a NaN in an inactive branch out of the derivative, and gives the documented value at a kink.
 *
 * {@snippet :
 * Expr tanh = call(Fn.TANH, var("x"));
 * Printer.print(Differentiate.derivative(tanh, "x"));      // 1 - tanh(x)^2
 * Printer.print(Differentiate.derivative(tanh, "x", 2));   // -2 * tanh(x) * (1 - tanh(x)^2)
 * }
 */
public final class Differentiate {
    private Differentiate() {}

    /** The simplified derivative of {@code e} with respect to {@code var}. */
    public static Expr derivative(Expr e, String var) {
        return derivative(e, var, 1);
    }

    /**
     * The simplified {@code order}-th derivative ({@code order >= 0}; 0 gives the simplified
     * expression). Each order is simplified before the next is taken, which keeps the fourth
     * derivative of mish a few hundred nodes instead of tens of thousands.
     */
    public static Expr derivative(Expr e, String var, int order) {
        if (order < 0) throw new IllegalArgumentException("negative derivative order " + order);
        Expr d = Simplify.simplify(e);
        for (int i = 0; i < order; i++) d = Simplify.simplify(rawDerivative(d, var));
        return d;
    }

    /**
     * The derivative exactly as the rules build it, before simplification (the smart constructors'
     * O(1) canonicalisation only). Shared subtrees (by identity) are differentiated once.
     */
    public static Expr rawDerivative(Expr e, String var) {
        return new Run(var).d(e);
    }

    /** One differentiation, with its memo: derivative trees share their inputs' subtrees. */
    private static final class Run {
        private final String var;
        private final Map<Expr, Expr> memo = new IdentityHashMap<>();

        Run(String var) {
            this.var = var;
        }

        Expr d(Expr e) {
            Expr known = memo.get(e);
            if (known != null) return known;
            Expr result = compute(e);
            memo.put(e, result);
            return result;
        }

        private Expr compute(Expr e) {
            return switch (e) {
                case Const c -> ZERO;
                case Var(String name) -> name.equals(var) ? ONE : ZERO;
                // -(0) would be the constant -0.0: the derivative of a constant is +0.
                case Neg(Expr a) -> isZero(d(a)) ? ZERO : neg(d(a));
                case Add(List<Expr> terms) -> add(terms.stream().map(this::d).toList());
                case Mul(List<Expr> factors) -> product(factors);
                case Div(Expr num, Expr den) -> quotient(num, den);
                case Pow(Expr base, Expr exponent) -> power(e, base, exponent);
                case Call(Fn fn, List<Expr> args) -> fn.derivative(args, args.stream().map(this::d).toList());
                case Where(var cond, Expr ifTrue, Expr ifFalse) -> where(cond, d(ifTrue), d(ifFalse));
            };
        }

        /** The n-ary product rule: the sum over i of the product with factor i replaced by its derivative. */
        private Expr product(List<Expr> factors) {
            List<Expr> terms = new ArrayList<>();
            for (int i = 0; i < factors.size(); i++) {
                Expr di = d(factors.get(i));
                if (isZero(di)) continue;
                List<Expr> term = new ArrayList<>(factors);
                term.set(i, di);
                terms.add(mul(term));
            }
            return add(terms);
        }

        /** (n/d)' = (n'd - nd')/d^2, with the cheaper forms when either side is constant. */
        private Expr quotient(Expr num, Expr den) {
            Expr dn = d(num), dd = d(den);
            if (isZero(dd)) return div(dn, den);
            Expr denSquared = pow(den, TWO);
            if (isZero(dn)) return neg(div(mul(num, dd), denSquared));
            return div(sub(mul(dn, den), mul(num, dd)), denSquared);
        }

        /**
         * The power rule c·u^(c-1)·u' when the exponent does not depend on the variable (it need
         * not be a literal: a parameter works too); u^v·log(u)·v' when only the exponent does; and
         * the general u^v·(v'·log u + v·u'/u) otherwise.
         */
        private Expr power(Expr self, Expr base, Expr exponent) {
            Expr du = d(base), dv = d(exponent);
            if (isZero(dv)) {
                if (isZero(du)) return ZERO;
                Expr lowered = exponent instanceof Const(double c) ? constant(c - 1) : sub(exponent, ONE);
                return mul(List.of(exponent, pow(base, lowered), du));
            }
            Expr logBase = call(Fn.LOG, base);
            if (isZero(du)) return mul(List.of(self, logBase, dv));
            return mul(self, add(mul(dv, logBase), div(mul(exponent, du), base)));
        }
    }
}
