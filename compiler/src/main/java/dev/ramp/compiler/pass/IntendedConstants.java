package dev.ramp.compiler.pass;

import static dev.ramp.compiler.ir.Exprs.*;

import dev.ramp.compiler.ir.Cond;
import dev.ramp.compiler.ir.Expr;
import dev.ramp.compiler.ir.Expr.*;
import dev.ramp.compiler.ir.Fn;
import dev.ramp.compiler.reference.HighPrecision;
import dev.ramp.compiler.reference.Real;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a constant of the IR stands for. The IR holds doubles, but {@code 1.702} in a definition
 * means the decimal 1.702, not the nearest double (1.70199999999999995737...), and
 * {@code 0.7071067811865476} or {@code 1 / sqrt(2)} means 1/sqrt(2). The difference is below half
 * an ulp and harmless almost everywhere; but where a function amplifies its argument's relative
 * error (erfc(x / sqrt 2) by about x^2, sigmoid(1.702 x) by |1.702 x|) it becomes hundreds of ulps
 * of the result. So the stabiliser carries each constant's low part ({@link #lowPart}) into its
 * compensated arguments, and {@code ramp check} measures against the constants as meant
 * ({@link #exact}).
 *
 * <p>The reading, in order:
 * <ol>
 *   <li>a double within one ulp of 2^k times a named constant (pi, e, sqrt 2, sqrt pi, 1/sqrt pi,
 *       sqrt(2/pi), 1/pi, ln 2, ln 10, 1/ln 2, 1/ln 10) is that multiple of the constant: so
 *       0.7071067811865476 is 1/sqrt(2), 0.3989422804014327 is 1/sqrt(2 pi), and a
 *       {@code sqrt(2 / pi)} folded in double, which may land an ulp off, is still sqrt(2/pi);
 *   <li>any other double is the shortest decimal that reads back as it ({@link Double#toString}):
 *       what was typed, for a literal, and within half an ulp of the double in every case.
 * </ol>
 * Doubles that are exactly their decimal (0.5, 3, 0.25) have no low part.
 */
public final class IntendedConstants {
    private IntendedConstants() {}

    /** A named irrational, as an expression the reference evaluator computes exactly. */
    private record Named(String name, Expr exact, BigDecimal value) {
        Named(String name, Expr exact) {
            this(name, exact, valueOf(exact));
        }
    }

    private static final Expr PI = mul(constant(4), call(Fn.ATAN, ONE));

    /** The named constants; each matches its multiples by powers of two. */
    private static final List<Named> NAMED = List.of(
            new Named("pi", PI),
            new Named("1/pi", div(ONE, PI)),
            new Named("e", call(Fn.EXP, ONE)),
            new Named("sqrt(2)", call(Fn.SQRT, TWO)),
            new Named("sqrt(pi)", call(Fn.SQRT, PI)),
            new Named("1/sqrt(pi)", div(ONE, call(Fn.SQRT, PI))),
            new Named("sqrt(2/pi)", call(Fn.SQRT, div(TWO, PI))),
            new Named("ln(2)", call(Fn.LOG, TWO)),
            new Named("ln(10)", call(Fn.LOG, constant(10))),
            new Named("1/ln(2)", div(ONE, call(Fn.LOG, TWO))),
            new Named("1/ln(10)", div(ONE, call(Fn.LOG, constant(10)))));

    private static BigDecimal valueOf(Expr exact) {
        Real r = new HighPrecision().evaluate(exact, name -> {
            throw new IllegalArgumentException(name);
        }).value();
        return ((Real.Finite) r).value();
    }

    /**
     * An expression whose exact value is what {@code c} stands for: {@code c} itself when it is
     * exactly its decimal; the named constant (times its power of two); or the decimal as a
     * ratio of integers, which the reference evaluator divides exactly.
     */
    public static Expr exact(double c) {
        if (!Double.isFinite(c) || c == 0) return constant(c);
        Named n = named(c);
        if (n != null) {
            Expr scaled = mul(constant(scale(n, c)), n.exact());
            return c < 0 ? neg(scaled) : scaled;
        }
        BigDecimal decimal = decimal(c);
        if (decimal.compareTo(new BigDecimal(c)) == 0) return constant(c);
        return ratio(decimal);
    }

    /**
     * What {@code c} stands for minus {@code c}, rounded to a double: the low part of a
     * double-double pair (c, lowPart(c)) for the value meant. Zero when {@code c} is exact.
     */
    public static double lowPart(double c) {
        if (!Double.isFinite(c) || c == 0) return 0;
        Named n = named(c);
        BigDecimal meant;
        if (n != null) {
            meant = n.value().multiply(new BigDecimal(scale(n, c)));
            if (c < 0) meant = meant.negate();
        } else {
            meant = decimal(c);
        }
        return meant.subtract(new BigDecimal(c)).doubleValue();
    }

    /** The named constant {@code c} is taken for, as text ({@code "1/sqrt(2) * 0.5"}), or null. */
    public static String name(double c) {
        Named n = named(c);
        if (n == null) return null;
        double scale = Math.copySign(scale(n, c), c);
        return (scale == 1 ? "" : scale == -1 ? "-" : scale + " * ") + n.name();
    }

    /** The named constant c is within one ulp of a power-of-two multiple of, or null. */
    private static Named named(double c) {
        for (Named n : NAMED) {
            double v = approximately(n, c);
            if (Math.abs(Math.abs(c) - v) <= Math.ulp(v)) return n;
        }
        return null;
    }

    /** The power of two that brings n's value into |c|'s binade. */
    private static double scale(Named n, double c) {
        return Math.scalb(1.0, Math.getExponent(Math.abs(c)) - Math.getExponent(n.value().doubleValue()));
    }

    /** The double nearest to n's value scaled into |c|'s binade. */
    private static double approximately(Named n, double c) {
        return n.value().doubleValue() * scale(n, c);
    }

    /** The shortest decimal that reads back as c. */
    private static BigDecimal decimal(double c) {
        return new BigDecimal(Double.toString(c));
    }

    /**
     * {@code d} as (m1 * 10^9 + m2) / 10^s or m * 10^k, with every constant an exact double (m
     * of up to 17 digits split in two), so that the reference computes the decimal exactly.
     */
    private static Expr ratio(BigDecimal d) {
        BigInteger m = d.unscaledValue();
        int scale = d.scale();
        Expr mantissa;
        if (m.abs().bitLength() <= 53) {
            mantissa = constant(m.doubleValue());
        } else {
            BigInteger[] qr = m.divideAndRemainder(BigInteger.TEN.pow(9));
            mantissa = add(mul(constant(qr[0].doubleValue()), constant(1e9)), constant(qr[1].doubleValue()));
        }
        if (scale == 0) return mantissa;
        if (scale > 0) return div(mantissa, powerOfTen(scale));
        return mul(mantissa, powerOfTen(-scale));
    }

    /** 10^k exactly: a double up to 10^22, a power beyond. */
    private static Expr powerOfTen(int k) {
        if (k <= 22) return constant(new BigDecimal(BigInteger.TEN.pow(k)).round(MathContext.DECIMAL64).doubleValue());
        return pow(constant(10), constant(k));
    }

    /**
     * {@code e} with every constant replaced by {@link #exact} of it: an expression whose exact
     * value is the function as meant, for the reference evaluator (shared subtrees replaced once).
     */
    public static Expr asMeant(Expr e) {
        return new AsMeant().expr(e);
    }

    private static final class AsMeant {
        private final Map<Expr, Expr> done = new IdentityHashMap<>();

        Expr expr(Expr e) {
            Expr known = done.get(e);
            if (known != null) return known;
            Expr r = switch (e) {
                case Const(double c) -> exact(c);
                case Var v -> e;
                case Neg(Expr a) -> new Neg(expr(a));
                case Add(List<Expr> ts) -> new Add(ts.stream().map(this::expr).toList());
                case Mul(List<Expr> fs) -> new Mul(fs.stream().map(this::expr).toList());
                case Div(Expr n, Expr d) -> new Div(expr(n), expr(d));
                case Pow(Expr b, Expr x) -> new Pow(expr(b), x instanceof Const ? x : expr(x));
                case Call(var fn, List<Expr> args) -> new Call(fn, args.stream().map(this::expr).toList());
                case Where(Cond c, Expr t, Expr f) -> new Where(cond(c), expr(t), expr(f));
            };
            done.put(e, r);
            return r;
        }

        private Cond cond(Cond c) {
            return switch (c) {
                case Cond.Compare(Cond.Op op, Expr l, Expr r) -> new Cond.Compare(op, expr(l), expr(r));
                case Cond.And(Cond l, Cond r) -> new Cond.And(cond(l), cond(r));
                case Cond.Or(Cond l, Cond r) -> new Cond.Or(cond(l), cond(r));
                case Cond.Not(Cond x) -> new Cond.Not(cond(x));
            };
        }
    }
}
