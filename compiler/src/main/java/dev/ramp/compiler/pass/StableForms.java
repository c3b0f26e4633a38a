package dev.ramp.compiler.pass;

import static dev.ramp.compiler.ir.Exprs.*;

import dev.ramp.compiler.ir.Cond;
import dev.ramp.compiler.ir.Expr;
import dev.ramp.compiler.ir.Expr.*;
import dev.ramp.compiler.ir.Fn;
import java.util.List;

/**
 * The stable forms the rules of {@link StableRules} rewrite to, one builder each. Every
 * exponential in them has a nonpositive argument, so none overflows; where a form needs a
 * branch, the threshold is stated with the reason for it, and the branch not taken is never
 * evaluated ({@code where} is a real branch), so it cannot turn the result into NaN.
 */
final class StableForms {
    private StableForms() {}

    /** The negation in the simplifier's normal form: constants and coefficients absorb the sign. */
    static Expr negate(Expr e) {
        return switch (e) {
            case Const(double c) -> constant(-c);
            case Neg(Expr a) -> a;
            case Mul(List<Expr> fs) when fs.getFirst() instanceof Const(double c) -> {
                List<Expr> flipped = new java.util.ArrayList<>(fs);
                flipped.set(0, constant(-c));
                yield mul(flipped);
            }
            default -> new Neg(e);
        };
    }

    /** c * e, with a coefficient of e folded in (exact when c is a power of two). */
    static Expr scale(double c, Expr e) {
        if (c == 1) return e;
        if (c == -1) return negate(e);
        if (e instanceof Mul(List<Expr> fs) && fs.getFirst() instanceof Const(double k)) {
            List<Expr> scaled = new java.util.ArrayList<>(fs);
            scaled.set(0, constant(c * k));
            return mul(scaled);
        }
        if (e instanceof Neg(Expr a)) return scale(-c, a);
        return mul(constant(c), e);
    }

    /** |e|, moving a sign or a coefficient's sign outside: |-2 x| = 2 |x|, the same rounding. */
    static Expr abs(Expr e) {
        return switch (e) {
            case Neg(Expr a) -> abs(a);
            case Mul(List<Expr> fs) when fs.size() == 2 && fs.getFirst() instanceof Const(double c) -> scale(Math.abs(c), call(Fn.ABS, fs.get(1)));
            case Const(double c) -> constant(Math.abs(c));
            default -> call(Fn.ABS, e);
        };
    }

    /** sigmoid(u), with an odd argument's sign kept inside (sigmoid is not odd). */
    static Expr sigmoid(Expr u) {
        return call(Fn.SIGMOID, u);
    }

    /** tanh(u) with the sign of a negated argument moved out (tanh is odd). */
    static Expr tanh(Expr u) {
        return switch (u) {
            case Neg(Expr a) -> neg(call(Fn.TANH, a));
            case Mul(List<Expr> fs) when fs.getFirst() instanceof Const(double c) && c < 0 -> neg(call(Fn.TANH, negate(u)));
            default -> call(Fn.TANH, u);
        };
    }

    /**
     * sech(u)^2 = 1 - tanh(u)^2 = 4e / (1 + e)^2 with e = exp(-2|u|) <= 1: no cancellation and no
     * overflow (1/cosh(u)^2 is 0 from |u| = 355, where the true value is still a normal number).
     * The square is expanded, (1 + e)^2 = 1 + e (2 + e), so that 1 + e is never rounded on its own:
     * at most 2 ulp for an exact e where the square form reaches 3.2.
     */
    static Expr sech2(Expr u) {
        Expr e = call(Fn.EXP, scale(-2, abs(u)));
        return div(mul(constant(4), e), onePlusSquared(e));
    }

    /** (1 + e)^2 as 1 + e (2 + e). */
    private static Expr onePlusSquared(Expr e) {
        return add(ONE, mul(e, add(TWO, e)));
    }

    /**
     * sigmoid(u) sigmoid(-u) = e / (1 + e)^2 with e = exp(-|u|) <= 1: symmetric, one exponential
     * instead of two, and neither factor is computed as 1 - sigmoid; the square expanded as in
     * {@link #sech2}.
     */
    static Expr sigmoidProduct(Expr u) {
        Expr e = call(Fn.EXP, negate(abs(u)));
        return div(e, onePlusSquared(e));
    }

