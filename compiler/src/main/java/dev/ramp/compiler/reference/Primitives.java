package dev.ramp.compiler.reference;

import static dev.ramp.compiler.reference.Val.mag;
import static dev.ramp.compiler.reference.Val.plus;
import static dev.ramp.compiler.reference.Val.times;

import dev.ramp.compiler.ir.Fn;
import dev.ramp.compiler.reference.Real.Beyond;
import dev.ramp.compiler.reference.Real.Finite;
import dev.ramp.compiler.reference.Real.Infinite;
import dev.ramp.compiler.reference.Real.Undefined;
import dev.ramp.compiler.reference.Real.Why;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;

/**
 * The primitives of {@link Fn} on {@link Val}s at one working precision: {@link BigMath} and
 * {@link BigErf} for finite arguments in range, limits at the infinities (exp(-inf) = 0,
 * atan(inf) = pi/2, erfc(-inf) = 2, sin(inf) undefined), and sign-and-bound results where the
 * value leaves the representable range (exp(-1e9) is a {@link Beyond} tiny positive number).
 * Each finite result carries its error bounds: the derivative's magnitude times the argument's
 * bound, plus one rounding unless the result is exact (f(0) for most f, sqrt of a square).
 */
final class Primitives {
    private static final double LOG10_E = Math.log10(Math.E);
    /** Beyond this |x| (in decimal exponent), sin and cos would need pi to too many digits. */
    private static final long TRIG_EXPONENT_LIMIT = 2000;

    private final MathContext mc;
    private final Arithmetic arithmetic;

    Primitives(MathContext mc, Arithmetic arithmetic) {
        this.mc = mc;
        this.arithmetic = arithmetic;
    }

    Val apply(Fn fn, List<Val> args) {
        if (fn == Fn.MAX || fn == Fn.MIN) return extremum(fn, args.get(0), args.get(1));
        Val x = args.getFirst();
        return switch (x.value()) {
            case Undefined u -> x;
            case Infinite(boolean negative) -> atInfinity(fn, negative, x);
            case Beyond b -> beyond(fn, b, x);
            case Finite(BigDecimal v) -> finite(fn, v, x);
        };
    }

    /** max and min as Math.max and Math.min: undefined if either is; the chosen argument unchanged. */
    private Val extremum(Fn fn, Val a, Val b) {
        if (a.value() instanceof Undefined) return a;
        if (b.value() instanceof Undefined) return b;
        int c = arithmetic.compare(a.value(), b.value());
        return (fn == Fn.MAX) == (c >= 0) ? a : b;
    }

