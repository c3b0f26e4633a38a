package dev.ramp.compiler.reference;

import static dev.ramp.compiler.ir.Exprs.call;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.ramp.compiler.ir.Expr;
import dev.ramp.compiler.ir.Exprs;
import dev.ramp.compiler.ir.Fn;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;

/** Shared helpers for the reference tests. */
final class Fixtures {
    private Fixtures() {}

    static final Expr X = Exprs.var("x");
    static final HighPrecision HP = new HighPrecision();

    static Expr f(Fn fn, Expr arg) {
        return call(fn, arg);
    }

    static Expr product(Expr... factors) {
        return Exprs.mul(List.of(factors));
    }

    /** mish(x) = x tanh(softplus(x)). */
    static Expr mish() {
        return product(X, f(Fn.TANH, f(Fn.SOFTPLUS, X)));
    }

    /** gelu(x) = x/2 (1 + erf(x / sqrt 2)), with sqrt 2 as the double constant. */
    static Expr gelu() {
        return product(Exprs.constant(0.5), X,
                Exprs.add(Exprs.ONE, f(Fn.ERF, Exprs.div(X, Exprs.constant(Math.sqrt(2))))));
    }

    /** The finite value of a reference, failing otherwise. */
    static BigDecimal finite(Real r) {
        if (r instanceof Real.Finite(BigDecimal v)) return v;
        return fail("expected a finite value, got " + r);
    }

    /** The relative difference |a - b| / |b| (b nonzero), to a few digits. */
    static double relative(BigDecimal a, BigDecimal b) {
        return a.subtract(b).abs().divide(b.abs(), MathContext.DECIMAL64).doubleValue();
    }

    /** Asserts that {@code actual} agrees with the decimal string {@code expected} to {@code digits} significant digits. */
    static void assertDigits(String expected, BigDecimal actual, int digits, String what) {
        BigDecimal e = new BigDecimal(expected);
        double rel = e.signum() == 0 ? actual.abs().doubleValue() : relative(actual, e);
        assertTrue(rel < Math.pow(10, -digits),
                what + ": expected " + expected + ", got " + actual.round(new MathContext(digits + 5)) + " (relative difference " + rel + ")");
    }

    /** Asserts the reference of e at x is finite and matches {@code expected} to {@code digits} digits. */
    static Reference assertReference(Expr e, double x, String expected, int digits) {
        Reference r = HP.evaluate(e, "x", x);
        assertTrue(r.converged(), "not converged at " + x + ": " + r);
        assertDigits(expected, finite(r.value()), digits, e + " at " + x);
        return r;
    }
}