    /**
     * 1 - tanh(softplus(u))^2, mish's sech^2 term, in closed form (tanh(log y) = (y^2 - 1)/(y^2 + 1)
     * with y = 1 + e^u): 4 (1 + e)^2 / (e^2 + 2e + 2)^2 with e = e^u for u <= 0, and
     * (2e (1 + e) / (1 + 2e + 2e^2))^2 with e = e^-u for u > 0. The split at 0 keeps e <= 1; no
     * term cancels. The generic sech^2 form would round softplus(u) first, and exp(-2 softplus(u))
     * amplifies that rounding by 2u (hundreds of ulps at u = 300).
     */
    static Expr mishSech2(Expr u) {
        Expr e = call(Fn.EXP, u);
        Expr left = div(mul(constant(4), pow(add(ONE, e), TWO)), pow(add(mul(e, add(e, TWO)), TWO), TWO));
        Expr f = call(Fn.EXP, negate(u));
        Expr twoFf = mul(List.of(TWO, f, add(ONE, f)));
        Expr right = pow(div(twoFf, add(ONE, twoFf)), TWO);
        return where(new Cond.Compare(Cond.Op.LE, u, ZERO), left, right);
    }

    /**
     * tanh(softplus(u)), mish's factor, in closed form: n / (n + 2) with n = e (e + 2), e = e^u,
     * for u <= 0, and (1 + 2f) / (1 + 2f + 2f^2) with f = e^-u for u > 0. One exponential instead
     * of exp, log1p and tanh (symbolic.md: 7 times faster), and it shares e with
     * {@link #mishSech2}, so that mish' = t + x s sech^2 has correlated rounding in its two terms,
     * which cancel near its zero at x = -1.19 (1 ulp at x = -1 instead of 7).
     */
    static Expr mishTanh(Expr u) {
        Expr e = call(Fn.EXP, u);
        Expr n = mul(e, add(e, TWO));
        Expr left = div(n, add(n, TWO));
        Expr f = call(Fn.EXP, negate(u));
        Expr num = add(ONE, mul(TWO, f));
        Expr right = div(num, add(num, mul(List.of(TWO, f, f))));
        return where(new Cond.Compare(Cond.Op.LE, u, ZERO), left, right);
    }

    /**
     * Below this |u|, u - tanh(u) cancels more than one bit (tanh(1.6) = 0.92, and u - tanh(u)
     * falls below u/2 under about 1.6), so the continued fraction takes over.
     */
    static final double TANHSHRINK_SWITCH = 1.6;

    /**
     * u - tanh(u) without cancellation near 0. Lambert's continued fraction
     * tanh(u) = u / (1 + y), y = u^2 / (3 + u^2 / (5 + u^2 / (7 + ...))), gives
     * u - tanh(u) = u y / (1 + y), every step on positive numbers; eleven levels leave a
     * truncation error below 1e-20 for |u| < 1.6. Above, the difference as written.
     *
     * @param asWritten the original {@code u - tanh(u)}, kept as the large-|u| branch
     */
    static Expr tanhshrink(Expr u, Expr asWritten) {
        Expr u2 = mul(u, u);
        Expr d = constant(23);
        for (int k = 21; k >= 3; k -= 2) d = add(constant(k), div(u2, d));
        Expr y = div(u2, d);
        Expr series = div(mul(u, y), add(ONE, y));
        return where(new Cond.Compare(Cond.Op.LT, abs(u), constant(TANHSHRINK_SWITCH)), series, asWritten);
    }

    /** Below this |u|, expm1(u) - u is summed as its Taylor series (see {@link #expm1MinusArg}). */
    static final double EXPM1_REMAINDER_SWITCH = 2;

    /**
     * e^u - 1 - u without cancellation near 0: u^2 (1/2! + u/3! + u^2/4! + ...) for |u| < 2,
     * where the terms to 1/26! leave a truncation error below 2^-60 of the sum (the series'
     * terms all have the sign of u^n, and for u < 0 they alternate but the sum stays above
     * u^2/2 - |u|^3/6, so at most a factor 3 is lost at u = -2, none near 0); expm1(u) - u
     * beyond, where expm1(u) is at least 1.6 times |u| away from u.
     */
    static Expr expm1MinusArg(Expr u) {
        Expr p = constant(1 / factorial(26));
        for (int n = 25; n >= 2; n--) p = add(constant(1 / factorial(n)), mul(u, p));
        Expr series = mul(mul(u, u), p);
        return where(new Cond.Compare(Cond.Op.LT, abs(u), constant(EXPM1_REMAINDER_SWITCH)), series,
                sub(call(Fn.EXPM1, u), u));
    }

