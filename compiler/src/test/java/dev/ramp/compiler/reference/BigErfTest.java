package dev.ramp.compiler.reference;

import static dev.ramp.compiler.reference.Fixtures.assertDigits;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import org.junit.jupiter.api.Test;

/**
 * erf and erfc around the switch between the series and the continued fraction (4.2 at 50
 * digits, 6 at 100), where apfloat is too slow to be asked at random points.
 */
class BigErfTest {

    /** {x, erf x, erfc x}, computed with mpmath 1.3.0 at mp.dps = 60. */
    private static final Object[][] VALUES = {
        {0.25, "0.276326390168236932985068267764815712065353978", "0.723673609831763067014931732235184287934646022"},
        {0.5, "0.520499877813046537682746653891964528736451576", "0.479500122186953462317253346108035471263548424"},
        {1.5, "0.966105146475310727066976261645947858681410479", "0.0338948535246892729330237383540521413185895207"},
        {2.0, "0.995322265018952734162069256367252928610891797", "0.00467773498104726583793074363274707138910820296"},
        {2.5, "0.999593047982555041060435784260025087279651323", "0.000406952017444958939564215739974912720348677404"},
        {3.0, "0.999977909503001414558627223870417679620152293", "0.0000220904969985854413727761295823203798477070874"},
        {3.5, "0.99999925690162765858725447631624390436427934", "0.000000743098372341412745523683756095635720660092173"},
        {3.75, "0.999999886272743430203346740923416993391142772", "0.000000113727256569796653259076583006608857228334403"},
        {4.0, "0.999999984582742099719981147840326513115951428", "0.0000000154172579002800188521596734868840485721452536"},
        {4.25, "0.999999998149425862613257479944161928471273264", "0.00000000185057413738674252005583807152872673612465678"},
        {4.5, "0.999999999803383955845711252372083963233566734", "0.00000000019661604415428874762791603676643326605776706"},
        {5.0, "0.999999999998462540205571965149811656514616621", "0.00000000000153745979442803485018834348538337889011805031"},
        {5.5, "0.99999999999999264215208202560193693163760143", "7.35784791797439806306836239857009020822308497e-15"},
        {6.0, "0.999999999999999978480263287501086883406649601", "2.15197367124989131165933503991873846304775141e-17"},
        {7.0, "0.99999999999999999999995816174392220585601386", "4.18382560777941439861401022389993225002961741e-23"},
        {8.0, "0.999999999999999999999999999988775702827017073", "1.12242971729829270799678884431702790934319292e-29"},
        {-2.0, "-0.995322265018952734162069256367252928610891797", "1.9953222650189527341620692563672529286108918"},
        {-4.5, "-0.999999999803383955845711252372083963233566734", "1.99999999980338395584571125237208396323356673"},
    };

    @Test
    void matchesMpmathOnBothSidesOfTheSwitch() {
        for (int digits : new int[] {30, 50, 100}) {
            MathContext mc = new MathContext(digits);
            int check = Math.min(digits - 2, 42);
            for (Object[] v : VALUES) {
                BigDecimal x = BigDecimal.valueOf((double) v[0]);
                assertDigits((String) v[1], BigErf.erf(x, mc), check, "erf(" + x + ") at " + digits);
                assertDigits((String) v[2], BigErf.erfc(x, mc), check, "erfc(" + x + ") at " + digits);
            }
        }
    }

    /** The two methods are independent; where both converge they must agree to the last digit. */
    @Test
    void seriesAndContinuedFractionAgreeOnTheirOverlap() {
        for (int digits : new int[] {50, 120}) {
            MathContext w = new MathContext(digits);
            // 1 - erf loses about x^2 / ln 10 digits: give the series that many more.
            for (double x = 2; x <= 9; x += 0.25) {
                MathContext wide = new MathContext(digits + (int) (x * x / Math.log(10)) + 5);
                BigDecimal bx = BigDecimal.valueOf(x);
                BigDecimal viaSeries = BigDecimal.ONE.subtract(BigErf.series(bx, wide), w);
                BigDecimal viaFraction = BigErf.continuedFraction(bx, w);
                double rel = Fixtures.relative(viaFraction, viaSeries);
                assertTrue(rel < Math.pow(10, 3 - digits), "x = " + x + " at " + digits + " digits: relative difference " + rel);
            }
        }
    }
}
