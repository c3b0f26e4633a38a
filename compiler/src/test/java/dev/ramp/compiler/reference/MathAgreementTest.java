package dev.ramp.compiler.reference;

import static dev.ramp.compiler.reference.Fixtures.HP;
import static dev.ramp.compiler.reference.Fixtures.X;
import static dev.ramp.compiler.reference.Fixtures.f;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ramp.compiler.ir.Fn;
import dev.ramp.runtime.RampMath;
import java.util.function.DoubleUnaryOperator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * java.lang.Math against the reference, within the bounds its Javadoc documents: exp, log,
 * expm1, log1p, sin, cos, atan within 1 ulp; sinh, cosh, tanh within 2.5 ulps; sqrt correctly
 * rounded. RampMath.erf and erfc document 1 ulp. Any error in the reference or in the ulp
 * measure large enough to matter would show up here as a violated bound, and the mean error
 * must look like a real library's (not 0, which would mean the measure sees nothing).
 */
class MathAgreementTest {
    private static final int TRIES = 60;

    private static double measure(Fn fn, DoubleUnaryOperator impl, double x) {
        Reference ref = HP.evaluate(f(fn, X), "x", x);
        UlpError e = Ulp.error(impl.applyAsDouble(x), ref);
        return assertInstanceOf(UlpError.Ulps.class, e, fn + " at " + x + ": " + e).ulps();
    }

    private static void within(Fn fn, DoubleUnaryOperator impl, double x, double bound) {
        double u = measure(fn, impl, x);
        assertTrue(u < bound, fn.symbol() + "(" + x + ") is " + u + " ulps off, documented bound " + bound);
    }

    private static Arbitrary<Double> logUniform(double lo, double hi) {
        return Arbitraries.doubles().between(lo, hi).flatMap(u -> Arbitraries.of(-1.0, 1.0).map(s -> s * Math.pow(10, u)));
    }

    @Provide Arbitrary<Double> expRange() {
        return Arbitraries.oneOf(Arbitraries.doubles().between(-745, 709), logUniform(-20, 2));
    }

    @Provide Arbitrary<Double> positive() {
        return Arbitraries.oneOf(logUniform(-300, 300).map(Math::abs), Arbitraries.doubles().between(0.5, 2));
    }

    @Provide Arbitrary<Double> trig() {
        return Arbitraries.oneOf(Arbitraries.doubles().between(-10, 10), logUniform(-10, 6));
    }

    @Provide Arbitrary<Double> hyperbolic() {
        return Arbitraries.oneOf(Arbitraries.doubles().between(-30, 30), logUniform(-10, 2.8));
    }

    @Property(tries = TRIES)
    void exponentialsAndLogarithms(@ForAll("expRange") double x, @ForAll("positive") double y) {
        within(Fn.EXP, Math::exp, x, 1);
        within(Fn.EXPM1, Math::expm1, x, 1);
        within(Fn.LOG, Math::log, y, 1);
        within(Fn.LOG1P, Math::log1p, y, 1);
        within(Fn.LOG1P, Math::log1p, -y / (1 + y), 1); // in (-1, 0)
        within(Fn.SQRT, Math::sqrt, y, 0.5 + 1e-9);
    }

    @Property(tries = TRIES)
    void trigonometric(@ForAll("trig") double x) {
        within(Fn.SIN, Math::sin, x, 1);
        within(Fn.COS, Math::cos, x, 1);
        within(Fn.ATAN, Math::atan, x * 1e3, 1);
    }

    @Property(tries = TRIES)
    void hyperbolicFunctions(@ForAll("hyperbolic") double x) {
        within(Fn.SINH, Math::sinh, x, 2.5);
        within(Fn.COSH, Math::cosh, x, 2.5);
        within(Fn.TANH, Math::tanh, x, 2.5);
    }

    @Property(tries = TRIES)
    void rampErfAndErfc(@ForAll("hyperbolic") double x) {
        within(Fn.ERF, RampMath::erf, x / 4, 1);
        within(Fn.ERFC, RampMath::erfc, x / 4, 1);
    }

    /** The measure is not blind: over many points Math.exp shows its real, nonzero error. */
    @Property(tries = 1)
    void theMeasureSeesRealErrors() {
        double sum = 0, max = 0;
        int n = 400;
        for (int i = 0; i < n; i++) {
            double x = -20 + 40.0 * i / n + 1e-3;
            double u = measure(Fn.EXP, Math::exp, x);
            sum += u;
            max = Math.max(max, u);
        }
        double mean = sum / n;
        // Uniformly distributed rounding errors of a nearly correctly rounded exp average 0.25.
        assertTrue(mean > 0.15 && mean < 0.4, "mean error of Math.exp " + mean);
        assertTrue(max > 0.4 && max < 1, "max error of Math.exp " + max);
    }
}
