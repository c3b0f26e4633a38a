package dev.ramp.compiler.pass;

import static dev.ramp.compiler.ir.Exprs.ONE;
import static dev.ramp.compiler.ir.Exprs.ZERO;
import static dev.ramp.compiler.ir.Exprs.constant;
import static dev.ramp.compiler.ir.Exprs.isOne;

import dev.ramp.compiler.ir.Expr;
import dev.ramp.compiler.ir.Expr.*;
import dev.ramp.compiler.ir.Exprs;
import dev.ramp.compiler.ir.Fn;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Products in normal form ({@link Normalise}'s {@code mul-*} steps): flattened, negations pulled
 * out, constants folded into one leading coefficient, equal bases and exponentials merged,
 * quotient factors combined into one fraction, factors in canonical order.
 */
final class Products {
    private final Normalise n;

    Products(Normalise n) {
        this.n = n;
    }

    /** The product in normal form; powers are merged as like terms are in {@link #add}. */
    Expr mul(List<Expr> factors) {
        int before = 1;
        for (Expr f : factors) before += n.size(f);
        return n.smaller(() -> mul(factors, false), () -> mul(factors, true), before);
    }

    private Expr mul(List<Expr> factors, boolean strict) {
        List<Expr> flat = new ArrayList<>();
        boolean negative = false;
        for (Expr f : factors) {
            while (f instanceof Neg(Expr a)) {
                n.note("mul-neg");
                negative = !negative;
                f = a;
            }
            if (f instanceof Mul(List<Expr> inner)) {
                n.note("mul-flatten");
                for (Expr g : inner) {
                    while (g instanceof Neg(Expr a)) {
                        negative = !negative;
                        g = a;
                    }
                    flat.add(g);
                }
            } else {
                flat.add(f);
            }
        }
        double coef = 1;
        int constants = 0;
        List<Expr> unfolded = new ArrayList<>();
        List<Expr> rest = new ArrayList<>();
        for (Expr f : flat) {
            if (f instanceof Const(double c)) {
                double product = coef * c;
                if (Normalise.foldable(product, coef, c)) {
                    coef = product;
                    constants++;
                } else {
                    unfolded.add(f);
                }
            } else {
                rest.add(f);
            }
        }
        if (constants > 1) n.note("fold");
        if (coef == 0 && unfolded.isEmpty()) {
            if (rest.isEmpty()) return constant(negative ? -coef : coef);
            // 0 * u = 0 only where u is never NaN (for an infinite u, the contract's licence).
            if (rest.stream().allMatch(f -> n.range(f).defined())) {
                n.note("mul-zero");
                return ZERO;
            }
        }
        rest = signTimesSelf(rest);
        rest = collectPowers(rest, strict);
        rest = collectExps(rest);
        if (!strict && rest.stream().anyMatch(f -> f instanceof Div)) {
            // mul-div: the quotients among the factors become one fraction; the coefficient stays
            // outside (as div-coef puts it), so c * x * (k / u) -> (c k) * (x / u).
            List<Expr> nums = new ArrayList<>(), dens = new ArrayList<>();
            for (Expr f : rest) {
                if (f instanceof Div(Expr top, Expr d)) {
                    // Not a zero numerator: 0 / u is NaN at u = 0, while 0 * (1 / u) is a pole the contract forgives.
                    if (top instanceof Const(double k) && k != 0 && Normalise.foldable(coef * k, coef, k)) coef *= k;
                    else nums.add(top);
                    dens.add(d);
                } else {
                    nums.add(f);
                }
            }
            n.note("mul-div");
            Expr fraction = n.div(nums.isEmpty() ? ONE : n.mul(nums), n.mul(dens));
            rest = new ArrayList<>();
            while (fraction instanceof Neg(Expr a)) {
                negative = !negative;
                fraction = a;
            }
            List<Expr> parts = fraction instanceof Mul(List<Expr> fs) ? fs : List.of(fraction);
            for (Expr f : parts) {
                if (f instanceof Const(double c) && Normalise.foldable(coef * c, coef, c)) coef *= c;
                else if (!isOne(f)) rest.add(f);
            }
        }
        rest.sort(ExprOrder.INSTANCE);
        if (negative) coef = -coef;
        boolean negate = false;
        if (coef == -1 && !rest.isEmpty()) {
            negate = true;
            coef = 1;
        }
        List<Expr> result = new ArrayList<>();
        if (coef != 1 || (rest.isEmpty() && unfolded.isEmpty())) result.add(constant(coef));   // 0 stays if u may be NaN
        result.addAll(unfolded);
        result.addAll(rest);
        Expr product = result.size() == 1 ? result.getFirst() : new Mul(result);
        return negate ? new Neg(product) : product;
    }

    /**
     * Groups equal bases: {@code x * x^2 -> x^3}. Merging u^p * u^q into u^(p+q) is exact when
     * p and q are integers, or when u is never negative (otherwise u^p may be NaN where the merged
     * power is not). A zero total exponent drops the base only if it is never 0 or NaN, since
     * {@code 0 * 0^-1} and {@code inf * inf^-1} are NaN, not 1.
     */
    private List<Expr> collectPowers(List<Expr> factors, boolean strict) {
        FewKeys<List<Double>> groups = new FewKeys<>();
        FewKeys<List<Expr>> originals = new FewKeys<>();
        for (Expr f : factors) {
            Expr base = f;
            double exponent = 1;
            if (f instanceof Pow(Expr b, Const(double p))) {
                base = b;
                exponent = p;
            }
            groups.computeIfAbsent(base, ArrayList::new).add(exponent);
            originals.computeIfAbsent(base, ArrayList::new).add(f);
        }
        List<Expr> out = new ArrayList<>();
        for (Map.Entry<Expr, List<Double>> g : groups.entries()) {
            Expr base = g.getKey();
            List<Double> exponents = g.getValue();
            if (exponents.size() == 1) {
                out.addAll(originals.get(base));
                continue;
            }
            boolean integers = exponents.stream().allMatch(p -> p == Math.rint(p) && !p.isInfinite());
            double total = exponents.stream().mapToDouble(Double::doubleValue).sum();
            Range r = n.range(base);
            boolean mergeable = (integers || r.nonnegative()) && Double.isFinite(total) && (total != 0 || r.definedNonzero());
            Expr power = total == 0 ? null : total == 1 ? base : new Pow(base, constant(total));
            if (mergeable && strict && power != null) {
                int before = 0;
                for (Expr o : originals.get(base)) before += n.size(o);
                mergeable = n.size(power) <= before;
            }
            if (!mergeable) {
                out.addAll(originals.get(base));
                continue;
            }
            n.note("mul-powers");
            if (power != null) out.add(power);
        }
        return out;
    }

    /**
     * {@code u * sign(u) -> abs(u)}: exact for every double (including -0.0, infinities and NaN),
     * and it turns the derivative of {@code x * abs(x)}-like terms into closed forms.
     */
    private List<Expr> signTimesSelf(List<Expr> factors) {
        List<Expr> out = new ArrayList<>(factors);
        for (int i = 0; i < out.size(); i++) {
            if (out.get(i) instanceof Call(Fn fn, List<Expr> args) && fn == Fn.SIGN) {
                int j = out.indexOf(args.getFirst());
                if (j >= 0) {
                    n.note("mul-sign");
                    out.set(i, new Call(Fn.ABS, args));
                    out.remove(j);
                    i = -1;   // indices moved; rescan
                }
            }
        }
        return out;
    }

    /** {@code exp(u) * exp(v) -> exp(u + v)}: one call fewer and never a larger tree. */
    private List<Expr> collectExps(List<Expr> factors) {
        List<Expr> exponents = new ArrayList<>();
        List<Expr> out = new ArrayList<>();
        for (Expr f : factors) {
            if (f instanceof Call(Fn fn, List<Expr> args) && fn == Fn.EXP) exponents.add(args.getFirst());
            else out.add(f);
        }
        if (exponents.size() < 2) return new ArrayList<>(factors);
        n.note("mul-exp");
        out.add(n.call(Fn.EXP, List.of(n.add(exponents))));
        return out;
    }
}
