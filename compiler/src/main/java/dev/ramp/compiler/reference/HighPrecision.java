package dev.ramp.compiler.reference;

import dev.ramp.compiler.ir.Expr;
import dev.ramp.compiler.reference.Real.Beyond;
import dev.ramp.compiler.reference.Real.Finite;
import dev.ramp.compiler.reference.Real.Infinite;
import dev.ramp.compiler.reference.Real.Undefined;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The high-precision reference evaluator: the value of an {@link Expr} at a point given as
 * doubles, to a guaranteed number of significant digits, with no overflow or underflow where
 * doubles would have them (exp(800) = 2.7e347, log(1 + exp(800)) = 800.000...,
 * exp(-800) = 3.6e-348) and the true outcome where there is no finite value (log(0) = -inf,
 * log(-1) undefined).
 *
 * <p>Strategy (ground truth as in Herbie): evaluate at increasing precision until two
 * successive evaluations agree to {@code targetDigits} significant digits <em>and</em> the
 * running error bound of the later one (see {@link Val}) confirms those digits; the later
 * value is returned. Each step goes to the precision at which the previous evaluation's bound
 * predicts the target will be met (the digits it lost to cancellation, plus the target, plus
 * 10), and at least 20 digits further; it doubles instead where the bound cannot tell (an
 * inexact zero) or once agreement has contradicted it. So mish at an ordinary point costs an
 * evaluation at 40 and one at 60 digits, and gelu written with erf at x = -36.6, where
 * 1 + erf cancels 292 digits, one at 40, one at 332 and one at 352. The bound is what catches the cases agreement alone
 * misses: a zero produced by total cancellation ({@code (x + 1) - 1} at {@code x = 1e-300}) is
 * the same at 40 and 80 digits but its bound says it is worthless, so the precision keeps
 * rising until x shows. Agreement in turn guards against any bound that is too optimistic. An
 * exact result (every rounding exact, e.g. a piecewise-linear function) returns after one
 * evaluation. A result whose error bound puts it below 10^-400 in magnitude, and which agrees
 * with the previous evaluation within their bounds, also counts as converged whatever its
 * relative accuracy: every floating format rounds it to zero (gelu written with erf at
 * x = -50 cancels to about 1e-545; exp(log x) - x is a true zero computed inexactly). If {@code maxDigits} is
 * reached first the result says {@code converged = false}.
 *
 * <p>Branches of {@code where} are decided on the high-precision values: the mathematically
 * right branch, which can differ from the branch a double evaluation takes within a rounding
 * of a kink; {@link Reference#branchMargin()} tells how close the point is. Each primitive is
 * accurate in relative terms over its whole domain (see {@link BigMath} and {@link BigErf}),
 * including sin and cos of any double (exact argument reduction up to |x| = 10^2000).
 *
 * <p>Division of a nonzero number by an exact zero is undefined ({@link Real.Why#POLE}), not a
 * signed infinity; limits at the edge of a domain are values (log(0) = -inf, 0^-0.5 = +inf).
 *
 * {@snippet :
 * HighPrecision hp = new HighPrecision();
 * Expr softplus = Exprs.call(Fn.LOG1P, Exprs.call(Fn.EXP, Exprs.var("x")));
 * Reference r = hp.evaluate(softplus, "x", 800.0);
 * // r.value() is 800.000...(347 zeros)...3.66e-348 to 30 digits; r.toDouble() == 800.0
 * }
 *
 * <p>Instances are immutable and thread-safe; nothing is remembered between points except the
 * constants pi, ln 2 and ln 10.
 */
public final class HighPrecision {

    /**
     * @param startDigits precision of the first evaluation
     * @param targetDigits significant digits the result must be correct to
     * @param maxDigits precision at which to give up (the result is then not converged)
     */
    public record Settings(int startDigits, int targetDigits, int maxDigits) {
        public Settings {
            if (targetDigits < 1 || startDigits <= targetDigits || maxDigits < startDigits) {
                throw new IllegalArgumentException("need 1 <= target < start <= max: " + targetDigits + ", " + startDigits + ", " + maxDigits);
            }
        }
    }

    /**
     * 30 correct digits, starting at 40 (so that the first comparison tolerates losing 10 digits
     * to cancellation) and going up to 2560 (enough for an expm1-like cancellation at the
     * smallest subnormal, x ~ 5e-324, and many digits beyond).
     */
    public static final Settings DEFAULT = new Settings(40, 30, 2560);

    /**
     * The second evaluation is at least this many digits more precise than the first: an
     * error that is rounding noise at p digits shrinks 10^20-fold there, so agreement to the
     * target shows that the first evaluation had those digits and the second has more.
     */
    private static final int SECOND_OPINION = 20;

    /** Values certainly below 10^-400 count as converged: see {@code Attempt.negligible}. */
    private static final int NEGLIGIBLE_EXPONENT = 400;

    private final Settings settings;

    public HighPrecision() {
        this(DEFAULT);
    }

    public HighPrecision(Settings settings) {
        this.settings = settings;
    }

    public Settings settings() {
        return settings;
    }

    /** The reference value of {@code e} with the variable {@code name} bound to {@code value}. */
    public Reference evaluate(Expr e, String name, double value) {
        return evaluate(e, v -> {
            if (v.equals(name)) return value;
            throw new IllegalArgumentException("unbound variable " + v);
        });
    }

    /** The reference value of {@code e} with its variables bound by {@code env}. */
    public Reference evaluate(Expr e, Map<String, Double> env) {
        return evaluate(e, v -> {
            Double d = env.get(v);
            if (d == null) throw new IllegalArgumentException("unbound variable " + v);
            return d;
        });
    }

    /**
     * The reference value of {@code e} with its variables bound by {@code env}, which should throw
     * for an unknown name (it is called once per occurrence of a variable per evaluation).
     */
    public Reference evaluate(Expr e, ToDoubleFunction<String> env) {
        int target = settings.targetDigits();
        int p = settings.startDigits();
        Attempt previous = attempt(e, env, p);
        if (previous.exact()) return previous.reference(true, p);
        boolean boundMisled = false;
        while (true) {
            // Enough digits for the target after what the bound says was lost, and at least
            // SECOND_OPINION more than before; double when the bound has no estimate or was
            // already contradicted once.
            int needed = previous.neededDigits(target);
            int next = needed < 0 || boundMisled ? 2 * p : Math.max(p + SECOND_OPINION, needed);
            p = Math.min(next, settings.maxDigits());
            Attempt current = attempt(e, env, p);
            if (current.exact()) return current.reference(true, p);
            int agreed = agreement(previous.val().value(), current.val().value());
            int bound = current.boundDigits();
            if (agreed >= target && bound >= target) return current.reference(true, Math.min(agreed, bound));
            if (current.negligible() && previous.withinBounds(current)) return current.reference(true, Math.min(agreed, bound));
            if (p >= settings.maxDigits()) return current.reference(false, Math.min(agreed, bound));
            boundMisled |= previous.boundDigits() >= target && agreed < target;
            previous = current;
        }
    }

    /** One evaluation at a fixed precision, with no adaptivity: for diagnostics and tests. */
    public Real evaluateAt(Expr e, ToDoubleFunction<String> env, int digits) {
        return attempt(e, env, digits).val().value();
    }

    private record Attempt(Val val, int digits, double branchMargin) {
        boolean exact() {
            return val.err() != null && val.err().signum() == 0 && !(val.value() instanceof Undefined u && u.why() == Real.Why.OUT_OF_RANGE);
        }

        /**
         * The precision at which the bound predicts {@code target} correct digits (what this
         * evaluation lost, plus the target, plus 10), or -1 if it cannot tell (an unbounded or
         * inexact-zero result).
         */
        int neededDigits(int target) {
            if (val.err() == null || !(val.value() instanceof Finite(BigDecimal v)) || v.signum() == 0) return -1;
            long lost = BigMath.exponent(val.err()) + 1 - BigMath.exponent(v);
            return (int) Math.min(Integer.MAX_VALUE / 4, Math.max(0, lost) + target + 10L);
        }

        /** Significant digits the running error bound vouches for (0 if none, digits if exact). */
        int boundDigits() {
            if (val.err() == null) return 0;
            if (val.err().signum() == 0) return digits;
            if (!(val.value() instanceof Finite(BigDecimal v))) return digits; // certain special value
            if (v.signum() == 0) return 0;
            // |error| <= err * 10^(1 - digits), so the relative error is below 10^-(that many) digits.
            long lost = BigMath.exponent(val.err()) + 1 - BigMath.exponent(v);
            return (int) Math.max(0, Math.min(digits, digits - 1 - lost));
        }

        /**
         * The value is certainly below 10^-400 in magnitude (error bound included): every
         * floating format rounds it to zero, so more digits would change no measurement.
         */
        boolean negligible() {
            if (!(val.value() instanceof Finite(BigDecimal v)) || val.err() == null) return false;
            BigDecimal bound = v.abs().add(val.err().scaleByPowerOfTen(1 - digits), MathContext.DECIMAL64);
            return bound.signum() == 0 || BigMath.exponent(bound) < -NEGLIGIBLE_EXPONENT;
        }

        /** Both values are finite and differ by no more than ten times their error bounds added. */
        boolean withinBounds(Attempt other) {
            if (!(val.value() instanceof Finite(BigDecimal a)) || !(other.val.value() instanceof Finite(BigDecimal b))
                    || val.err() == null || other.val.err() == null) {
                return false;
            }
            BigDecimal bounds = val.err().scaleByPowerOfTen(1 - digits).add(other.val.err().scaleByPowerOfTen(1 - other.digits));
            return a.subtract(b, MathContext.DECIMAL64).abs().compareTo(bounds.scaleByPowerOfTen(1)) <= 0;
        }

        Reference reference(boolean converged, int correct) {
            return new Reference(val.value(), exact(), converged, exact() ? digits : correct, digits, val.scale(), branchMargin);
        }
    }

    private static Attempt attempt(Expr e, ToDoubleFunction<String> env, int digits) {
        Evaluation evaluation = new Evaluation(digits, env);
        Val v;
        try {
            v = evaluation.eval(e);
        } catch (Arithmetic.OutOfRange ex) {
            v = Val.exact(new Undefined(Real.Why.OUT_OF_RANGE));
        }
        return new Attempt(v, digits, evaluation.branchMargin());
    }

    /**
     * Significant digits to which a and b agree: for finite values -log10(|a - b| / |b|)
     * (Integer.MAX_VALUE if equal); for special values MAX_VALUE if of the same kind, else 0.
     */
    static int agreement(Real a, Real b) {
        return switch (b) {
            case Finite(BigDecimal y) -> {
                if (!(a instanceof Finite(BigDecimal x))) yield 0;
                if (x.compareTo(y) == 0) yield Integer.MAX_VALUE;
                if (y.signum() == 0) yield 0;
                BigDecimal diff = x.subtract(y, MathContext.DECIMAL64).abs();
                yield (int) Math.max(0, BigMath.exponent(y) - BigMath.exponent(diff) - 1);
            }
            case Infinite i -> a.equals(i) ? Integer.MAX_VALUE : 0;
            case Undefined u -> a.equals(u) ? Integer.MAX_VALUE : 0;
            case Beyond y -> a instanceof Beyond x && x.signum() == y.signum() && x.tiny() == y.tiny() ? Integer.MAX_VALUE : 0;
        };
    }
}
