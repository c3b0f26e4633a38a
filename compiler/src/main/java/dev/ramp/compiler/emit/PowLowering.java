package dev.ramp.compiler.emit;

import dev.ramp.compiler.ir.Expr;
import dev.ramp.compiler.ir.Expr.*;
import dev.ramp.compiler.ir.Fn;
import java.util.List;

/**
 * How {@code b ^ k} with a constant exponent is compiled, and the same rule in Java
 * ({@link #apply}) so that tests can predict the emitted results bit for bit.
 *
 * <pre>{@code
 * k = 2    ->  b * b                 identical to Math.pow(b, 2) (JDK special-cases 2.0 the same way)
 * k = 3    ->  b * b * b             two roundings: within ~1 ulp of Math.pow, differs in ~20% of inputs
 * k = 4    ->  (b * b) * (b * b)     two roundings: within ~1.5 ulp, differs in ~35% of inputs
 * k = -1   ->  1 / b                 correctly rounded (Math.pow(b, -1) is not always)
 * k = 0.5  ->  Math.sqrt(b + 0.0)    only when b can never be -Infinity, see below
 * other    ->  Math.pow(b, k)        a C2 intrinsic, within 1 ulp
 * }</pre>
 *
 * <p>Why only these: a chain of multiplications gains one rounding per step, and for negative
 * exponents {@code 1/(b*b)} overflows to 0 where {@code Math.pow} still gives a subnormal, so
 * longer chains and other negative powers stay with {@code Math.pow}. Special values agree with
 * {@code Math.pow} for every lowered case (zeros with their signs, infinities, NaN), except that
 * {@code sqrt(-Infinity)} is NaN where {@code pow(-Infinity, 0.5)} is +Infinity; so 0.5 is lowered
 * only when the base is a function whose value is never -Infinity (exp, abs, sqrt, cosh,
 * sigmoid, softplus, a square, a non-negative constant). The {@code + 0.0} turns -0.0 into +0.0,
 * as {@code pow(-0.0, 0.5) = +0.0}.
 */
final class PowLowering {
    private PowLowering() {}

    /** The lowered forms, plus the fallback. */
    enum Form { SQUARE, CUBE, FOURTH, RECIPROCAL, SQRT, POW }

    /** The form {@code base ^ exponent} compiles to. */
    static Form formOf(Expr base, Expr exponent) {
        if (!(exponent instanceof Const(double k))) return Form.POW;
        if (k == 2) return Form.SQUARE;
        if (k == 3) return Form.CUBE;
        if (k == 4) return Form.FOURTH;
        if (k == -1) return Form.RECIPROCAL;
        if (k == 0.5 && neverNegativeInfinity(base)) return Form.SQRT;
        return Form.POW;
    }

    /** What the emitted code computes for {@code b ^ k} in the given form. */
    static double apply(Form form, double b, double k) {
        return switch (form) {
            case SQUARE -> b * b;
            case CUBE -> b * b * b;
            case FOURTH -> {
                double s = b * b;
                yield s * s;
            }
            case RECIPROCAL -> 1.0 / b;
            case SQRT -> Math.sqrt(b + 0.0);
            case POW -> Math.pow(b, k);
        };
    }

    private static final List<Fn> NON_NEGATIVE = List.of(Fn.EXP, Fn.ABS, Fn.SQRT, Fn.COSH, Fn.SIGMOID, Fn.SOFTPLUS);

    private static boolean neverNegativeInfinity(Expr b) {
        return switch (b) {
            case Const(double v) -> v >= 0;
            case Call(Fn fn, var args) -> NON_NEGATIVE.contains(fn);
            case Pow(Expr base, Const(double k)) -> k == 2;
            default -> false;
        };
    }
}
