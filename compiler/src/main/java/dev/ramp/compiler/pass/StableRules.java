package dev.ramp.compiler.pass;

import static dev.ramp.compiler.ir.Exprs.*;
import static dev.ramp.compiler.pass.StableForms.*;
import static dev.ramp.compiler.pass.StableRule.Phase.AFTER;
import static dev.ramp.compiler.pass.StableRule.Phase.BEFORE;

import dev.ramp.compiler.ir.Cond;
import dev.ramp.compiler.ir.Expr;
import dev.ramp.compiler.ir.Expr.*;
import dev.ramp.compiler.ir.Fn;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The stabiliser's named rules, as data (Theano's "stabilize" phase, Herbie's and JAX's stable
 * forms). Each rewrites an expression that loses accuracy, overflows or cancels in double
 * precision into one that computes the same real function without doing so; each is exact in
 * real arithmetic wherever the left side is defined. Tried in this order; the first that
 * applies wins, so specific rules come before general ones ({@code mish-sech2} before
 * {@code sech2}). Compensated arguments ({@link Compensate}) run after all of them.
 *
 * <p>Rules marked primitive (the first group) rewrite to primitives only and also run before
 * differentiation ({@link Stabilise#canonical}); the others produce forms whose derivatives
 * would be unwieldy (branches, closed forms) and run only on the expressions compiled.
 */
public final class StableRules {
    private StableRules() {}

    /**
     * The rules that rewrite forms, tried in this order in the first walk ({@link Stabilise}):
     * to stable primitives, then to stable forms.
     */
    public static final List<StableRule> FORMS = List.of(
            // (a - (c - b) with constants a and c needs no rule: the simplifier folds it, 1 - (1 - tanh(x)^2) -> tanh(x)^2.)

            // To the stable primitives (softplus, sigmoid, log1p, expm1, erfc, tanh).
            local("softplus-def", "(log (+ 1 (exp ?a)))", "(softplus ?a)", true),
            local("softplus-log1p", "(log1p (exp ?a))", "(softplus ?a)", true),
            local("log-sigmoid", "(log (sigmoid ?a))", "-softplus(-?a)", m -> neg(call(Fn.SOFTPLUS, negate(m.expr("?a")))), true),
            structural("log1p-def", "log(1 + u) -> log1p(u), u the sum of the other terms", AFTER, StableRules::log1p, true),
            inSum("expm1-def", "(+ (exp ?a) -1)", "(expm1 ?a)", m -> call(Fn.EXPM1, m.expr("?a")), true),
            inSum("expm1-def-neg", "(+ 1 (neg (exp ?a)))", "-expm1(?a)", m -> neg(call(Fn.EXPM1, m.expr("?a"))), true),
            local("expm1-quotient", "(/ (expm1 ?a) ?b)", "where(|?a| < 2, 1 + ?a/2! + ... + ?a^25/26!, expm1(?a) (1 / ?a)) for ?a = ?b: "
                    + "a polynomial near 0, whose derivatives do not cancel as (x e^x - expm1(x)) / x^2 does",
                    m -> m.expr("?a").equals(m.expr("?b")) ? expm1Quotient(m.expr("?a"), m::keep) : null, true),
            structural("scale-into-where", "c where(k, a, b) -> where(k, c a, c b) for a constant c, and where(k, a, b) / d -> "
                    + "where(k, a / d, b / d): each branch then carries its own scaling", AFTER, StableRules::scaleIntoWhere, true),
            structural("sigmoid-def", "N / (1 + exp(a))^k -> N sigmoid(-a)^k, each exp(a) factor of N turning a sigmoid(-a) into "
                    + "sigmoid(a) and each (1 + exp(a)) factor cancelling one power (a sum N distributed): 1/(1 + exp(-x)) -> sigmoid(x), "
                    + "exp(x)/(1 + exp(x))^2 -> sigmoid(x) sigmoid(-x)", AFTER, StableRules::sigmoidDef, true),
            structural("sigmoid-absorb-exp", "exp(a) sigmoid(-a) -> sigmoid(a) in any product", AFTER, StableRules::absorbExp, true),
            inSum("sigmoid-complement", "(+ 1 (neg (sigmoid ?a)))", "sigmoid(-?a)", m -> sigmoid(negate(m.expr("?a"))), true),
            inSum("sigmoid-complement-neg", "(+ (sigmoid ?a) -1)", "-sigmoid(-?a)", m -> neg(sigmoid(negate(m.expr("?a")))), true),
            inSum("sigmoid-difference", "(+ (sigmoid ?a) (neg (sigmoid ?b)))", "tanh(?a / 2)",
                    m -> m.expr("?b").equals(negate(m.expr("?a"))) ? tanh(scale(0.5, m.expr("?a"))) : null, true),
            inSum("erfc-def", "(+ 1 (erf ?a))", "erfc(-?a)", m -> call(Fn.ERFC, negate(m.expr("?a"))), true),
            inSum("erfc-complement", "(+ 1 (neg (erf ?a)))", "(erfc ?a)", m -> call(Fn.ERFC, m.expr("?a")), true),
            inSum("erfc-complement-neg", "(+ (erf ?a) -1)", "-erfc(?a)", m -> neg(call(Fn.ERFC, m.expr("?a"))), true),
            inSum("tanh-to-sigmoid", "(+ 1 (tanh ?a))", "2 sigmoid(2 ?a)", m -> scale(2, sigmoid(scale(2, m.expr("?a")))), true),
            inSum("tanh-complement-to-sigmoid", "(+ 1 (neg (tanh ?a)))", "2 sigmoid(-2 ?a)",
                    m -> scale(2, sigmoid(scale(-2, m.expr("?a")))), true),
            inSum("one-minus-ratio", "(+ 1 (neg (/ ?u ?v)))", "(?v - ?u) / ?v, the difference exact when ?v is a sum with the term ?u",
                    m -> oneMinusRatio(m.expr("?u"), m.expr("?v")), true),
            inSum("root-minus-ratio", "(+ (sqrt ?s) (neg (/ ?u (sqrt ?t))))", "(?s - ?u) / sqrt(?s) for ?t = ?s, the difference "
                    + "exact when ?s is a sum with the term ?u: sqrt(x^2 + 4) - x^2 / sqrt(x^2 + 4) -> 4 / sqrt(x^2 + 4), which "
                    + "neither cancels for large |x| nor is Infinity - Infinity where x^2 overflows (squareplus'')",
                    m -> m.expr("?s").equals(m.expr("?t")) ? rootMinusRatio(m.expr("?u"), m.expr("?s")) : null, true),
            inSum("cosh-sinh-square", "(+ (^ (cosh ?a) 2) (neg (^ (sinh ?a) 2)))", "1", m -> ONE, true),
            structural("tanh-def", "sinh(u)^p / cosh(u)^q -> tanh(u)^min(p, q) ..., and equal factors of numerator and "
                    + "denominator cancelled where never 0 or NaN: sinh(x) / cosh(x) -> tanh(x), cosh(x) * (1 / cosh(x)) -> 1",
                    AFTER, StableRules::tanhDef, true),

            // Stable forms of what remains (compiled expressions only).
            inSum("one-plus-ratio", "(+ 1 ?t)", "(v + u) / v for ?t = u / v with v not constant, v + u stabilised: "
                    + "1 + x / sqrt(x^2 + 4) -> (sqrt(x^2 + 4) + x) / sqrt(x^2 + 4), whose numerator the conjugate rule can take",
                    StableRules::onePlusRatio, false),
            inSum("conjugate-sqrt", "(+ ?u (sqrt ?s))", "where(?u >= 0, ?u + sqrt(?s), c / (sqrt(?s) - ?u)) for ?s = ?u^2 + c, c >= 0",
                    m -> conjugate(m, m.expr("?u"), m.expr("?s"), false), false),
            inSum("conjugate-sqrt-neg", "(+ (neg ?u) (sqrt ?s))", "where(?u <= 0, sqrt(?s) - ?u, c / (sqrt(?s) + ?u)) for ?s = ?u^2 + c, c >= 0",
                    m -> conjugate(m, m.expr("?u"), m.expr("?s"), true), false),
            structural("mish-sech2", "1 - tanh(softplus(u))^2 -> the closed form of sech(softplus(u))^2, before tanh(softplus(u)) "
                    + "itself is rewritten", BEFORE, StableRules::mishSech2Rule, false),
            local("mish-tanh", "(tanh (softplus ?a))", "closed form n / (n + 2), n = e (e + 2), e = exp(?a) (and its mirror for ?a > 0)",
                    m -> mishTanh(m.expr("?a")), false),
            inSum("sech2", "(+ 1 (neg (^ (tanh ?a) 2)))", "4e / (1 + e)^2, e = exp(-2 |?a|)", m -> sech2(m.expr("?a")), false),
            inSum("sech2-neg", "(+ (^ (tanh ?a) 2) -1)", "-(4e / (1 + e)^2), e = exp(-2 |?a|)", m -> neg(sech2(m.expr("?a"))), false),
            structural("cosh-square-recip", "cosh(u)^-2 -> 4e / (1 + e)^2, e = exp(-2|u|), in any product", AFTER,
                    StableRules::coshSquareRecip, false),
            structural("sigmoid-product", "sigmoid(u) sigmoid(-u) -> e / (1 + e)^2, e = exp(-|u|), in any product", AFTER,
                    StableRules::sigmoidProductRule, false),
            structural("exp-quotient-overflow", "N / D -> where(a > 690, (exp(a - 600) (P / D) + (C / D) e^-600) e^600, N / D) for "
                    + "a numerator N = exp(a) P + C linear in one growing exponential (expm1(a) = exp(a) - 1) and D free of it, "
                    + "P / D and C / D distributed over their sums with D's powers divided out one at a time: "
                    + "(x e^x - expm1(x)) / x^2 is finite up to x = 716, not Infinity from 703 and NaN beyond", BEFORE,
                    (node, context) -> ExpQuotients.rewrite(node, context.ranges(), context::keep), false),
            inSum("exp-taylor-remainder", "(+ (* ?a (exp ?b)) (neg (expm1 ?c)))", "u e^u - expm1(u) -> where(u > -2, e^u (expm1(-u) + u) "
                    + "with expm1(-u) + u a series near 0, where(u < -50, -expm1(u), as written)), for ?a = ?b = ?c: the numerator of "
                    + "(expm1(x) / x)', about x^2 / 2 near 0, where it cancels; far left u e^u does not change the rounding, and is "
                    + "-Infinity * 0 at u = -Infinity, where the remainder is 1", m -> expTaylorRemainder(m), false),
            inSum("tanhshrink-series", "(+ ?a (neg (tanh ?a)))", "where(|?a| < 1.6, continued fraction, ?a - tanh(?a))",
                    m -> tanhshrink(m.expr("?a"), new Add(List.of(m.expr("?a"), neg(call(Fn.TANH, m.expr("?a")))))), false),
            inSum("tanhshrink-series-neg", "(+ (tanh ?a) (neg ?a))", "-(where(|?a| < 1.6, continued fraction, ?a - tanh(?a)))",
                    m -> neg(tanhshrink(m.expr("?a"), new Add(List.of(m.expr("?a"), neg(call(Fn.TANH, m.expr("?a"))))))), false),
            local("log-cosh", "(log (cosh ?a))", "where(|?a| < 700, log1p(2 sinh(?a / 2)^2), |?a| - ln 2)", m -> logCosh(m.expr("?a")), false),
            structural("abs-ratio-limit", "u / (c + |k u|) -> where(|k u| > 2^53 c, sign(u) / (|k| + c / |u|), u / (c + |k u|)) for "
                    + "constants c > 0, k != 0: numerator and denominator both grow like |u|, and the quotient divided through by "
                    + "|u| is +-1 / |k| at +-Infinity, not Infinity / Infinity (softsign)", AFTER, StableRules::absRatioLimit, false),
            structural("root-ratio-limit", "(a u + b sqrt(u^2 + c)) / (k sqrt(u^2 + c)) -> where(|u| < sqrt(c) 2^27, the quotient, "
                    + "(a sign(u) + b) / k) for constants c > 0, k != 0: numerator and denominator both grow like |u|, and beyond "
                    + "the switch the root is |u| to the last bit, so the quotient divided through by |u| term by term is its limit, "
                    + "not Infinity / Infinity at +Infinity ((x + sqrt(x^2 + 4)) / sqrt(x^2 + 4) in squareplus')", AFTER,
                    StableRules::rootRatioLimit, false));

    /**
     * The rules that keep intermediates in range, tried in a second walk, once every form is
     * final: a product is only scaled out of the subnormal range after the sum it is a term of
     * has had its chance to factor ({@code s s(-x) (s(-x) - s(x))} becomes {@code -s s(-x) tanh(x/2)}).
     */
    public static final List<StableRule> RANGE = List.of(
            structural("sqrt-square-overflow", "sqrt(u^2 + c) -> where(|u| < sqrt(|c|) 2^27, sqrt(u^2 + c), |u|) for a constant c: "
                    + "beyond the switch sqrt(u^2 + c) is |u| to the last bit, and u^2 overflows from 1.3e154 (1.8e19 in float lanes)", AFTER, StableRules::sqrtSquare, false),
            structural("halve-sum-divisor", "n / (c (a + b)) -> (n / 2) / (c (a/2 + b/2)), and (a + b) / d -> (a/2 + b/2) / (d/2), "
                    + "where a + b can overflow: 4 / (2 (sqrt(x^2 + 4) - x)) is not 0 at x = -1e308; a d/2 whose powers can "
                    + "overflow divided out one base at a time, ((a/2 + b/2) / (x/2)) / x for d = x^2", AFTER, StableRules::halveSumDivisor, false),
            structural("reciprocal-split", "n / (a b^k) -> n (1/a) (1/b)^k where the denominator can overflow: "
                    + "1/(1 + |x|)^2 is (1/(1 + |x|))^2, a subnormal number rather than 0 at x = 1e155", AFTER, StableRules::reciprocalSplit, false),
            structural("scale-into-sum", "c (a + b) -> c a + c b for c = 2^-k where a + b can overflow: "
                    + "(x + sqrt(x^2 + 4)) / 2 is finite at the largest double", AFTER, StableRules::scaleIntoSum, false),
            structural("quotient-reassociate", "(a b) / c -> a (b / c) for a constant c and |b| <= |c| where a b can overflow: "
                    + "x min(max(x + 3, 0), 6) / 6 is finite at the largest double", AFTER, StableRules::reassociate, false),
            structural("overflow-scale", "g r -> where(a > 690, (r k exp(a - 600)) e^600, g r) for a factor g = k exp(a) "
                    + "(exp, expm1, cosh, sinh) that can overflow while the product or quotient does not: expm1(x) / x is "
                    + "3.2e305, not Infinity, at x = 710", AFTER, StableRules::overflowScale, false),
            structural("underflow-scale", "g r -> where(a < -690, (r k exp(a + 600)) e^-600, g r) for a factor g = k exp(a) "
                    + "(exp, sigmoid, erfc and the stable forms above) that can underflow: the product rounds once into the "
                    + "subnormal range instead of multiplying an underflowed factor (x sigmoid(x) at x = -745), and is 0, not "
                    + "0 * inf = NaN, where r overflows", AFTER, StableRules::underflowScale, false));

    /**
     * The rules whose result is a stable form that the second walk must not enter either (its
     * range rules would only add branches inside, and hide the form from {@link StableForms#tail}).
     * Structural rules seal their forms themselves ({@link StableRule.Context#keep}).
     */
    static final Set<String> SEALING = Set.of("mish-tanh", "sech2", "sech2-neg", "tanhshrink-series", "tanhshrink-series-neg", "log-cosh");

    /** Every rule, in the order they are tried. */
    public static final List<StableRule> ALL = java.util.stream.Stream.concat(FORMS.stream(), RANGE.stream()).toList();

    /** The rules that also run before differentiation. */
    public static final List<StableRule> PRIMITIVE = FORMS.stream().filter(StableRule::primitive).toList();

    static {
        Set<String> names = new HashSet<>();
        for (StableRule r : ALL) {
            if (!names.add(r.name())) throw new IllegalStateException("duplicate rule name " + r.name());
        }
    }

    // ------------------------------------------------------------------ table builders

    private static StableRule local(String name, String lhs, String rhs, boolean primitive) {
        Pattern r = Pattern.parse(rhs);
        return new StableRule.Local(name, Pattern.parse(lhs), Rule.Guard.ALWAYS, m -> (Expr) r.instantiate(m.bindings()), rhs, primitive);
    }

    private static StableRule local(String name, String lhs, String rhsText, StableRule.Rewrite rhs, boolean primitive) {
        return new StableRule.Local(name, Pattern.parse(lhs), Rule.Guard.ALWAYS, rhs, rhsText, primitive);
    }

    private static StableRule inSum(String name, String lhs, String rhsText, StableRule.Rewrite rhs, boolean primitive) {
        return new StableRule.InSum(name, Pattern.parse(lhs), Rule.Guard.ALWAYS, rhs, rhsText, primitive);
    }

    private static StableRule structural(String name, String description, StableRule.Phase phase, StableRule.Step step, boolean primitive) {
        return new StableRule.Structural(name, description, phase, step, primitive);
    }

    // ------------------------------------------------------------------ structural rules

    /**
     * {@code u / (c + |k u|)} for constants c > 0 and k != 0, divided through by |u| where
     * |k u| > 2^53 c, so that it is sign(u) / |k| at +-Infinity, where the quotient is NaN. Beyond
     * that switch c is below an ulp of |k u|, so both branches are within an ulp or so of
     * sign(u) / |k|: the far branch changes nothing but the limit, and
     * the comparison holds for no input a network sees, so lane kernels test their mask and never
     * compute it ({@code BranchSkip}). The switch is also where |k u| overflows for |k| > 1
     * (Infinity > 2^53 c), so the quotient as written is only taken where it is finite. Both
     * branches are kept as built: one-plus-ratio would put the far one back over |u|, and this
     * rule would fire on the near one again.
     */
    private static Expr absRatioLimit(Expr node, StableRule.Context context) {
        if (!(node instanceof Div(Expr u, Add(List<Expr> terms))) || terms.size() != 2) return null;
        for (int i = 0; i < 2; i++) {
            if (terms.get(i) instanceof Const(double c) && c > 0 && Double.isFinite(c)
                    && terms.get(1 - i) instanceof Call(Fn fn, List<Expr> args) && fn == Fn.ABS) {
                double k = args.get(0).equals(u) ? 1
                        : args.get(0) instanceof Mul(List<Expr> fs) && fs.size() == 2 && fs.get(0) instanceof Const(double m)
                                && fs.get(1).equals(u) ? m : 0;
                if (k == 0 || !Double.isFinite(k)) continue;
                Expr far = new Div(call(Fn.SIGN, u), new Add(List.of(constant(Math.abs(k)), new Div(constant(c), call(Fn.ABS, u)))));
                return where(new Cond.Compare(Cond.Op.GT, terms.get(1 - i), constant(c * 0x1p53)), context.keep(far), context.keep(node));
            }
        }
        return null;
    }

    /**
     * {@code (a1 u + ... + b1 sqrt(u^2 + c) + ...) / (k sqrt(u^2 + c))} for a constant c > 0,
     * each root as written or already in the switched form of {@link StableForms#sqrtSumSquare},
     * split at the switch of {@link StableForms#sqrtSumSquare}: beyond it sqrt(u^2 + c) rounds
     * to |u|, so dividing every term through by |u| gives a sign(u) and b exactly, and the far
     * branch (sum a sign(u) + sum b) / k is the quotient with fewer roundings, and its limit at
     * +-Infinity (where the quotient is Infinity / Infinity). Below the switch u^2 cannot
     * overflow, so the quotient as written stays, kept from the range rules, which would only
     * add a branch that is never taken. At least one term must be in u: a quotient of roots
     * alone is constant and left to the simplifier.
     */
    private static Expr rootRatioLimit(Expr node, StableRule.Context context) {
        if (!(node instanceof Div(Add(List<Expr> terms), Expr den))) return null;
        double k = 1;
        Expr root = den;
        if (den instanceof Mul(List<Expr> fs) && fs.size() == 2 && fs.get(0) instanceof Const(double m)) {
            k = m;
            root = fs.get(1);
        }
        // the root as written, or already switched to |u| by the conjugate rule (sqrtSumSquare)
        Expr switched = null;
        if (root instanceof Where(Cond k0, Expr near, Expr farRoot)) {
            switched = root;
            root = near;
        }
        if (k == 0 || !Double.isFinite(k) || !(root instanceof Call(Fn fn, List<Expr> args)) || fn != Fn.SQRT
                || !(args.getFirst() instanceof Add(List<Expr> inside))) {
            return null;
        }
        Expr u = null;
        for (Expr t : inside) {
            if (t instanceof Pow(Expr b, Const(double two)) && two == 2) u = b;
        }
        if (u == null) return null;
        Double c = StableForms.squarePlusConstant(args.getFirst(), u);
        if (c == null || !(c > 0)) return null;
        Expr rootSwitched = StableForms.sqrtSumSquare(u, c);
        if (switched != null && !switched.equals(rootSwitched)) return null;
        double roots = 0;
        List<Expr> far = new ArrayList<>();
        for (Expr t : terms) {
            double a = 1;
            Expr base = t;
            if (t instanceof Neg(Expr b)) {
                a = -1;
                base = b;
            } else if (t instanceof Mul(List<Expr> fs) && fs.size() == 2 && fs.get(0) instanceof Const(double m)) {
                a = m;
                base = fs.get(1);
            }
            if (base.equals(root) || base.equals(rootSwitched)) roots += a;
            else if (base.equals(u)) far.add(scale(a, call(Fn.SIGN, u)));
            else return null;
        }
        if (far.isEmpty()) return null;
        if (roots != 0) far.add(constant(roots));
        Expr limit = context.keep(div(add(far), constant(k)));
        return where(new Cond.Compare(Cond.Op.LT, abs(u), constant(squareSwitch(c))), context.keep(node), limit);
    }

    /** The sum of {@code terms} with its constant terms added up first (exact for the 1 - 1 this is for). */
    static Expr foldConstants(List<Expr> terms) {
        double c = 0;
        int constants = 0;
        List<Expr> rest = new ArrayList<>();
        for (Expr t : terms) {
            if (t instanceof Const(double v)) {
                c += v;
                constants++;
            } else {
                rest.add(t);
            }
        }
        if (constants > 0 && c != 0) rest.addFirst(constant(c));
        return add(rest);
    }

    /** log(1 + u) -> log1p(u), where the sum has a constant term exactly 1. */
    private static Expr log1p(Expr node, StableRule.Context context) {
        if (!(node instanceof Call(Fn fn, List<Expr> args)) || fn != Fn.LOG || !(args.getFirst() instanceof Add(List<Expr> terms))) return null;
        int one = terms.indexOf(ONE);
        if (one < 0) return null;
        List<Expr> rest = new ArrayList<>(terms);
        rest.remove(one);
        return call(Fn.LOG1P, add(rest));
    }

    /**
     * 1 - u/v -> (v - u)/v: the subtraction is then of nearby numbers, exact by Sterbenz's lemma
     * where they cancel, instead of 1 minus a rounded ratio next to 1. When v is a sum that has u
     * as a term, v - u is the other terms (1 - x^2/(4 + x^2) -> 4/(4 + x^2)); otherwise declined
     * unless v - u is no more than the sum of v's terms and u.
     */
    private static Expr oneMinusRatio(Expr u, Expr v) {
        if (v instanceof Add(List<Expr> terms) && terms.contains(u)) {
            List<Expr> rest = new ArrayList<>(terms);
            rest.remove(u);
            return div(foldConstants(rest), v);
        }
        return null;
    }

    /** u e^u - expm1(u) = e^u (expm1(-u) + u), the bracket summed without cancellation near 0 (for u > -2 only: e^-u overflows far left). */
    /** Below -this, u e^u - expm1(u) rounds to -expm1(u) (= 1 to the last bit): u e^u is below 1e-20. */
    static final double EXP_TAYLOR_FAR_LEFT = 50;

    private static Expr expTaylorRemainder(StableRule.Bound m) {
        Expr u = m.expr("?a");
        if (!u.equals(m.expr("?b")) || !u.equals(m.expr("?c"))) return null;
        Expr asWritten = m.keep(sub(mul(u, call(Fn.EXP, u)), call(Fn.EXPM1, u)));
        // Far left u e^u is below 51 e^-50 = 1e-20 against -expm1(u) ~ 1, and does not change its
        // rounding; as written it is -Infinity * 0 = NaN at u = -Infinity, where the remainder is 1.
        Expr farLeft = m.keep(neg(call(Fn.EXPM1, u)));
        Expr left = where(new Cond.Compare(Cond.Op.LT, u, constant(-EXP_TAYLOR_FAR_LEFT)), farLeft, asWritten);
        Expr stable = mul(call(Fn.EXP, u), m.keep(StableForms.expm1MinusArg(negate(u))));
        return where(new Cond.Compare(Cond.Op.GT, u, constant(-StableForms.EXPM1_REMAINDER_SWITCH)),
                stable, left);
    }

    /** sqrt(s) - u / sqrt(s) = (s - u) / sqrt(s), when s is a sum with the term u (so that s - u is exact). */
    private static Expr rootMinusRatio(Expr u, Expr s) {
        Expr difference = oneMinusRatio(u, s);
        return difference instanceof Div(Expr n, Expr v) ? div(n, call(Fn.SQRT, v)) : null;
    }

    /**
     * u + sqrt(u^2 + c) (or sqrt(u^2 + c) - u), which cancels where u and the root have opposite
     * signs, as the conjugate c / (sqrt(u^2 + c) - u) there; the root is kept from overflowing
     * ({@link StableForms#sqrtSumSquare}). Only for a constant c >= 0, so that the denominator
     * never vanishes for u != 0.
     */
    private static Expr conjugate(StableRule.Bound m, Expr u, Expr s, boolean minus) {
        Double c = StableForms.squarePlusConstant(s, u);
        if (c == null || !(c >= 0)) return null;
        Expr root = m.keep(StableForms.sqrtSumSquare(u, c));
        var op = minus ? dev.ramp.compiler.ir.Cond.Op.LE : dev.ramp.compiler.ir.Cond.Op.GE;
        Expr direct = minus ? sub(root, u) : add(u, root);
        Expr conjugate = div(constant(c), minus ? add(root, u) : sub(root, u));
        return where(new dev.ramp.compiler.ir.Cond.Compare(op, u, ZERO), direct, conjugate);
    }

    /** 1 + t -> (v + u) / v for t = u / v (its monomial's numerator and non-constant denominator). */
    private static Expr onePlusRatio(StableRule.Bound m) {
        Expr t = m.expr("?t");
        if (!(t instanceof Div || t instanceof Mul || t instanceof Neg)) return null;
        Monomial mono = Monomial.of(t, e -> false);
        if (!mono.cancelled().isEmpty()) return null;
        List<Expr> num = new ArrayList<>(), den = new ArrayList<>();
        for (Map.Entry<Expr, Integer> p : mono.powers().entrySet()) {
            if (p.getValue() > 0) num.add(pow(p.getKey(), constant(p.getValue())));
            else if (p.getKey() instanceof Const) return null;
            else den.add(pow(p.getKey(), constant(-p.getValue())));
        }
        if (den.isEmpty()) return null;
        Expr v = mul(den);
        Expr u = scale(mono.coefficient(), mul(num));
        return m.stabilise(div(m.stabilise(add(v, u)), v));
    }

    /** The sum with its terms 1 and -tanh(softplus(u))^2 replaced by the sealed closed form of sech(softplus(u))^2. */
    private static Expr mishSech2Rule(Expr node, StableRule.Context context) {
        if (!(node instanceof Add(List<Expr> terms)) || !terms.contains(ONE)) return null;
        for (Expr t : terms) {
            if (t instanceof Neg(Pow(Call(Fn tanh, List<Expr> a), Const(double two))) && tanh == Fn.TANH && two == 2
                    && a.getFirst() instanceof Call(Fn sp, List<Expr> b) && sp == Fn.SOFTPLUS) {
                List<Expr> rest = new ArrayList<>(terms);
                rest.remove(ONE);
                rest.remove(t);
                rest.add(context.keep(mishSech2(context.stabilise(b.getFirst()))));
                return foldConstants(rest);
            }
        }
        return null;
    }

    /** c where(k, a, b) -> where(k, c a, c b), and where(k, a, b) / d -> where(k, a / d, b / d). */
    private static Expr scaleIntoWhere(Expr node, StableRule.Context context) {
        if (node instanceof Div(Where(var k, Expr a, Expr b), Expr d)) return where(k, div(a, d), div(b, d));
        if (!(node instanceof Mul(List<Expr> fs)) || fs.size() != 2 || !(fs.get(0) instanceof Const(double c))
                || !(fs.get(1) instanceof Where(var k, Expr a, Expr b))) {
            return null;
        }
        return where(k, scale(c, a), scale(c, b));
    }

    /** The argument a when {@code e} is 1 + exp(a) (in either order), else null. */
    private static Expr onePlusExpArgument(Expr e) {
        if (!(e instanceof Add(List<Expr> terms)) || terms.size() != 2 || !terms.contains(ONE)) return null;
        Expr other = terms.get(terms.get(0).equals(ONE) ? 1 : 0);
        return other instanceof Call(Fn fn, List<Expr> args) && fn == Fn.EXP ? args.getFirst() : null;
    }

    /** N / (1 + exp(a))^k as a sum of products of sigmoids (see the table). */
    private static Expr sigmoidDef(Expr node, StableRule.Context context) {
        if (!(node instanceof Div(Expr num, Expr den))) return null;
        Expr base = den;
        int k = 1;
        if (den instanceof Pow(Expr b, Const(double p)) && p == Math.rint(p) && p >= 1 && p <= 8) {
            base = b;
            k = (int) p;
        }
        Expr a = onePlusExpArgument(base);
        if (a == null) return null;
        Expr exp = call(Fn.EXP, a);
        List<Expr> terms = num instanceof Add(List<Expr> ts) && ts.size() <= 8 ? ts : List.of(num);
        List<Expr> out = new ArrayList<>();
        for (Expr t : terms) {
            Monomial m = context.monomial(t);
            if (!m.cancellationsSafe(context.ranges())) {
                out.add(mul(t, pow(sigmoid(negate(a)), constant(k))));
                continue;
            }
            int cancelled = Math.min(Math.max(m.exponent(base), 0), k);
            m = m.times(base, -cancelled);
            int left = k - cancelled;
            int absorbed = Math.min(Math.max(m.exponent(exp), 0), left);
            m = m.times(exp, -absorbed);
            out.add(mul(List.of(m.toExpr(), pow(sigmoid(a), constant(absorbed)), pow(sigmoid(negate(a)), constant(left - absorbed)))));
        }
        return add(out);
    }

    /** exp(a)^m sigmoid(-a)^q -> exp(a)^(m-j) sigmoid(a)^j sigmoid(-a)^(q-j), j = min(m, q). */
    private static Expr absorbExp(Expr node, StableRule.Context context) {
        if (!(node instanceof Mul)) return null;
        Monomial m = context.monomial(node);
        if (!m.cancelled().isEmpty()) return null;
        for (Map.Entry<Expr, Integer> p : m.powers().entrySet()) {
            if (p.getKey() instanceof Call(Fn fn, List<Expr> args) && fn == Fn.EXP && p.getValue() > 0) {
                Expr minus = sigmoid(negate(args.getFirst()));
                int j = Math.min(p.getValue(), m.exponent(minus));
                if (j > 0) return m.times(p.getKey(), -j).times(minus, -j).times(sigmoid(args.getFirst()), j).toExpr();
            }
        }
        return null;
    }

    /** sigmoid(u)^p sigmoid(-u)^q -> (sigmoid(u) sigmoid(-u))^min(p, q) in its one-exponential form. */
    private static Expr sigmoidProductRule(Expr node, StableRule.Context context) {
        if (!(node instanceof Mul)) return null;
        Monomial m = context.monomial(node);
        if (!m.cancelled().isEmpty()) return null;
        for (Map.Entry<Expr, Integer> p : m.powers().entrySet()) {
            if (p.getKey() instanceof Call(Fn fn, List<Expr> args) && fn == Fn.SIGMOID && p.getValue() > 0) {
                Expr u = args.getFirst(), minus = sigmoid(negate(u));
                int j = Math.min(p.getValue(), m.exponent(minus));
                if (j > 0) return m.times(p.getKey(), -j).times(minus, -j).times(context.keep(sigmoidProduct(u)), j).toExpr();
            }
        }
        return null;
    }

    /** sinh/cosh ratios to tanh, and factors cancelled between numerator and denominator. */
    private static Expr tanhDef(Expr node, StableRule.Context context) {
        if (!(node instanceof Mul || node instanceof Div)) return null;
        Monomial m = context.monomial(node);
        if (!m.cancellationsSafe(context.ranges())) return null;
        boolean changed = !m.cancelled().isEmpty();
        for (Map.Entry<Expr, Integer> p : List.copyOf(m.powers().entrySet())) {
            if (p.getKey() instanceof Call(Fn fn, List<Expr> args) && fn == Fn.SINH && p.getValue() > 0) {
                Expr cosh = call(Fn.COSH, args.getFirst());
                int j = Math.min(p.getValue(), -m.exponent(cosh));
                if (j > 0) {
                    m = m.times(p.getKey(), -j).times(cosh, j).times(tanh(args.getFirst()), j);
                    changed = true;
                }
            }
        }
        return changed ? m.toExpr() : null;
    }

    /** cosh(u)^(-2k) -> sech2(u)^k in a product or quotient. */
    private static Expr coshSquareRecip(Expr node, StableRule.Context context) {
        if (!(node instanceof Mul || node instanceof Div)) return null;
        Monomial m = context.monomial(node);
        if (!m.cancellationsSafe(context.ranges())) return null;
        for (Map.Entry<Expr, Integer> p : m.powers().entrySet()) {
            if (p.getKey() instanceof Call(Fn fn, List<Expr> args) && fn == Fn.COSH && p.getValue() <= -2 && p.getValue() % 2 == 0) {
                int k = -p.getValue() / 2;
                return m.times(p.getKey(), 2 * k).times(context.keep(sech2(args.getFirst())), k).toExpr();
            }
        }
        return null;
    }

    /** sqrt(u^2 + c) for a constant c, beyond the square's overflow. */
    private static Expr sqrtSquare(Expr node, StableRule.Context context) {
        if (!(node instanceof Call(Fn fn, List<Expr> args)) || fn != Fn.SQRT || !(args.getFirst() instanceof Add(List<Expr> terms))) return null;
        for (Expr t : terms) {
            if (t instanceof Pow(Expr u, Const(double two)) && two == 2) {
                Double c = StableForms.squarePlusConstant(args.getFirst(), u);
                if (c != null) return context.keep(StableForms.sqrtSumSquare(u, c));
            }
        }
        return null;
    }

    /** An upper bound on |e| from the interval analysis, through products and integer powers. */
    private static double magnitude(Expr e, StableRule.Context context) {
        return switch (e) {
            case Pow(Expr b, Const(double k)) when k == Math.rint(k) && k > 0 -> Math.pow(magnitude(b, context), k);
            case Mul(List<Expr> fs) -> fs.stream().mapToDouble(f -> magnitude(f, context)).reduce(1, (x, y) -> x * y);
            default -> {
                Range r = context.ranges().apply(e);
                yield Math.max(Math.abs(r.lo()), Math.abs(r.hi()));
            }
        };
    }

    /** Past this, a product is about to overflow. */
    private static final double OVERFLOWING = 1e300;

    /** n / (a b^k) as n (1/a) (1/b)^k when the denominator can overflow (1/b does not, for |b| >= 1; below, nor does b^k). */
    private static Expr reciprocalSplit(Expr node, StableRule.Context context) {
        if (!(node instanceof Div(Expr num, Expr den)) || !(magnitude(den, context) > OVERFLOWING)) return null;
        Monomial m = context.monomial(node);
        if (!m.cancellationsSafe(context.ranges())) return null;
        List<Expr> factors = new ArrayList<>();
        int units = 0;
        for (Map.Entry<Expr, Integer> p : m.powers().entrySet()) {
            if (p.getValue() > 0) {
                factors.add(pow(p.getKey(), constant(p.getValue())));
            } else {
                if (p.getKey() instanceof Const || p.getValue() < -8) return null;
                // Repeated, not a power: (n * r) * r rounds into the subnormal range once, at the end.
                for (int k = 0; k < -p.getValue(); k++) factors.add(div(ONE, p.getKey()));
                units -= p.getValue();
            }
        }
        if (units < 2) return null;
        if (m.coefficient() != 1) factors.addFirst(constant(m.coefficient()));
        return context.keep(new Mul(factors));
    }

    /**
     * n / (c b1^k1 b2^k2 ...) as ((n / (c b1)) / b1) ...: each base divided out once per power,
     * so that no power is formed (x^2 overflows from 1.3e154, where (x e^x - expm1(x)) / x^2 is
     * still a normal number) and the result rounds into the subnormal range once, at the end.
     * The quotient as it stands for any other denominator.
     */
    private static Expr inSteps(Expr n, Expr den) {
        Monomial d = Monomial.of(den, e -> false);
        if (!d.cancelled().isEmpty() || d.coefficient() == 0 || d.powers().values().stream().anyMatch(k -> k < 1 || k > 8)) return div(n, den);
        Expr q = n;
        boolean first = true;
        for (Map.Entry<Expr, Integer> b : d.powers().entrySet()) {
            for (int k = 0; k < b.getValue(); k++) {
                q = new Div(q, first && d.coefficient() != 1 ? mul(constant(d.coefficient()), b.getKey()) : b.getKey());
                first = false;
            }
        }
        return q;
    }

    /** (a b) / c -> a (b / c) for a constant c, |b| <= |c|, where a b can overflow. */
    private static Expr reassociate(Expr node, StableRule.Context context) {
        if (!(node instanceof Div(Mul(List<Expr> fs), Const(double c))) || c == 0 || !(magnitude(new Mul(fs), context) > OVERFLOWING)) {
            return null;
        }
        for (int i = 0; i < fs.size(); i++) {
            Range r = context.ranges().apply(fs.get(i));
            if (!r.defined() || !(Math.max(Math.abs(r.lo()), Math.abs(r.hi())) <= Math.abs(c))) continue;
            List<Expr> rest = new ArrayList<>(fs);
            rest.set(i, div(fs.get(i), constant(c)));
            return context.keep(mul(rest));
        }
        return null;
    }

    /**
     * A product with factors that decay like exponentials, kept out of the subnormal range (see
     * the table): one branch per such factor, the first whose exponent is below the threshold
     * taken (each approximation g = k exp(a) holds only where its own a is that low).
     */
    private static Expr underflowScale(Expr node, StableRule.Context context) {
        if (!(node instanceof Mul(List<Expr> fs))) return null;
        Expr result = node;
        boolean any = false;
        for (int i = fs.size() - 1; i >= 0; i--) {
            StableForms.Tail tail = StableForms.tail(fs.get(i));
            if (tail == null || !(context.ranges().apply(tail.a()).lo() < StableForms.UNDERFLOW)) continue;
            List<Expr> rest = new ArrayList<>(fs);
            rest.remove(i);
            // A power of two times g is exact, subnormal or not.
            if (rest.stream().allMatch(StableRules::powerOfTwo)) continue;
            result = StableForms.underflowSafe(result, rest, tail);
            any = true;
        }
        return any ? context.keep(result) : null;
    }

    /** A product or quotient with a factor that can overflow although the whole need not (see the table). */
    private static Expr overflowScale(Expr node, StableRule.Context context) {
        if (!(node instanceof Mul || node instanceof Div)) return null;
        Monomial m = context.monomial(node);
        if (!m.cancelled().isEmpty()) return null;
        for (Map.Entry<Expr, Integer> p : m.powers().entrySet()) {
            StableForms.Tail growth = p.getValue() == 1 ? StableForms.growth(p.getKey()) : null;
            if (growth == null || !(context.ranges().apply(growth.a()).hi() > StableForms.OVERFLOW)) continue;
            Monomial rest = m.times(p.getKey(), -1);
            // Only worth it where the rest can be small: divided by something, or a factor that can be below 1.
            if (rest.powers().values().stream().noneMatch(e -> e < 0) && Math.abs(rest.coefficient()) >= 1) continue;
            return context.keep(StableForms.overflowSafe(node, rest.toExpr(), growth));
        }
        return null;
    }

    private static boolean powerOfTwo(Expr e) {
        return e instanceof Const(double c) && c != 0 && Double.isFinite(c) && Math.abs(c) == Math.scalb(1.0, Math.getExponent(c));
    }

    /** c (a + b) -> c a + c b for a power of two c < 1 where a + b can overflow. */
    private static Expr scaleIntoSum(Expr node, StableRule.Context context) {
        if (!(node instanceof Mul(List<Expr> fs)) || fs.size() != 2 || !(fs.get(0) instanceof Const(double c))
                || !(fs.get(1) instanceof Add(List<Expr> terms)) || !(Math.abs(c) < 1) || c == 0
                || Math.abs(c) != Math.scalb(1.0, Math.getExponent(c))) {
            return null;
        }
        if (!overflowingSum(terms, context)) return null;
        return context.keep(add(terms.stream().map(t -> scale(c, t)).toList()));
    }

    /**
     * Whether two of the terms can each exceed a quarter of the largest double: then their sum
     * can overflow where halving first would not. (One huge term alone, x^2 in 4 + x^2, has
     * overflowed already and halving the sum cannot help.)
     */
    private static boolean overflowingSum(List<Expr> terms, StableRule.Context context) {
        return terms.stream().filter(t -> magnitude(t, context) > Double.MAX_VALUE / 4).count() >= 2;
    }

    /**
     * n / (c (a + b)) -> (n / 2) / (c (a/2 + b/2)) where the sum a + b can overflow, and
     * (a + b) / d -> (a/2 + b/2) / (d / 2) likewise for a numerator.
     */
    private static Expr halveSumDivisor(Expr node, StableRule.Context context) {
        if (!(node instanceof Div(Expr num, Expr den))) return null;
        if (num instanceof Add(List<Expr> top) && overflowingSum(top, context)) {
            Expr halved = add(top.stream().map(t -> scale(0.5, t)).toList());
            return context.keep(magnitude(den, context) > OVERFLOWING ? inSteps(halved, scale(0.5, den)) : div(halved, scale(0.5, den)));
        }
        List<Expr> factors = den instanceof Mul(List<Expr> fs) ? fs : List.of(den);
        for (int i = 0; i < factors.size(); i++) {
            if (!(factors.get(i) instanceof Add(List<Expr> terms)) || !overflowingSum(terms, context)) continue;
            List<Expr> halved = new ArrayList<>(factors);
            halved.set(i, add(terms.stream().map(t -> scale(0.5, t)).toList()));
            return context.keep(div(scale(0.5, num), mul(halved)));
        }
        return null;
    }
}
