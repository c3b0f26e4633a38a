package dev.ramp.compiler.pass;

import static dev.ramp.compiler.ir.Exprs.*;

import dev.ramp.compiler.ir.Cond;
import dev.ramp.compiler.ir.Expr;
import dev.ramp.compiler.ir.Fn;
import java.util.List;
import java.util.function.Function;

/**
 * Compensated arguments: {@code g(u)} where g amplifies its argument's relative error (exp(u) by
 * |u|, erfc(u) by about 2u^2, sigmoid(u) by |u| for u < 0) and u is rounded (u = 1.702 * x, or
 * -(x / sqrt 2)^2) becomes the first-order expansion at the double-double u = hi + lo of
 * {@link ErrorFree}:
 *
 * <pre>
 *   exp(hi + lo)      = exp(hi) + exp(hi) lo
 *   expm1(hi + lo)    = expm1(hi) + (expm1(hi) + 1) lo
 *   erfc(hi + lo)     = erfc(hi) - 2/sqrt(pi) exp(-hi hi) lo
 *   sigmoid(hi + lo)  = s + s (1 - s) lo,        s = sigmoid(hi)
 *   softplus(hi + lo) = softplus(hi) + sigmoid(hi) lo
 *   log(hi + lo)      = log(hi) + lo / hi
 *   log1p(hi + lo)    = log1p(hi) + lo / (1 + hi)
 *   sinh, cosh        = sinh(hi) + cosh(hi) lo, cosh(hi) + sinh(hi) lo
 * </pre>
 *
 * The neglected second-order term is below lo^2 times the function's curvature, far under an
 * ulp. In sigmoid's correction 1 - s cancels for large hi, but there the correction is itself
 * below an ulp of s. The result is {@code where(|lo| < inf, corrected, g(hi))}: a NaN low part
 * (Veltkamp's split overflowing beyond 2^996) selects the plain value, and is never added in.
 *
 * <p>Functions that do not amplify (tanh, erf, sqrt: condition number at most 1) are left alone,
 * and so is an argument whose {@link Range} keeps the amplification at most 1 (exp of
 * something in [-1, 1]).
 */
final class Compensate {
    private static final Expr TWO_OVER_SQRT_PI = constant(1.1283791670955126);

    private Compensate() {}

    /**
     * The compensated form of {@code fn(u)}, or null when fn does not amplify there or u is
     * exact. {@code ranges} is the interval analysis of u.
     */
    static Expr compensated(Fn fn, Expr u, ErrorFree errors, Function<Expr, Range> ranges) {
        if (!amplifies(fn, ranges.apply(u))) return null;
        ErrorFree.Split s = errors.split(u);
        if (s.exact()) return null;
        Expr hi = s.hi(), lo = s.lo();
        Expr plain = call(fn, hi);
        Expr corrected = switch (fn) {
            case EXP -> add(plain, mul(plain, lo));
            case EXPM1 -> add(plain, mul(add(plain, ONE), lo));
            case ERFC -> sub(plain, mul(List.of(TWO_OVER_SQRT_PI, call(Fn.EXP, neg(new Expr.Mul(List.of(hi, hi)))), lo)));
            case SIGMOID -> add(plain, mul(List.of(plain, sub(ONE, plain), lo)));
            case SOFTPLUS -> add(plain, mul(call(Fn.SIGMOID, hi), lo));
            case LOG -> add(plain, div(lo, hi));
            case LOG1P -> add(plain, div(lo, add(ONE, hi)));
            case SINH -> add(plain, mul(call(Fn.COSH, hi), lo));
            case COSH -> add(plain, mul(call(Fn.SINH, hi), lo));
            default -> throw new IllegalStateException(fn + " does not amplify");
        };
        // Only where both are finite: an infinite plain value times a zero correction would be NaN.
        Cond finite = new Cond.And(s.finiteLow(), new Cond.Compare(Cond.Op.LT, call(Fn.ABS, plain), constant(Double.POSITIVE_INFINITY)));
        return where(finite, corrected, plain);
    }

    /** Whether fn can amplify a relative error of its argument more than about 1 over the range r. */
    static boolean amplifies(Fn fn, Range r) {
        double m = Math.max(Math.abs(r.lo()), Math.abs(r.hi()));
        return switch (fn) {
            case EXP, SINH, COSH -> m > 1;
            case EXPM1 -> r.hi() > 0;               // u e^u / expm1(u) <= 1 for u <= 0
            case ERFC -> r.hi() > 0.5;              // about 2u^2 for large u; below 1 for u < 0.5
            case SIGMOID, SOFTPLUS -> r.lo() < -1;  // about |u| as u -> -inf; below 1 for u > -1
            case LOG -> r.hi() > 0.3 && r.lo() < 3; // 1 / |log u| exceeds 1 on (1/e, e)
            case LOG1P -> r.lo() < -0.6;            // |u / ((1 + u) log1p(u))| exceeds 1 below about -0.6
            default -> false;
        };
    }
}
