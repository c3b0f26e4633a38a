package dev.ramp.compiler.pass;

import static dev.ramp.compiler.ir.Exprs.*;

import dev.ramp.compiler.ir.Cond;
import dev.ramp.compiler.ir.Expr;
import dev.ramp.compiler.ir.Expr.*;
import dev.ramp.compiler.ir.Fn;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The rule {@code exp-quotient-overflow}: a quotient N / D whose numerator is linear in one
 * growing exponential E = exp(a), N = E P + C (expm1(a) counting as E - 1), where E overflows
 * before the quotient does. The derivatives of expm1(x) / x are such quotients:
 * (x e^x - expm1(x)) / x^2 = (e^x (x - 1) + 1) / x^2 is finite up to x = 716, but x e^x is
 * Infinity from 703 and the difference of two infinities NaN. Where a > {@link StableForms#OVERFLOW},
 * the quotient is computed as (exp(a - 600) (P / D) + (C / D) e^-600) e^600: the exponential
 * factored out of the whole numerator, and P / D and C / D with the division distributed over
 * their sums and each power of D's bases cancelled or divided out one at a time, so that neither
 * x^3 nor x^4 is formed where they overflow (at x = 1e200, (x^3 - 2x (x - 1)) / x^4 is
 * 1/x - 2 (1/x^2 - 1/x^3), 1e-200, not NaN, and the result the Infinity it should be). There
 * E P outweighs C by a factor e^690 or more, so the two do not cancel; distributing the division
 * gives up the exactness of a difference such as x - c inside P next to its root (Sterbenz),
 * which matters only for a root c beyond the switch at 690.
 */
final class ExpQuotients {
    private ExpQuotients() {}

    /** N = exp(a) p + c. */
    private record Linear(Expr p, Expr c) {}

    /** The overflow-safe form of {@code node} (see the class comment), or null when it is not such a quotient. */
    static Expr rewrite(Expr node, Function<Expr, Range> ranges, java.util.function.UnaryOperator<Expr> seal) {
        // A single factor (expm1(x) / x) is overflow-scale's; a sum can also be Infinity - Infinity.
        if (!(node instanceof Div(Expr num, Expr den)) || !(num instanceof Add) || den instanceof Const) return null;
        Expr a = growing(num, ranges);
        if (a == null || mentionsGrowth(den, ranges)) return null;
        Linear n = linear(num, a, ranges);
        if (n == null || isZero(n.p())) return null;
        Monomial d = Monomial.of(den, e -> false);
        if (!d.cancelled().isEmpty() || d.powers().values().stream().anyMatch(k -> k < 1 || k > 8) || d.coefficient() == 0) return null;
        double shift = StableForms.SHIFT;
        Expr growth = mul(call(Fn.EXP, sub(a, constant(shift))), divide(n.p(), d));
        Expr rest = mul(divide(n.c(), d), constant(Math.exp(-shift)));
        Expr p = seal.apply(new Mul(List.of(add(growth, rest), constant(Math.exp(shift)))));
        Expr guarded = where(new Cond.Compare(Cond.Op.EQ, p, p), p, node);
        return where(new Cond.Compare(Cond.Op.GT, a, constant(StableForms.OVERFLOW)), guarded, node);
    }

    /** The argument of the first exp or expm1 in {@code e} that can exceed the overflow threshold, or null. */
    private static Expr growing(Expr e, Function<Expr, Range> ranges) {
        if (e instanceof Call(Fn fn, List<Expr> args) && (fn == Fn.EXP || fn == Fn.EXPM1)
                && ranges.apply(args.getFirst()).hi() > StableForms.OVERFLOW) {
            return args.getFirst();
        }
        for (Expr c : children(e)) {
            Expr a = growing(c, ranges);
            if (a != null) return a;
        }
        return null;
    }

    /** Whether {@code e} has any call that can grow past the double range (exp, expm1, cosh, sinh of a large argument, or a variable power). */
    private static boolean mentionsGrowth(Expr e, Function<Expr, Range> ranges) {
        if (e instanceof Call(Fn fn, List<Expr> args) && (fn == Fn.EXP || fn == Fn.EXPM1 || fn == Fn.COSH || fn == Fn.SINH)) {
            Range r = ranges.apply(args.getFirst());
            boolean even = fn == Fn.COSH || fn == Fn.SINH;   // grow on both sides
            if (r.hi() > StableForms.OVERFLOW || even && r.lo() < -StableForms.OVERFLOW) return true;
        }
        if (e instanceof Pow(Expr b, Expr k) && !(k instanceof Const)) return true;
        return children(e).stream().anyMatch(c -> mentionsGrowth(c, ranges));
    }

    /** {@code e} as exp(a) p + c, or null when it is not linear in exp(a) or mentions another growing function. */
    private static Linear linear(Expr e, Expr a, Function<Expr, Range> ranges) {
        return switch (e) {
            case Call(Fn fn, List<Expr> args) when fn == Fn.EXP && args.getFirst().equals(a) -> new Linear(ONE, ZERO);
            case Call(Fn fn, List<Expr> args) when fn == Fn.EXPM1 && args.getFirst().equals(a) -> new Linear(ONE, constant(-1));
            case Expr free when !mentionsGrowth(free, ranges) -> new Linear(ZERO, free);
            case Neg(Expr x) -> {
                Linear l = linear(x, a, ranges);
                yield l == null ? null : new Linear(StableForms.negate(l.p()), StableForms.negate(l.c()));
            }
            case Add(List<Expr> terms) -> {
                List<Expr> ps = new ArrayList<>(), cs = new ArrayList<>();
                for (Expr t : terms) {
                    Linear l = linear(t, a, ranges);
                    if (l == null) yield null;
                    ps.add(l.p());
                    cs.add(l.c());
                }
                yield new Linear(add(ps), add(cs));
            }
            case Mul(List<Expr> factors) -> {
                int at = -1;
                for (int i = 0; i < factors.size(); i++) {
                    if (mentionsGrowth(factors.get(i), ranges)) {
                        if (at >= 0) yield null;   // exp(a) squared, or two growing factors
                        at = i;
                    }
                }
                Linear l = linear(factors.get(at), a, ranges);
                if (l == null) yield null;
                List<Expr> rest = new ArrayList<>(factors);
                rest.remove(at);
                yield new Linear(mul(l.p(), mul(rest)), mul(l.c(), mul(rest)));
            }
            case Div(Expr n, Expr d) when !mentionsGrowth(d, ranges) -> {
                Linear l = linear(n, a, ranges);
                yield l == null ? null : new Linear(div(l.p(), d), div(l.c(), d));
            }
            default -> null;
        };
    }

    /**
     * e / d for the monomial d, without forming d's powers: distributed over sums, each base's
     * power cancelled against e's own powers of it, the rest divided out one base at a time.
     */
    static Expr divide(Expr e, Monomial d) {
        Map<Expr, Integer> powers = new LinkedHashMap<>(d.powers());
        Expr q = distribute(e, powers);
        return d.coefficient() == 1 ? q : new Div(q, constant(d.coefficient()));
    }

    private static Expr distribute(Expr e, Map<Expr, Integer> den) {
        if (den.isEmpty() || isZero(e)) return e;
        if (e instanceof Add(List<Expr> terms)) return add(terms.stream().map(t -> distribute(t, den)).toList());
        if (e instanceof Neg(Expr x)) return StableForms.negate(distribute(x, den));
        Monomial m = Monomial.of(e, x -> false);
        if (!m.cancelled().isEmpty()) return inSteps(e, den);
        Map<Expr, Integer> left = new LinkedHashMap<>();
        for (Map.Entry<Expr, Integer> b : den.entrySet()) {
            int have = Math.max(m.exponent(b.getKey()), 0), cancel = Math.min(have, b.getValue());
            m = m.times(b.getKey(), -cancel);
            if (b.getValue() > cancel) left.put(b.getKey(), b.getValue() - cancel);
        }
        if (left.isEmpty()) return m.toExpr();
        for (Map.Entry<Expr, Integer> f : m.powers().entrySet()) {
            if (f.getKey() instanceof Add && f.getValue() == 1) return mul(m.times(f.getKey(), -1).toExpr(), distribute(f.getKey(), left));
        }
        return inSteps(m.toExpr(), left);
    }

    /** ((e / b) / b) ... for each base b its power times: every intermediate between e and the result. */
    private static Expr inSteps(Expr e, Map<Expr, Integer> den) {
        Expr q = e;
        for (Map.Entry<Expr, Integer> b : den.entrySet()) {
            for (int k = 0; k < b.getValue(); k++) q = new Div(q, b.getKey());
        }
        return q;
    }

    private static List<Expr> children(Expr e) {
        return switch (e) {
            case Const c -> List.of();
            case Var v -> List.of();
            case Neg(Expr a) -> List.of(a);
            case Add(List<Expr> ts) -> ts;
            case Mul(List<Expr> fs) -> fs;
            case Div(Expr n, Expr d) -> List.of(n, d);
            case Pow(Expr b, Expr k) -> List.of(b, k);
            case Call(Fn fn, List<Expr> args) -> args;
            case Where w -> List.of(w.ifTrue(), w.ifFalse());
        };
    }
}
