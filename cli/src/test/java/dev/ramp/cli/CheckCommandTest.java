package dev.ramp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@code ramp check}: the table, and exit code 1 over budget. */
class CheckCommandTest {

    @Test
    void aStableFunctionPassesWithOneLinePerKernel() {
        RampRunner r = RampRunner.run("check", "--quick", "sigmoid");
        assertEquals(Main.OK, r.code(), r.err() + r.out());
        String out = r.out();
        assertTrue(out.startsWith("function"), out);
        assertTrue(out.contains("sigmoid"), out);
        for (String kernel : new String[] {" f ", "float f ", " f' ", "float f' ", " f'' "}) assertTrue(out.contains(kernel), kernel + " missing:\n" + out);
        assertTrue(out.contains("every kernel within budget"), out);
    }

    @Test
    void theFormulaAsWrittenFailsWithExitCodeOne() {
        RampRunner r = RampRunner.run("check", "--quick", "--order", "0", "--exact-formula", "log(1 + exp(x))");
        assertEquals(Main.CHECK_FAILED, r.code(), r.out());
        assertTrue(r.out().contains("OVER"), r.out());
        assertTrue(r.out().contains("NaN/Inf"), r.out());
    }

    /** An expression no rule makes stable: 1 - cos(x) cancels near 0, so f is 0 where it is 0.5. */
    @Test
    void anInaccurateUserExpressionFailsWithExitCodeOne() {
        RampRunner r = RampRunner.run("check", "--quick", "--order", "0", "(1 - cos(x)) / x^2");
        assertEquals(Main.CHECK_FAILED, r.code(), r.out());
        assertTrue(r.out().contains("OVER") && r.out().contains("kernel(s) over budget"), r.out());
    }

    @Test
    void badInputIsReportedAsSuch() {
        RampRunner r = RampRunner.run("check", "--quick", "x * tanhh(x)");
        assertEquals(Main.BAD_INPUT, r.code());
        assertTrue(r.err().contains("unknown function 'tanhh'"), r.err());
    }
}
