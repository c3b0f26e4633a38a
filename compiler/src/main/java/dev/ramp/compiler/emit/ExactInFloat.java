package dev.ramp.compiler.emit;

import dev.ramp.compiler.ir.Cond;
import dev.ramp.compiler.ir.Cond.*;
import dev.ramp.compiler.ir.Expr;
import dev.ramp.compiler.ir.Expr.*;
import dev.ramp.compiler.ir.Fn;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides whether an accurate float kernel may compute in float lanes: only when the float-lane
 * program meets the accurate float contract, within 1 float ulp of the true value, by
 * construction, for every input. That holds for programs that only select, negate, take
 * absolute values, minima and maxima of exact values (the inputs and constants that are floats),
 * and at most one correctly rounded operation (+, -, *, /, sqrt) on such values on the way from
 * the inputs to each result: relu, leaky_relu, hardtanh, their gradients. Everything else
 * computes in double lanes and rounds once to float, as the scalar kernels do; a test on sample
 * inputs cannot promise the bound (mish's forward pass in float lanes is 46 float ulps off where
 * its result is a float subnormal, and cancellation can hide between any two samples).
 *
 * <p>A constant that is not a float (0.01) is rounded to float in float lanes, a relative error
 * r of at most 2^-24. A product or quotient of it with exact values is then within
 * 0.5 + r 2^24 float ulps of the true value (|y| < 2^24 ulp(y)), so it is allowed where that is at
 * most 1: r <= 2^-25 (0.01 as a float is 2^-25.4 off). In a sum, or in a comparison (where it
 * would move the kink), only exact constants are allowed.
 */
final class ExactInFloat {
    private ExactInFloat() {}

    /** The float ulps a float-lane result may be off by in accurate mode. */
    static final double MAX_ULPS = 1;

    /**
     * What is known of a value in float lanes: {@code relative} is the relative error of a value
     * not yet rounded by an operation (0 for exact values, the float rounding of a constant), in
     * units of 2^-24; {@code ulps} is the error bound in float ulps of a value rounded once; both
     * infinite when nothing is known.
     */
    private record Error(double relative, double ulps, boolean rounded) {
        static final Error EXACT = new Error(0, 0, false);
        static final Error UNKNOWN = new Error(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, true);

        boolean exact() {
            return !rounded && relative == 0;
        }

        /** The bound in float ulps of the value as it is used as a result. */
        double bound() {
            return rounded ? ulps : relative;
        }
    }

    /** Whether every float-lane root is within {@link #MAX_ULPS} float ulp of its true value for every input. */
    static boolean exact(List<Expr> floatLaneRoots) {
        Map<Object, Error> memo = new IdentityHashMap<>();
        for (Expr root : floatLaneRoots) {
            if (!(error(root, memo).bound() <= MAX_ULPS)) return false;
        }
        return true;
    }

    private static Error error(Expr e, Map<Object, Error> memo) {
        Error done = memo.get(e);
        if (done != null) return done;
        Error out = switch (e) {
            case Const(double c) -> constant(c);
            case Var v -> Error.EXACT;
            case Neg(Expr a) -> error(a, memo);
            case Add(List<Expr> terms) -> terms.size() == 2 && terms.stream().allMatch(t -> error(t, memo).exact())
                    ? new Error(0, 0.5, true) : Error.UNKNOWN;
            case Mul(List<Expr> factors) -> factors.size() == 2 ? roundedProduct(error(factors.get(0), memo), error(factors.get(1), memo))
                    : Error.UNKNOWN;
            case Div(Expr a, Expr b) -> roundedProduct(error(a, memo), error(b, memo));
            case Pow(Expr b, Expr k) -> switch (PowLowering.formOf(b, k)) {
                case SQUARE -> roundedProduct(error(b, memo), error(b, memo));
                case RECIPROCAL -> roundedProduct(Error.EXACT, error(b, memo));
                case SQRT -> error(b, memo).exact() ? new Error(0, 0.5, true) : Error.UNKNOWN;
                case CUBE, FOURTH, POW -> Error.UNKNOWN;
            };
            case Call(Fn fn, List<Expr> args) -> call(fn, args, memo);
            case Where(Cond c, Expr t, Expr f) -> exactTest(c, memo) ? worse(error(t, memo), error(f, memo)) : Error.UNKNOWN;
        };
        memo.put(e, out);
        return out;
    }

    /** A constant as float lanes hold it: exact if it is a float, else off by its float rounding. */
    private static Error constant(double c) {
        float f = (float) c;
        if (Double.isFinite(c) && Float.isInfinite(f)) return Error.UNKNOWN;   // 1e300 is Infinity in float lanes
        if (!Double.isFinite(c) || (double) f == c) return Error.EXACT;
        return new Error(Math.abs(((float) c - c) / c) * 0x1p24, 0, false);
    }

    /** One correctly rounded product or quotient of unrounded operands: 0.5 ulp plus their relative errors. */
    private static Error roundedProduct(Error a, Error b) {
        if (a.rounded() || b.rounded()) return Error.UNKNOWN;
        return new Error(0, 0.5 + a.relative() + b.relative(), true);
    }

    private static Error call(Fn fn, List<Expr> args, Map<Object, Error> memo) {
        return switch (fn) {
            case ABS -> error(args.getFirst(), memo);
            case MIN, MAX -> worse(error(args.get(0), memo), error(args.get(1), memo));
            case SQRT -> error(args.getFirst(), memo).exact() ? new Error(0, 0.5, true) : Error.UNKNOWN;
            // Math routines are not correctly rounded, so no bound carries through them; sign
            // would (it is exact on exact values), but no float-lane program needs it yet.
            case EXP, LOG, LOG1P, EXPM1, SIGN, TANH, SINH, COSH, SIN, COS, ATAN, SIGMOID, SOFTPLUS, ERF, ERFC -> Error.UNKNOWN;
        };
    }

    /** A selection between two values: the worse of their bounds. */
    private static Error worse(Error a, Error b) {
        if (a.rounded() || b.rounded()) return new Error(0, Math.max(a.bound(), b.bound()), true);
        return new Error(Math.max(a.relative(), b.relative()), 0, false);
    }

    /** Whether the test compares exact values only, so that float lanes take the branch double lanes take. */
    private static boolean exactTest(Cond c, Map<Object, Error> memo) {
        return switch (c) {
            case Compare(Op op, Expr l, Expr r) -> error(l, memo).exact() && error(r, memo).exact();
            case And(Cond l, Cond r) -> exactTest(l, memo) && exactTest(r, memo);
            case Or(Cond l, Cond r) -> exactTest(l, memo) && exactTest(r, memo);
            case Not(Cond a) -> exactTest(a, memo);
        };
    }
}
