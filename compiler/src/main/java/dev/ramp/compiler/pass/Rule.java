package dev.ramp.compiler.pass;

import dev.ramp.compiler.ir.Expr;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A named rewrite rule, egg-style: {@code lhs => rhs if guard}. Rules are data, listed in
 * {@link Rules#ALL}; the simplifier applies one where its left side matches, its guard holds and
 * the result is no larger.
 *
 * {@snippet :
 * Rule r = Rule.of("log-exp", "(log (exp ?a))", "?a");
 * Rule g = Rule.of("exp-log", "(exp (log ?a))", "?a", Rule.Guard.nonnegative("?a"));
 * }
 *
 * @param name a short kebab-case name, unique in the table (used in traces and tests)
 * @param lhs the pattern to match
 * @param rhs the replacement, over the holes of {@code lhs}
 * @param guard when the rule may fire
 */
public record Rule(String name, Pattern lhs, Pattern rhs, Guard guard) {
    public Rule {
        Objects.requireNonNull(name);
        Objects.requireNonNull(lhs);
        Objects.requireNonNull(rhs);
        Objects.requireNonNull(guard);
    }

    /** An unconditional rule from s-expression text. */
    public static Rule of(String name, String lhs, String rhs) {
        return new Rule(name, Pattern.parse(lhs), Pattern.parse(rhs), Guard.ALWAYS);
    }

    /** A guarded rule from s-expression text. */
    public static Rule of(String name, String lhs, String rhs, Guard guard) {
        return new Rule(name, Pattern.parse(lhs), Pattern.parse(rhs), guard);
    }

    /**
     * The rewritten term if {@code target} matches and the guard holds, else null.
     *
     * @param ranges the interval analysis the guards consult
     */
    public Object apply(Object target, Function<Expr, Range> ranges) {
        Map<String, Object> bindings = lhs.match(target);
        if (bindings == null || !guard.test().test(new Match(bindings, ranges))) return null;
        return rhs.instantiate(bindings);
    }

    /** The {@code head} of the left side: what kind of node the rule can match at all. */
    String head() {
        return switch (lhs) {
            case Pattern.Node n -> n.head();
            case Pattern.Hole h -> "?";
            case Pattern.Num n -> "#";
        };
    }

    @Override
    public String toString() {
        return name + ": " + lhs + " => " + rhs + (guard == Guard.ALWAYS ? "" : " if " + guard.description());
    }

    /** What a guard sees: the holes' bindings and the interval analysis of the whole term. */
    public record Match(Map<String, Object> bindings, Function<Expr, Range> ranges) {
        /** The expression bound to {@code hole}. */
        public Expr expr(String hole) {
            return (Expr) bindings.get(hole);
        }

        /** The range of the expression bound to {@code hole}. */
        public Range range(String hole) {
            return ranges.apply(expr(hole));
        }
    }

    /**
     * A named side condition. The description says what it checks, for the rule table's
     * documentation and traces.
     */
    public record Guard(String description, Predicate<Match> test) {
        /** No condition. */
        public static final Guard ALWAYS = new Guard("true", m -> true);

        /** The hole's value is never negative (it may be 0 or NaN). */
        public static Guard nonnegative(String hole) {
            return new Guard("nonnegative(" + hole + ")", m -> m.range(hole).nonnegative());
        }

        /** The hole's value is always at least {@code bound} (or NaN). */
        public static Guard atLeast(String hole, double bound) {
            return new Guard("at_least(" + hole + ", " + bound + ")", m -> m.range(hole).lo() >= bound);
        }

        /** The hole's value is never NaN. */
        public static Guard defined(String hole) {
            return new Guard("defined(" + hole + ")", m -> m.range(hole).defined());
        }

        /** The hole's value is never zero and never NaN. */
        public static Guard nonzero(String hole) {
            return new Guard("nonzero(" + hole + ")", m -> m.range(hole).definedNonzero());
        }

        /** The hole is bound to a constant that is an even integer. */
        public static Guard evenInteger(String hole) {
            return new Guard("even_integer(" + hole + ")",
                    m -> m.expr(hole) instanceof Expr.Const(double c) && c == Math.rint(c) && Math.abs(c % 2) == 0 && !Double.isInfinite(c));
        }

        /** The hole is bound to a constant that is an odd integer. */
        public static Guard oddInteger(String hole) {
            return new Guard("odd_integer(" + hole + ")",
                    m -> m.expr(hole) instanceof Expr.Const(double c) && c == Math.rint(c) && Math.abs(c % 2) == 1);
        }

        /** Both guards. */
        public Guard and(Guard other) {
            return new Guard(description + " and " + other.description, m -> test.test(m) && other.test.test(m));
        }
    }
}
