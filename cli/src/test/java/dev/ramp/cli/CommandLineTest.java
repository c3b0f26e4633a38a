package dev.ramp.cli;

import static org.junit.jupiter.api.Assertions.*;

import dev.ramp.compiler.Compiler;
import dev.ramp.compiler.Library;
import dev.ramp.compiler.diag.Source;
import dev.ramp.compiler.ir.Function;
import dev.ramp.compiler.pass.Eval;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code ramp diff}, {@code --version} and the usage. */
class CommandLineTest {

    @Test
    void versionNamesTheProject() {
        RampRunner r = RampRunner.run("--version");
        assertEquals(0, r.code());
        assertTrue(r.out().startsWith("ramp 0."), r.out());
    }

    @Test
    void noArgumentsPrintsUsage() {
        RampRunner r = RampRunner.run();
        assertEquals(0, r.code());
        assertTrue(r.out().contains("eval") && r.out().contains("diff"), r.out());
    }

    @Test
    void diffPrintsAReparseableDerivativeThatAgreesWithEval() {
        RampRunner d = RampRunner.run("diff", "mish");
        assertEquals(0, d.code(), d.err());
        Function parsed = Compiler.parseExpression(new Source("<test>", d.out().strip()), Library.EMPTY);
        for (double x : new double[] {-3, -0.5, 0.25, 2}) {
            RampRunner e = RampRunner.run("eval", "--order", "1", "mish", Double.toString(x));
            assertEquals(e.values()[0], Eval.eval(parsed.body(), Map.of("x", x)), 1e-15 * Math.max(1, Math.abs(e.values()[0])));
        }
    }

    @Test
    void diffOfSigmoidReachesItsClosedForm() {
        RampRunner d = RampRunner.run("diff", "sigmoid(x)");
        assertEquals(0, d.code(), d.err());
        assertTrue(d.out().contains("sigmoid(x)") && !d.out().contains("exp"), d.out());
    }

    @Test
    void diffLatex() {
        RampRunner d = RampRunner.run("diff", "--latex", "tanh(x)");
        assertEquals(0, d.code(), d.err());
        assertTrue(d.out().contains("\\tanh"), d.out());
    }

    @Test
    void diffWithRespectToAParameter() {
        RampRunner d = RampRunner.run("diff", "--wrt", "alpha", "elu");
        assertEquals(0, d.code(), d.err());
        assertTrue(d.out().contains("expm1(x)") && d.out().contains("where"), d.out());
    }
}
