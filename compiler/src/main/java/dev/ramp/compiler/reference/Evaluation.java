package dev.ramp.compiler.reference;

import dev.ramp.compiler.ir.Cond;
import dev.ramp.compiler.ir.Cond.And;
import dev.ramp.compiler.ir.Cond.Compare;
import dev.ramp.compiler.ir.Cond.Not;
import dev.ramp.compiler.ir.Cond.Or;
import dev.ramp.compiler.ir.Expr;
import dev.ramp.compiler.ir.Expr.Add;
import dev.ramp.compiler.ir.Expr.Call;
import dev.ramp.compiler.ir.Expr.Const;
import dev.ramp.compiler.ir.Expr.Div;
import dev.ramp.compiler.ir.Expr.Mul;
import dev.ramp.compiler.ir.Expr.Neg;
import dev.ramp.compiler.ir.Expr.Pow;
import dev.ramp.compiler.ir.Expr.Var;
import dev.ramp.compiler.ir.Expr.Where;
import dev.ramp.compiler.ir.Fn;
import dev.ramp.compiler.reference.Real.Finite;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * One walk of an expression at one working precision. Variables and constants enter exactly
 * (a double's binary value is a finite decimal); every operation rounds once. Comparisons are
 * decided on these values, i.e. the mathematically right branch up to this precision; a
 * comparison whose operands' error bounds overlap marks the result untrustworthy (err null)
 * so that the caller raises the precision. Along the way it records how close the point is to
 * a branch switch that a double evaluation might take differently.
 */
final class Evaluation {
    private final MathContext mc;
    private final ToDoubleFunction<String> env;
    private final Arithmetic arithmetic;
    private final Primitives primitives;
    private final Powers powers;
    private double branchMargin = Double.POSITIVE_INFINITY;

    Evaluation(int digits, ToDoubleFunction<String> env) {
        this.mc = new MathContext(digits, RoundingMode.HALF_EVEN);
        this.env = env;
        this.arithmetic = new Arithmetic(mc);
        this.primitives = new Primitives(mc, arithmetic);
        this.powers = new Powers(mc);
    }

    /** The smallest margin seen so far; see {@link Reference#branchMargin()}. */
    double branchMargin() {
        return branchMargin;
    }

    Val eval(Expr e) {
        return switch (e) {
            case Const(double v) -> Val.exact(Real.of(v));
            case Var(String name) -> Val.exact(Real.of(env.applyAsDouble(name)));
            case Neg(Expr a) -> arithmetic.negate(eval(a));
            case Add(List<Expr> terms) -> arithmetic.add(evalAll(terms));
            case Mul(List<Expr> factors) -> arithmetic.multiply(evalAll(factors));
            case Div(Expr num, Expr den) -> arithmetic.divide(eval(num), eval(den));
            case Pow(Expr base, Expr exponent) -> powers.pow(eval(base), eval(exponent));
            case Call(Fn fn, List<Expr> args) -> {
                List<Val> vs = evalAll(args);
                // sign jumps at 0: a kink for double evaluations, and for abs' = sign.
                if (fn == Fn.SIGN) noteMargin(vs.getFirst(), Val.exact(new Finite(BigDecimal.ZERO)));
                yield primitives.apply(fn, vs);
            }
            case Where(Cond cond, Expr ifTrue, Expr ifFalse) -> {
                Decision d = decide(cond);
                Val v = eval(d.value() ? ifTrue : ifFalse);
                yield d.certain() ? v : new Val(v.value(), null, v.scale());
            }
        };
    }

    private List<Val> evalAll(List<Expr> es) {
        List<Val> out = new ArrayList<>(es.size());
        for (Expr e : es) out.add(eval(e));
        return out;
    }

    /** A condition's truth value and whether the working precision settles it. */
    record Decision(boolean value, boolean certain) {}

    Decision decide(Cond c) {
        return switch (c) {
            case Compare(Cond.Op op, Expr l, Expr r) -> compare(op, eval(l), eval(r));
            case Not(Cond a) -> {
                Decision d = decide(a);
                yield new Decision(!d.value(), d.certain());
            }
            case And(Cond a, Cond b) -> {
                Decision da = decide(a);
                if (!da.value() && da.certain()) yield da; // false whatever b is
                Decision db = decide(b);
                if (!db.value() && db.certain()) yield db;
                yield new Decision(da.value() && db.value(), da.certain() && db.certain());
            }
            case Or(Cond a, Cond b) -> {
                Decision da = decide(a);
                if (da.value() && da.certain()) yield da; // true whatever b is
                Decision db = decide(b);
                if (db.value() && db.certain()) yield db;
                yield new Decision(da.value() || db.value(), da.certain() && db.certain());
            }
        };
    }

    private Decision compare(Cond.Op op, Val l, Val r) {
        Integer c = arithmetic.compare(l.value(), r.value());
        boolean bounded = l.err() != null && r.err() != null;
        if (c == null) return new Decision(op == Cond.Op.NE, bounded); // IEEE: NaN compares false
        boolean value = switch (op) {
            case LT -> c < 0;
            case LE -> c <= 0;
            case GT -> c > 0;
            case GE -> c >= 0;
            case EQ -> c == 0;
            case NE -> c != 0;
        };
        boolean certain = bounded;
        if (bounded && l.value() instanceof Finite(BigDecimal a) && r.value() instanceof Finite(BigDecimal b)) {
            BigDecimal errors = l.err().add(r.err());
            // Certain when both sides are exact or their gap exceeds both error bounds (times 10).
            certain = errors.signum() == 0 || a.subtract(b, mc).abs().compareTo(errors.scaleByPowerOfTen(2 - mc.getPrecision())) > 0;
        }
        noteMargin(l, r);
        return new Decision(value, certain);
    }

    /** Records |l - r| / (scale(l) + scale(r)) if both are finite. */
    private void noteMargin(Val l, Val r) {
        if (!(l.value() instanceof Finite(BigDecimal a)) || !(r.value() instanceof Finite(BigDecimal b))) return;
        if (l.scale() == null || r.scale() == null) {
            branchMargin = 0;
            return;
        }
        BigDecimal scales = l.scale().add(r.scale());
        if (scales.signum() == 0) return; // both exact in floating point too: same decision there
        double m = a.subtract(b, Val.LOW).abs().divide(scales, Val.LOW).doubleValue();
        branchMargin = Math.min(branchMargin, m);
    }
}
