package dev.ramp.compiler.reference;

import static dev.ramp.compiler.reference.Fixtures.assertDigits;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ramp.compiler.ir.Exprs;
import dev.ramp.compiler.ir.Fn;
import java.math.BigDecimal;
import java.math.MathContext;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Mathematical identities at 60 digits, at random points: each side is computed by a different
 * route, so they agree to ~45 digits only if both routes are right. The last property runs an
 * identity through the whole evaluator.
 */
class IdentityPropertiesTest {
    private static final MathContext MC = new MathContext(60);
    /** For the side of an identity that cancels (2 - erfc(-x) near 0): 40 digits to spare. */
    private static final MathContext WIDE = new MathContext(100);
    private static final int DIGITS = 45;
    private static final int TRIES = 50;

    private static BigDecimal exact(double x) {
        return new BigDecimal(x);
    }

    private static void same(BigDecimal expected, BigDecimal actual, String what) {
        assertDigits(expected.toString(), actual, DIGITS, what);
    }

    @Provide Arbitrary<Double> positive() {
        return Arbitraries.doubles().between(-300, 300).map(u -> Math.pow(10, u));
    }

    @Provide Arbitrary<Double> moderate() {
        return Arbitraries.oneOf(Arbitraries.doubles().between(-10, 10),
                Arbitraries.doubles().between(-30, 1).map(u -> Math.pow(10, u)));
    }

    @Property(tries = TRIES)
    void expOfLogIsIdentity(@ForAll("positive") double x) {
        same(exact(x), BigMath.exp(BigMath.log(exact(x), MC), MC), "exp(log " + x + ")");
    }

    @Property(tries = TRIES)
    void log1pOfExpm1IsIdentity(@ForAll("moderate") double x) {
        same(exact(x), BigMath.log1p(BigMath.expm1(exact(x), MC), MC), "log1p(expm1 " + x + ")");
    }

    /** cosh^2 - sinh^2 = 1 (cancels up to 2|x| / ln 10 digits, at most 9 here). */
    @Property(tries = TRIES)
    void hyperbolicPythagoras(@ForAll("moderate") double x) {
        BigDecimal c = BigMath.cosh(exact(x), MC), s = BigMath.sinh(exact(x), MC);
        assertDigits("1", c.multiply(c).subtract(s.multiply(s)), DIGITS - 9, "cosh^2 - sinh^2 at " + x);
        same(s.divide(c, MC), BigMath.tanh(exact(x), MC), "sinh/cosh = tanh at " + x);
    }

    @Property(tries = TRIES)
    void circularPythagoras(@ForAll("positive") double y) {
        double x = Math.min(y, 1e6);
        BigDecimal c = BigMath.cos(exact(x), MC), s = BigMath.sin(exact(x), MC);
        assertDigits("1", c.multiply(c).add(s.multiply(s)), DIGITS, "sin^2 + cos^2 at " + x);
    }

    @Property(tries = TRIES)
    void arctangentsOfReciprocalsAddToHalfPi(@ForAll("positive") double x) {
        BigDecimal sum = BigMath.atan(exact(x), MC).add(BigMath.atan(BigDecimal.ONE.divide(exact(x), MC), MC));
        same(BigConstants.pi(60).divide(BigDecimal.TWO), sum, "atan x + atan 1/x at " + x);
    }

    @Property(tries = TRIES)
    void erfPlusErfcIsOne(@ForAll("moderate") double x) {
        BigDecimal sum = BigErf.erf(exact(x), MC).add(BigErf.erfc(exact(x), MC));
        assertDigits("1", sum, DIGITS, "erf + erfc at " + x);
        same(BigErf.erfc(exact(x), MC), BigDecimal.TWO.subtract(BigErf.erfc(exact(-x), WIDE)), "erfc(x) = 2 - erfc(-x) at " + x);
    }

    @Property(tries = TRIES)
    void logisticSymmetries(@ForAll("moderate") double y) {
        BigDecimal x = exact(y * 50);
        BigDecimal plus = BigMath.sigmoid(x, MC), minus = BigMath.sigmoid(x.negate(), MC);
        assertDigits("1", plus.add(minus), DIGITS, "sigmoid(x) + sigmoid(-x) at " + x);
        BigDecimal diff = BigMath.softplus(x, MC).subtract(BigMath.softplus(x.negate(), MC));
        // softplus(x) - softplus(-x) = x; the subtraction cancels when x is tiny, so compare absolutely.
        assertTrue(diff.subtract(x).abs().compareTo(new BigDecimal("1e-" + DIGITS)) < 0, "softplus(x) - softplus(-x) = x at " + x + ": " + diff);
        // sigmoid(-|x|) = exp(-softplus(|x|)): both sides small, neither cancels.
        same(BigMath.exp(BigMath.softplus(x.abs(), MC).negate(), MC), BigMath.sigmoid(x.abs().negate(), MC), "sigmoid(-|x|) = e^-softplus|x| at " + x);
    }

    /** sigmoid(x) + sigmoid(-x) as one IR expression: the whole evaluator must give 1. */
    @Property(tries = 20)
    void theEvaluatorAgrees(@ForAll("moderate") double x) {
        var e = Exprs.add(Fixtures.f(Fn.SIGMOID, Fixtures.X), Fixtures.f(Fn.SIGMOID, Exprs.neg(Fixtures.X)));
        Reference r = Fixtures.HP.evaluate(e, "x", x);
        assertTrue(r.converged(), r.toString());
        assertDigits("1", Fixtures.finite(r.value()), HighPrecision.DEFAULT.targetDigits(), "sigmoid(x) + sigmoid(-x) at " + x);
    }
}
