package dev.ramp.compiler.reference;

import static dev.ramp.compiler.reference.Fixtures.X;
import static dev.ramp.compiler.reference.Fixtures.assertDigits;
import static dev.ramp.compiler.reference.Fixtures.assertReference;
import static dev.ramp.compiler.reference.Fixtures.f;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ramp.compiler.ir.Exprs;
import dev.ramp.compiler.ir.Fn;
import java.math.BigDecimal;
import java.math.MathContext;
import org.junit.jupiter.api.Test;

/**
 * Values pinned from sources that share no code with the evaluator. Unless a comment says
 * otherwise, digits were computed with mpmath 1.3.0 at mp.dps = 60 (for x - tanh x at 200),
 * at the double nearest to the decimal argument shown (so f(1e-30) is f(1.00000000000000008e-30)).
 * The constants' leading digits are also the classical published ones (OEIS A000796 pi,
 * A001113 e, A002162 ln 2, A002392 ln 10).
 */
class KnownValuesTest {

    @Test
    void constantsMatchPublishedDigits() {
        assertDigits("3.14159265358979323846264338327950288419716939937510582097494", BigConstants.pi(60), 58, "pi");
        assertDigits("0.69314718055994530941723212145817656807550013436025525412068", BigConstants.ln2(60), 58, "ln 2");
        assertDigits("2.30258509299404568401799145468436420760110148862877297603333", BigConstants.ln10(60), 58, "ln 10");
        // A long pi (as for reducing sin(1e300)) must agree with the short one where they overlap.
        assertEquals(BigConstants.pi(50), BigConstants.pi(700).round(new MathContext(50)));
    }

    @Test
    void elementaryValues() {
        assertReference(f(Fn.EXP, X), 1, "2.71828182845904523536028747135266249775724709369995957496697", 40);
        assertReference(f(Fn.LOG, X), 2, "0.69314718055994530941723212145817656807550013436025525412068", 40);
        assertReference(f(Fn.LOG, X), 10, "2.30258509299404568401799145468436420760110148862877297603333", 40);
        assertReference(f(Fn.SQRT, X), 2, "1.41421356237309504880168872420969807856967188", 40);
        assertReference(f(Fn.TANH, X), 0.5, "0.46211715726000975850231848364367254873028928", 40);
        // atan(1) = pi/4
        assertReference(f(Fn.ATAN, X), 1, new BigDecimal("3.14159265358979323846264338327950288419716939937510582097494")
                .divide(BigDecimal.valueOf(4)).toString(), 40);
        assertReference(f(Fn.ATAN, X), 1e10, "1.57079632669489661923132169164008477543191803", 40);
        assertReference(f(Fn.LOG, X), 1e-300, "-690.775527898213705180338344570100502908613342", 40);
        assertReference(f(Fn.LOG1P, X), -0.75, "-1.38629436111989061883446424291635313615100027", 40);
        assertReference(f(Fn.SINH, X), 1e-5, "1.00000000001666674846980391812146244001066266e-5", 40);
        assertReference(f(Fn.COSH, X), 50, "2.59235276429353623204372666146674269241373465e21", 40);
        assertReference(Exprs.pow(X, Exprs.constant(-200)), 3, "3.76486194959902641988342189001111624097035098e-96", 40);
        assertReference(Exprs.pow(X, Exprs.constant(1e10)), 1.0000001, "1.9699737631330292705247166920198375928207396e434", 40);
    }

    @Test
    void errorFunctionIncludingTheFarTail() {
        // erf(1): also Abramowitz and Stegun Table 7.1 to 15 places (0.842700792949715).
        assertReference(f(Fn.ERF, X), 1, "0.842700792949714869341220635082609259296066998", 40);
        assertReference(f(Fn.ERF, X), 1e-300, "1.12837916709551260217231607630436505761811009e-300", 40);
        assertReference(f(Fn.ERFC, X), -1, "1.842700792949714869341220635082609259296067", 40);
        assertReference(f(Fn.ERFC, X), 10, "2.08848758376254475700078629495778861156081812e-45", 40);
        assertReference(f(Fn.ERFC, X), 30, "2.56465620375611160003339727750144714654888972e-393", 40);
    }

    @Test
    void sinAndCosOfHugeArguments() {
        // sin(1e22): also K. C. Ng, "Argument reduction for huge arguments: good to the last bit" (1992).
        assertReference(f(Fn.SIN, X), 1e22, "-0.85220084976718880177270589375302936826176215", 40);
        assertReference(f(Fn.SIN, X), 1e300, "-0.817881912115908597045885282755426212011428304", 40);
        assertReference(f(Fn.COS, X), 1e6, "0.936752127533144786938532535074918775708097804", 40);
    }

    @Test
    void noOverflowOrUnderflowWhereDoublesHaveThem() {
        assertReference(f(Fn.EXP, X), 800, "2.72637457211256656736477954636726975796659227e347", 40);
        assertReference(f(Fn.EXP, X), -800, "3.66787458417768721345549565426079821546963423e-348", 40);
        // softplus(800) is 800 to 30 digits, and with 400 digits its tail log1p(e^-800) shows too.
        assertReference(f(Fn.SOFTPLUS, X), 800, "800", 40);
        BigDecimal tail = BigMath.softplus(BigDecimal.valueOf(800), new MathContext(400)).subtract(BigDecimal.valueOf(800));
        assertDigits("3.66787458417768721345549565426079821546963423e-348", tail, 40, "softplus(800) - 800");
        // The same through log(1 + exp(x)) written out: 800 to 30 digits.
        assertReference(f(Fn.LOG, Exprs.add(Exprs.ONE, f(Fn.EXP, X))), 800, "800", 30);
        // sigmoid(-800) = 1 / (1 + e^800), which is e^-800 to 347 digits.
        assertReference(f(Fn.SIGMOID, X), -800, "3.66787458417768721345549565426079821546963423e-348", 40);
    }

    @Test
    void activations() {
        assertReference(Fixtures.mish(), -1.19, "-0.308842623097790644582338073683337880912829789", 40);
        // gelu as written, with the double constant sqrt 2 = 1.4142135623730951 (mpmath, same
        // form; at -30 with mp.dps = 400, since 1 + erf(-21.2) cancels 196 digits)
        assertReference(Fixtures.gelu(), 0.7, "0.530625443443848835845986358813902226223869684", 40);
        assertReference(Fixtures.gelu(), -30, "-1.47201417814454677992720697500170832265828471e-196", 40);
    }
}
