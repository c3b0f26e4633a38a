package dev.ramp.cli.plot;

import static org.junit.jupiter.api.Assertions.*;

import dev.ramp.compiler.Compiler;
import dev.ramp.stdlib.Stdlib;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TextPlotTest {
    private static Plot plot(String expr, double from, double to, Integer... orders) {
        return Sampler.plot(Compiler.function(expr, Stdlib.library()), Map.of(), List.of(orders), from, to);
    }

    @Test
    void brailleCurvesWithAxesTicksTitleAndLegend() {
        String s = TextPlot.render(plot("mish", -5, 5, 0, 1, 2), TextPlot.Options.plain());
        assertTrue(s.chars().filter(c -> c > 0x2800 && c <= 0x28FF).count() > 100, s);
        assertTrue(s.contains("mish(x) = x * tanh(softplus(x))"), "title: " + s);
        assertTrue(s.contains("mish(x)") && s.contains("mish'(x)") && s.contains("mish''(x)"), "legend: " + s);
        assertTrue(s.contains("┤") && s.contains("└") && s.contains("┬"), "axes with ticks: " + s);
        assertTrue(s.contains("-4") && s.contains(" 4"), "x tick labels: " + s);
        assertTrue(s.lines().anyMatch(l -> l.matches("\\s*5 ┤.*")), "a y tick label: " + s);
        assertTrue(s.contains(" x\n") && s.contains("y\n"), "axis names: " + s);
        assertFalse(s.contains("\u001b"), "no colour when not asked");
        for (String line : s.split("\n")) assertTrue(line.length() <= 80, "fits 80 columns: " + line);
    }

    @Test
    void colourWhenAsked() {
        String s = TextPlot.render(plot("mish", -5, 5, 0, 1), new TextPlot.Options(80, 12, Glyphs.BRAILLE, true));
        assertTrue(s.contains("\u001b[94m") && s.contains("\u001b[33m") && s.contains("\u001b[0m"), s);
    }

    @Test
    void blockCharacters() {
        String s = TextPlot.render(plot("tanh(x)", -3, 3, 0), new TextPlot.Options(60, 10, Glyphs.BLOCK, false));
        assertTrue(s.chars().anyMatch(c -> "▘▝▀▖▌▞▛▗▚▐▜▄▙▟█".indexOf(c) >= 0), s);
        assertFalse(s.chars().anyMatch(c -> c > 0x2800 && c <= 0x28FF), s);
    }

    @Test
    void aPoleIsClippedWithANote() {
        String s = TextPlot.render(plot("1 / x", -2, 2, 0), TextPlot.Options.plain());
        assertTrue(s.contains("(y clipped to ["), s);
    }

    @Test
    void undefinedPointsAreSkipped() {
        String s = TextPlot.render(plot("log(x)", -2, 2, 0, 1), TextPlot.Options.plain());
        assertTrue(s.contains("f(x)"), s);
    }

    @Test
    void theTitleShowsTheParameterValuesInUse() {
        var elu = Compiler.function("elu", Stdlib.library());
        Plot p = Sampler.plot(elu, Map.of("alpha", 0.5), List.of(0), -2, 2);
        assertEquals("elu(x; alpha = 1.0) = where(x > 0, x, alpha * expm1(x))   [alpha = 0.5]", p.title());
    }

    @Test
    void labelsForHigherOrdersAndExpressions() {
        var f = Compiler.function("x^5", Stdlib.library());
        assertEquals("f(x)", Sampler.label(f, 0));
        assertEquals("f'''(x)", Sampler.label(f, 3));
        assertEquals("f^(4)(x)", Sampler.label(f, 4));
    }
}
