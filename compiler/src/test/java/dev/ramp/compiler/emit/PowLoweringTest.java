package dev.ramp.compiler.emit;

import static dev.ramp.compiler.ir.Exprs.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.ramp.compiler.emit.PowLowering.Form;
import dev.ramp.compiler.ir.Expr;
import dev.ramp.compiler.ir.Fn;
import dev.ramp.runtime.Activation;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

/**
 * Constant powers compile to multiplications, a division or a square root (see
 * {@link PowLowering}). These tests pin down how far that is from {@code Math.pow}: not at all
 * for 2 and 0.5, by rounding only (a few ulps at most) for 3, 4 and -1, and never at special values.
 */
class PowLoweringTest {

    static double ulps(double expected, double actual) {
        if (Double.compare(expected, actual) == 0) return 0;
        return Math.abs(expected - actual) / Math.ulp(expected);
    }

    @Property(tries = 3000)
    void loweredPowersAreWithinAFewUlpsOfMathPow(@ForAll @DoubleRange(min = -1e30, max = 1e30) double b) {
        assertEquals(Math.pow(b, 2), PowLowering.apply(Form.SQUARE, b, 2));
        assertTrue(ulps(Math.pow(b, 3), PowLowering.apply(Form.CUBE, b, 3)) <= 2, "cube");
        assertTrue(ulps(Math.pow(b, 4), PowLowering.apply(Form.FOURTH, b, 4)) <= 2.5, "fourth");
        assertTrue(ulps(Math.pow(b, -1), PowLowering.apply(Form.RECIPROCAL, b, -1)) <= 1, "reciprocal");
        double abs = Math.abs(b);
        assertEquals(Math.pow(abs, 0.5), PowLowering.apply(Form.SQRT, abs, 0.5));
    }

    @Test
    void specialValuesAgreeWithMathPow() {
        double[] specials = {0.0, -0.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN, 1.0, -1.0,
                Double.MIN_VALUE, -Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, 1e155, -1e155, 1e-160};
        for (double b : specials) {
            assertEquals(Math.pow(b, 2), PowLowering.apply(Form.SQUARE, b, 2), "^2 at " + b);
            assertEquals(Math.pow(b, 3), PowLowering.apply(Form.CUBE, b, 3), "^3 at " + b);
            assertEquals(Math.pow(b, 4), PowLowering.apply(Form.FOURTH, b, 4), "^4 at " + b);
            assertEquals(Math.pow(b, -1), PowLowering.apply(Form.RECIPROCAL, b, -1), "^-1 at " + b);
            if (b != Double.NEGATIVE_INFINITY) assertEquals(Math.pow(b, 0.5), PowLowering.apply(Form.SQRT, b, 0.5), "^0.5 at " + b);
        }
    }

    @Test
    void squareRootOnlyForBasesThatCannotBeMinusInfinity() {
        Expr x = var("x");
        assertEquals(Form.POW, PowLowering.formOf(x, constant(0.5)));
        assertEquals(Form.SQRT, PowLowering.formOf(call(Fn.EXP, x), constant(0.5)));
        assertEquals(Form.SQRT, PowLowering.formOf(pow(x, TWO), constant(0.5)));
        assertEquals(Form.POW, PowLowering.formOf(x, constant(5)));
        assertEquals(Form.POW, PowLowering.formOf(x, constant(-2)));
        assertEquals(Form.POW, PowLowering.formOf(x, var("p")));
    }

    @Test
    void compiledPowersUseTheLoweredForms() {
        Activation a = EmitTesting.compile(Activations.powers());
        List<String> code = EmitTesting.instructions(EmitTesting.verifiedBytes(Activations.powers(), Emitter.Tuning.DEFAULT), "applyAsDouble", "(D)D");
        assertFalse(code.contains("call pow"), code::toString);
        assertTrue(code.contains("call sqrt"), code::toString);
        double x = -0.7;
        assertEquals(x * x + x * x * x / 3 + 1 / x + Math.sqrt(Math.abs(x) + 0.0), a.applyAsDouble(x));
        assertEquals(Math.pow(-0.0, 0.5), EmitTesting.compile(new Emitter.Spec("r", "x", List.of(), List.of(),
                pow(call(Fn.ABS, var("x")), constant(0.5)), List.of(ONE), List.of())).applyAsDouble(-0.0));
    }
}
