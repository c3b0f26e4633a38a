package dev.ramp.stdlib.rows;

import static org.junit.jupiter.api.Assertions.*;

import dev.ramp.Ramp;
import dev.ramp.runtime.RowActivation;
import dev.ramp.stdlib.RowChecks;
import org.junit.jupiter.api.Test;

/** The accuracy measurement passes for the stdlib, and fails for a function that is wrong. */
class RowChecksTest {
    @Test
    void everyStdlibRowFunctionPasses() {
        for (RowChecks.Result r : RowChecks.run(Ramp::compileRows)) {
            assertTrue(r.passed(), r.toString());
            // J^T e_i from the VJP against J e_j from central differences, column by column:
            // the differences themselves are good to about 1e-9 here
            assertTrue(r.maxGradientError() < 1e-8, r.toString());
        }
    }

    @Test
    void aWrongSoftmaxFails() {
        // the unshifted formula overflows at 1e4: inf / inf is NaN where softmax is defined
        RowActivation naive = Ramp.compileRows("naive(xs[]) = exp(xs) / sum(exp(xs))", java.util.Map.of(), dev.ramp.stdlib.Stdlib.library());
        RowChecks.Result r = RowChecks.run(name -> name.equals("softmax") ? naive : Ramp.compileRows(name)).getFirst();
        assertFalse(r.passed(), r.toString());
        assertTrue(r.nanWhereDefined(), r.toString());
    }
}
