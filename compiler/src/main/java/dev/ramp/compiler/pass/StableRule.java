package dev.ramp.compiler.pass;

import dev.ramp.compiler.ir.Expr;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A named stabilising rewrite, listed in {@link StableRules#ALL}. Unlike the simplifier's
 * {@link Rule}s these may grow the tree (a stable form is often longer) and may introduce
 * branches; like them, each is data with a name, so that traces and tests can refer to it.
 *
 * <p>Three shapes:
 * <ul>
 *   <li>{@link Local}: an s-expression pattern matched at a node, {@code (log (sigmoid ?a))};
 *   <li>{@link InSum}: a two-term sum pattern, {@code (+ 1 (neg (sigmoid ?a)))}, matched against
 *       every pair of terms of a sum (either order), also after the factors the two terms have in
 *       common are pulled out: {@code s(x)^2 s(-x) - s(x) s(-x)^2} meets
 *       {@code (+ (sigmoid ?a) (neg (sigmoid ?b)))} as {@code s(x) s(-x) (s(x) - s(-x))};
 *   <li>{@link Structural}: Java code over a node, for the n-ary rewrites patterns cannot say
 *       ({@code exp(a)} factors anywhere in a product over {@code (1 + exp(a))^k}).
 * </ul>
 *
 * <p>{@code primitive} marks rules that rewrite to an expression built from primitives only,
 * with no branch and no error-free arithmetic: those also run before differentiation
 * ({@link Stabilise#canonical}), so that {@code log(1 + exp(x))} is differentiated as
 * {@code softplus(x)}, whose derivative is {@code sigmoid(x)}.
 */
public sealed interface StableRule {

    /** The rule's unique kebab-case name. */
    String name();

    /** Whether the rule may also run before differentiation (see the interface comment). */
    boolean primitive();

    /** The rule as one line, {@code name: lhs => rhs}. */
    String describe();

    /** Builds a rule's right side from the match. */
    @FunctionalInterface
    interface Rewrite {
        /** The replacement, or null to decline (a condition the guard could not express). */
        Expr build(Bound match);
    }

    /**
     * What a right side sees: the holes' (already stabilised) bindings, the interval analysis,
     * and the walk itself, to stabilise a new subexpression built from the bindings (smaller
     * than the match, so that this terminates: {@code (v + u)} inside {@code (v + u) / v}).
     */
    record Bound(Map<String, Object> bindings, Function<Expr, Range> ranges, java.util.function.UnaryOperator<Expr> walk,
            java.util.function.Consumer<Expr> sealed) {
        /** {@code e} stabilised by the same walk. */
        public Expr stabilise(Expr e) {
            return walk.apply(e);
        }

        /** {@code form}, sealed (see {@link Context#keep}): for a stable part inside a result that later walks may enter. */
        public Expr keep(Expr form) {
            sealed.accept(form);
            return form;
        }

        /** The expression bound to {@code hole}. */
        public Expr expr(String hole) {
            return (Expr) bindings.get(hole);
        }

        /** The range of the expression bound to {@code hole}. */
        public Range range(String hole) {
            return ranges.apply(expr(hole));
        }
    }

    /** An s-expression pattern matched at a node. */
    record Local(String name, Pattern lhs, Rule.Guard guard, Rewrite rhs, String rhsText, boolean primitive) implements StableRule {
        public Local {
            Objects.requireNonNull(name);
            Objects.requireNonNull(lhs);
            Objects.requireNonNull(guard);
            Objects.requireNonNull(rhs);
        }

        @Override
        public String describe() {
            return name + ": " + lhs + " => " + rhsText + (guard == Rule.Guard.ALWAYS ? "" : " if " + guard.description());
        }
    }

    /** A two-term sum pattern, matched against any two terms of a sum, with common factors pulled out. */
    record InSum(String name, Pattern lhs, Rule.Guard guard, Rewrite rhs, String rhsText, boolean primitive) implements StableRule {
        public InSum {
            Objects.requireNonNull(name);
            if (!(lhs instanceof Pattern.Node(String head, var children)) || !head.equals("+") || children.size() != 2) {
                throw new IllegalArgumentException(name + ": an InSum rule needs a two-term sum pattern, not " + lhs);
            }
            Objects.requireNonNull(guard);
            Objects.requireNonNull(rhs);
        }

        @Override
        public String describe() {
            return name + ": " + lhs + " => " + rhsText + " (any two terms of a sum)"
                    + (guard == Rule.Guard.ALWAYS ? "" : " if " + guard.description());
        }
    }

    /** Java code at a node: returns the replacement, or null when it does not apply. */
    record Structural(String name, String description, Phase phase, Step step, boolean primitive) implements StableRule {
        public Structural {
            Objects.requireNonNull(name);
            Objects.requireNonNull(description);
            Objects.requireNonNull(phase);
            Objects.requireNonNull(step);
        }

        @Override
        public String describe() {
            return name + ": " + description;
        }
    }

    /**
     * When a structural rule looks at a node: {@code BEFORE} sees it as written, before its
     * operands are stabilised (for normalisations that must see through what a rule on an
     * operand would change: {@code 1 - (1 - tanh(x)^2)} is {@code tanh(x)^2}, not
     * {@code 1 - sech(x)^2}); {@code AFTER} sees it with stabilised operands, as every pattern rule does.
     */
    enum Phase { BEFORE, AFTER }

    /** A structural rule's code. */
    @FunctionalInterface
    interface Step {
        /** The replacement for {@code node}, or null. */
        Expr apply(Expr node, Context context);
    }

    /**
     * What a structural rule sees beside the node: the interval analysis, and which subtrees
     * are final (stable forms a rule built, to be taken as opaque: a product rule does not look
     * inside {@code 4e / (1 + e)^2}).
     */
    record Context(Function<Expr, Range> ranges, Predicate<Expr> opaque, java.util.function.Consumer<Expr> finals,
            java.util.function.UnaryOperator<Expr> walk, Function<Expr, Monomial> monomials) {
        /** {@code e} stabilised by the same walk (for operands a BEFORE rule moves into a sealed form). */
        Expr stabilise(Expr e) {
            return walk.apply(e);
        }

        /** The monomial of {@code e}, final subtrees as opaque bases. */
        Monomial monomial(Expr e) {
            return monomials.apply(e);
        }

        /** {@code form}, sealed: a stable form no rule of this or a later walk may rewrite or look into. */
        Expr keep(Expr form) {
            finals.accept(form);
            return form;
        }
    }
}
