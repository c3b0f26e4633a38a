package dev.ramp.compiler.analysis;

import dev.ramp.compiler.ir.Cond;
import dev.ramp.compiler.ir.Expr;
import dev.ramp.compiler.ir.Expr.*;
import dev.ramp.compiler.ir.Fn;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An exponential polynomial in one variable, {@code Σ c · x^k · e^(βx)}: the class of branch-free
 * pieces whose Gaussian integrals ramp evaluates in closed form (polynomials cover relu, leaky
 * relu, hardtanh, hardswish, sparse plus; {@code e^(βx)} and {@code expm1} cover elu, celu and
 * selu). {@link #of} reads an expression into this form, or gives up.
 *
 * @param terms coefficient of each (power k, rate β)
 */
record ExpPoly(Map<Key, Double> terms) {
    /** The monomial x^k e^(βx). */
    record Key(int power, double rate) {}

    /** Pieces larger than this are left to quadrature. */
    private static final int MAX_POWER = 12, MAX_TERMS = 64;

    /** Terms in a fixed order (by power, then rate), so that sums round the same way every run. */
    private static final Comparator<Key> ORDER = Comparator.comparingInt(Key::power).thenComparingDouble(Key::rate);

    ExpPoly {
        Map<Key, Double> clean = new TreeMap<>(ORDER);
        terms.forEach((k, c) -> { if (c != 0) clean.put(k, c); });
        terms = Collections.unmodifiableMap(clean);
    }

    static ExpPoly constant(double c) {
        return new ExpPoly(Map.of(new Key(0, 0), c));
    }

    static ExpPoly monomial(double c, int power, double rate) {
        return new ExpPoly(Map.of(new Key(power, rate), c));
    }

    /** {@code e} as an exponential polynomial in {@code var}, if it is one (of modest size). */
    static Optional<ExpPoly> of(Expr e, String var) {
        try {
            return Optional.of(read(e, var));
        } catch (NotExpPoly ignored) {
            return Optional.empty();
        }
    }

    /** True if every term is a plain power (no exponential): a polynomial. */
    boolean isPolynomial() {
        return terms.keySet().stream().allMatch(k -> k.rate() == 0);
    }

    /** The highest power among the plain-power terms; -1 for the zero polynomial. */
    int degree() {
        return terms.keySet().stream().mapToInt(Key::power).max().orElse(-1);
    }

    /** Coefficient of x^k (rate 0). */
    double coefficient(int k) {
        return terms.getOrDefault(new Key(k, 0), 0.0);
    }

    ExpPoly plus(ExpPoly o) {
        Map<Key, Double> m = new LinkedHashMap<>(terms);
        o.terms.forEach((k, c) -> m.merge(k, c, Double::sum));
        return new ExpPoly(m);
    }

    ExpPoly times(double s) {
        Map<Key, Double> m = new LinkedHashMap<>();
        terms.forEach((k, c) -> m.put(k, c * s));
        return new ExpPoly(m);
    }

    ExpPoly times(ExpPoly o) {
        Map<Key, Double> m = new LinkedHashMap<>();
        for (var a : terms.entrySet()) {
            for (var b : o.terms.entrySet()) {
                Key k = new Key(a.getKey().power() + b.getKey().power(), a.getKey().rate() + b.getKey().rate());
                m.merge(k, a.getValue() * b.getValue(), Double::sum);
            }
        }
        ExpPoly p = new ExpPoly(m);
        if (p.terms.size() > MAX_TERMS || p.terms.keySet().stream().anyMatch(k -> k.power() > MAX_POWER)) throw new NotExpPoly();
        return p;
    }

    /** The product, unless it grows past the size limit. */
    Optional<ExpPoly> tryTimes(ExpPoly o) {
        try {
            return Optional.of(times(o));
        } catch (NotExpPoly tooBig) {
            return Optional.empty();
        }
    }

    /**
     * ∫_a^b p(x) φ_σ(x) dx for the N(0, σ²) density φ_σ, in closed form: with x = σz and
     * γ = βσ, each term is c σ^k e^(γ²/2) Σ_j C(k, j) γ^(k-j) M_j(a/σ - γ, b/σ - γ), where M_j is
     * the truncated standard-normal moment (completing the square moves e^(γz) into a shift).
     */
    ClosedForm gaussianIntegral(double a, double b, double sigma) {
        ClosedForm total = ClosedForm.ZERO;
        for (var t : terms.entrySet()) {
            int k = t.getKey().power();
            double gamma = t.getKey().rate() * sigma;
            double lo = a / sigma - gamma, hi = b / sigma - gamma;
            ClosedForm sum = ClosedForm.ZERO;
            double binom = 1;
            for (int j = k; j >= 0; j--) {
                // C(k, j) γ^(k-j): build C(k, j) from C(k, j+1) = C(k, j)·(k-j)/(j+1).
                if (j < k) binom = binom * (j + 1) / (k - j);
                double coef = binom * Math.pow(gamma, k - j);
                if (coef != 0) sum = sum.plus(ClosedForm.truncatedMoment(j, lo, hi).times(coef));
            }
            total = total.plus(sum.times(t.getValue() * Math.pow(sigma, k)).withExponent(gamma * gamma / 2));
        }
        return total;
    }

    private static ExpPoly read(Expr e, String var) {
        return switch (e) {
            case Const(double v) -> {
                if (!Double.isFinite(v)) throw new NotExpPoly();
                yield constant(v);
            }
            case Var(String name) -> {
                if (!name.equals(var)) throw new NotExpPoly();
                yield monomial(1, 1, 0);
            }
            case Neg(Expr a) -> read(a, var).times(-1);
            case Add(List<Expr> ts) -> {
                ExpPoly sum = constant(0);
                for (Expr t : ts) sum = sum.plus(read(t, var));
                yield sum;
            }
            case Mul(List<Expr> fs) -> {
                ExpPoly product = constant(1);
                for (Expr f : fs) product = product.times(read(f, var));
                yield product;
            }
            case Div(Expr num, Expr den) -> read(num, var).times(reciprocal(read(den, var)));
            case Pow(Expr base, Expr exponent) -> {
                if (!(exponent instanceof Const(double n)) || n != Math.rint(n) || n < 0 || n > MAX_POWER) throw new NotExpPoly();
                ExpPoly b = read(base, var), p = constant(1);
                for (int i = 0; i < (int) n; i++) p = p.times(b);
                yield p;
            }
            case Call(Fn fn, List<Expr> args) -> call(fn, args, var);
            case Where(Cond c, Expr t, Expr f) -> throw new NotExpPoly();
        };
    }

    /** 1/p for a single term c e^(βx) (a constant included); anything else is not an exponential polynomial. */
    private static ExpPoly reciprocal(ExpPoly p) {
        if (p.terms.size() != 1) throw new NotExpPoly();
        var t = p.terms.entrySet().iterator().next();
        if (t.getKey().power() != 0) throw new NotExpPoly();
        return monomial(1 / t.getValue(), 0, -t.getKey().rate());
    }

    private static ExpPoly call(Fn fn, List<Expr> args, String var) {
        return switch (fn) {
            case EXP -> exp(args.getFirst(), var);
            case EXPM1 -> exp(args.getFirst(), var).plus(constant(-1));
            case SINH -> exp(args.getFirst(), var).plus(exp(new Neg(args.getFirst()), var).times(-1)).times(0.5);
            case COSH -> exp(args.getFirst(), var).plus(exp(new Neg(args.getFirst()), var)).times(0.5);
            default -> throw new NotExpPoly();
        };
    }

    /** e^(a + bx) = e^a · e^(bx), for an argument linear in x. */
    private static ExpPoly exp(Expr arg, String var) {
        ExpPoly u = read(arg, var);
        if (!u.isPolynomial() || u.degree() > 1) throw new NotExpPoly();
        double scale = Math.exp(u.coefficient(0));
        if (!Double.isFinite(scale) || scale == 0) throw new NotExpPoly();
        return monomial(scale, 0, u.coefficient(1));
    }

    /** Control flow for "this expression is outside the class". */
    private static final class NotExpPoly extends RuntimeException {
        NotExpPoly() {
            super(null, null, false, false);
        }
    }
}
