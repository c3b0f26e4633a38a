package dev.ramp.compiler.reference;

import static dev.ramp.compiler.ir.Exprs.ONE;
import static dev.ramp.compiler.ir.Exprs.constant;
import static dev.ramp.compiler.reference.Fixtures.HP;
import static dev.ramp.compiler.reference.Fixtures.X;
import static dev.ramp.compiler.reference.Fixtures.assertDigits;
import static dev.ramp.compiler.reference.Fixtures.f;
import static dev.ramp.compiler.reference.Fixtures.finite;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ramp.compiler.ir.Cond;
import dev.ramp.compiler.ir.Expr;
import dev.ramp.compiler.ir.Exprs;
import dev.ramp.compiler.ir.Fn;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The adaptive evaluator: raising precision where cancellation needs it, exactness, branches. */
class HighPrecisionTest {

    private static Reference at(Expr e, double x) {
        return HP.evaluate(e, "x", x);
    }

    @Test
    void precisionRisesForExpMinusOneAtTinyX() {
        // exp(x) - 1 in IR form at x = 1e-30 (the double 1.00000000000000008e-30):
        // x (1 + x/2 + ...) = 1.00000000000000008333642060758648535093133603e-30 (mpmath).
        Reference r = at(Exprs.sub(f(Fn.EXP, X), ONE), 1e-30);
        assertTrue(r.converged());
        assertTrue(r.workingDigits() > HighPrecision.DEFAULT.startDigits() * 2, "precision was not raised: " + r);
        assertDigits("1.00000000000000008333642060758648535093133603e-30", finite(r.value()), 30, "exp(x) - 1");
        // the 5e-31 relative term is really there, not just x:
        BigDecimal x = new BigDecimal(1e-30);
        assertDigits("5e-31", finite(r.value()).divide(x, java.math.MathContext.DECIMAL128).subtract(BigDecimal.ONE), 10, "(e^x - 1)/x - 1");
    }

    @Test
    void precisionRisesForXMinusTanhX() {
        // 3.33333333333333278486604787542907993226455878e-61 (mpmath at 200 digits)
        Reference r = at(Exprs.sub(X, f(Fn.TANH, X)), 1e-20);
        // x - tanh x cancels 40 digits at 1e-20: 30 correct ones need more than 70
        assertTrue(r.converged() && r.workingDigits() > 70, r.toString());
        assertDigits("3.33333333333333278486604787542907993226455878e-61", finite(r.value()), 30, "x - tanh x");
        assertTrue(r.digits() >= 30, r.toString());
    }

    /** Agreement alone would accept 0 here (it is 0 at 40 and at 80 digits); the error bound does not. */
    @Test
    void totalCancellationIsNotMistakenForZero() {
        Expr nested = new Expr.Add(List.of(new Expr.Add(List.of(X, ONE)), Exprs.MINUS_ONE));
        Reference r = at(nested, 1e-300);
        assertTrue(r.converged() && r.workingDigits() > 300, r.toString());
        assertDigits(new BigDecimal(1e-300).toString(), finite(r.value()), 40, "(x + 1) - 1 must be x");
    }

    @Test
    void exactResultsNeedOneEvaluation() {
        Reference relu = at(Exprs.call(Fn.MAX, Exprs.ZERO, X), 1.5);
        assertTrue(relu.exact() && relu.workingDigits() == HighPrecision.DEFAULT.startDigits(), relu.toString());
        Reference square = at(Exprs.pow(X, Exprs.TWO), 1.5);
        assertTrue(square.exact(), square.toString());
        assertEquals(0, new BigDecimal("2.25").compareTo(finite(square.value())));
        Reference cube = at(Exprs.pow(X, constant(3)), -2.5);
        assertEquals(0, new BigDecimal("-15.625").compareTo(finite(cube.value())));
    }

    @Test
    void aTrueZeroComputedInexactly() {
        Expr zero = Exprs.sub(f(Fn.EXP, f(Fn.LOG, X)), X);
        // With room to go far, the bound ends up below 10^-400: converged, and as good as 0.
        Reference r = at(zero, 0.3);
        assertTrue(r.converged() && finite(r.value()).abs().compareTo(new BigDecimal("1e-400")) < 0, r.toString());
        assertEquals(0.0, Math.abs(r.toDouble()));
        // With a low ceiling it honestly says it did not converge.
        Reference capped = new HighPrecision(new HighPrecision.Settings(40, 30, 160)).evaluate(zero, "x", 0.3);
        assertFalse(capped.converged(), capped.toString());
        assertEquals(160, capped.workingDigits());
    }

