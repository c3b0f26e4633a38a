package dev.ramp.compiler.pass;

import static dev.ramp.compiler.ir.Exprs.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ramp.compiler.gen.Ir;
import dev.ramp.compiler.ir.Expr;
import dev.ramp.compiler.ir.Fn;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The reference evaluator's semantics, each against plain Java arithmetic. */
class EvalTest {

    @Test
    void arithmeticFollowsJava() {
        double x = 0.7;
        assertEquals(x * Math.tanh(Math.log1p(Math.exp(x))), Eval.eval(Ir.parse("x * tanh(softplus(x))"), "x", x));
        assertEquals(1 - x / 3 + Math.pow(x, 2.5), Eval.eval(Ir.parse("1 - x / 3 + x^2.5"), "x", x));
        assertEquals(-Math.pow(x, 2), Eval.eval(Ir.parse("-x^2"), "x", x));
        assertEquals(Math.pow(-x, 2), Eval.eval(Ir.parse("(-x)^2"), "x", x));
    }

    @Test
    void sumsAndProductsAreEvaluatedLeftToRight() {
        // (1e16 + 1) + -1e16 rounds to 0 left to right; any other order gives 1.
        Expr sum = add(java.util.List.of(constant(1e16), ONE, constant(-1e16)));
        assertEquals(0.0, Eval.eval(sum, "x", 0));
    }

    @Test
    void powerFollowsMathPow() {
        assertEquals(1.0, Eval.eval(Ir.parse("0^0"), "x", 0));
        assertEquals(1.0, Eval.eval(new Expr.Pow(var("x"), ZERO), "x", Double.NaN));
        assertTrue(Double.isNaN(Eval.eval(Ir.parse("(-8)^x"), "x", 1.0 / 3)));
    }

    @Test
    void whereEvaluatesOnlyTheChosenBranch() {
        Expr safeLog = Ir.parse("where(x > 0, log(x), 0)");
        assertEquals(0.0, Eval.eval(safeLog, "x", -1));
        assertEquals(Math.log(2), Eval.eval(safeLog, "x", 2));
        // Comparisons with NaN are false, except !=.
        assertEquals(2.0, Eval.eval(Ir.parse("where(x > 0, 1, 2)"), "x", Double.NaN));
        assertEquals(1.0, Eval.eval(Ir.parse("where(x != x, 1, 2)"), "x", Double.NaN));
        assertEquals(1.0, Eval.eval(Ir.parse("where(not (x < 0 or x > 1) and x != 0.5, 1, 2)"), "x", 0.25));
    }

    @Test
    void primitivesAreTheirFnDefinitions() {
        for (Fn fn : Fn.values()) {
            double u = 0.37, v = -1.2;
            Expr call = fn.arity() == 1 ? call(fn, var("x")) : call(fn, var("x"), var("y"));
            double expected = fn.arity() == 1 ? fn.apply(u) : fn.apply(u, v);
            assertEquals(expected, Eval.eval(call, Map.of("x", u, "y", v)), fn.symbol());
        }
        assertTrue(Double.isNaN(Eval.eval(Ir.parse("max(x, 1)"), "x", Double.NaN)), "max propagates NaN");
    }

    @Test
    void parametersAndEnvironments() {
        Expr elu = Ir.parse("elu(x; alpha = 1) = where(x > 0, x, alpha * expm1(x))");
        assertEquals(0.5 * Math.expm1(-1), Eval.eval(elu, Map.of("x", -1.0, "alpha", 0.5)));
        assertEquals(0.5 * Math.expm1(-1), Eval.eval(elu, name -> name.equals("x") ? -1 : 0.5));
        IllegalArgumentException unbound = assertThrows(IllegalArgumentException.class, () -> Eval.eval(elu, "x", -1));
        assertEquals("unbound variable 'alpha'", unbound.getMessage());
    }
}
