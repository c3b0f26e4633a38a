package dev.ramp.compiler.pass;

import static dev.ramp.compiler.ir.Exprs.*;

import dev.ramp.compiler.ir.Cond;
import dev.ramp.compiler.ir.Expr;
import dev.ramp.compiler.ir.Expr.*;
import dev.ramp.compiler.ir.Fn;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * An expression's double value as an unevaluated pair hi + lo, built in IR: {@code hi} computes
 * the expression with a known order of roundings, {@code lo} its rounding error to first order
 * (plus the low parts of its constants, {@link IntendedConstants#lowPart}). The stabiliser feeds
 * such pairs to functions that amplify their argument's error: erfc(hi + lo) ~ erfc(hi) -
 * 2/sqrt(pi) e^(-hi^2) lo.
 *
 * <p>The IR has no fused multiply-add, so the error-free transformations are the classic
 * fma-free ones: Knuth's TwoSum (six additions) and Dekker's TwoProduct with Veltkamp's split
 * (a constant operand is split once, at compile time). Every node is built unflattened, so the
 * code generator performs exactly these operations in exactly this order (Java arithmetic is
 * IEEE and never fused or reassociated). Veltkamp's split overflows beyond 2^996, which makes
 * {@code lo} NaN there; callers branch on {@code lo} being finite ({@link Compensate}).
 *
 * <p>Handled: constants, variables, negation, sums, products, quotients, small integer powers
 * and {@code abs}; anything else is taken as exact (its own rounding is not recovered, only
 * the error of the operations above it), which is never worse than not compensating.
 */
final class ErrorFree {
    /** 2^27 + 1: Veltkamp's splitter for doubles. */
    private static final Expr SPLITTER = constant(134217729.0);
    private static final Expr INFINITY = constant(Double.POSITIVE_INFINITY);

    /**
     * hi + lo. {@code lo} is the constant 0 exactly when no rounding was found (an exact
     * expression such as {@code -2 * abs(x)}).
     */
    record Split(Expr hi, Expr lo) {
        boolean exact() {
            return isZero(lo);
        }

        /** A condition that holds where lo is a finite number (false for NaN and infinities). */
        Cond finiteLow() {
            return new Cond.Compare(Cond.Op.LT, call(Fn.ABS, lo), INFINITY);
        }
    }

    private final Map<Expr, Split> memo = new IdentityHashMap<>();

    /** The split of {@code e}. */
    Split split(Expr e) {
        Split known = memo.get(e);
        if (known != null) return known;
        Split s = compute(e);
        memo.put(e, s);
        return s;
    }

    private Split compute(Expr e) {
        return switch (e) {
            case Const(double c) -> new Split(e, constant(IntendedConstants.lowPart(c)));
            case Var v -> new Split(e, ZERO);
            case Neg(Expr a) -> {
                Split s = split(a);
                yield new Split(neg(s.hi), neg(s.lo));
            }
            case Add(List<Expr> terms) -> {
                Split acc = split(terms.getFirst());
                for (int i = 1; i < terms.size(); i++) acc = sum(acc, split(terms.get(i)));
                yield acc;
            }
            case Mul(List<Expr> factors) -> {
                Split acc = split(factors.getFirst());
                for (int i = 1; i < factors.size(); i++) acc = product(acc, split(factors.get(i)));
                yield acc;
            }
            case Div(Expr n, Expr d) -> quotient(split(n), split(d));
            case Pow(Expr b, Const(double k)) when k == 2 || k == 3 || k == 4 -> {
                Split base = split(b);
                Split acc = product(base, base);
                for (int i = 2; i < k; i++) acc = product(acc, base);
                yield acc;
            }
            case Call(Fn fn, List<Expr> args) when fn == Fn.ABS -> {
                Split s = split(args.getFirst());
                Expr hi = call(Fn.ABS, s.hi);
                yield new Split(hi, s.exact() ? ZERO : mul(call(Fn.SIGN, s.hi), s.lo));
            }
            case Pow p -> new Split(e, ZERO);
            case Call c -> new Split(e, ZERO);
            case Where w -> new Split(e, ZERO);
        };
    }

    /** (a + b) rounded, with its error from TwoSum plus the operands' low parts. */
    private static Split sum(Split a, Split b) {
        if (isZero(a.hi)) return b;
        if (isZero(b.hi)) return a;
        Expr s = binary(a.hi, b.hi);
        // TwoSum: bb = s - a; err = (a - (s - bb)) + (b - bb), exact for any finite a and b.
        Expr bb = minus(s, a.hi);
        Expr err = binary(minus(a.hi, minus(s, bb)), minus(b.hi, bb));
        return new Split(s, add(List.of(a.lo, b.lo, err)));
    }

    /** (a * b) rounded, with its error from TwoProduct plus a.lo b + a b.lo. */
    private static Split product(Split a, Split b) {
        Expr p = new Mul(List.of(a.hi, b.hi));
        Expr err = exactScaling(a.hi) || exactScaling(b.hi) ? ZERO : twoProductError(a.hi, b.hi, p);
        return new Split(p, add(List.of(mul(a.lo, b.hi), mul(a.hi, b.lo), err)));
    }

    /** (n / d) rounded: the remainder n - q d is exact by TwoProduct, and (r + n.lo - q d.lo) / d corrects q. */
    private static Split quotient(Split n, Split d) {
        Expr q = new Div(n.hi, d.hi);
        Expr remainder = ZERO;
        if (!exactScaling(d.hi)) {
            Expr p = new Mul(List.of(q, d.hi));
            remainder = minus(minus(n.hi, p), twoProductError(q, d.hi, p));
        }
        Expr numerator = add(List.of(remainder, n.lo, neg(mul(q, d.lo))));
        return new Split(q, isZero(numerator) ? ZERO : new Div(numerator, d.hi));
    }

    /** A power-of-two constant: multiplying or dividing by it is exact (away from underflow). */
    private static boolean exactScaling(Expr e) {
        if (!(e instanceof Const(double c)) || c == 0 || !Double.isFinite(c)) return false;
        double m = Math.abs(c);
        return m == Math.scalb(1.0, Math.getExponent(m)) && Math.getExponent(m) >= Double.MIN_EXPONENT;
    }

    /** Dekker: ((ah bh - p) + ah bl + al bh) + al bl, which is a b - p exactly. */
    private static Expr twoProductError(Expr a, Expr b, Expr p) {
        Expr[] as = halves(a), bs = halves(b);
        Expr e = binary(minus(new Mul(List.of(as[0], bs[0])), p), new Mul(List.of(as[0], bs[1])));
        e = binary(e, new Mul(List.of(as[1], bs[0])));
        return binary(e, new Mul(List.of(as[1], bs[1])));
    }

    /** Veltkamp's split into a high half of 26 bits and the rest; done now for a constant. */
    private static Expr[] halves(Expr a) {
        if (a instanceof Const(double c)) {
            double t = 134217729.0 * c;
            double high = t - (t - c);
            return new Expr[] {constant(high), constant(c - high)};
        }
        Expr t = new Mul(List.of(SPLITTER, a));
        Expr high = minus(t, minus(t, a));
        return new Expr[] {high, minus(a, high)};
    }

    /** a + b as one rounded addition (not flattened into a larger sum). */
    private static Expr binary(Expr a, Expr b) {
        return new Add(List.of(a, b));
    }

    /** a - b as one rounded subtraction. */
    private static Expr minus(Expr a, Expr b) {
        return new Add(List.of(a, neg(b)));
    }
}