    /**
     * expm1(u) / u as its Taylor series 1 + u/2! + u^2/3! + ... + u^25/26! for |u| < 2 (the
     * terms left out are below 2^-60 of the sum), expm1(u) (1 / u) beyond. A polynomial near 0,
     * so that its derivatives are polynomials too: the quotient's own derivatives,
     * (u e^u - expm1(u)) / u^2 and beyond, cancel to ever higher order there (and divide 0 by 0
     * where u^2 underflows).
     *
     * @param seal marks the series as a final form
     */
    static Expr expm1Quotient(Expr u, java.util.function.UnaryOperator<Expr> seal) {
        Expr p = constant(1 / factorial(26));
        for (int n = 25; n >= 1; n--) p = add(constant(1 / factorial(n)), mul(u, p));
        Expr rest = mul(call(Fn.EXPM1, u), div(ONE, u));   // not a quotient, so that this rule does not take it again
        return where(new Cond.Compare(Cond.Op.LT, abs(u), constant(EXPM1_REMAINDER_SWITCH)), seal.apply(p), rest);
    }

    private static double factorial(int n) {
        double f = 1;
        for (int k = 2; k <= n; k++) f *= k;
        return f;
    }

    /**
     * Beyond this |u|, sinh(u/2)^2 overflows (it reaches the largest double at |u| = 2 asinh(sqrt(MAX)),
     * about 710.5); 700 leaves room. There log(cosh(u)) = |u| - ln 2 to the last bit, since the
     * dropped log1p(e^(-2|u|)) is below e^-1400.
     */
    static final double LOG_COSH_SWITCH = 700;

    /**
     * log(cosh(u)) = log1p(2 sinh(u/2)^2), since cosh(u) = 1 + 2 sinh(u/2)^2: accurate near 0
     * (about u^2/2, where log(cosh(u)) would take the log of a number next to 1) and up to
     * {@link #LOG_COSH_SWITCH}; |u| - ln 2 beyond, where cosh overflows.
     */
    static Expr logCosh(Expr u) {
        Expr half = scale(0.5, u);
        Expr small = call(Fn.LOG1P, mul(TWO, pow(call(Fn.SINH, half), TWO)));
        Expr large = sub(abs(u), constant(Math.log(2)));
        return where(new Cond.Compare(Cond.Op.LT, abs(u), constant(LOG_COSH_SWITCH)), small, large);
    }

    /**
     * Where exp(a) nears the bottom of the normal range (ln(2^-1022) = -708.4): a factor below
     * it loses precision to gradual underflow, and one product with a large cofactor
     * (x sigmoid(x) at x = -745) is off by hundreds of subnormal ulps. Taken 18 higher, so that a
     * tail's own factor down to e^-18 (erfc's 1/(u sqrt(pi)) is about 1/47 there) cannot
     * make g subnormal while a is still above the threshold.
     */
    static final double UNDERFLOW = -690;

    /** e^600 cannot underflow or overflow a factor near the bottom of the range: the shift used below. */
    static final double SHIFT = 600;

    /**
     * The tail of a factor that decays like an exponential: {@code g = factor * exp(a)} to double
     * precision wherever a < {@link #UNDERFLOW}, or null for a factor that does not decay so.
     */
    record Tail(Expr a, Expr factor) {}

