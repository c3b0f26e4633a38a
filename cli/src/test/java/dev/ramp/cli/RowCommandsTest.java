package dev.ramp.cli;

import static org.junit.jupiter.api.Assertions.*;

import dev.ramp.stdlib.Stdlib;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** {@code eval}, {@code show}, {@code diff} and {@code list} for functions of a row. */
class RowCommandsTest {
    @Test
    void evalPrintsTheRow() {
        RampRunner r = RampRunner.run("eval", "softmax", "1,2,3", "-inf,-inf");
        assertEquals(0, r.code(), r.err());
        String[] lines = r.out().strip().split("\n");
        double[] p = Arrays.stream(lines[0].split(",")).mapToDouble(Double::parseDouble).toArray();
        double s = Math.exp(1) + Math.exp(2) + Math.exp(3);
        for (int i = 0; i < 3; i++) assertEquals(Math.exp(i + 1) / s, p[i], 1e-15);
        assertEquals("0.0,0.0", lines[1]);
    }

    @Test
    void orderOnePrintsTheJacobian() {
        RampRunner r = RampRunner.run("eval", "--order", "1", "logsumexp", "0,0");
        assertEquals(0, r.code(), r.err());
        assertEquals("0.5,0.5", r.out().strip());
    }

    @Test
    void badShapesAreDiagnosticsWithExitCode2() {
        RampRunner odd = RampRunner.run("eval", "glu", "1,2,3");
        assertEquals(2, odd.code());
        assertTrue(odd.err().startsWith("<command line>:1:1: 'glu' splits its row in halves, but this row has 3 elements"), odd.err());
        RampRunner bad = RampRunner.run("eval", "softmax", "1,x,3");
        assertEquals(2, bad.code());
        assertTrue(bad.err().startsWith("<command line>:1:3: invalid number 'x' in a row"), bad.err());
        RampRunner scalar = RampRunner.run("eval", "softmax(x)", "1");
        assertEquals(2, scalar.code());
        assertTrue(scalar.err().contains("'softmax' takes a row, but here it is applied to a number"), scalar.err());
    }

    @Test
    void commandsForFunctionsOfANumberSayWhatARowFunctionIs() {
        RampRunner r = RampRunner.run("analyze", "softmax");
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("<command line>:1:1: 'softmax' is a function of a row, and this needs a function of a number"), r.err());
    }

    @Test
    void showPrintsTheVjp() {
        RampRunner r = RampRunner.run("show", "softmax");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("softmax(xs[])"), r.out());
        assertTrue(r.out().contains("Vector-Jacobian product"), r.out());
        assertTrue(r.out().contains("sum_1 = sum(g * exp(xs - where(abs(m) == inf, 0, m)))"), r.out());
        assertTrue(r.out().contains("Jacobian-vector product"), r.out());
    }

    @Test
    void diffPrintsTheGradient() {
        RampRunner r = RampRunner.run("diff", "maxout");
        assertEquals(0, r.code(), r.err());
        assertEquals("let max = max(xs) in where(i == argmax(max), g, 0)", r.out().strip());
    }

    @Test
    void listMarksRowFunctions() {
        RampRunner r = RampRunner.run("list");
        assertEquals(0, r.code(), r.err());
        for (var f : Stdlib.library().rowFunctions()) {
            assertTrue(r.out().lines().anyMatch(l -> l.startsWith(f.name() + "[] ")), () -> f.name() + " missing in\n" + r.out());
        }
    }
}