    private Val finite(Fn fn, BigDecimal v, Val x) {
        int sign = v.signum();
        double vd = v.doubleValue(); // only to choose a range; +-Infinity when huge
        double limit = BigMath.EXP_ARGUMENT_LIMIT;
        return switch (fn) {
            case EXP -> vd > limit ? big(1, vd * LOG10_E, x) : vd < -limit ? big(1, vd * LOG10_E, x)
                    : exp(v, x);
            case EXPM1 -> vd > limit ? big(1, vd * LOG10_E, x) : vd < -limit ? saturated(BigDecimal.ONE.negate(), x)
                    : expm1(v, x);
            case LOG -> sign <= 0 ? boundary(sign, x, new Infinite(true))
                    : result(BigMath.log(v, mc), BigDecimal.ONE.divide(mag(v), Val.LOW), x, v.compareTo(BigDecimal.ONE) == 0);
            case LOG1P -> log1p(v, x);
            case SQRT -> sqrt(v, x);
            case ABS -> new Val(new Finite(v.abs()), x.err(), x.scale());
            case SIGN -> new Val(new Finite(BigDecimal.valueOf(sign)), certain(v, x) ? BigDecimal.ZERO : null, BigDecimal.ZERO);
            case TANH -> {
                BigDecimal r = BigMath.tanh(v, mc);
                BigDecimal d = mag(BigDecimal.ONE.subtract(r.multiply(r)));
                // 1 - |tanh v| = 2 e^-2|v| / (1 + e^-2|v|) < 10^(log10 2 - 2|v| log10 e)
                if (r.abs().compareTo(BigDecimal.ONE) == 0) yield limit(r, d, x, Math.log10(2) - 2 * Math.abs(vd) * LOG10_E);
                yield result(r, d, x, sign == 0);
            }
            case SINH -> Math.abs(vd) > limit ? big(sign, Math.abs(vd) * LOG10_E, x) : sinh(v, x);
            case COSH -> Math.abs(vd) > limit ? big(1, Math.abs(vd) * LOG10_E, x) : cosh(v, x);
            case SIN, COS -> {
                if (sign != 0 && BigMath.exponent(v) > TRIG_EXPONENT_LIMIT) throw new Arithmetic.OutOfRange("sin/cos argument");
                BigDecimal r = fn == Fn.SIN ? BigMath.sin(v, mc) : BigMath.cos(v, mc);
                yield result(r, BigDecimal.ONE, x, sign == 0);
            }
            case ATAN -> result(BigMath.atan(v, mc), BigDecimal.ONE.divide(BigDecimal.ONE.add(v.multiply(v), Val.LOW), Val.LOW), x, sign == 0);
            case SIGMOID -> {
                if (vd < -limit) yield big(1, vd * LOG10_E, x);
                BigDecimal r = BigMath.sigmoid(v, mc);
                BigDecimal d = mag(r.multiply(BigDecimal.ONE.subtract(r, Val.LOW)));
                if (r.compareTo(BigDecimal.ONE) == 0) yield limit(r, d, x, -vd * LOG10_E); // 1 - sigmoid v < e^-v
                yield result(r, d, x, sign == 0);
            }
            case SOFTPLUS -> {
                if (vd < -limit) yield big(1, vd * LOG10_E, x);
                BigDecimal r = BigMath.softplus(v, mc);
                if (sign > 0 && r.compareTo(v) == 0) yield limit(r, BigDecimal.ONE, x, -vd * LOG10_E); // softplus v - v < e^-v
                yield result(r, mag(r).min(BigDecimal.ONE), x, false);
            }
            case ERF -> {
                BigDecimal r = BigErf.erf(v, mc);
                if (r.abs().compareTo(BigDecimal.ONE) == 0) yield limit(r, erfDerivative(v), x, -vd * vd * LOG10_E); // erfc |v| < e^-v^2
                yield result(r, erfDerivative(v), x, sign == 0);
            }
            case ERFC -> {
                if (vd > Math.sqrt(limit)) {
                    // erfc x < e^(-x^2) / (x sqrt(pi)) < 10^(-x^2 log10 e)
                    yield big(1, -vd * vd * LOG10_E, x);
                }
                BigDecimal r = BigErf.erfc(v, mc);
                if (r.compareTo(BigDecimal.TWO) == 0) yield limit(r, erfDerivative(v), x, -vd * vd * LOG10_E);
                yield result(r, erfDerivative(v), x, sign == 0);
            }
            case MAX, MIN -> throw new IllegalStateException("binary");
        };
    }

    private Val exp(BigDecimal v, Val x) {
        BigDecimal r = BigMath.exp(v, mc);
        return result(r, mag(r), x, v.signum() == 0);
    }

    private Val expm1(BigDecimal v, Val x) {
        BigDecimal r = BigMath.expm1(v, mc);
        BigDecimal d = mag(r.add(BigDecimal.ONE, Val.LOW)); // e^v
        if (r.compareTo(BigDecimal.ONE.negate()) == 0) return limit(r, d, x, v.doubleValue() * LOG10_E);
        return result(r, d, x, v.signum() == 0);
    }

    private Val log1p(BigDecimal v, Val x) {
        int c = v.compareTo(BigDecimal.ONE.negate());
        if (c <= 0) {
            // Whether 1 + v is certainly <= 0 is a question about v + 1, not v.
            Val shifted = arithmetic.add(List.of(x, Val.exact(new Finite(BigDecimal.ONE))));
            return boundary(c, shifted, new Infinite(true));
        }
        return result(BigMath.log1p(v, mc), BigDecimal.ONE.divide(mag(v.add(BigDecimal.ONE, Val.LOW)), Val.LOW), x, v.signum() == 0);
    }

    private Val sqrt(BigDecimal v, Val x) {
        if (v.signum() < 0) return boundary(-1, x, null);
        BigDecimal r = BigMath.sqrt(v, mc);
        boolean exact = r.multiply(r).compareTo(v) == 0;
        // d sqrt = 1 / (2 sqrt v): unbounded at an inexact 0, where the error is not first order.
        BigDecimal d = r.signum() == 0 ? null : BigDecimal.ONE.divide(mag(r).multiply(BigDecimal.TWO), Val.LOW);
        return result(r, d, x, exact);
    }

