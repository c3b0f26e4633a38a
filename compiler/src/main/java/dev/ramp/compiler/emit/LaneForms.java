package dev.ramp.compiler.emit;

import dev.ramp.compiler.ir.Cond;
import dev.ramp.compiler.ir.Cond.*;
import dev.ramp.compiler.ir.Expr;
import dev.ramp.compiler.ir.Expr.*;
import dev.ramp.compiler.ir.Fn;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rewrites a kernel's expressions into lane form: the primitives without a
 * {@code VectorOperators} counterpart become expressions over primitives that have one, with
 * {@code where} for their case splits (which lanes compute as blends). The result is interned in
 * a DAG of its own, so the pieces several calls share (erf and erfc of one argument, the
 * exponential of sigmoid and softplus) are computed once.
 *
 * <pre>{@code
 * sigmoid(u)  = where(u < 0, e, 1) / (1 + e),   e = exp(-|u|)     RampMath.sigmoid's two cases, one exp, one division
 * sigmoid(-v) = where(0 < v, e, 1) / (1 + e),   e = exp(-|v|)     the same e as sigmoid(v)
 * softplus(u) = max(u, 0) + log1p(exp(-|u|))                      RampMath.softplus
 * sign(u)     = where(0 < u, 1, where(u < 0, -1, u))              keeps -0.0 and NaN, as Math.signum
 * erf, erfc   = fdlibm's pieces (see erf/erfc below); erfc in float lanes: one Chebyshev piece (erfcFloat)
 * }</pre>
 *
 * <p><b>Rewrites</b> (unless turned off): forms that are cheaper in lanes and do not cancel.
 * Each replaces an expression by an equal one; rounding differs, accuracy improves where the
 * original cancels.
 * <pre>{@code
 * 1 - sigmoid(u)          ->  sigmoid(-u)                         exact in the right tail, where 1 - s is 0
 * 1 + tanh(u)             ->  2 sigmoid(2u)                       exact in the left tail (gelu_tanh)
 * 1 - tanh(u)^2           ->  4 sigmoid(2u) sigmoid(-2u)          sech^2 without cancellation, one exp
 * tanh(softplus(u))       ->  u <= 0: n / (n + 2),  n = e (e + 2)                   e = exp(-|u|): one exp
 *                             u > 0:  a / (a + 2e^2), a = 1 + 2e                     for mish, no tanh, no log1p
 * 1 - tanh(softplus(u))^2 ->  u <= 0: 4 (n + 1) / (n + 2)^2
 *                             u > 0:  4 (e (1 + e))^2 / (a + 2e^2)^2                 both sides free of cancellation
 * sigmoid(u)              ->  where(u < 0, e, 1) * (1 / (1 + e))                    sigmoid(u), sigmoid(-u) share the division
 * }</pre>
 * Divisions are costly in lanes: the two sides of tanh(softplus) share one reciprocal, with
 * sech^2 (mish and mish' together: one exp, two divisions).
 *
 * Every form computes what the scalar method computes, in the same order where the scalar
 * method has a single formula, and never takes an exception in lanes that a blend later
 * discards (they may hold inf or NaN; blending drops them).
 */
final class LaneForms {
    private final LaneType lanes;
    private final boolean rewrite;
    private final Map<Object, Object> memo = new IdentityHashMap<>();

    private LaneForms(LaneType lanes, boolean rewrite) {
        this.lanes = lanes;
        this.rewrite = rewrite;
    }

    /**
     * The roots in lane form, with the rewrites, interned in {@code into} (whose
     * {@link Dag#size()} is then the number of distinct lane-wise values and masks).
     */
    static List<Expr> expand(List<Expr> roots, LaneType lanes, Dag into) {
        return expand(roots, lanes, into, true);
    }

    static List<Expr> expand(List<Expr> roots, LaneType lanes, Dag into, boolean rewrite) {
        LaneForms forms = new LaneForms(lanes, rewrite);
        List<Expr> out = new ArrayList<>();
        for (Expr r : roots) out.add(into.intern(forms.expr(r)));
        return out;
    }

    /** A DAG for lane-form expressions: the kernel inputs are its only variables. */
    static Dag newDag() {
        return new Dag(Map.of(Emitter.INPUT, Emitter.INPUT, Emitter.GRAD, Emitter.GRAD), Map.of());
    }

    private Expr expr(Expr e) {
        Object done = memo.get(e);
        if (done != null) return (Expr) done;
        Expr better = rewrite ? rewritten(e) : null;
        Expr out = better != null ? expr(better) : switch (e) {
            case Const c -> c;
            case Var v -> v;
            case Neg(Expr a) -> new Neg(expr(a));
            case Add(List<Expr> t) -> new Add(exprs(t));
            case Mul(List<Expr> f) -> new Mul(exprs(f));
            case Div(Expr n, Expr d) -> new Div(expr(n), expr(d));
            case Pow(Expr b, Expr k) -> new Pow(expr(b), expr(k));
            case Call(Fn fn, List<Expr> args) -> call(fn, exprs(args));
            case Where(Cond c, Expr t, Expr f) -> new Where(cond(c), expr(t), expr(f));
        };
        memo.put(e, out);
        return out;
    }

    private List<Expr> exprs(List<Expr> es) {
        List<Expr> out = new ArrayList<>(es.size());
        for (Expr e : es) out.add(expr(e));
        return out;
    }

    private Cond cond(Cond c) {
        Object done = memo.get(c);
        if (done != null) return (Cond) done;
        Cond out = switch (c) {
            case Compare(Op op, Expr l, Expr r) -> new Compare(op, expr(l), expr(r));
            case And(Cond l, Cond r) -> new And(cond(l), cond(r));
            case Or(Cond l, Cond r) -> new Or(cond(l), cond(r));
            case Not(Cond a) -> new Not(cond(a));
        };
        memo.put(c, out);
        return out;
    }

    private Expr call(Fn fn, List<Expr> args) {
        Expr u = args.getFirst();
        return switch (fn) {
            case SIGMOID -> sigmoid(u);
            case SOFTPLUS -> softplus(u);
            case SIGN -> where(lt(c(0), u), c(1), where(lt(u, c(0)), c(-1), u));
            case ERF -> erf(u);
            case ERFC -> erfc(u);
            case EXP, LOG, LOG1P, EXPM1, SQRT, ABS, TANH, SINH, COSH, SIN, COS, ATAN, MAX, MIN -> new Call(fn, args);
        };
    }

    // sigmoid(u): e = exp(-|u|) <= 1 never overflows; u >= 0: 1 / (1 + e), u < 0: e / (1 + e).
    // sigmoid(-v) uses |v|, so it shares e (and 1 + e) with sigmoid(v). With the rewrites, the
    // division is a reciprocal both share: where(u < 0, e, 1) * (1 / (1 + e)), one more rounding.
    private Expr sigmoid(Expr u) {
        Expr v = u instanceof Neg(Expr inner) ? inner : u;
        Expr e = expMinusAbs(v);
        Expr numerator = u instanceof Neg ? where(lt(c(0), v), e, c(1)) : where(lt(u, c(0)), e, c(1));
        return rewrite ? mul(numerator, new Div(c(1), add(c(1), e))) : new Div(numerator, add(c(1), e));
    }

    // softplus(u) = max(u, 0) + log1p(exp(-|u|))
    private static Expr softplus(Expr u) {
        return add(new Call(Fn.MAX, List.of(u, c(0))), call(Fn.LOG1P, expMinusAbs(u)));
    }

    /** exp(-|u|), at most 1. */
    private static Expr expMinusAbs(Expr u) {
        return call(Fn.EXP, new Neg(call(Fn.ABS, u)));
    }

    // ---- rewrites --------------------------------------------------------------------------

    /** An equal expression that is cheaper or stabler in lanes (see the class comment), or null. */
    private static Expr rewritten(Expr e) {
        return switch (e) {
            case Call(Fn fn, List<Expr> args) when fn == Fn.TANH && args.getFirst() instanceof Call(Fn g, List<Expr> inner) && g == Fn.SOFTPLUS ->
                    tanhSoftplus(inner.getFirst());
            case Add(List<Expr> terms) -> oneAnd(terms);
            default -> null;
        };
    }

    /** A sum with a term 1 and a term the rules combine with it: the pair replaced by the combined form. */
    private static Expr oneAnd(List<Expr> terms) {
        int one = -1;
        for (int i = 0; i < terms.size(); i++) if (terms.get(i) instanceof Const(double v) && v == 1.0) one = i;
        if (one < 0) return null;
        for (int i = 0; i < terms.size(); i++) {
            Expr combined = i == one ? null : onePlus(terms.get(i));
            if (combined == null) continue;
            List<Expr> rest = new ArrayList<>();
            for (int j = 0; j < terms.size(); j++) {
                if (j == Math.min(i, one)) rest.add(combined);
                else if (j != i && j != one) rest.add(terms.get(j));
            }
            return rest.size() == 1 ? rest.getFirst() : new Add(rest);
        }
        return null;
    }

    /** 1 + term, rewritten, or null when no rule applies. */
    private static Expr onePlus(Expr term) {
        return switch (term) {
            case Neg(Call(Fn fn, List<Expr> a)) when fn == Fn.SIGMOID -> new Call(Fn.SIGMOID, List.of(new Neg(a.getFirst())));
            case Call(Fn fn, List<Expr> a) when fn == Fn.TANH -> mul(c(2), sigmoidOfDouble(a.getFirst(), false));
            case Neg(Pow(Call(Fn fn, List<Expr> a), Const(double k))) when fn == Fn.TANH && k == 2 -> {
                if (a.getFirst() instanceof Call(Fn g, List<Expr> inner) && g == Fn.SOFTPLUS) yield sechSquaredSoftplus(inner.getFirst());
                yield new Mul(List.of(c(4), sigmoidOfDouble(a.getFirst(), false), sigmoidOfDouble(a.getFirst(), true)));
            }
            default -> null;
        };
    }

    /** sigmoid(2u), or sigmoid(-(2u)): the two share exp(-|2u|). */
    private static Expr sigmoidOfDouble(Expr u, boolean negated) {
        Expr twice = mul(c(2), u);
        return new Call(Fn.SIGMOID, List.of(negated ? new Neg(twice) : twice));
    }

    // tanh(softplus(u)) and its sech^2 = 1 - tanh(softplus(u))^2, from e = exp(-|u|), both sides
    // of u = 0 blended into one numerator and one denominator, so one reciprocal r serves both:
    //   u <= 0 (e = e^u):  n = e (e + 2):      t = n / (n + 2)          sech^2 = 4 (n + 1) / (n + 2)^2
    //   u > 0 (e = e^-u):  a = 1 + 2e:         t = a / (a + 2 e^2)      sech^2 = 4 (e (1 + e))^2 / (a + 2 e^2)^2
    private record SoftplusParts(Cond right, Expr e, Expr reciprocal) {}

    private static SoftplusParts softplusParts(Expr u) {
        Expr e = expMinusAbs(u);
        Cond right = lt(c(0), u);
        Expr n = mul(e, add(e, c(2)));
        Expr a = add(c(1), mul(c(2), e));
        Expr den = where(right, add(a, mul(c(2), mul(e, e))), add(n, c(2)));
        return new SoftplusParts(right, e, new Div(c(1), den));
    }

    private static Expr tanhSoftplus(Expr u) {
        SoftplusParts p = softplusParts(u);
        Expr e = p.e();
        Expr numerator = where(p.right(), add(c(1), mul(c(2), e)), mul(e, add(e, c(2))));
        return mul(numerator, p.reciprocal());
    }

    private static Expr sechSquaredSoftplus(Expr u) {
        SoftplusParts p = softplusParts(u);
        Expr e = p.e();
        Expr ep = mul(e, add(c(1), e));
        Expr numerator = where(p.right(), mul(c(4), mul(ep, ep)), mul(c(4), add(mul(e, add(e, c(2))), c(1))));
        return mul(numerator, mul(p.reciprocal(), p.reciprocal()));
    }

    // ---- erf and erfc --------------------------------------------------------------------
    // fdlibm s_erf.c's pieces on |x| (its published coefficients), each computed for every lane
    // and blended. Two pairs of pieces share one polynomial evaluation with per-lane coefficients
    // (a blend of two constants per coefficient is cheaper than a second polynomial):
    //   |x| < 0.84375:  y = PP(x^2) / QQ(x^2)          erf = x + x*y
    //   |x| < 1.25:     y = PA(|x|-1) / QA(|x|-1)      erf = +-(erx + y)
    //   |x| < 28:       R/S on s = 1/x^2 (RA/SA below 1/0.35, RB/SB above)
    //                   erfc(|x|) = exp(-h*h - 0.5625) * exp((h - |x|)(h + |x|) + R/S) / |x|
    // where h is |x| cut to fewer than half its bits (Veltkamp splitting: h*h is exact, and so is
    // h*h + 0.5625), so the large part of the exponent is exact and the small part carries the rest.
    // Accuracy is fdlibm's (about 1 ulp), not that of RampMath's compensated scalar version.

    private static final double ERX = 8.45062911510467529297e-01;
    private static final double[] PP = {1.28379167095512558561e-01, -3.25042107247001499370e-01, -2.84817495755985104766e-02,
            -5.77027029648944159157e-03, -2.37630166566501626084e-05, 0, 0};
    private static final double[] QQ = {1, 3.97917223959155352819e-01, 6.50222499887672944485e-02, 5.08130628187576562776e-03,
            1.32494738004321644526e-04, -3.96022827877536812320e-06, 0};
    private static final double[] PA = {-2.36211856075265944077e-03, 4.14856118683748331666e-01, -3.72207876035701323847e-01,
            3.18346619901161753674e-01, -1.10894694282396677476e-01, 3.54783043256182359371e-02, -2.16637559486879084300e-03};
    private static final double[] QA = {1, 1.06420880400844228286e-01, 5.40397917702171048937e-01, 7.18286544141962662868e-02,
            1.26171219808761642112e-01, 1.36370839120290507362e-02, 1.19844998467991074170e-02};
    private static final double[] RA = {-9.86494403484714822705e-03, -6.93858572707181764372e-01, -1.05586262253232909814e+01,
            -6.23753324503260060396e+01, -1.62396669462573470355e+02, -1.84605092906711035994e+02, -8.12874355063065934246e+01,
            -9.81432934416914548592e+00};
    private static final double[] SA = {1, 1.96512716674392571292e+01, 1.37657754143519042600e+02, 4.34565877475229228821e+02,
            6.45387271733267880336e+02, 4.29008140027567833386e+02, 1.08635005541779435134e+02, 6.57024977031928170135e+00,
            -6.04244152148580987438e-02};
    private static final double[] RB = {-9.86494292470009928597e-03, -7.99283237680523006574e-01, -1.77579549177547519889e+01,
            -1.60636384855821916062e+02, -6.37566443368389627722e+02, -1.02509513161107724954e+03, -4.83519191608651397019e+02, 0};
    private static final double[] SB = {1, 3.03380607434824582924e+01, 3.25792512996573918826e+02, 1.53672958608443695994e+03,
            3.19985821950859553908e+03, 2.55305040643316442583e+03, 4.74528541206955367215e+02, -2.24409524465858183362e+01, 0};

    /** The parts erf and erfc of one argument share. */
    private record ErfParts(Expr x, Expr ax, Cond small, Cond mid, Expr y, Expr q) {}

    private ErfParts erfParts(Expr x) {
        Expr ax = call(Fn.ABS, x);
        Cond small = lt(ax, c(0.84375));
        Cond mid = lt(ax, c(1.25));
        // y = P(t)/Q(t), t = x^2 (small) or |x| - 1 (mid)
        Expr t = where(small, mul(x, x), add(ax, c(-1)));
        Expr y = new Div(poly(t, small, PP, PA), poly(t, small, QQ, QA));
        // q = erfc(|x|) for 1.25 <= |x| < 28
        Expr s = new Div(c(1), mul(ax, ax));
        Cond nearer = lt(ax, c(1 / 0.35));
        Expr rs = new Div(poly(s, nearer, RA, RB), poly(s, nearer, SA, SB));
        // h keeps 11 of float's 24 bits (2^13 + 1), 26 of double's 53 (2^27 + 1): then h*h and
        // h*h + 0.5625 are exact for every |x| below 28.
        double split = lanes.floatLanes() ? 8193 : 134217729;
        Expr big = mul(ax, c(split));
        Expr h = add(big, new Neg(add(big, new Neg(ax))));
        Expr e1 = call(Fn.EXP, add(new Neg(mul(h, h)), c(-0.5625)));
        Expr e2 = call(Fn.EXP, add(mul(add(h, new Neg(ax)), add(h, ax)), rs));
        Expr q = new Div(mul(e1, e2), ax);
        return new ErfParts(x, ax, small, mid, y, q);
    }

    private Expr erf(Expr x) {
        ErfParts p = erfParts(x);
        Cond negative = lt(x, c(0));
        Expr smallPiece = add(x, mul(x, p.y()));
        Expr m = add(c(ERX), p.y());
        Expr midPiece = where(negative, new Neg(m), m);
        Expr bigPiece = where(negative, add(p.q(), c(-1)), add(c(1), new Neg(p.q())));
        Expr one = where(negative, c(-1), c(1));
        // NaN fails every test and lands in the big piece, which gives NaN.
        return where(p.small(), smallPiece, where(p.mid(), midPiece, where(le(c(6), p.ax()), one, bigPiece)));
    }

    private Expr erfc(Expr x) {
        if (lanes.floatLanes()) return erfcFloat(x);
        ErfParts p = erfParts(x);
        Cond negative = lt(x, c(0));
        Expr xy = mul(x, p.y());
        Expr smallPiece = where(lt(x, c(0.25)), add(c(1), new Neg(add(x, xy))), add(c(0.5), new Neg(add(xy, add(x, c(-0.5))))));
        Expr midPiece = where(negative, add(c(1), add(c(ERX), p.y())), add(c(1 - ERX), new Neg(p.y())));
        Expr bigPiece = where(negative, add(c(2), new Neg(p.q())), p.q());
        Expr far = where(negative, c(2), c(0));
        return where(p.small(), smallPiece, where(p.mid(), midPiece, where(le(c(28), p.ax()), far, bigPiece)));
    }

    // erfc in float lanes: the Chebyshev fit of Numerical Recipes (erfcc, relative error below
    // 1.2e-7 for every x: 2 float ulps), one piece instead of fdlibm's four:
    //   z = |x|, t = 1 / (1 + z/2),  r = t exp(-z^2 - 1.26551223 + t P(t))
    //   erfc(x) = r for x >= 0, 2 - r for x < 0
    // with z^2 split as above (h*h exact, then (z - h)(z + h)), so the exponent's large part is exact.
    private static final double[] ERFCC = {-1.26551223, 1.00002368, 0.37409196, 0.09678418, -0.18628806, 0.27886807, -1.13520398,
            1.48851587, -0.82215223, 0.17087277};

    private Expr erfcFloat(Expr x) {
        Expr z = call(Fn.ABS, x);
        Expr t = new Div(c(1), add(c(1), mul(c(0.5), z)));
        Expr p = c(ERFCC[ERFCC.length - 1]);
        for (int k = ERFCC.length - 2; k >= 1; k--) p = add(c(ERFCC[k]), mul(t, p));
        Expr big = mul(z, c(8193));
        Expr h = add(big, new Neg(add(big, new Neg(z))));
        Expr e1 = call(Fn.EXP, new Neg(mul(h, h)));
        Expr e2 = call(Fn.EXP, add(add(new Neg(mul(add(z, new Neg(h)), add(z, h))), c(ERFCC[0])), mul(t, p)));
        Expr r = mul(t, mul(e1, e2));
        // z = inf: h = NaN, so the far tail is set directly; NaN stays NaN
        Expr far = where(lt(x, c(0)), c(2), c(0));
        return where(le(c(10), z), far, where(lt(x, c(0)), add(c(2), new Neg(r)), r));
    }

    /** Horner's rule, a[0] + t*(a[1] + t*(...)), each coefficient a or b by lane. */
    private static Expr poly(Expr t, Cond useA, double[] a, double[] b) {
        int n = a.length;
        Expr p = coefficient(useA, a[n - 1], b[n - 1]);
        for (int k = n - 2; k >= 0; k--) p = add(coefficient(useA, a[k], b[k]), mul(t, p));
        return p;
    }

    private static Expr coefficient(Cond useA, double a, double b) {
        return a == b ? c(a) : where(useA, c(a), c(b));
    }

    // ---- small builders: records as they are, no reordering (evaluation order is exactness) ----

    private static Const c(double v) {
        return new Const(v);
    }

    private static Expr add(Expr a, Expr b) {
        return new Add(List.of(a, b));
    }

    private static Expr mul(Expr a, Expr b) {
        return new Mul(List.of(a, b));
    }

    private static Expr call(Fn fn, Expr a) {
        return new Call(fn, List.of(a));
    }

    private static Expr where(Cond c, Expr t, Expr f) {
        return new Where(c, t, f);
    }

    private static Cond lt(Expr a, Expr b) {
        return new Compare(Op.LT, a, b);
    }

    private static Cond le(Expr a, Expr b) {
        return new Compare(Op.LE, a, b);
    }
}
