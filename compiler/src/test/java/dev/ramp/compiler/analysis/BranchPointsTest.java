package dev.ramp.compiler.analysis;

import static org.junit.jupiter.api.Assertions.*;

import dev.ramp.compiler.Compiler;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Branch points: solved exactly when linear or quadratic, found by scan and bisection otherwise; pieces checked. */
class BranchPointsTest {

    /** The body with any parameters at their defaults. */
    private static dev.ramp.compiler.ir.Expr body(String expr) {
        var f = Fixtures.function(expr);
        return Compiler.bind(f, Compiler.parameterValues(f, Map.of())).body();
    }

    private static List<BranchPoint> points(String expr) {
        return Pieces.of(body(expr), "x").points();
    }

    @Test
    void linearSwitchesAreSolvedExactly() {
        List<BranchPoint> p = points("where(2 * x + 3 > 0, x, 0)");
        assertEquals(1, p.size());
        assertEquals(-1.5, p.getFirst().x(), 0);
        assertEquals("linear", p.getFirst().method());
        assertEquals(0, points("max(0, x)").getFirst().x(), 0);
        assertEquals(20, points(Fixtures.TORCH_SOFTPLUS).getFirst().x(), 0);
        assertEquals(0.6931471805599453, points("where(x < 0.6931471805599453, 1, 2 * x)").getFirst().x(), 0);
    }

    @Test
    void quadraticSwitchesAreSolvedExactly() {
        List<BranchPoint> p = points("where(x^2 > 4, x, 0)");
        assertEquals(List.of(-2.0, 2.0), p.stream().map(BranchPoint::x).toList());
        assertTrue(p.stream().allMatch(b -> b.method().equals("quadratic")));
    }

    @Test
    void nonlinearSwitchesAreFoundOnTheGridAndRefined() {
        List<BranchPoint> p = points(Fixtures.HARDSHRINK);
        assertEquals(List.of(-0.5, 0.5), p.stream().map(BranchPoint::x).toList());
        assertEquals("bisection", p.getFirst().method());
        // relu6's upper kink comes from min(max(0, x), 6): not polynomial, but 6 is a grid point.
        assertEquals(List.of(0.0, 6.0), points("min(max(0, x), 6)").stream().map(BranchPoint::x).toList());
        // An irrational kink: where tanh(x) = 0.3, refined to adjacent doubles.
        double at = points("where(tanh(x) > 0.3, x, 0)").getFirst().x();
        assertEquals(0.5*Math.log(1.3 / 0.7), at, 2 * Math.ulp(at));
    }

    @Test
    void piecesAreBranchFreeAndVerified() {
        Pieces p = Pieces.of(Fixtures.function(Fixtures.HARDTANH).body(), "x");
        assertEquals(3, p.pieces().size());
        assertTrue(p.allVerified());
        assertTrue(p.allExpPoly());
        assertEquals(new dev.ramp.compiler.ir.Expr.Const(-1), p.pieces().get(0).f());
        assertEquals(new dev.ramp.compiler.ir.Expr.Var("x"), p.pieces().get(1).f());
        assertTrue(p.pieces().get(0).deadGradient() && p.pieces().get(2).deadGradient());
    }

    @Test
    void aBranchPointThatChangesNothingIsDropped() {
        // abs(x) switches at 0, but inside the dead zone both sides are 0.
        Pieces p = Pieces.of(body(Fixtures.HARDSHRINK), "x");
        assertEquals(3, p.pieces().size());
        assertTrue(p.pieces().get(1).zero());
    }

    @Test
    void aSmoothFunctionHasOnePiece() {
        Pieces p = Pieces.of(Fixtures.function(Fixtures.MISH).body(), "x");
        assertEquals(0, p.points().size());
        assertTrue(p.allVerified());
        assertFalse(p.allExpPoly());
    }
}