    /**
     * The tail of {@code g}: exp, sigmoid, softplus, erfc, the stable forms built above, a
     * positive integer power of one, and functions that are the identity to the last bit near 0
     * (tanh, sinh, expm1, log1p, atan, sin) of one.
     */
    static Tail tail(Expr g) {
        switch (g) {
            case Pow(Expr b, Const(double k)) when k == Math.rint(k) && k >= 1 && k <= 8 -> {
                Tail t = tail(b);
                return t == null ? null : new Tail(scale(k, t.a()), pow(t.factor(), constant(k)));
            }
            case Call(Fn fn, List<Expr> args) when fn == Fn.SOFTPLUS -> {
                // log(1 + e^u) = e^u to the last bit once e^u < 2^-53.
                return new Tail(args.getFirst(), ONE);
            }
            case Call(Fn fn, List<Expr> args) when fn == Fn.TANH || fn == Fn.SINH || fn == Fn.EXPM1 || fn == Fn.LOG1P
                    || fn == Fn.ATAN || fn == Fn.SIN -> {
                // f(v) = v (1 + O(v)) with v below 2^-1000: the tail of v itself.
                return tail(args.getFirst());
            }
            case Call(Fn fn, List<Expr> args) when fn == Fn.EXP -> {
                return new Tail(args.getFirst(), ONE);
            }
            case Call(Fn fn, List<Expr> args) when fn == Fn.SIGMOID -> {
                // sigmoid(u) = e^u / (1 + e^u) = e^u to the last bit once e^u < 2^-53.
                return new Tail(args.getFirst(), ONE);
            }
            case Call(Fn fn, List<Expr> args) when fn == Fn.ERFC -> {
                Expr u = args.getFirst();
                return new Tail(neg(mul(u, call(Fn.ABS, u))), erfcTailFactor(u));
            }
            case Div(Expr num, Expr den) when num instanceof Call(Fn fn, List<Expr> args) && fn == Fn.EXP && den.equals(onePlusSquared(num)) -> {
                // sigmoidProduct: e / (1 + e)^2, e = exp(w): about e for w << 0.
                return new Tail(args.getFirst(), ONE);
            }
            case Div(Mul(List<Expr> fs), Expr den) when fs.size() == 2 && fs.get(0).equals(constant(4))
                    && fs.get(1) instanceof Call(Fn fn, List<Expr> args) && fn == Fn.EXP && den.equals(onePlusSquared(fs.get(1))) -> {
                // sech2: 4e / (1 + e)^2, e = exp(w): about 4e for w << 0.
                return new Tail(args.getFirst(), constant(4));
            }
            case Where(Cond.Compare(Cond.Op op, Expr u, Const(double zero)), Expr left, Expr right)
                    when op == Cond.Op.LE && zero == 0 && g.equals(mishSech2(u)) -> {
                // (2e (1 + e) / (1 + 2e + 2e^2))^2 with e = e^-u: about 4 e^-2u for u >> 0.
                return new Tail(scale(-2, u), constant(4));
            }
            case Where(Cond.Compare(Cond.Op op, Expr u, Const(double zero)), Expr left, Expr right)
                    when op == Cond.Op.LE && zero == 0 && g.equals(mishTanh(u)) -> {
                // n / (n + 2) with n = e (e + 2), e = e^u: about e^u for u << 0.
                return new Tail(u, ONE);
            }
            default -> {
                return null;
            }
        }
    }

    /**
     * erfc(u) = e^(-u^2) / (u sqrt(pi)) * S(u) for u > 26, with the asymptotic series
     * S(u) = 1 - 1/(2u^2) + 3/(2u^2)^2 - 15/(2u^2)^3 + ...; nine terms leave an error below 1e-21
     * there. Only used where a = -u|u| < -690, that is u > 26.2.
     */
    private static Expr erfcTailFactor(Expr u) {
        Expr t = div(ONE, mul(constant(2), mul(u, u)));   // 1 / (2u^2)
        // Horner form of sum_k (-1)^k (2k-1)!! t^k: 1 - t (1 - 3t (1 - 5t (1 - ...))).
        Expr series = ONE;
        for (int k = 9; k >= 1; k--) series = sub(ONE, mul(List.of(constant(2 * k - 1), t, series)));
        return div(series, mul(constant(Math.sqrt(Math.PI)), u));
    }

    /**
     * A product with a decaying factor g = factor * exp(a), evaluated without letting g underflow:
     * where a < {@link #UNDERFLOW}, (rest * factor * exp(a + 600)) * e^-600, whose only rounding
     * into the subnormal range is the last one; the plain product elsewhere. If that is NaN (the
     * rest overflowed while exp(a + 600) underflowed, 0 * inf), the true product is far below the
     * smallest double, and the result 0.
     */
    static Expr underflowSafe(Expr product, List<Expr> rest, Tail tail) {
        Expr shifted = call(Fn.EXP, add(tail.a(), constant(SHIFT)));
        List<Expr> factors = new java.util.ArrayList<>(rest);
        if (!isOne(tail.factor())) factors.add(tail.factor());
        factors.add(shifted);
        factors.add(constant(Math.exp(-SHIFT)));
        Expr p = new Mul(factors);
        Expr guarded = where(new Cond.Compare(Cond.Op.EQ, p, p), p, ZERO);
        return where(new Cond.Compare(Cond.Op.LT, tail.a(), constant(UNDERFLOW)), guarded, product);
    }

