package dev.ramp.compiler.emit;

import static dev.ramp.compiler.ir.Exprs.*;

import dev.ramp.compiler.ir.Cond;
import dev.ramp.compiler.ir.Expr;
import dev.ramp.compiler.ir.Fn;
import java.util.List;

/** Hand-written test activations with hand-written derivatives (no symbolic passes needed). */
final class Activations {
    private Activations() {}

    static final Expr X = var("x");

    static Cond gt(Expr a, Expr b) {
        return new Cond.Compare(Cond.Op.GT, a, b);
    }

    static Cond lt(Expr a, Expr b) {
        return new Cond.Compare(Cond.Op.LT, a, b);
    }

    /** mish = x tanh(softplus x); mish' = t + x (1 - t^2) sigmoid(x); mish'' left out (order 1 only). */
    static Emitter.Spec mish() {
        Expr t = call(Fn.TANH, call(Fn.SOFTPLUS, X));
        Expr f = mul(X, t);
        Expr d1 = add(t, mul(List.of(X, sub(ONE, pow(t, TWO)), call(Fn.SIGMOID, X))));
        return new Emitter.Spec("mish", "x", List.of(), List.of(), f, List.of(d1), List.of());
    }

    /** silu = x s(x); silu' = s + x s (1 - s); silu'' = s(1-s)(2 + x(1 - 2s)). */
    static Emitter.Spec silu() {
        Expr s = call(Fn.SIGMOID, X);
        Expr oneMinusS = sub(ONE, s);
        Expr f = mul(X, s);
        Expr d1 = add(s, mul(List.of(X, s, oneMinusS)));
        Expr d2 = mul(List.of(s, oneMinusS, add(TWO, mul(X, sub(ONE, mul(TWO, s))))));
        return new Emitter.Spec("silu", "x", List.of(), List.of(), f, List.of(d1, d2), List.of());
    }

    /**
     * elu(x; alpha) = where(x > 0, x, alpha (exp(x) - 1)); elu' = where(x > 0, 1, alpha exp(x));
     * elu'' = where(x > 0, 0, alpha exp(x)); d/dalpha = where(x > 0, 0, exp(x) - 1).
     * The derivative's test is written 0 < x: the emitter must see it as the same condition.
     */
    static Emitter.Spec elu(double alpha) {
        Expr a = var("alpha");
        Expr e = call(Fn.EXP, X);
        Expr f = where(gt(X, ZERO), X, mul(a, sub(e, ONE)));
        Expr d1 = where(lt(ZERO, X), ONE, mul(a, e));
        Expr d2 = where(gt(X, ZERO), ZERO, mul(a, e));
        Expr dAlpha = where(gt(X, ZERO), ZERO, sub(e, ONE));
        return new Emitter.Spec("elu", "x", List.of("alpha"), List.of(alpha), f, List.of(d1, d2), List.of(dAlpha));
    }

    /** leaky_relu(x; slope) = max(x, slope x) with the derivative from Fn.MAX's tie convention. */
    static Emitter.Spec leakyRelu(double slope) {
        Expr p = var("slope");
        Expr f = call(Fn.MAX, X, mul(p, X));
        Expr d1 = Fn.MAX.derivative(List.of(X, mul(p, X)), List.of(ONE, p));
        Expr dp = Fn.MAX.derivative(List.of(X, mul(p, X)), List.of(ZERO, X));
        return new Emitter.Spec("leaky_relu", "x", List.of("slope"), List.of(slope), f, List.of(d1), List.of(dp));
    }

    /** A polynomial with powers that lower: x^2 + x^3 / 3 + x^-1 + |x|^0.5. */
    static Emitter.Spec powers() {
        Expr f = add(List.of(pow(X, TWO), div(pow(X, constant(3)), constant(3)), pow(X, MINUS_ONE), pow(call(Fn.ABS, X), constant(0.5))));
        Expr d1 = add(List.of(mul(TWO, X), pow(X, TWO), neg(pow(X, constant(-2))), pow(X, constant(4))));
        return new Emitter.Spec("powers", "x", List.of(), List.of(), f, List.of(d1), List.of());
    }

    static List<Emitter.Spec> all() {
        return List.of(mish(), silu(), elu(1.0), elu(0.3), leakyRelu(0.01), powers());
    }
}
