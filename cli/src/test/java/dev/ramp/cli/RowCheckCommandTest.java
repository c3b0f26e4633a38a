package dev.ramp.cli;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/** {@code ramp check} on functions of a row. */
class RowCheckCommandTest {
    @Test
    void rowFunctionsGetTheirOwnTable() {
        RampRunner r = RampRunner.run("check", "--quick", "softmax", "glu", "maxout");
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("row function"), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("softmax ") && !l.contains("OVER")), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("glu ")), r.out());
        assertTrue(r.out().contains("3 function(s), every kernel within budget"), r.out());
    }

    @Test
    void aRowFunctionWithoutAReferenceHasItsVjpChecked() {
        // no reference for its values ("-"), but its VJP is checked against central differences
        RampRunner r = RampRunner.run("check", "--quick", "f(xs[]) = xs * sum(xs)");
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("f ") && l.contains(" - ")), r.out());
    }
}
