package dev.ramp.compiler.reference;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.function.BiFunction;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;

/**
 * Every primitive of {@link BigMath} and {@link BigErf} against apfloat, an independent
 * arbitrary-precision library (its exp and log go through AGM iterations, its erf through
 * hypergeometric series: nothing in common with the series here), at random doubles over
 * each function's range, including tiny, huge and far-tail arguments. Ours at 50 digits must
 * agree with apfloat's at 60 (more where its input must absorb a cancellation) to 45.
 */
class ApfloatCrossCheckTest {
    private static final MathContext MC = new MathContext(50);
    private static final double TOLERANCE = 1e-45;
    private static final int TRIES = 10;

    private static void check(double x, BiFunction<BigDecimal, MathContext, BigDecimal> ours,
            Function<Apfloat, Apfloat> theirs, long extraDigits) {
        BigDecimal exact = new BigDecimal(x);
        BigDecimal mine = ours.apply(exact, MC);
        Apfloat in = new Apfloat(exact, 60 + extraDigits);
        BigDecimal reference = new BigDecimal(theirs.apply(in).toString(true));
        double rel = reference.signum() == 0 ? mine.abs().doubleValue() : Fixtures.relative(mine, reference);
        assertTrue(rel < TOLERANCE, "at x = " + x + ": ours " + mine + ", apfloat " + reference + ", relative difference " + rel);
    }

    /** Doubles sign * 10^u with u uniform in [lo, hi]: every scale equally likely. */
    private static Arbitrary<Double> logUniform(double lo, double hi, boolean bothSigns) {
        return Arbitraries.doubles().between(lo, hi).flatMap(u -> (bothSigns ? Arbitraries.of(-1.0, 1.0) : Arbitraries.just(1.0))
                .map(s -> s * Math.pow(10, u)));
    }

    @Provide Arbitrary<Double> expArguments() {
        return Arbitraries.oneOf(logUniform(-300, 2.84, true), Arbitraries.doubles().between(-745, 709));
    }

    @Provide Arbitrary<Double> positive() {
        return logUniform(-300, 300, false);
    }

    @Provide Arbitrary<Double> anyScale() {
        return logUniform(-300, 300, true);
    }

    @Provide Arbitrary<Double> moderate() {
        return Arbitraries.oneOf(logUniform(-300, 1.5, true), Arbitraries.doubles().between(-40, 40));
    }

    @Provide Arbitrary<Double> trigArguments() {
        return Arbitraries.oneOf(logUniform(-300, 6, true), Arbitraries.doubles().between(-10, 10));
    }

    /** apfloat's erf takes up to a second between 1 and 10; {@link BigErfTest} covers that range. */
    @Provide Arbitrary<Double> erfArguments() {
        return Arbitraries.oneOf(logUniform(-300, -0.5, true), Arbitraries.doubles().between(11, 27));
    }

    /** Digits that apfloat needs beyond 60 for f(x) - 1 or 1 + x style cancellations. */
    private static long cancellation(double x) {
        return Math.max(0, (long) -Math.log10(Math.abs(x)) + 2);
    }

    @Property(tries = TRIES)
    void exp(@ForAll("expArguments") double x) {
        check(x, BigMath::exp, ApfloatMath::exp, (long) Math.log10(Math.abs(x) + 1));
    }

    @Property(tries = TRIES)
    void expm1(@ForAll("expArguments") double x) {
        check(x, BigMath::expm1, a -> ApfloatMath.exp(a).subtract(Apfloat.ONE), cancellation(x) + (long) Math.log10(Math.abs(x) + 1));
    }

    @Property(tries = TRIES)
    void log(@ForAll("positive") double x) {
        check(x, BigMath::log, ApfloatMath::log, 0);
    }

    @Property(tries = TRIES)
    void log1p(@ForAll("positive") double y) {
        double x = y >= 1 ? y : -Math.min(y, 0.9999); // both sides of 0, down to -0.9999
        long extra = x >= 1 ? 0 : cancellation(x) + 4;
        check(x, BigMath::log1p, a -> ApfloatMath.log(a.add(Apfloat.ONE)), extra);
    }

    @Property(tries = TRIES)
    void sqrt(@ForAll("positive") double x) {
        check(x, BigMath::sqrt, ApfloatMath::sqrt, 0);
    }

    @Property(tries = TRIES)
    void sinAndCos(@ForAll("trigArguments") double x) {
        long extra = (long) Math.max(0, Math.log10(Math.abs(x))) + 10;
        check(x, BigMath::sin, ApfloatMath::sin, extra);
        check(x, BigMath::cos, ApfloatMath::cos, extra);
    }

    @Property(tries = TRIES)
    void atan(@ForAll("anyScale") double x) {
        check(x, BigMath::atan, ApfloatMath::atan, 0);
    }

    @Property(tries = TRIES)
    void hyperbolic(@ForAll("moderate") double x) {
        long extra = (long) Math.log10(Math.abs(x) + 1);
        check(x, BigMath::tanh, ApfloatMath::tanh, extra);
        check(x, BigMath::sinh, ApfloatMath::sinh, extra);
        check(x, BigMath::cosh, ApfloatMath::cosh, extra);
    }

    @Property(tries = TRIES)
    void sigmoidAndSoftplus(@ForAll("expArguments") double x) {
        long extra = (long) Math.log10(Math.abs(x) + 1) + 2;
        check(x, BigMath::sigmoid, a -> Apfloat.ONE.divide(Apfloat.ONE.add(ApfloatMath.exp(a.negate()))), extra);
        // log(1 + e^x) directly loses nothing for x <= 0 in apfloat's arithmetic (1 + e^x is
        // formed at its full precision only when e^x is not tiny; give it the digits anyway).
        long tiny = x < 0 ? (long) (-x / Math.log(10)) + 2 : 0;
        long p = 60 + extra + tiny;
        check(x, BigMath::softplus, a -> ApfloatMath.log(Apfloat.ONE.add(ApfloatMath.exp(a)).precision(p)), extra + tiny);
    }

    @Property(tries = 10)
    void erfAndErfc(@ForAll("erfArguments") double x) {
        check(x, BigErf::erf, ApfloatMath::erf, 5);
        check(x, BigErf::erfc, ApfloatMath::erfc, 5);
    }
}
