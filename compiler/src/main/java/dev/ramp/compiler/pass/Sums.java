package dev.ramp.compiler.pass;

import static dev.ramp.compiler.ir.Exprs.ZERO;
import static dev.ramp.compiler.ir.Exprs.constant;

import dev.ramp.compiler.ir.Expr;
import dev.ramp.compiler.ir.Expr.*;
import dev.ramp.compiler.ir.Exprs;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sums in normal form ({@link Normalise}'s {@code add-*} steps): flattened, constants folded,
 * like terms merged ({@code 2x + 3x -> 5x}) where that is exact and does not grow the sum, terms
 * in canonical order with a positive one first, negative coefficients written as subtraction.
 */
final class Sums {
    private final Normalise n;

    Sums(Normalise n) {
        this.n = n;
    }

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
        if (coef == 0) {
            // Kept only where mono may be NaN; Exprs.mul would fold it away.
            List<Expr> factors = new ArrayList<>(List.of(ZERO));
            if (mono instanceof Mul(List<Expr> fs)) factors.addAll(fs);
            else factors.add(mono);
            return new Mul(factors);
        }
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
        for (Expr t : terms) before += n.termSize(t);
        return n.smaller(() -> add(terms, false), () -> add(terms, true), before);
    }

    private Expr add(List<Expr> terms, boolean strict) {
        List<Expr> flat = new ArrayList<>();
        for (Expr t : terms) {
            if (t instanceof Add(List<Expr> inner)) {
                n.note("add-flatten");
                flat.addAll(inner);
            } else if (t instanceof Neg(Add(List<Expr> inner))) {
                // a - (b + c) -> a - b - c: one node fewer, and b and c meet their like terms.
                n.note("add-flatten");
                for (Expr u : inner) flat.add(Exprs.neg(u));
            } else {
                flat.add(t);
            }
        }
        // Constants first, then one entry per monomial with the sum of its coefficients.
        double constant = 0;
        List<Expr> unfolded = new ArrayList<>();
        int constants = 0;
        FewKeys<List<Term>> groups = new FewKeys<>();
        for (Expr t : flat) {
            Term s = split(t);
            if (s.mono == null) {
                double sum = constant + s.coef;
                if (Normalise.foldable(sum, constant, s.coef)) {
                    constant = sum;
                    constants++;
                } else {
                    unfolded.add(t);
                }
            } else {
                groups.computeIfAbsent(s.mono, ArrayList::new).add(s);
            }
        }
        if (constants > 1) n.note("fold");
        List<Expr> out = new ArrayList<>();
        for (Map.Entry<Expr, List<Term>> g : groups.entries()) {
            List<Term> like = g.getValue();
            if (like.size() == 1) {
                Term only = like.getFirst();
                if (only.coef != 0) out.add(term(only.coef, g.getKey()));
                else if (n.range(g.getKey()).defined()) n.note("mul-zero");
                else out.add(term(0, g.getKey()));   // 0 * u keeps u's NaN
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
            for (Term s : like) before += n.termSize(term(s.coef, s.mono));
            if (strict && merged != null && n.termSize(merged) > before) {
                for (Term s : like) out.add(term(s.coef, s.mono));   // a + x + x: a coefficient would add a node
                continue;
            }
            if (merged == null && !n.range(g.getKey()).defined()) {
                for (Term s : like) out.add(term(s.coef, s.mono));   // u - u is NaN where u is
                continue;
            }
            n.note("add-like-terms");
            if (merged != null) out.add(merged);
        }
        out.sort(ExprOrder.INSTANCE);
        List<Expr> result = new ArrayList<>();
        if (constant != 0) result.add(constant(constant));
        result.addAll(unfolded);
        result.addAll(out);
        leadPositive(result);
        if (!result.equals(flat)) n.note("add-order");
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
}
