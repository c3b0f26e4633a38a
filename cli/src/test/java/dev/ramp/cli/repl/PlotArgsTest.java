package dev.ramp.cli.repl;

import static org.junit.jupiter.api.Assertions.*;

import dev.ramp.compiler.RampException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading {@code :plot EXPR [FROM TO] [--order ...] [--out FILE]}, where EXPR may contain spaces. */
class PlotArgsTest {

    private static String expr(Invocation inv, PlotArgs a) {
        return inv.input().substring(a.exprStart(), a.exprEnd()).strip();
    }

    @Test
    void nameOnly() {
        Invocation inv = Invocation.parse(":plot mish");
        PlotArgs a = PlotArgs.parse(inv);
        assertEquals("mish", expr(inv, a));
        assertNull(a.range());
        assertNull(a.orders());
        assertNull(a.out());
    }

    @Test
    void expressionRangeAndOptions() {
        Invocation inv = Invocation.parse(":plot x * sigmoid(x) -8 8.5 --order 0,1 --out a.svg");
        PlotArgs a = PlotArgs.parse(inv);
        assertEquals("x * sigmoid(x)", expr(inv, a));
        assertArrayEquals(new double[] {-8, 8.5}, a.range());
        assertEquals(List.of(0, 1), a.orders());
        assertEquals(Path.of("a.svg"), a.out());
    }

    @Test
    void optionsWithEqualsAndInAnyOrder() {
        Invocation inv = Invocation.parse(":plot mish --out=b.png --order=2");
        PlotArgs a = PlotArgs.parse(inv);
        assertEquals("mish", expr(inv, a));
        assertEquals(List.of(2), a.orders());
        assertEquals(Path.of("b.png"), a.out());
    }

    @Test
    void trailingNumbersThatBelongToTheExpressionStayThere() {
        Invocation inv = Invocation.parse(":plot x - 3 3");
        assertEquals("x - 3 3", expr(inv, PlotArgs.parse(inv)), "'x -' cannot be an expression, so 3 3 is no range");
        Invocation two = Invocation.parse(":plot 2 3");
        assertEquals("2 3", expr(two, PlotArgs.parse(two)));
    }

    @Test
    void mistakesPointAtTheWord() {
        RampException e = assertThrows(RampException.class, () -> PlotArgs.parse(Invocation.parse(":plot mish --order 0,0")));
        assertEquals(20, e.diagnostics().getFirst().span().column());
        e = assertThrows(RampException.class, () -> PlotArgs.parse(Invocation.parse(":plot mish 5 -5")));
        assertEquals(12, e.diagnostics().getFirst().span().column());
        e = assertThrows(RampException.class, () -> PlotArgs.parse(Invocation.parse(":plot mish --out")));
        assertTrue(e.getMessage().contains("--out needs a value"));
        e = assertThrows(RampException.class, () -> PlotArgs.parse(Invocation.parse(":plot mish --out a.svg extra")));
        assertTrue(e.getMessage().contains("unexpected 'extra'"));
    }
}
