package dev.ramp.compiler.print;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ramp.compiler.gen.Ir;
import dev.ramp.compiler.pass.Differentiate;
import org.junit.jupiter.api.Test;

/** LaTeX output, one line per notation. */
class LatexPrinterTest {

    @Test
    void activationsAndTheirDerivatives() {
        assertLatex("x * tanh(softplus(x))", "x \\, \\tanh\\left(\\operatorname{softplus}\\left(x\\right)\\right)");
        assertLatex("sigmoid(x) * (1 - sigmoid(x))", "\\sigma\\left(x\\right) \\, \\left(1 - \\sigma\\left(x\\right)\\right)");
        assertLatex("x / (1 + abs(x))", "\\frac{x}{1 + \\left|x\\right|}");
        assertLatex("exp(-x^2) + sqrt(x^2 + 4)", "e^{-x^{2}} + \\sqrt{x^{2} + 4}");
        assertLatex("0.5 * x * erfc(-0.7071067811865476 * x)", "0.5 \\, x \\, \\operatorname{erfc}\\left(-0.7071067811865476 \\, x\\right)");
        assertLatex("max(0, x) - min(0, atan(x)) * sign(x)", "\\max\\left(0, x\\right) - \\min\\left(0, \\arctan\\left(x\\right)\\right) \\, \\operatorname{sgn}\\left(x\\right)");
        assertEquals("\\frac{1}{\\left(1 + \\left|x\\right|\\right)^{2}}", LatexPrinter.print(Differentiate.derivative(Ir.parse("x / (1 + abs(x))"), "x")));
    }

    @Test
    void numbersAndNames() {
        assertLatex("2 * 3^x", "2 \\cdot 3^{x}");
        assertLatex("1e-20 * x", "1 \\times 10^{-20} \\, x");
        assertLatex("x * 1e-20", "x \\cdot \\left(1 \\times 10^{-20}\\right)");
        assertLatex("(-x)^2 - x^(-1)", "\\left(-x\\right)^{2} - x^{-1}");
        assertLatex("f(x; alpha, negative_slope) = alpha * negative_slope * x", "\\alpha \\, \\mathit{negative\\_slope} \\, x");
        assertLatex("inf - x", "\\infty - x");
    }

    @Test
    void branchesAreCases() {
        assertLatex("elu(x; alpha = 1) = where(x > 0, x, alpha * expm1(x))",
                "\\begin{cases} x & \\text{if } x > 0 \\\\ \\alpha \\, \\operatorname{expm1}\\left(x\\right) & \\text{otherwise} \\end{cases}");
        assertLatex("where(not (x > 0 or x < -1) and x != 2, 1, 0)",
                "\\begin{cases} 1 & \\text{if } \\lnot \\left(x > 0 \\lor x < -1\\right) \\land x \\ne 2 \\\\ 0 & \\text{otherwise} \\end{cases}");
    }

    private static void assertLatex(String ramp, String latex) {
        assertEquals(latex, LatexPrinter.print(Ir.parse(ramp)), ramp);
    }
}
