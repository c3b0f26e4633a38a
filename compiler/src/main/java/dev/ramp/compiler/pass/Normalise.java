package dev.ramp.compiler.pass;

import static dev.ramp.compiler.ir.Exprs.ONE;
import static dev.ramp.compiler.ir.Exprs.ZERO;
import static dev.ramp.compiler.ir.Exprs.constant;
import static dev.ramp.compiler.ir.Exprs.isOne;
import static dev.ramp.compiler.ir.Exprs.isZero;

import dev.ramp.compiler.ir.Cond;
import dev.ramp.compiler.ir.Expr;
import dev.ramp.compiler.ir.Expr.*;
import dev.ramp.compiler.ir.Exprs;
import dev.ramp.compiler.ir.Fn;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The simplifier's structural steps: the n-ary canonicalisation that s-expression patterns cannot
 * express without associativity and commutativity. Each method takes a node's already simplified
 * operands and returns the node in normal form; each step has a name, reported when it changes
 * something.
 *
 * <ul>
 *   <li>{@code fold}: constant folding, only when the result is finite or an operand already was
 *       not (so {@code log(0)}, {@code 1/0} and {@code exp(1000)} stay as written: never a silent
 *       infinity or NaN).
 *   <li>{@code add-flatten}, {@code add-like-terms} ({@code 2x + 3x -> 5x}; {@code u - u -> 0} only where u is never NaN),
 *       {@code add-order}: sums.
 *   <li>{@code mul-flatten}, {@code mul-zero} ({@code 0 * u -> 0} where u is never NaN: unlike
 *       {@link dev.ramp.compiler.ir.Exprs#mul}, which follows SymPy, the simplifier keeps the NaN of
 *       {@code 0 * inf}), {@code mul-neg} (negations pulled out of
 *       products), {@code mul-sign} ({@code u * sign(u) -> abs(u)}),
 *       {@code mul-powers} ({@code x * x^2 -> x^3}), {@code mul-exp}
 *       ({@code exp(u) * exp(v) -> exp(u + v)}), {@code mul-order}: products.
 *   <li>{@code div-neg}, {@code div-zero} ({@code 0 / u -> 0} where u is never 0 or NaN), {@code div-const} (division by a power of two becomes an exact
 *       multiplication), {@code div-coef} ({@code (2u)/v -> 2(u/v)}),
 *       {@code div-cancel}: quotients.
 *   <li>{@code pow-one-base}, {@code pow-pow}: powers.
 *   <li>{@code cond-fold}, {@code where-fold}: conditions decided by constants or by the interval
 *       analysis, and the branch they select.
 * </ul>
 *
 * <p>Negative coefficients inside a sum are written as a negation ({@code a - 2x}, not
 * {@code a + (-2)x}): it prints and compiles as a subtraction, and {@link Simplify#size} counts
 * such a negation as free.
 */
final class Normalise {
    private final Function<Expr, Range> ranges;
    private Consumer<String> fired;

    Normalise(Function<Expr, Range> ranges, Consumer<String> fired) {
        this.ranges = ranges;
        this.fired = fired;
    }

    /** Whether folding to {@code result} is allowed: it is finite, or some operand already was not. */
    private static boolean foldable(double result, double... operands) {
        if (Double.isFinite(result)) return true;
        for (double v : operands) {
            if (!Double.isFinite(v)) return true;
        }
        return false;
    }

    Expr neg(Expr a) {
        return switch (a) {
            // -(c * u) -> (-c) * u: the coefficient absorbs the sign.
            case Mul(List<Expr> fs) when fs.getFirst() instanceof Const(double c) -> {
                fired.accept("neg-coef");
                List<Expr> rest = new ArrayList<>(fs);
                rest.set(0, constant(-c));
                yield mul(rest);
            }
            default -> Exprs.neg(a);
        };
    }

    // ------------------------------------------------------------------ sums

    /** A term split as coefficient times monomial; {@code mono == null} for a constant. */
    private record Term(double coef, Expr mono) {}

    private static Term split(Expr t) {
        return switch (t) {
            case Neg(Expr a) -> {
                Term inner = split(a);
                yield new Term(-inner.coef, inner.mono);
            }
            case Const(double c) -> new Term(c, null);
            case Mul(List<Expr> fs) when fs.getFirst() instanceof Const(double c) ->
                    new Term(c, fs.size() == 2 ? fs.get(1) : new Mul(fs.subList(1, fs.size())));
            default -> new Term(1, t);
        };
    }

    /** The term {@code coef * mono}, a negative coefficient written as a negation. */
    private static Expr term(double coef, Expr mono) {
        if (coef == 1) return mono;
        if (coef == -1) return Exprs.neg(mono);
        if (coef < 0) return new Neg(Exprs.mul(constant(-coef), mono));
        return Exprs.mul(constant(coef), mono);
    }

    /**
     * The sum in normal form. Like terms are merged whenever the sum as a whole does not grow
     * ({@code x + x -> 2 * x}); if it would ({@code a + x + x -> a + 2 * x} adds a node), only the
     * merges that shrink on their own are made.
     */
    Expr add(List<Expr> terms) {
        int before = 1;
        for (Expr t : terms) before += Simplify.termSize(t);
        return smaller(() -> add(terms, false), () -> add(terms, true), before);
    }

    /**
     * The eager attempt if its result is no larger than {@code before}, else the strict one; only
     * the chosen attempt's steps are reported.
     */
    private Expr smaller(Supplier<Expr> eager, Supplier<Expr> strict, int before) {
        Consumer<String> outer = fired;
        List<String> steps = new ArrayList<>();
        fired = steps::add;
        try {
            Expr e = eager.get();
            if (Simplify.size(e) > before) {
                steps.clear();
                e = strict.get();
            }
            steps.forEach(outer);
            return e;
        } finally {
            fired = outer;
        }
    }

    private Expr add(List<Expr> terms, boolean strict) {
        List<Expr> flat = new ArrayList<>();
        for (Expr t : terms) {
            if (t instanceof Add(List<Expr> inner)) {
                fired.accept("add-flatten");
                flat.addAll(inner);
            } else {
                flat.add(t);
            }
        }
        // Constants first, then one entry per monomial with the sum of its coefficients.
        double constant = 0;
        List<Expr> unfolded = new ArrayList<>();
        int constants = 0;
        Map<Expr, List<Term>> groups = new LinkedHashMap<>();
        for (Expr t : flat) {
            Term s = split(t);
            if (s.mono == null) {
                double sum = constant + s.coef;
                if (foldable(sum, constant, s.coef)) {
                    constant = sum;
                    constants++;
                } else {
                    unfolded.add(t);
                }
            } else {
                groups.computeIfAbsent(s.mono, k -> new ArrayList<>()).add(s);
            }
        }
        if (constants > 1) fired.accept("fold");
        List<Expr> out = new ArrayList<>();
        for (Map.Entry<Expr, List<Term>> g : groups.entrySet()) {
            List<Term> like = g.getValue();
            if (like.size() == 1) {
                Term only = like.getFirst();
                if (only.coef != 0) out.add(term(only.coef, g.getKey()));
                else if (ranges.apply(g.getKey()).defined()) fired.accept("mul-zero");
                else out.add(new Mul(List.of(ZERO, g.getKey())));   // 0 * u keeps u's NaN or infinity
                continue;
            }
            double coef = 0;
            boolean finite = true;
            for (Term s : like) {
                coef += s.coef;
                finite &= Double.isFinite(s.coef);
            }
            if (finite && !Double.isFinite(coef)) {
                for (Term s : like) out.add(term(s.coef, s.mono));   // merging would overflow
                continue;
            }
            Expr merged = coef == 0 ? null : term(coef, g.getKey());
            int before = 0;
            for (Term s : like) before += Simplify.termSize(term(s.coef, s.mono));
            if (strict && merged != null && Simplify.termSize(merged) > before) {
                for (Term s : like) out.add(term(s.coef, s.mono));   // a + x + x: a coefficient would add a node
                continue;
            }
            if (merged == null && !ranges.apply(g.getKey()).defined()) {
                for (Term s : like) out.add(term(s.coef, s.mono));   // u - u is NaN where u is
                continue;
            }
            fired.accept("add-like-terms");
            if (merged != null) out.add(merged);
        }
        out.sort(ExprOrder.INSTANCE);
        List<Expr> result = new ArrayList<>();
        if (constant != 0) result.add(constant(constant));
        result.addAll(unfolded);
        result.addAll(out);
        leadPositive(result);
        if (!result.equals(flat)) fired.accept("add-order");
        return switch (result.size()) {
            case 0 -> ZERO;
            case 1 -> result.getFirst();
            default -> new Add(result);
        };
    }

    /**
     * A sum reads best starting with a positive term ({@code x - 1}, not {@code -1 + x}), so the
     * first one moves to the front. If every term is negative, the first keeps its sign in its
     * coefficient ({@code -2 * x - y}), which is how the parser reads that text back.
     */
    private static void leadPositive(List<Expr> terms) {
        if (terms.isEmpty() || !negative(terms.getFirst())) return;
        for (int i = 1; i < terms.size(); i++) {
            if (!negative(terms.get(i))) {
                terms.addFirst(terms.remove(i));
                return;
            }
        }
        if (terms.getFirst() instanceof Neg(Mul(List<Expr> fs)) && fs.getFirst() instanceof Const(double c)) {
            List<Expr> flipped = new ArrayList<>(fs);
            flipped.set(0, constant(-c));
            terms.set(0, new Mul(flipped));
        }
    }

    private static boolean negative(Expr term) {
        return switch (term) {
            case Neg n -> true;
            case Const(double c) -> c < 0;
            case Mul(List<Expr> fs) -> fs.getFirst() instanceof Const(double c) && c < 0;
            default -> false;
        };
    }

    // ------------------------------------------------------------------ products

    /** The product in normal form; powers are merged as like terms are in {@link #add}. */
    Expr mul(List<Expr> factors) {
        int before = 1;
        for (Expr f : factors) before += Simplify.size(f);
        return smaller(() -> mul(factors, false), () -> mul(factors, true), before);
    }

    private Expr mul(List<Expr> factors, boolean strict) {
        List<Expr> flat = new ArrayList<>();
        boolean negative = false;
        for (Expr f : factors) {
            while (f instanceof Neg(Expr a)) {
                fired.accept("mul-neg");
                negative = !negative;
                f = a;
            }
            if (f instanceof Mul(List<Expr> inner)) {
                fired.accept("mul-flatten");
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
                if (foldable(product, coef, c)) {
                    coef = product;
                    constants++;
                } else {
                    unfolded.add(f);
                }
            } else {
                rest.add(f);
            }
        }
        if (constants > 1) fired.accept("fold");
        if (coef == 0 && unfolded.isEmpty()) {
            if (rest.isEmpty()) return constant(negative ? -coef : coef);
            // 0 * u = 0 only where u is never NaN (for an infinite u, the contract's licence).
            if (rest.stream().allMatch(f -> ranges.apply(f).defined())) {
                fired.accept("mul-zero");
                return ZERO;
            }
        }
        rest = signTimesSelf(rest);
        rest = collectPowers(rest, strict);
        rest = collectExps(rest);
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
        Map<Expr, List<Double>> groups = new LinkedHashMap<>();
        Map<Expr, List<Expr>> originals = new LinkedHashMap<>();
        for (Expr f : factors) {
            Expr base = f;
            double exponent = 1;
            if (f instanceof Pow(Expr b, Const(double p))) {
                base = b;
                exponent = p;
            }
            groups.computeIfAbsent(base, k -> new ArrayList<>()).add(exponent);
            originals.computeIfAbsent(base, k -> new ArrayList<>()).add(f);
        }
        List<Expr> out = new ArrayList<>();
        for (Map.Entry<Expr, List<Double>> g : groups.entrySet()) {
            Expr base = g.getKey();
            List<Double> exponents = g.getValue();
            if (exponents.size() == 1) {
                out.addAll(originals.get(base));
                continue;
            }
            boolean integers = exponents.stream().allMatch(p -> p == Math.rint(p) && !p.isInfinite());
            double total = exponents.stream().mapToDouble(Double::doubleValue).sum();
            Range r = ranges.apply(base);
            boolean mergeable = (integers || r.nonnegative()) && Double.isFinite(total) && (total != 0 || r.definedNonzero());
            Expr power = total == 0 ? null : total == 1 ? base : new Pow(base, constant(total));
            if (mergeable && strict && power != null) {
                int before = originals.get(base).stream().mapToInt(Simplify::size).sum();
                mergeable = Simplify.size(power) <= before;
            }
            if (!mergeable) {
                out.addAll(originals.get(base));
                continue;
            }
            fired.accept("mul-powers");
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
                    fired.accept("mul-sign");
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
        fired.accept("mul-exp");
        out.add(call(Fn.EXP, List.of(add(exponents))));
        return out;
    }

    // ------------------------------------------------------------------ quotients and powers

    Expr div(Expr num, Expr den) {
        if (num instanceof Const(double n) && den instanceof Const(double d) && foldable(n / d, n, d)) {
            fired.accept("fold");
            return constant(n / d);
        }
        boolean negative = false;
        if (num instanceof Neg(Expr a)) { num = a; negative = true; }
        if (den instanceof Neg(Expr a)) { den = a; negative = !negative; }
        // -u / -2 -> u / 2; but u / -2 stays, since -(u / 2) is a node larger.
        if (den instanceof Const(double d) && d < 0 && negative) { den = constant(-d); negative = false; }
        if (negative) fired.accept("div-neg");
        Expr q = quotient(num, den);
        return negative ? neg(q) : q;
    }

    private Expr quotient(Expr num, Expr den) {
        if (isOne(den)) return num;
        if (isZero(num) && ranges.apply(den).definedNonzero()) {
            fired.accept("div-zero");
            return num;
        }
        if (den instanceof Const(double d) && Math.getExponent(d) >= Double.MIN_EXPONENT && Math.getExponent(d) < Double.MAX_EXPONENT
                && d == Math.scalb(1.0, Math.getExponent(d))) {
            // Dividing by 2^k is multiplying by 2^-k, both exact: a coefficient like terms can collect.
            fired.accept("div-const");
            return mul(List.of(constant(1 / d), num));
        }
        // (c u) / v -> c (u / v) for a single u: the same size, and like terms see the coefficient.
        if (num instanceof Mul(List<Expr> fs) && fs.size() == 2 && fs.getFirst() instanceof Const(double c)) {
            fired.accept("div-coef");
            return mul(List.of(constant(c), quotient(fs.get(1), den)));
        }
        Expr cancelled = cancel(num, den);
        return cancelled != null ? cancelled : new Div(num, den);
    }

    /** {@code (u * v) / (u * w) -> v / w} when u is never 0 or NaN. */
    private Expr cancel(Expr num, Expr den) {
        List<Expr> ns = num instanceof Mul(List<Expr> fs) ? new ArrayList<>(fs) : new ArrayList<>(List.of(num));
        List<Expr> ds = den instanceof Mul(List<Expr> fs) ? new ArrayList<>(fs) : new ArrayList<>(List.of(den));
        if (ns.size() == 1 && ds.size() == 1) return null;   // u / u is the guarded rule div-self
        boolean changed = false;
        for (int i = 0; i < ds.size(); i++) {
            Expr f = ds.get(i);
            if (ns.contains(f) && ranges.apply(f).definedNonzero()) {
                ns.remove(f);
                ds.remove(i--);
                changed = true;
            }
        }
        if (!changed) return null;
        fired.accept("div-cancel");
        Expr n = ns.isEmpty() ? ONE : ns.size() == 1 ? ns.getFirst() : new Mul(ns);
        Expr d = ds.isEmpty() ? ONE : ds.size() == 1 ? ds.getFirst() : new Mul(ds);
        return isOne(d) ? n : new Div(n, d);
    }

    Expr pow(Expr base, Expr exponent) {
        if (base instanceof Const(double b) && exponent instanceof Const(double x) && foldable(Math.pow(b, x), b, x)) {
            fired.accept("fold");
            return constant(Math.pow(b, x));
        }
        if (isOne(exponent)) return base;
        if (isZero(exponent)) return ONE;   // Math.pow(anything, 0) is 1, NaN included
        // 1^u = 1, except that Java's pow gives NaN for a NaN (or infinite) exponent.
        if (isOne(base) && ranges.apply(exponent).defined()) {
            fired.accept("pow-one-base");
            return ONE;
        }
        // (u^p)^q = u^(p q) for integers p and q (or u never negative): (x^2)^0.5 is |x|, not x.
        if (base instanceof Pow(Expr u, Const(double p)) && exponent instanceof Const(double q)) {
            boolean integers = p == Math.rint(p) && q == Math.rint(q);
            double pq = p * q;
            if ((integers || ranges.apply(u).nonnegative()) && Double.isFinite(pq)) {
                fired.accept("pow-pow");
                return pow(u, constant(pq));
            }
        }
        return new Pow(base, exponent);
    }

    // ------------------------------------------------------------------ calls and branches

    Expr call(Fn fn, List<Expr> args) {
        if (args.stream().allMatch(a -> a instanceof Const)) {
            double[] values = args.stream().mapToDouble(a -> ((Const) a).value()).toArray();
            double v = fn.apply(values);
            if (foldable(v, values)) {
                fired.accept("fold");
                return constant(v);
            }
        }
        return new Call(fn, args);
    }

    /** The condition, or {@link Boolean#TRUE}/{@link Boolean#FALSE} when it is decided. */
    Object compare(Cond.Op op, Expr left, Expr right) {
        if (left instanceof Const(double l) && right instanceof Const(double r)) {
            fired.accept("cond-fold");
            return op.test(l, r);
        }
        Range a = ranges.apply(left), b = ranges.apply(right);
        if (!a.nan() && !b.nan()) {
            Boolean decided = decide(op, a, b);
            if (decided != null) {
                fired.accept("cond-fold");
                return decided;
            }
            if (left.equals(right)) {
                fired.accept("cond-fold");
                return op == Cond.Op.LE || op == Cond.Op.GE || op == Cond.Op.EQ;
            }
        }
        return new Cond.Compare(op, left, right);
    }

    /** The comparison's truth when the ranges do not overlap (or touch only where it holds). */
    private static Boolean decide(Cond.Op op, Range a, Range b) {
        return switch (op) {
            case LT -> a.hi() < b.lo() ? Boolean.TRUE : a.lo() >= b.hi() ? Boolean.FALSE : null;
            case LE -> a.hi() <= b.lo() ? Boolean.TRUE : a.lo() > b.hi() ? Boolean.FALSE : null;
            case GT -> a.lo() > b.hi() ? Boolean.TRUE : a.hi() <= b.lo() ? Boolean.FALSE : null;
            case GE -> a.lo() >= b.hi() ? Boolean.TRUE : a.hi() < b.lo() ? Boolean.FALSE : null;
            case EQ -> a.hi() < b.lo() || a.lo() > b.hi() ? Boolean.FALSE : null;
            case NE -> a.hi() < b.lo() || a.lo() > b.hi() ? Boolean.TRUE : null;
        };
    }

    Object and(Object left, Object right) {
        if (left instanceof Boolean l) { fired.accept("cond-fold"); return l ? right : Boolean.FALSE; }
        if (right instanceof Boolean r) { fired.accept("cond-fold"); return r ? left : Boolean.FALSE; }
        return new Cond.And((Cond) left, (Cond) right);
    }

    Object or(Object left, Object right) {
        if (left instanceof Boolean l) { fired.accept("cond-fold"); return l ? Boolean.TRUE : right; }
        if (right instanceof Boolean r) { fired.accept("cond-fold"); return r ? Boolean.TRUE : left; }
        return new Cond.Or((Cond) left, (Cond) right);
    }

    Object not(Object operand) {
        if (operand instanceof Boolean b) { fired.accept("cond-fold"); return !b; }
        return new Cond.Not((Cond) operand);
    }

    Expr where(Cond cond, Expr ifTrue, Expr ifFalse) {
        if (ifTrue.equals(ifFalse)) {
            fired.accept("where-same");
            return ifTrue;
        }
        return new Where(cond, ifTrue, ifFalse);
    }
}