    /** Whether the sign of v is certain: v is exact, or farther from 0 than its error bound reaches. */
    private boolean certain(BigDecimal v, Val x) {
        return x.err() != null && (x.err().signum() == 0
                || v.abs().compareTo(x.err().scaleByPowerOfTen(2 - mc.getPrecision())) > 0);
    }

    private Val sinh(BigDecimal v, Val x) {
        BigDecimal r = BigMath.sinh(v, mc);
        return result(r, mag(r).add(BigDecimal.ONE, Val.LOW), x, v.signum() == 0);
    }

    private Val cosh(BigDecimal v, Val x) {
        BigDecimal r = BigMath.cosh(v, mc);
        return result(r, mag(r), x, v.signum() == 0);
    }

    /** |erf'(v)| = 2/sqrt(pi) e^(-v^2), to a few digits. */
    private static BigDecimal erfDerivative(BigDecimal v) {
        BigDecimal v2 = v.multiply(v, Val.LOW);
        if (v2.doubleValue() > BigMath.EXP_ARGUMENT_LIMIT) return BigDecimal.ZERO;
        return BigMath.exp(v2.negate(), Val.LOW).multiply(new BigDecimal("1.1284"), Val.LOW);
    }

    /**
     * A finite result r of a primitive with derivative magnitude d at the argument: its bounds
     * are d times the argument's plus one rounding (none if exact).
     */
    private static Val result(BigDecimal r, BigDecimal d, Val x, boolean exact) {
        BigDecimal local = exact ? BigDecimal.ZERO : mag(r);
        return new Val(Real.of(r), plus(times(d, x.err()), local), plus(times(d, x.scale()), local));
    }

    /**
     * A result rounded to its limit value (tanh 40 = 1 at 30 digits): its rounding error is the
     * distance to the limit, below 10^log10Gap, far smaller than a unit in the last place.
     * That matters where the limit then cancels, as in 1 + erf(-30) in gelu: a bound of one unit
     * would make the evaluator raise the precision for a result below every double.
     */
    private Val limit(BigDecimal r, BigDecimal d, Val x, double log10Gap) {
        BigDecimal local = gap(log10Gap + mc.getPrecision() - 1);
        return new Val(new Finite(r), plus(times(d, x.err()), local), plus(times(d, x.scale()), mag(r)));
    }

    /** 10^log10 as a magnitude, never below 10^-EXPONENT_LIMIT (so never an exact 0). */
    private static BigDecimal gap(double log10) {
        double clamped = Math.max(log10, -Real.EXPONENT_LIMIT);
        return BigDecimal.ONE.scaleByPowerOfTen((int) Math.ceil(clamped));
    }

    /** A limit value reached by a beyond-range argument, as 1 for cosh of a tiny number. */
    private static Val saturated(BigDecimal r, Val x) {
        return new Val(new Finite(r), x.err() == null ? null : gap(Double.NEGATIVE_INFINITY), mag(r));
    }

    /** A finite result that is only approximately right, as pi/2 for atan of a huge number. */
    private static Val inexact(BigDecimal r, Val x) {
        BigDecimal m = mag(r);
        return new Val(new Finite(r), x.err() == null ? null : m, m);
    }

    /**
     * The outcome at or past the edge of a domain (log of 0 or less, sqrt of a negative): the
     * value at the edge if {@code sign == 0}, else undefined; certain only if the argument is
     * exact or its error bound cannot reach across the edge.
     */
    private Val boundary(int sign, Val arg, Real atEdge) {
        Real r = sign == 0 ? atEdge : new Undefined(Why.DOMAIN);
        boolean certain = arg.value() instanceof Finite(BigDecimal v) && certain(v, arg);
        return new Val(r, certain ? BigDecimal.ZERO : null, BigDecimal.ZERO);
    }

    /** A value known only by sign and the log10 of its magnitude (clamped to a double's range). */
    private static Val big(int sign, double log10, Val x) {
        double bound = Math.max(-1e300, Math.min(1e300, log10));
        if (Math.abs(bound) < Real.EXPONENT_LIMIT) throw new Arithmetic.OutOfRange("bound " + bound);
        return Val.special(new Beyond(sign, bound), x);
    }