    @Test
    void branchesAreDecidedOnTheTrueValues() {
        // x + 1e-17 > 1 at x = 1: false in doubles (1 + 1e-17 == 1), true in fact.
        Expr cond = Exprs.where(new Cond.Compare(Cond.Op.GT, Exprs.add(X, constant(1e-17)), ONE), constant(10), constant(20));
        Reference r = at(cond, 1);
        assertEquals(0, BigDecimal.TEN.compareTo(finite(r.value())));
        assertTrue(r.nearBranchSwitch(0x1p-53), "margin " + r.branchMargin());
        Reference far = at(cond, 2);
        assertFalse(far.nearBranchSwitch(0x1p-53), "margin " + far.branchMargin());
        // Comparisons of exact inputs are decided identically in doubles: no margin concern.
        Reference relu = at(Exprs.where(new Cond.Compare(Cond.Op.GT, X, Exprs.ZERO), X, Exprs.ZERO), 1e-300);
        assertEquals(Double.POSITIVE_INFINITY, relu.branchMargin());
        // A NaN comparison is false, as in IEEE: the false branch is taken.
        Reference nan = HP.evaluate(Exprs.where(new Cond.Compare(Cond.Op.LT, X, Exprs.ZERO), constant(1), constant(2)), "x", Double.NaN);
        assertEquals(0, BigDecimal.TWO.compareTo(finite(nan.value())));
    }

    @Test
    void specialOutcomes() {
        assertEquals(new Real.Infinite(true), at(f(Fn.LOG, X), 0).value());
        assertEquals(new Real.Undefined(Real.Why.DOMAIN), at(f(Fn.LOG, X), -1).value());
        assertEquals(new Real.Undefined(Real.Why.DOMAIN), at(f(Fn.SQRT, X), -1e-300).value());
        assertEquals(new Real.Infinite(true), at(f(Fn.LOG1P, X), -1).value());
        assertEquals(new Real.Undefined(Real.Why.INDETERMINATE), at(Exprs.div(X, X), 0).value());
        assertEquals(new Real.Undefined(Real.Why.POLE), at(Exprs.div(ONE, X), 0).value());
        assertEquals(new Real.Undefined(Real.Why.INDETERMINATE), at(Exprs.add(X, f(Fn.ABS, X)), Double.NEGATIVE_INFINITY).value());
        assertEquals(new Real.Undefined(Real.Why.INDETERMINATE), at(Fixtures.product(X, f(Fn.EXP, X)), Double.NEGATIVE_INFINITY).value());
        assertEquals(new Real.Undefined(Real.Why.NAN_INPUT), at(f(Fn.EXP, X), Double.NaN).value());
        assertEquals(new Real.Undefined(Real.Why.DOMAIN), at(f(Fn.SIN, X), Double.POSITIVE_INFINITY).value());
        assertEquals(0.0, at(f(Fn.EXP, X), Double.NEGATIVE_INFINITY).toDouble());
        assertEquals(2.0, at(f(Fn.ERFC, X), Double.NEGATIVE_INFINITY).toDouble());
        assertEquals(Math.PI / 2, at(f(Fn.ATAN, X), Double.POSITIVE_INFINITY).toDouble());
        assertEquals(0.0, at(f(Fn.SIGN, X), 0).toDouble());
        assertEquals(new Real.Undefined(Real.Why.NAN_INPUT), HP.evaluate(Exprs.call(Fn.MAX, X, ONE), "x", Double.NaN).value());
    }

    @Test
    void powersFollowMathPowWhereItIsRight() {
        assertEquals(1.0, at(Exprs.pow(X, X), 0).toDouble()); // 0^0 = 1
        assertEquals(1.0, HP.evaluate(new Expr.Pow(X, Exprs.ZERO), "x", Double.NaN).toDouble()); // NaN^0 = 1
        assertEquals(-8.0, at(Exprs.pow(X, constant(3)), -2).toDouble());
        assertEquals(new Real.Undefined(Real.Why.DOMAIN), at(Exprs.pow(X, constant(1.0 / 3)), -8).value());
        assertEquals(new Real.Infinite(false), at(Exprs.pow(X, constant(-0.5)), 0).value());
        assertEquals(new Real.Infinite(false), at(Exprs.pow(X, constant(-2)), 0).value());
        assertEquals(new Real.Undefined(Real.Why.POLE), at(Exprs.pow(X, constant(-1)), 0).value());
        assertEquals(new Real.Undefined(Real.Why.INDETERMINATE), HP.evaluate(Exprs.pow(ONE, X), "x", Double.POSITIVE_INFINITY).value());
        assertDigits("1.41421356237309504880168872420969807856967188", finite(at(Exprs.pow(X, constant(0.5)), 2).value()), 40, "2^0.5");
    }

