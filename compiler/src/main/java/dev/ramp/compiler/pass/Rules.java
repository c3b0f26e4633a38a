package dev.ramp.compiler.pass;

import static dev.ramp.compiler.pass.Rule.Guard.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The simplifier's named local identities, as data (egg's {@code rw!} table). Each is exact in
 * real arithmetic and, under its guard, keeps the double result within rounding; each leaves the
 * tree no larger, or moves a negation outward (so the table cannot cycle). The n-ary work —
 * flattening, constant folding, neutral and absorbing elements, canonical operand order, like
 * terms and powers — is done by the structural steps in {@link Normalise}, whose names appear in
 * {@link Simplify.Result#fired()} beside these.
 *
 * <p>Why some identities are absent: {@code 1 - sigmoid(u) -> sigmoid(-u)} and
 * {@code 1 - tanh(u)^2 -> 1/cosh(u)^2} are stabilisations, not simplifications (they belong to a
 * later numerics pass); {@code sqrt(u^2) -> abs(u)} changes the value where {@code u^2}
 * overflows; {@code exp(log u) -> u} holds only where {@code log u} is not NaN, hence its guard.
 */
public final class Rules {
    private Rules() {}

    /** Every rule, in the order they are tried. */
    public static final List<Rule> ALL = List.of(
            // Inverse pairs. log(exp u) = u for every real u (and is better than the left side where exp overflows).
            Rule.of("log-exp", "(log (exp ?a))", "?a"),
            // exp(log u) = u needs log u defined: u never negative. At u = 0 and NaN both sides agree.
            Rule.of("exp-log", "(exp (log ?a))", "?a", nonnegative("?a")),
            Rule.of("log1p-expm1", "(log1p (expm1 ?a))", "?a"),
            Rule.of("expm1-log1p", "(expm1 (log1p ?a))", "?a", atLeast("?a", -1)),
            Rule.of("sqrt-square", "(^ (sqrt ?a) 2)", "?a", nonnegative("?a")),

            // Parity: move a negation out of odd functions, drop it inside even ones.
            Rule.of("tanh-odd", "(tanh (neg ?a))", "(neg (tanh ?a))"),
            Rule.of("sinh-odd", "(sinh (neg ?a))", "(neg (sinh ?a))"),
            Rule.of("sin-odd", "(sin (neg ?a))", "(neg (sin ?a))"),
            Rule.of("atan-odd", "(atan (neg ?a))", "(neg (atan ?a))"),
            Rule.of("erf-odd", "(erf (neg ?a))", "(neg (erf ?a))"),
            Rule.of("sign-odd", "(sign (neg ?a))", "(neg (sign ?a))"),
            Rule.of("cosh-even", "(cosh (neg ?a))", "(cosh ?a)"),
            Rule.of("cos-even", "(cos (neg ?a))", "(cos ?a)"),
            Rule.of("abs-even", "(abs (neg ?a))", "(abs ?a)"),

            // Absolute value and sign.
            Rule.of("abs-abs", "(abs (abs ?a))", "(abs ?a)"),
            Rule.of("abs-nonneg", "(abs ?a)", "?a", nonnegative("?a")),
            Rule.of("sign-sign", "(sign (sign ?a))", "(sign ?a)"),

            // Powers of a negation or an absolute value with an integer exponent.
            Rule.of("pow-neg-even", "(^ (neg ?a) ?n)", "(^ ?a ?n)", evenInteger("?n")),
            Rule.of("pow-neg-odd", "(^ (neg ?a) ?n)", "(neg (^ ?a ?n))", oddInteger("?n")),
            Rule.of("pow-abs-even", "(^ (abs ?a) ?n)", "(^ ?a ?n)", evenInteger("?n")),

            // Idempotent extrema, and branches that are extrema (the tie terms of max' and min').
            Rule.of("max-self", "(max ?a ?a)", "?a"),
            Rule.of("min-self", "(min ?a ?a)", "?a"),
            Rule.of("where-min-zero", "(where (<= ?a 0) ?a 0)", "(min ?a 0)", defined("?a")),
            Rule.of("where-max-zero", "(where (>= ?a 0) ?a 0)", "(max ?a 0)", defined("?a")),

            // u / u = 1 fails where u is 0 or NaN (and where it is infinite, which the contract allows).
            Rule.of("div-self", "(/ ?a ?a)", "1", nonzero("?a")),

            // Branches.
            Rule.of("where-not", "(where (not ?c) ?a ?b)", "(where ?c ?b ?a)"),
            Rule.of("where-neg", "(where ?c (neg ?a) (neg ?b))", "(neg (where ?c ?a ?b))"),
            Rule.of("where-true-same", "(where ?c (where ?c ?a ?b) ?d)", "(where ?c ?a ?d)"),
            Rule.of("where-false-same", "(where ?c ?a (where ?c ?b ?d))", "(where ?c ?a ?d)"),
            Rule.of("not-not", "(not (not ?c))", "?c"));

    /** The rules indexed by the head of their left side, so a node is only tried against rules that can match it. */
    static final Map<String, List<Rule>> BY_HEAD = index(ALL);

    static Map<String, List<Rule>> index(List<Rule> rules) {
        Set<String> names = new HashSet<>();
        Map<String, List<Rule>> byHead = new HashMap<>();
        for (Rule r : rules) {
            if (!names.add(r.name())) throw new IllegalStateException("duplicate rule name " + r.name());
            byHead.computeIfAbsent(r.head(), h -> new ArrayList<>()).add(r);
        }
        return byHead;
    }
}
