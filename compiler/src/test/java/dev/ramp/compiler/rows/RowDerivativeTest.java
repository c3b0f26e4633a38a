package dev.ramp.compiler.rows;

import static org.junit.jupiter.api.Assertions.*;

import dev.ramp.compiler.Compiler;
import dev.ramp.compiler.Library;
import dev.ramp.compiler.diag.Source;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The closed-form VJP and JVP of row programs, checked against each other (the Jacobian assembled
 * column by column from JVPs equals the one assembled row by row from VJPs) and against central
 * differences of the forward program, all with the tree-walking evaluator.
 */
class RowDerivativeTest {
    static final Library LIB = Compiler.define(new Source("rows.ramp", """
            logsumexp(xs[]) = let m = max(xs) in m + log(sum(exp(xs - m)))
            softmax(xs[]) = exp(xs - logsumexp(xs))
            lse0(xs[]) = logsumexp(concat(0, xs))
            glu(xs[]) = first_half(xs) * sigmoid(second_half(xs))
            maxout(xs[]) = max(xs)
            rms_norm(xs[]; eps = 1e-5) = xs / sqrt(mean(xs^2) + eps)
            center(xs[]) = xs - mean(xs)
            spread(xs[]) = max(xs) - min(xs) + len(xs)
            gated(xs[]; a = 0.5) = where(xs > 0, xs * softplus(a * xs), exp(xs) - 1) / sum(abs(xs) + 1)
            """), Library.EMPTY);

    @ParameterizedTest
    @ValueSource(strings = {"logsumexp", "softmax", "lse0", "glu", "maxout", "rms_norm", "center", "spread", "gated"})
    void jacobianByColumnsEqualsByRowsAndFiniteDifferences(String name) {
        RowFunction f = LIB.lookupRow(name);
        RowProgram vjp = Compiler.rowVjp(f), jvp = Compiler.rowJvp(f);
        Map<String, Double> params = new java.util.HashMap<>();
        f.parameters().forEach(p -> params.put(p.name(), p.defaultValue().getAsDouble()));
        Random rnd = new Random(name.hashCode());
        int step = f.program().views().size();
        for (int n = step; n <= 7 * step; n += step) {
            double[] x = new double[n];
            for (int i = 0; i < n; i++) x[i] = rnd.nextGaussian() * 2;
            int m = f.program().outputLength(n);
            double[][] byColumns = new double[m][n], byRows = new double[m][n];
            for (int j = 0; j < n; j++) {
                double[] t = new double[n];
                t[j] = 1;
                double[] col = RowEval.run(jvp, f.variable(), params, x, null, t);
                for (int i = 0; i < m; i++) byColumns[i][j] = col[i];
                double h = 1e-6;
                double[] plus = x.clone(), minus = x.clone();
                plus[j] += h;
                minus[j] -= h;
                double[] yp = RowEval.run(f.program(), f.variable(), params, plus, null), ym = RowEval.run(f.program(), f.variable(), params, minus, null);
                for (int i = 0; i < m; i++) assertEquals((yp[i] - ym[i]) / (2 * h), col[i], 1e-6 * Math.max(1, Math.abs(col[i])), name + " n=" + n + " J[" + i + "][" + j + "] by differences");
            }
            for (int i = 0; i < m; i++) {
                double[] g = new double[m];
                g[i] = 1;
                byRows[i] = RowEval.run(vjp, f.variable(), params, x, g);
            }
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) assertEquals(byColumns[i][j], byRows[i][j], 1e-12 * Math.max(1, Math.abs(byRows[i][j])), name + " n=" + n + " J[" + i + "][" + j + "]");
            }
        }
    }

    @Test
    void theShiftOfLogsumexpCarriesNoGradient() {
        for (String name : List.of("logsumexp", "softmax", "lse0")) {
            String printed = RowPrinter.print(Compiler.rowVjp(LIB.lookupRow(name)));
            assertFalse(printed.contains("argmax"), name + ": " + printed);
        }
    }

    @Test
    void theGradientOfLogsumexpIsSoftmax() {
        double[] x = {0.5, -2, 3, 3, 1e-3};
        double[] grad = RowEval.run(Compiler.rowVjp(LIB.lookupRow("logsumexp")), "xs", Map.of(), x, new double[] {1});
        double[] softmax = RowEval.run(LIB.lookupRow("softmax").program(), "xs", Map.of(), x, null);
        for (int i = 0; i < x.length; i++) assertEquals(softmax[i], grad[i], 1e-15);
    }

    @Test
    void maxTiesSendTheGradientToTheFirstIndex() {
        double[] grad = RowEval.run(Compiler.rowVjp(LIB.lookupRow("maxout")), "xs", Map.of(), new double[] {1, 4, 2, 4}, new double[] {3});
        assertArrayEquals(new double[] {0, 3, 0, 0}, grad);
        double[] tangent = RowEval.run(Compiler.rowJvp(LIB.lookupRow("maxout")), "xs", Map.of(), new double[] {1, 4, 2, 4}, null, new double[] {1, 2, 3, 4});
        assertArrayEquals(new double[] {2}, tangent);
    }

    @Test
    void programsPrintAsRampText() {
        assertEquals("let m = max(xs), sum = sum(exp(xs - m)) in m + log(sum)", RowPrinter.print(LIB.lookupRow("logsumexp").program()));
        assertEquals("let m = max(concat(0, xs)), sum = sum(concat(exp(-m), exp(xs - m))) in m + log(sum)", RowPrinter.print(LIB.lookupRow("lse0").program()));
        assertEquals(Arrays.asList("first_half(xs)", "second_half(xs)"), LIB.lookupRow("glu").program().views());
    }
}