    /** c when {@code s} is u^2 + c for a constant c with |c| <= 1e250, else null. */
    static Double squarePlusConstant(Expr s, Expr u) {
        if (!(s instanceof Add(List<Expr> terms))) return null;
        double c = 0;
        boolean square = false;
        for (Expr t : terms) {
            if (t instanceof Const(double v)) c += v;
            else if (!square && t.equals(pow(u, TWO))) square = true;
            else return null;
        }
        return square && Math.abs(c) <= 1e250 ? c : null;
    }

    /**
     * The |u| beyond which sqrt(u^2 + c) is |u| to the last bit: sqrt(|c|) 2^27. There
     * c / u^2 <= 2^-54, so sqrt(u^2 + c) = |u| (1 + d) with |d| <= 2^-55, less than half the
     * relative spacing of doubles (at least 2^-54) on either side of |u|: |u| is the correctly
     * rounded root, in double and all the more in float. Below it, u^2 stays far from overflow
     * in both formats: for c = 4 (squareplus) the switch is at 2.7e8, where u^2 = 7.2e16 (float
     * overflows from 1.8e19, so fast mode's float lanes need the switch this low), and for
     * |c| <= 1e250 u^2 < 1.8e266.
     */
    static double squareSwitch(double c) {
        return Math.sqrt(Math.abs(c)) * 0x1p27;
    }

    /** sqrt(u^2 + c), or |u| where that is the correctly rounded root (and u^2 could overflow). */
    static Expr sqrtSumSquare(Expr u, double c) {
        Expr root = call(Fn.SQRT, add(constant(c), pow(u, TWO)));
        return where(new Cond.Compare(Cond.Op.LT, abs(u), constant(squareSwitch(c))), root, abs(u));
    }

    /**
     * Where exp(a) nears the top of the range (ln(MAX) = 709.8), taken lower by the same margin
     * as {@link #UNDERFLOW}.
     */
    static final double OVERFLOW = 690;

    /**
     * The growth of a factor that increases like an exponential: {@code g = factor * exp(a)} to
     * double precision wherever a > {@link #OVERFLOW}, or null. exp, expm1 (e^u - 1 = e^u there),
     * cosh and sinh (e^|u| / 2, with u's sign for sinh).
     */
    static Tail growth(Expr g) {
        return switch (g) {
            case Call(Fn fn, List<Expr> args) when fn == Fn.EXP || fn == Fn.EXPM1 -> new Tail(args.getFirst(), ONE);
            case Call(Fn fn, List<Expr> args) when fn == Fn.COSH -> new Tail(abs(args.getFirst()), constant(0.5));
            case Call(Fn fn, List<Expr> args) when fn == Fn.SINH -> new Tail(abs(args.getFirst()), mul(constant(0.5), call(Fn.SIGN, args.getFirst())));
            default -> null;
        };
    }

    /**
     * A product or quotient with a growing factor g = factor * exp(a), evaluated without letting g
     * overflow: where a > {@link #OVERFLOW}, (rest * factor * exp(a - 600)) * e^600, which
     * overflows only if the result does (expm1(x) / x is finite up to x = 716); the plain
     * expression elsewhere, and where the scaled one is NaN (rest 0 with exp(a - 600) infinite).
     */
    static Expr overflowSafe(Expr plain, Expr rest, Tail growth) {
        Expr shifted = call(Fn.EXP, sub(growth.a(), constant(SHIFT)));
        List<Expr> factors = new java.util.ArrayList<>();
        factors.add(rest);
        if (!isOne(growth.factor())) factors.add(growth.factor());
        factors.add(shifted);
        factors.add(constant(Math.exp(SHIFT)));
        Expr p = new Mul(factors);
        Expr guarded = where(new Cond.Compare(Cond.Op.EQ, p, p), p, plain);
        return where(new Cond.Compare(Cond.Op.GT, growth.a(), constant(OVERFLOW)), guarded, plain);
    }
}
