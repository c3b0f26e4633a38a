package dev.ramp.compiler.analysis;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/** Ranges, extrema and tails of functions that are not activations but could be typed in. */
class ShapeTest {

    @Test
    void aPoleMakesBothSidesUnbounded() {
        Shape s = Fixtures.analyse("1 / x").shape();
        assertFalse(s.lower().bounded());
        assertFalse(s.upper().bounded());
    }

    @Test
    void boundsAreReportedWhereTheyAreReachedNearestZero() {
        Shape s = Fixtures.analyse("sin(x)").shape();
        assertEquals(-1, s.lower().value(), 1e-15);
        assertEquals(Math.PI / 2, s.upper().x(), 1e-9);
        assertEquals(Shape.Monotonicity.NONMONOTONIC, s.monotonicity());
    }

    @Test
    void tailsAreClassified() {
        Report softsign = Fixtures.analyse("x / (1 + abs(x))");
        assertEquals(Tail.Kind.CONSTANT, softsign.right().kind());
        assertEquals(1, softsign.right().limit(), 0, "1 - 10^-12 at 10^12 is rounded to what the samples support");
        Report shrink = Fixtures.analyse("where(x > 0.5, x - 0.5, where(x < -0.5, x + 0.5, 0))");
        assertEquals(Tail.Kind.LINEAR, shrink.right().kind());
        assertEquals(-0.5, shrink.right().offset(), 1e-9);
        assertEquals(Tail.Kind.UNBOUNDED_ABOVE, Fixtures.analyse("exp(x)").right().kind());
        assertEquals("superlinear", Fixtures.analyse("x^2").left().growth());
        assertEquals(Tail.Kind.NONE, Fixtures.analyse("sin(x)").right().kind());
    }

    @Test
    void numericalResultsThatMatchASimpleFormAreFlaggedAsSuch() {
        String t = ReportPrinter.text(Fixtures.analyse(Fixtures.GELU));
        assertTrue(t.contains("≈ 1/(2√π) (numerically)"), t);
        assertEquals("1/(2√π)", Fmt.recognise(1 / (2 * Math.sqrt(Math.PI)), 1e-14).orElseThrow());
        assertTrue(Fmt.recognise(0.4523421923759, 1e-14).isEmpty());
    }
}
