package dev.ramp.cli;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/** {@code ramp eval}: values and derivatives against formulas written directly in Java. */
class EvalCommandTest {

    static double mish(double x) {
        return x * Math.tanh(Math.log1p(Math.exp(x)));
    }

    @Test
    void evaluatesAStdlibNameAtNegativeAndPositiveInputs() {
        RampRunner r = RampRunner.run("eval", "mish", "-1.5", "0", "1.5");
        assertEquals(0, r.code(), r.err());
        double[] v = r.values();
        assertEquals(3, v.length);
        assertEquals(mish(-1.5), v[0], 1e-15);
        assertEquals(0.0, v[1]);
        assertEquals(mish(1.5), v[2], 1e-15);
    }

    @Test
    void evaluatesAnExpressionInX() {
        RampRunner r = RampRunner.run("eval", "x * tanh(softplus(x))", "0.75");
        assertEquals(0, r.code(), r.err());
        assertEquals(mish(0.75), r.values()[0], 1e-15);
    }

    @Test
    void printsJavasShortestRoundTripForm() {
        RampRunner r = RampRunner.run("eval", "x", "-0.0", "1e-300", "Infinity", "NaN", "-800");
        assertEquals(0, r.code(), r.err());
        assertEquals("-0.0\n1.0E-300\nInfinity\nNaN\n-800.0\n", r.out().replace("\r\n", "\n"));
    }

    @Test
    void firstDerivativeMatchesACentralDifference() {
        double x = 0.8, h = 1e-5;
        double fd = (mish(x + h) - mish(x - h)) / (2 * h);
        RampRunner r = RampRunner.run("eval", "--order", "1", "mish", Double.toString(x));
        assertEquals(0, r.code(), r.err());
        assertEquals(fd, r.values()[0], 1e-9);
    }

    @Test
    void secondDerivativeOfSigmoidMatchesItsClosedForm() {
        double x = -0.7;
        double s = 1 / (1 + Math.exp(-x));
        RampRunner r = RampRunner.run("eval", "--order", "2", "sigmoid(x)", Double.toString(x));
        assertEquals(0, r.code(), r.err());
        assertEquals(s * (1 - s) * (1 - 2 * s), r.values()[0], 1e-15);
    }

    @Test
    void parametersAndDerivativeWithRespectToAParameter() {
        RampRunner value = RampRunner.run("eval", "elu", "--param", "alpha=0.5", "-1");
        assertEquals(0, value.code(), value.err());
        assertEquals(0.5 * Math.expm1(-1), value.values()[0], 1e-16);
        RampRunner dAlpha = RampRunner.run("eval", "elu", "--param", "alpha=0.5", "--wrt", "alpha", "--order", "1", "-1");
        assertEquals(0, dAlpha.code(), dAlpha.err());
        assertEquals(Math.expm1(-1), dAlpha.values()[0], 1e-16);
    }

    @Test
    void readsOneInputPerLineFromStandardInput() {
        RampRunner r = RampRunner.runWithInput("1\n\n-2\n", "eval", "relu");
        assertEquals(0, r.code(), r.err());
        assertEquals("1.0\n0.0\n", r.out().replace("\r\n", "\n"));
    }

    @Test
    void kinkConventionOfReluAtZero() {
        RampRunner r = RampRunner.run("eval", "--order", "1", "relu", "0", "1", "-1");
        assertEquals(0, r.code(), r.err());
        assertArrayEquals(new double[] {0, 1, 0}, r.values());
    }

    @Test
    void definitionsFromAFile(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path f = dir.resolve("acts.ramp");
        java.nio.file.Files.writeString(f, "## doubled silu\nsilu2(x; k = 2) = k * x * sigmoid(x)\n");
        RampRunner r = RampRunner.run("eval", "--file", f.toString(), "silu2", "1");
        assertEquals(0, r.code(), r.err());
        assertEquals(2 / (1 + Math.exp(-1)), r.values()[0], 1e-15);
    }
}
