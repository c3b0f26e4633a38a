package dev.ramp.cli.plot;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClipTest {

    @Test
    void segmentsAreCutAtTheViewEdge() {
        double[] s = Clip.segment(0, 0, 2, 4, 0, 10, 0, 2);
        assertArrayEquals(new double[] {0, 0, 1, 2}, s, 1e-12);
        assertNull(Clip.segment(0, 5, 1, 6, 0, 10, 0, 2), "entirely above");
        assertNull(Clip.segment(0, Double.NaN, 1, 1, 0, 10, 0, 2));
        assertNull(Clip.segment(0, -Double.MAX_VALUE, 1, Double.MAX_VALUE, 0, 10, 0, 2), "a difference that overflows");
    }

    @Test
    void nanBreaksACurveIntoPieces() {
        Series s = new Series("f", 0, new double[] {0, 1, 2, 3, 4, 5}, new double[] {0, 1, Double.NaN, 1, 0.5, 0});
        List<List<double[]>> lines = Clip.polylines(s, 0, 5, -1, 2);
        assertEquals(2, lines.size());
        assertEquals(2, lines.get(0).size());
        assertEquals(3, lines.get(1).size());
    }

    @Test
    void aPoleBetweenTwoSamplesIsNotDrawnAcrossTheView() {
        // 1/x sampled at -0.1 and 0.1: from far below the view to far above it.
        Series s = new Series("f", 0, new double[] {-0.3, -0.1, 0.1, 0.3}, new double[] {-3.3, -10, 10, 3.3});
        List<List<double[]>> lines = Clip.polylines(s, -0.3, 0.3, -5, 5);
        assertEquals(2, lines.size());
        for (List<double[]> line : lines) for (double[] p : line) assertTrue(Math.abs(p[0]) >= 0.1 - 1e-12 || Math.abs(p[1]) < 5 + 1e-9);
    }

    @Test
    void leavingAndReenteringTheViewStartsANewPiece() {
        Series s = new Series("f", 0, new double[] {0, 1, 2, 3}, new double[] {0, 10, 10, 0});
        List<List<double[]>> lines = Clip.polylines(s, 0, 3, -1, 1);
        assertEquals(2, lines.size());
        for (List<double[]> line : lines) for (double[] p : line) assertTrue(p[1] <= 1 && p[1] >= -1);
    }
}
