package dev.ramp.compiler.emit;

import static dev.ramp.compiler.ir.Exprs.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.ramp.compiler.ir.Expr;
import dev.ramp.compiler.ir.Fn;
import dev.ramp.runtime.Activation;
import java.util.List;
import org.junit.jupiter.api.Test;

class SmokeTest {
    @Test
    void mish() {
        Expr x = var("x");
        Expr f = mul(x, call(Fn.TANH, call(Fn.SOFTPLUS, x)));
        Expr t = call(Fn.TANH, call(Fn.SOFTPLUS, x));
        Expr df = add(t, mul(List.of(x, sub(ONE, pow(t, TWO)), call(Fn.SIGMOID, x))));
        Activation a = EmitTesting.compile(new Emitter.Spec("mish", "x", List.of(), List.of(), f, List.of(df), List.of()));
        assertEquals(1.0 * Math.tanh(dev.ramp.runtime.RampMath.softplus(1.0)), a.applyAsDouble(1.0));
        System.out.println(EmitTesting.disassemble(EmitTesting.verifiedBytes(new Emitter.Spec("mish", "x", List.of(), List.of(), f, List.of(df), List.of()), Emitter.Tuning.DEFAULT)));
    }
}
