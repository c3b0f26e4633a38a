package dev.ramp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The stabilisation pass on the command line: on by default, {@code --exact-formula} to turn it off, {@code diff --stable} to see it. */
class StabilityCliTest {

    @Test
    void evalIsStableByDefaultAndAsWrittenOnRequest() {
        RampRunner stable = RampRunner.run("eval", "log(1 + exp(x))", "800", "-300");
        assertEquals(0, stable.code(), stable.err());
        assertEquals("800.0\n5.148200222412013E-131\n", stable.out().replace("\r\n", "\n"));
        RampRunner exact = RampRunner.run("eval", "--exact-formula", "log(1 + exp(x))", "800", "-300");
        assertEquals(0, exact.code(), exact.err());
        assertEquals("Infinity\n0.0\n", exact.out().replace("\r\n", "\n"));
    }

    @Test
    void theInterpreterRunsTheSameStabilisedExpression() {
        RampRunner compiled = RampRunner.run("eval", "--order", "1", "tanh(x)", "30");
        RampRunner interpreted = RampRunner.run("eval", "--interpreted", "--order", "1", "tanh(x)", "30");
        assertEquals(compiled.out(), interpreted.out());
        assertEquals(3.5e-26, compiled.values()[0], 1e-28);
        RampRunner exact = RampRunner.run("eval", "--exact-formula", "--interpreted", "--order", "1", "tanh(x)", "30");
        assertEquals(0.0, exact.values()[0]);
    }

    @Test
    void diffPrintsTheStabilisedFormOnRequest() {
        RampRunner plain = RampRunner.run("diff", "log(1 + exp(x))");
        assertEquals("exp(x) / (1 + exp(x))\n", plain.out().replace("\r\n", "\n"));
        RampRunner stable = RampRunner.run("diff", "--stable", "log(1 + exp(x))");
        assertEquals(0, stable.code(), stable.err());
        assertEquals("sigmoid(x)\n", stable.out().replace("\r\n", "\n"));
        RampRunner value = RampRunner.run("diff", "--stable", "--order", "0", "log(sigmoid(x))");
        assertEquals("-softplus(-x)\n", value.out().replace("\r\n", "\n"));
    }
}