    @Test
    void valuesBeyondEveryFloatingRange() {
        // e^(1e10) has 4.3e9 digits before the point: known by sign and size only, and rounds to +inf.
        Reference huge = at(f(Fn.EXP, X), 1e10);
        assertTrue(huge.value() instanceof Real.Beyond b && !b.tiny(), huge.toString());
        assertEquals(Double.POSITIVE_INFINITY, huge.toDouble());
        // x e^(-x^2) at 1e300 is positive and below 10^-(10^300): its double is +0.
        Reference tiny = at(Fixtures.product(X, f(Fn.EXP, Exprs.neg(Exprs.pow(X, Exprs.TWO)))), 1e300);
        assertTrue(tiny.value() instanceof Real.Beyond b && b.tiny() && b.signum() > 0, tiny.toString());
        assertEquals(0.0, tiny.toDouble());
        // gelu through erf far out: 1 + erf(-7e299) cancels to a number below every double, quickly.
        Reference gelu = at(Fixtures.gelu(), -1e300);
        assertTrue(gelu.converged() && gelu.workingDigits() <= 80, gelu.toString());
        assertEquals(0.0, Math.abs(gelu.toDouble()));
        // (1 + 1/|x|)^(x^2) at 1e300: a base within a double's rounding of 1 and a huge exponent, e^(1e300).
        Reference power = at(Exprs.pow(Exprs.add(ONE, Exprs.pow(f(Fn.ABS, X), constant(-1))), Exprs.pow(X, Exprs.TWO)), -1e300);
        assertTrue(power.value() instanceof Real.Beyond b && !b.tiny(), power.toString());
        assertEquals(Double.POSITIVE_INFINITY, power.toDouble());
        // A value that leaves the range and must come back cannot be followed.
        assertEquals(new Real.Undefined(Real.Why.OUT_OF_RANGE), at(f(Fn.LOG, f(Fn.EXP, X)), 1e10).value());
        // but log(1 + e^x) at 1e5 is fine: e^100000 is representable.
        assertDigits("100000", finite(at(f(Fn.LOG, Exprs.add(ONE, f(Fn.EXP, X))), 1e5).value()), 40, "log(1 + e^x)");
    }

    /**
     * Arguments whose results have millions of digits before or after the point: every sum
     * with them must round, never add exactly (which took seconds per point before). The
     * results are right and the measure works: doubles overflow or underflow correctly here.
     */
    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void farOutArgumentsStayCheap() {
        double[] xs = {2.298650933928211e7, -2.298650933928211e7, 1.0107759748692255e7, -5926795.134130981, -3683542.8};
        for (Fn fn : List.of(Fn.EXP, Fn.EXPM1, Fn.SINH, Fn.COSH, Fn.SIGMOID, Fn.SOFTPLUS, Fn.TANH, Fn.ERFC)) {
            for (double x : xs) {
                Reference r = at(f(fn, X), x);
                assertTrue(r.converged(), fn + " at " + x + ": " + r);
                double expected = switch (fn) {
                    case EXP -> Math.exp(x);
                    case EXPM1 -> Math.expm1(x);
                    case SINH -> Math.sinh(x);
                    case COSH -> Math.cosh(x);
                    case SIGMOID -> x > 0 ? 1 : 0;
                    case SOFTPLUS -> Math.max(x, 0);
                    case TANH -> Math.signum(x);
                    default -> x > 0 ? 0 : 2;
                };
                assertEquals(new UlpError.Ulps(0, true), Ulp.error(expected, r), fn + " at " + x + ": " + r);
            }
        }
    }

    /**
     * Rounding x * c (about 300) must count as a relative error of the whole product, not as an
     * absolute one: with the factor e^-277512 after it, it is 1e-120520, not 300 units.
     */
    @Test
    void roundingInsideAProductIsRelativeToTheProduct() {
        Expr tail = Fixtures.product(X, constant(0.3989422804014327), f(Fn.EXP, Fixtures.product(constant(-0.5), Exprs.pow(X, Exprs.TWO))));
        Reference r = at(tail, -745);
        assertTrue(r.converged() && r.digits() >= 30 && r.workingDigits() <= 60, r.toString());
    }

    @Test
    void scaleTracksWhatCancelled() {
        Reference r = at(Exprs.sub(X, f(Fn.TANH, X)), 1e-10);
        // value 3.3e-31, but the terms were 1e-10: the scale is about 2e-10.
        assertTrue(r.scale().compareTo(new BigDecimal("1e-10")) > 0 && r.scale().compareTo(new BigDecimal("1e-9")) < 0, r.toString());
        Reference plain = at(f(Fn.EXP, X), 1);
        assertTrue(plain.scale().compareTo(new BigDecimal("2.7")) > 0 && plain.scale().compareTo(new BigDecimal("3")) < 0, plain.toString());
    }

    @Test
    void bindings() {
        Expr e = Fixtures.product(Exprs.var("alpha"), f(Fn.EXPM1, X));
        Reference r = HP.evaluate(e, Map.of("x", 1e-20, "alpha", 2.0));
        assertDigits("2e-20", finite(r.value()), 15, "alpha expm1(x)");
        assertThrows(IllegalArgumentException.class, () -> HP.evaluate(e, "x", 1.0));
        assertThrows(IllegalArgumentException.class, () -> new HighPrecision.Settings(40, 40, 100));
    }
}
