package dev.ramp.compiler.rows;

import static org.junit.jupiter.api.Assertions.*;

import dev.ramp.compiler.Compiler;
import dev.ramp.compiler.Library;
import dev.ramp.compiler.RampException;
import dev.ramp.compiler.diag.Source;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Shape mistakes in row definitions are diagnostics with a position, like any other error. */
class RowErrorsTest {
    static final Library LIB = Compiler.define(new Source("lib.ramp", "softmax(xs[]) = exp(xs) / sum(exp(xs))"), Library.EMPTY);

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "f(xs[]) = sum(1)                         | t.ramp:1:15: 'sum' reduces a row, but this is a number",
        "f(x) = softmax(x)                        | t.ramp:1:8: 'softmax' takes a row, but here it is applied to a number",
        "f(xs[]) = xs + first_half(xs)            | t.ramp:1:16: 'xs' and its halves cannot be used in one definition",
        "f(xs[]) = sum(concat(xs, 0))             | t.ramp:1:22: a row can only be the last argument of concat",
        "f(xs[]) = concat(0, xs)                  | t.ramp:1:11: a row made with concat can only be reduced",
        "f(xs[]) = softmax(1)                     | t.ramp:1:19: 'softmax' takes a row, but this is a number",
        "f(xs[]) = first_half(2 * xs)             | t.ramp:1:22: 'first_half' takes the row variable 'xs'",
        "f(xs[]; g = 1) = xs                      | t.ramp:1:9: 'g' is reserved in a row definition",
        "f(xs[]) = sum(xs) + ys                   | t.ramp:1:21: unknown name 'ys'",
        "f(xs[]) = (xs)[0]                        | t.ramp:1:15: unexpected character '['",
        "f(xs[]) = let a = xs + xs, b = a * a, c = b * b, d = c * c, e = d * d, f = e * e, g2 = f * f, h = g2 * g2, j = h * h, k = j * j, l = k * k, m = l * l, o = m * m, p = o * o, q = p * p, r = q * q, s = r * r, t = s * s, u = t * t, v = u * u in sum(v) | t.ramp:1:1: expression too large once lets and calls are expanded",
    })
    void shapeMistakesAreReportedWithAPosition(String text, String expected) {
        RampException e = assertThrows(RampException.class, () -> Compiler.define(new Source("t.ramp", text), LIB));
        String first = e.diagnostics().getFirst().toString();
        assertTrue(e.getMessage().contains(expected), () -> "expected " + expected + " in\n" + e.getMessage() + "\n" + first);
    }
}
