package dev.ramp.compiler.analysis;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/** The terminal report answers the literature's questions in words and numbers. */
class ReportPrinterTest {

    @Test
    void reluReportStatesSparsityDeadGradientKinkAndGain() {
        String t = ReportPrinter.text(Fixtures.analyse(Fixtures.RELU));
        assertTrue(t.contains("sparsity: 50% of units exactly 0"), t);
        assertTrue(t.contains("f' = 0 for all x < 0: dead, no gradient"), t);
        assertTrue(t.contains("corner: f'(0-) = 0, f'(0+) = 1; ramp's f'(0) = 0"), t);
        assertTrue(t.contains("1.414213562 = √2"), t);
        assertTrue(t.contains("calculate_gain('relu'): derived the same way; agrees"), t);
        assertTrue(t.contains("χ^10 = 1, χ^50 = 1: gradients neither vanish nor explode"), t);
        assertTrue(t.contains("yes: f(a·x) = a·f(x) for every a ≥ 0 (symbolic"), t);
    }

    @Test
    void tanhReportShowsBothGainsAndExplainsTheDifference() {
        String t = ReportPrinter.text(Fixtures.analyse(Fixtures.TANH));
        assertTrue(t.contains("1.666666667 = 5/3   calculate_gain('tanh'): empirical, not derived; at 5/3 the variance settles at q* = 1.17848"), t);
        assertTrue(t.contains("1.59253742"), t);
        assertTrue(t.contains("zero-centred"), t);
        assertTrue(t.contains("f' → 0: the gradient vanishes"), t);
    }

    @Test
    void asciiModeSpellsOutSymbolsAndKeepsColumns() {
        String t = ReportPrinter.text(Fixtures.analyse(Fixtures.RELU), true);
        assertTrue(t.chars().allMatch(c -> c < 0x80), t);
        assertTrue(t.contains("= sqrt2") || t.contains("= sqrt(2)") || t.contains("sqrt2"), t);
        assertTrue(t.contains("  x -> -inf      f -> 0"), t);
        assertTrue(t.contains("1/sqrt(2 pi)"), t);
    }

    @Test
    void geluReportNamesItsMinimum() {
        String t = ReportPrinter.text(Fixtures.analyse(Fixtures.GELU));
        assertTrue(t.contains("monotonic      no (minimum f = -0.169971 at x = -0.751792)"), t);
        assertTrue(t.contains("no entry: calculate_gain raises ValueError"), t);
    }
}
