package dev.ramp.compiler.gen;

import dev.ramp.compiler.Compiler;
import dev.ramp.compiler.Library;
import dev.ramp.compiler.RampException;
import dev.ramp.compiler.diag.Source;
import dev.ramp.compiler.ir.Expr;

/** IR from ramp source for tests, through the real front end. */
public final class Ir {
    private Ir() {}

    /**
     * The body of {@code text}: an expression in x ({@code x * tanh(softplus(x))}) or, to use
     * parameters, one definition ({@code elu(x; alpha) = where(x > 0, x, alpha * expm1(x))}).
     */
    public static Expr parse(String text) {
        try {
            return Compiler.parseExpression(new Source("<test>", text), Library.EMPTY).body();
        } catch (RampException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** The body of {@code body} as a function of x with the parameter a. */
    public static Expr parseWithParameter(String body) {
        return parse("f(x; a) = " + body);
    }
}
