package dev.ramp.compiler.print;

import static dev.ramp.compiler.ir.Exprs.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ramp.compiler.gen.Ir;
import dev.ramp.compiler.ir.Cond;
import dev.ramp.compiler.ir.Expr;
import dev.ramp.compiler.ir.Fn;
import org.junit.jupiter.api.Test;

/** The printer's output for each precedence situation, and that it reads back to the same tree. */
class PrinterTest {

    @Test
    void numbers() {
        assertEquals("2", Printer.number(2));
        assertEquals("0.5", Printer.number(0.5));
        assertEquals("-3", Printer.number(-3));
        assertEquals("1.0E-300", Printer.number(1e-300));
        assertEquals("1.0E20", Printer.number(1e20));
        assertEquals("0.1", Printer.number(0.1));
        assertEquals("3.141592653589793", Printer.number(Math.PI));
        assertEquals("inf", Printer.number(Double.POSITIVE_INFINITY));
        assertEquals("-inf", Printer.number(Double.NEGATIVE_INFINITY));
        assertEquals("nan", Printer.number(Double.NaN));
        assertEquals("-0", Printer.number(-0.0));
    }

    @Test
    void powerBindsTighterThanUnaryMinus() {
        roundTrips("-x^2", neg(pow(var("x"), TWO)));
        roundTrips("(-x)^2", pow(neg(var("x")), TWO));
        roundTrips("(-2)^x", pow(constant(-2), var("x")));
        roundTrips("2^(-x)", pow(TWO, neg(var("x"))));
        roundTrips("x^(-1)", pow(var("x"), MINUS_ONE));
    }

    @Test
    void powerIsRightAssociative() {
        roundTrips("2^x^3", pow(TWO, pow(var("x"), constant(3))));
        roundTrips("(2^x)^3", pow(pow(TWO, var("x")), constant(3)));
    }

    @Test
    void sumsPrintNegationsAsSubtraction() {
        roundTrips("1 - tanh(x)^2", sub(ONE, pow(call(Fn.TANH, var("x")), TWO)));
        roundTrips("x - 2", add(var("x"), constant(-2)));
        roundTrips("-x + 1", add(neg(var("x")), ONE));
        roundTrips("x - (1 + sin(x))", sub(var("x"), add(ONE, call(Fn.SIN, var("x")))));
        roundTrips("x - 2 * x", sub(var("x"), mul(TWO, var("x"))));
        roundTrips("x + -2 * x", add(var("x"), mul(constant(-2), var("x"))));
        roundTrips("x - inf", add(var("x"), constant(Double.NEGATIVE_INFINITY)));
    }

    @Test
    void productsAndQuotients() {
        roundTrips("2 * x * tanh(x)", mul(TWO, mul(var("x"), call(Fn.TANH, var("x")))));
        roundTrips("x * (1 + x)", mul(var("x"), add(ONE, var("x"))));
        roundTrips("x * (-2)", mul(var("x"), constant(-2)));
        roundTrips("-2 * x", mul(constant(-2), var("x")));
        roundTrips("-x * sin(x)", mul(neg(var("x")), call(Fn.SIN, var("x"))));
        roundTrips("-(x * sin(x))", neg(mul(var("x"), call(Fn.SIN, var("x")))));
        roundTrips("x / 2 * x", mul(div(var("x"), TWO), var("x")));
        roundTrips("x * (x / 2)", mul(var("x"), div(var("x"), TWO)));
        roundTrips("x * x / 2", div(mul(var("x"), var("x")), TWO));
        roundTrips("x / 2 / x", div(div(var("x"), TWO), var("x")));
        roundTrips("x / (2 / x)", div(var("x"), div(TWO, var("x"))));
        roundTrips("x / (2 * x)", div(var("x"), mul(TWO, var("x"))));
        roundTrips("(1 + x) / x^2", div(add(ONE, var("x")), pow(var("x"), TWO)));
        roundTrips("-x / 2", div(neg(var("x")), TWO));
    }

    @Test
    void callsAndBranches() {
        roundTrips("max(0, x)", call(Fn.MAX, ZERO, var("x")));
        Cond pos = new Cond.Compare(Cond.Op.GT, var("x"), ZERO);
        Cond small = new Cond.Compare(Cond.Op.LE, call(Fn.ABS, var("x")), constant(1e-3));
        roundTrips("where(x > 0, x, 0.01 * x)", where(pos, var("x"), mul(constant(0.01), var("x"))));
        roundTrips("where(not x > 0 or abs(x) <= 0.001, 1, 2)", where(new Cond.Or(new Cond.Not(pos), small), ONE, TWO));
        roundTrips("where(not (x > 0 or abs(x) <= 0.001), 1, 2)", where(new Cond.Not(new Cond.Or(pos, small)), ONE, TWO));
        roundTrips("where((x > 0 or x < -1) and abs(x) <= 0.001, 1, 2)",
                where(new Cond.And(new Cond.Or(pos, new Cond.Compare(Cond.Op.LT, var("x"), MINUS_ONE)), small), ONE, TWO));
        // The front end reads a chain as a balanced tree: nested connectives keep their parentheses.
        roundTrips("where((x > 0 and x > 1) and x > 2, 1, 2)",
                where(new Cond.And(new Cond.And(pos, new Cond.Compare(Cond.Op.GT, var("x"), ONE)), new Cond.Compare(Cond.Op.GT, var("x"), TWO)), ONE, TWO));
        roundTrips("where(x - 1 != x * 2, 1, 2)", where(new Cond.Compare(Cond.Op.NE, sub(var("x"), ONE), mul(var("x"), TWO)), ONE, TWO));
    }

    @Test
    void parametersPrintByName() {
        Expr e = Ir.parse("elu(x; alpha = 1) = where(x > 0, x, alpha * expm1(x))");
        assertEquals("where(x > 0, x, alpha * expm1(x))", Printer.print(e));
    }

    /** Prints as {@code text}, and {@code text} reads back to {@code e}. */
    private static void roundTrips(String text, Expr e) {
        assertEquals(text, Printer.print(e));
        assertEquals(e, Ir.parse(text), () -> "reading back " + text);
    }
}