    private Val atInfinity(Fn fn, boolean negative, Val x) {
        int s = negative ? -1 : 1;
        Real inf = new Infinite(negative);
        Real posInf = new Infinite(false);
        return switch (fn) {
            case EXP, SIGMOID, SOFTPLUS -> Val.special(negative ? zero() : fn == Fn.SIGMOID ? one() : posInf, x);
            case EXPM1 -> Val.special(negative ? new Finite(BigDecimal.ONE.negate()) : posInf, x);
            case LOG, LOG1P, SQRT -> Val.special(negative ? new Undefined(Why.DOMAIN) : posInf, x);
            case ABS, COSH -> Val.special(posInf, x);
            case SIGN, TANH, ERF -> Val.special(new Finite(BigDecimal.valueOf(s)), x);
            case SINH -> Val.special(inf, x);
            case SIN, COS -> Val.special(new Undefined(Why.DOMAIN), x);
            case ATAN -> inexact(halfPi().multiply(BigDecimal.valueOf(s)), x);
            case ERFC -> Val.special(negative ? new Finite(BigDecimal.TWO) : zero(), x);
            case MAX, MIN -> throw new IllegalStateException("binary");
        };
    }

    private Val beyond(Fn fn, Beyond b, Val x) {
        int s = b.signum();
        double bound = b.log10Bound();
        if (b.tiny()) {
            return switch (fn) {
                case EXP, COSH, COS, ERFC -> saturated(BigDecimal.ONE, x);
                case EXPM1, LOG1P, TANH, SINH, SIN, ATAN -> x;
                case LOG, SQRT -> {
                    if (s < 0) yield Val.special(new Undefined(Why.DOMAIN), x);
                    if (fn == Fn.LOG) throw new Arithmetic.OutOfRange("log of a tiny number");
                    yield big(1, bound / 2, x);
                }
                case ABS -> Val.special(new Beyond(1, bound), x);
                case SIGN -> Val.special(new Finite(BigDecimal.valueOf(s)), x);
                case SIGMOID -> saturated(new BigDecimal("0.5"), x);
                case SOFTPLUS -> inexact(BigMath.softplus(BigDecimal.ZERO, mc), x);
                case ERF -> big(s, bound + 0.06, x); // 2/sqrt(pi) = 10^0.052
                case MAX, MIN -> throw new IllegalStateException("binary");
            };
        }
        return switch (fn) {
            case EXP, SIGMOID -> s > 0 ? (fn == Fn.EXP ? big(1, 1e300, x) : saturated(BigDecimal.ONE, x)) : big(1, -1e300, x);
            case EXPM1 -> s > 0 ? big(1, 1e300, x) : saturated(BigDecimal.ONE.negate(), x);
            case LOG, LOG1P, SQRT -> {
                if (s < 0) yield Val.special(new Undefined(Why.DOMAIN), x);
                if (fn != Fn.SQRT) throw new Arithmetic.OutOfRange("log of a huge number");
                yield big(1, bound / 2, x);
            }
            case ABS -> Val.special(new Beyond(1, bound), x);
            case SIGN -> Val.special(new Finite(BigDecimal.valueOf(s)), x);
            case TANH, ERF -> saturated(BigDecimal.valueOf(s), x);
            case SINH -> big(s, 1e300, x);
            case COSH -> big(1, 1e300, x);
            case SIN, COS -> throw new Arithmetic.OutOfRange("sin/cos of a huge number");
            case ATAN -> inexact(halfPi().multiply(BigDecimal.valueOf(s)), x);
            case SOFTPLUS -> s > 0 ? x : big(1, -1e300, x);
            case ERFC -> s > 0 ? big(1, -1e300, x) : saturated(BigDecimal.TWO, x);
            case MAX, MIN -> throw new IllegalStateException("binary");
        };
    }

    private BigDecimal halfPi() {
        return BigConstants.pi(mc.getPrecision()).multiply(new BigDecimal("0.5"), mc);
    }

    private static Real zero() {
        return new Finite(BigDecimal.ZERO);
    }

    private static Real one() {
        return new Finite(BigDecimal.ONE);
    }
}
