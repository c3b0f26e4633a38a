package dev.ramp.compiler.pass;

import static dev.ramp.compiler.ir.Exprs.*;

import dev.ramp.compiler.ir.Expr;
import dev.ramp.compiler.ir.Expr.*;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A product seen as coefficient times bases to integer powers, the view the stabiliser's n-ary
 * product rules need: {@code -2 * x * s(x)^2 / cosh(x)} is -2 · x^1 · s(x)^2 · cosh(x)^-1.
 * Negations and numerator constants fold into the coefficient; a constant divisor stays a base
 * (1/3 is not exact), so rebuilding changes no rounding but the coefficient's.
 *
 * @param coefficient the product of the numerator's constants and signs
 * @param powers each base with its total exponent, in order of first appearance (never 0)
 * @param cancelled bases met both in the numerator and the denominator, whose exponents were
 *     merged ({@code cosh(x) * (1 / cosh(x))}, {@code u / u^4}): the rebuilt product drops or
 *     merges them, which is only right where they are never 0, infinite or NaN
 */
record Monomial(double coefficient, Map<Expr, Integer> powers, List<Expr> cancelled) {
    Monomial {
        powers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(powers));
        cancelled = List.copyOf(cancelled);
    }

    /**
     * The monomial of a term: through negations, products, quotients and integer powers, except
     * into the subtrees {@code opaque} accepts (which are bases as they stand).
     */
    static Monomial of(Expr e, java.util.function.Predicate<Expr> opaque) {
        Builder b = new Builder(opaque);
        b.collect(e, 1);
        return b.build();
    }

    /** Whether every cancelled base is never 0 and never NaN, so that dropping it is exact in value. */
    boolean cancellationsSafe(java.util.function.Function<Expr, Range> ranges) {
        return cancelled.stream().allMatch(b -> ranges.apply(b).definedNonzero());
    }

    /** The exponent of {@code base} (0 if absent). */
    int exponent(Expr base) {
        return powers.getOrDefault(base, 0);
    }

    /** This monomial with {@code base}'s exponent changed by {@code delta}. */
    Monomial times(Expr base, int delta) {
        Map<Expr, Integer> p = new LinkedHashMap<>(powers);
        int e = p.getOrDefault(base, 0) + delta;
        if (e == 0) p.remove(base);
        else p.put(base, e);
        return new Monomial(coefficient, p, cancelled);
    }

    /** This monomial with another coefficient. */
    Monomial withCoefficient(double c) {
        return new Monomial(c, powers, cancelled);
    }

    /** coefficient · numerator / denominator, through the smart constructors; a negative coefficient as an outer negation. */
    Expr toExpr() {
        List<Expr> num = new ArrayList<>(), den = new ArrayList<>();
        for (Map.Entry<Expr, Integer> p : powers.entrySet()) {
            int e = p.getValue();
            (e > 0 ? num : den).add(pow(p.getKey(), constant(Math.abs(e))));
        }
        Expr n = mul(constant(Math.abs(coefficient)), mul(num));
        Expr positive = den.isEmpty() ? n : div(n, mul(den));
        return coefficient < 0 || (coefficient == 0 && 1 / coefficient < 0) ? neg(positive) : positive;
    }

    private static final class Builder {
        private double coefficient = 1;
        private final Map<Expr, Integer> powers = new LinkedHashMap<>();
        private final List<Expr> cancelled = new ArrayList<>();
        private final java.util.function.Predicate<Expr> opaque;

        Builder(java.util.function.Predicate<Expr> opaque) {
            this.opaque = opaque;
        }

        void collect(Expr e, int sign) {
            if (opaque.test(e)) {
                add(e, sign);
                return;
            }
            switch (e) {
                case Neg(Expr a) -> {
                    coefficient = -coefficient;
                    collect(a, sign);
                }
                case Const(double c) when sign > 0 -> coefficient *= c;
                case Mul(List<Expr> factors) -> factors.forEach(f -> collect(f, sign));
                case Div(Expr n, Expr d) -> {
                    collect(n, sign);
                    collect(d, -sign);
                }
                case Pow(Expr b, Const(double k)) when k == Math.rint(k) && Math.abs(k) <= 64 && !(b instanceof Const) ->
                        add(b, sign * (int) k);
                default -> add(e, sign);
            }
        }

        private void add(Expr base, int e) {
            int before = powers.getOrDefault(base, 0), total = before + e;
            if (before != 0 && Integer.signum(before) != Integer.signum(e)) cancelled.add(base);
            if (total == 0) powers.remove(base);
            else powers.put(base, total);
        }

        Monomial build() {
            return new Monomial(coefficient, powers, cancelled);
        }
    }
}
