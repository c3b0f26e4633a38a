package dev.ramp.cli.plot;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class TicksTest {

    @Test
    void niceStepsAndValues() {
        assertArrayEquals(new double[] {-4, -2, 0, 2, 4}, Ticks.of(-5, 5, 5));
        assertEquals(0.5, Ticks.step(-1.3, 1.3, 5));
        assertArrayEquals(new double[] {0, 50, 100, 150}, Ticks.of(-3, 160, 4));
    }

    @Test
    void labelsUseTheDecimalsTheStepNeeds() {
        assertEquals("2", Ticks.label(2, 1));
        assertEquals("2.5", Ticks.label(2.5, 0.5));
        assertEquals("0.0", Ticks.label(-0.0, 0.5));
        assertEquals("0.05", Ticks.label(0.05, 0.05));
        assertEquals("2e6", Ticks.label(2e6, 1e6));
        assertEquals("2.5e-5", Ticks.label(2.5e-5, 5e-6));
    }
}
