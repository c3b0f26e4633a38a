package dev.ramp.compiler.gen;

import dev.ramp.compiler.ir.Cond;
import dev.ramp.compiler.ir.Expr;
import dev.ramp.compiler.ir.Expr.*;
import dev.ramp.compiler.ir.Fn;
import java.util.List;
import java.util.Map;

/**
 * The derivative oracle: forward-mode automatic differentiation over the ORIGINAL expression with
 * hyper-dual numbers {@code v + d1 e1 + d2 e2 + d12 e1 e2} (e1² = e2² = 0). Seeding one variable
 * with d1 = d2 = 1 gives f in {@code v}, f' in {@code d1} and f'' in {@code d12}.
 *
 * <p>It shares nothing with the code under test except {@link Fn#apply} for primal values: each
 * primitive's first and second derivatives are written out here again, in a different form where
 * one exists (tanh' as 1/cosh², sigmoid' from e^-|t|), never through {@code Fn.partial}.
 *
 * <p>It also records every branch decision it takes (comparisons, the sign seen by abs and sign,
 * the winner of max and min), so a test can skip points where a decision changes nearby: there
 * the function has a kink and the two derivatives legitimately follow different conventions.
 *
 * @param v value
 * @param d1 first derivative
 * @param d2 first derivative (second seed)
 * @param d12 second derivative
 */
public record HyperDual(double v, double d1, double d2, double d12) {

    /** A constant. */
    public static HyperDual constant(double v) {
        return new HyperDual(v, 0, 0, 0);
    }

    /** The result of evaluating {@code e} with {@code env}, differentiating with respect to {@code seed}. */
    public static HyperDual eval(Expr e, Map<String, Double> env, String seed, StringBuilder branches) {
        return new Evaluator(env, seed, branches).eval(e);
    }

    /**
     * The largest magnitude of any finite component of any intermediate hyper-dual number in the
     * evaluation (inside quotients and powers too): the scale of the rounding errors both this
     * oracle and a symbolic derivative accumulate at that point.
     */
    public static double scale(Expr e, Map<String, Double> env, String seed) {
        Evaluator evaluator = new Evaluator(env, seed, new StringBuilder());
        evaluator.eval(e);
        return evaluator.largest;
    }

    /** The result, without recording branches. */
    public static HyperDual eval(Expr e, Map<String, Double> env, String seed) {
        return eval(e, env, seed, new StringBuilder());
    }

    /** The branch decisions taken at this point, as a string (equal strings: same branches). */
    public static String branches(Expr e, Map<String, Double> env) {
        StringBuilder b = new StringBuilder();
        eval(e, env, "x", b);
        return b.toString();
    }

    HyperDual add(HyperDual o) {
        return new HyperDual(v + o.v, d1 + o.d1, d2 + o.d2, d12 + o.d12);
    }

    HyperDual negate() {
        return new HyperDual(-v, -d1, -d2, -d12);
    }

    HyperDual mul(HyperDual o) {
        return new HyperDual(v * o.v, v * o.d1 + d1 * o.v, v * o.d2 + d2 * o.v, v * o.d12 + d1 * o.d2 + d2 * o.d1 + d12 * o.v);
    }

    /** g(this) for a scalar function with value g0, first derivative g1 and second g2 at v. */
    HyperDual chain(double g0, double g1, double g2) {
        return new HyperDual(g0, g1 * d1, g1 * d2, g1 * d12 + g2 * d1 * d2);
    }

    boolean isConstant() {
        return d1 == 0 && d2 == 0 && d12 == 0;
    }

    private static final class Evaluator {
        private final Map<String, Double> env;
        private final String seed;
        private final StringBuilder branches;
        private double largest;

        Evaluator(Map<String, Double> env, String seed, StringBuilder branches) {
            this.env = env;
            this.seed = seed;
            this.branches = branches;
        }

        HyperDual eval(Expr e) {
            return seen(switch (e) {
                case Const(double c) -> constant(c);
                case Var(String n) -> {
                    Double value = env.get(n);
                    if (value == null) throw new IllegalArgumentException("unbound " + n);
                    yield n.equals(seed) ? new HyperDual(value, 1, 1, 0) : constant(value);
                }
                case Neg(Expr a) -> eval(a).negate();
                case Add(List<Expr> ts) -> ts.stream().map(this::eval).reduce(HyperDual::add).orElseThrow();
                case Mul(List<Expr> fs) -> fs.stream().map(this::eval).reduce(HyperDual::mul).orElseThrow();
                case Div(Expr n, Expr d) -> {
                    HyperDual den = eval(d);
                    double t = den.v;
                    yield eval(n).mul(seen(den.chain(1 / t, -1 / (t * t), 2 / (t * t * t))));
                }
                case Pow(Expr b, Expr x) -> pow(eval(b), eval(x));
                case Call(Fn fn, List<Expr> args) -> args.size() == 1 ? unary(fn, eval(args.getFirst())) : extremum(fn, eval(args.get(0)), eval(args.get(1)));
                case Where(Cond c, Expr t, Expr f) -> test(c) ? eval(t) : eval(f);
            });
        }

