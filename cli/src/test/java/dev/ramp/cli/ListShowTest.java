package dev.ramp.cli;

import static org.junit.jupiter.api.Assertions.*;

import dev.ramp.stdlib.Stdlib;
import org.junit.jupiter.api.Test;

/** {@code ramp list} and {@code ramp show}. */
class ListShowTest {

    @Test
    void listShowsEveryStdlibNameWithItsSummary() {
        RampRunner r = RampRunner.run("list");
        assertEquals(0, r.code(), r.err());
        for (var f : Stdlib.library().functions()) {
            assertTrue(r.out().lines().anyMatch(l -> l.startsWith(f.name() + " ") && l.contains(f.doc().getFirst())),
                    () -> "no line for " + f.name() + " in\n" + r.out());
        }
    }

    @Test
    void showPrintsDocDefinitionParametersAndDerivatives() {
        RampRunner r = RampRunner.run("show", "elu");
        assertEquals(0, r.code(), r.err());
        String out = r.out();
        assertTrue(out.startsWith("elu(x; alpha = 1)"), out);
        assertTrue(out.contains("Exponential linear unit"), out);
        assertTrue(out.contains("elu(x; alpha = 1.0) = where(x > 0, x, alpha * expm1(x))"), out);
        assertTrue(out.contains("First derivative, d/dx\n  where(x > 0, 1, alpha * exp(x))"), out);
        assertTrue(out.contains("Second derivative\n  where(x > 0, 0, alpha * exp(x))"), out);
        assertTrue(out.contains("Derivative with respect to alpha\n  where(x > 0, 0, expm1(x))"), out);
    }

    @Test
    void showCostCountsFDerivativeAndTheFusedPair() {
        RampRunner r = RampRunner.run("show", "--cost", "mish");
        assertEquals(0, r.code(), r.err());
        String out = r.out();
        assertTrue(out.startsWith("f\n  counted as count_ops after cse: "), out);
        assertTrue(out.contains("\nf'\n") && out.contains("\nf, f' fused\n"), out);
        // the cost model's choice: mish without tanh or log1p; in lanes one exp(-|x|) for both
        // sides of x <= 0 and sigmoid, and one in each of the stabiliser's two far-left tails
        String fused = out.substring(out.indexOf("f, f' fused"));
        assertTrue(!fused.contains("tanh") && !fused.contains("log1p"), out);
        String lanes = fused.lines().filter(l -> l.trim().startsWith("lane form:")).findFirst().orElseThrow();
        assertTrue(lanes.endsWith("; exp 3"), out);
    }

    @Test
    void showCostTakesParameters() {
        RampRunner r = RampRunner.run("show", "--cost", "--param", "alpha=0.5", "elu");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("expm1 1"), r.out());
    }

    @Test
    void showOfAnUnknownNameIsBadInput() {
        RampRunner r = RampRunner.run("show", "mishh");
        assertEquals(Main.BAD_INPUT, r.code());
    }
}