        private HyperDual seen(HyperDual h) {
            for (double v : new double[] {h.v, h.d1, h.d2, h.d12}) {
                if (Double.isFinite(v)) largest = Math.max(largest, Math.abs(v));
            }
            return h;
        }

        private HyperDual pow(HyperDual b, HyperDual x) {
            if (x.isConstant()) {
                double c = x.v, t = b.v;
                return b.chain(Math.pow(t, c), c == 0 ? 0 : c * Math.pow(t, c - 1), c == 0 || c == 1 ? 0 : c * (c - 1) * Math.pow(t, c - 2));
            }
            // b^x = exp(x log b)
            HyperDual logB = seen(b.chain(Math.log(b.v), 1 / b.v, -1 / (b.v * b.v)));
            HyperDual z = seen(x.mul(logB));
            double ez = Math.pow(b.v, x.v);
            return z.chain(ez, ez, ez);
        }

        private HyperDual unary(Fn fn, HyperDual a) {
            double t = a.v;
            return switch (fn) {
                case EXP -> { double y = Math.exp(t); yield a.chain(y, y, y); }
                case LOG -> a.chain(Math.log(t), 1 / t, -1 / (t * t));
                case LOG1P -> a.chain(Math.log1p(t), 1 / (1 + t), -1 / ((1 + t) * (1 + t)));
                case EXPM1 -> { double y = Math.exp(t); yield a.chain(Math.expm1(t), y, y); }
                case SQRT -> { double s = Math.sqrt(t); yield a.chain(s, 0.5 / s, -0.25 / (t * s)); }
                case ABS -> { branches.append(t > 0 ? '+' : t < 0 ? '-' : '0'); yield a.chain(Math.abs(t), Math.signum(t), 0); }
                case SIGN -> { branches.append(t > 0 ? '+' : t < 0 ? '-' : '0'); yield a.chain(Math.signum(t), 0, 0); }
                case TANH -> {
                    double c = Math.cosh(t), sech2 = 1 / (c * c), y = Math.tanh(t);
                    yield a.chain(y, sech2, -2 * y * sech2);
                }
                case SINH -> a.chain(Math.sinh(t), Math.cosh(t), Math.sinh(t));
                case COSH -> a.chain(Math.cosh(t), Math.sinh(t), Math.cosh(t));
                case SIN -> a.chain(Math.sin(t), Math.cos(t), -Math.sin(t));
                case COS -> a.chain(Math.cos(t), -Math.sin(t), -Math.cos(t));
                case ATAN -> { double q = 1 + t * t; yield a.chain(Math.atan(t), 1 / q, -2 * t / (q * q)); }
                case SIGMOID -> {
                    double s = logistic(t), ds = logisticSlope(t);
                    yield a.chain(s, ds, ds * (1 - 2 * s));
                }
                case SOFTPLUS -> {
                    double s = logistic(t), ds = logisticSlope(t);
                    yield a.chain(Math.max(t, 0) + Math.log1p(Math.exp(-Math.abs(t))), s, ds);
                }
                case ERF -> { double g = TWO_OVER_SQRT_PI * Math.exp(-t * t); yield a.chain(fn.apply(t), g, -2 * t * g); }
                case ERFC -> { double g = -TWO_OVER_SQRT_PI * Math.exp(-t * t); yield a.chain(fn.apply(t), g, -2 * t * g); }
                case MAX, MIN -> throw new IllegalStateException();
            };
        }

        /** max/min: the winner's derivatives; at a tie, the side whose slope is closer to zero (PyTorch). */
        private HyperDual extremum(Fn fn, HyperDual a, HyperDual b) {
            boolean firstWins = fn == Fn.MAX ? a.v > b.v : a.v < b.v;
            boolean secondWins = fn == Fn.MAX ? b.v > a.v : b.v < a.v;
            branches.append(firstWins ? '1' : secondWins ? '2' : '=');
            HyperDual winner = firstWins ? a : secondWins ? b : Math.abs(a.d1) <= Math.abs(b.d1) ? a : b;
            return new HyperDual(fn.apply(a.v, b.v), winner.d1, winner.d2, winner.d12);
        }

        private boolean test(Cond c) {
            boolean r = switch (c) {
                case Cond.Compare(Cond.Op op, Expr l, Expr rr) -> op.test(eval(l).v, eval(rr).v);
                case Cond.And(Cond l, Cond rr) -> test(l) & test(rr);
                case Cond.Or(Cond l, Cond rr) -> test(l) | test(rr);
                case Cond.Not(Cond x) -> !test(x);
            };
            branches.append(r ? 'T' : 'F');
            return r;
        }
    }

    private static final double TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);

    /** 1/(1+e^-t), written independently of RampMath. */
    static double logistic(double t) {
        double z = Math.exp(-Math.abs(t));
        return t >= 0 ? 1 / (1 + z) : z / (1 + z);
    }

    /** The logistic's slope e^-|t| / (1 + e^-|t|)^2 (symmetric in t, no cancellation). */
    static double logisticSlope(double t) {
        double z = Math.exp(-Math.abs(t));
        return z / ((1 + z) * (1 + z));
    }
}
