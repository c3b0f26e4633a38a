package dev.ramp;

import static org.junit.jupiter.api.Assertions.*;

import dev.ramp.runtime.Activation;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The examples in {@link Ramp}'s Javadoc and in README, compiled and run as a test. */
class RampSnippets {

    @Test
    void compile() {
        double[] xs = {-2, -0.5, 0, 0.5, 2};
        double[] ys = new double[xs.length], gradOut = {1, 1, 1, 1, 1}, gradIn = new double[xs.length];
        // @start region="compile"
        Activation mish = Ramp.compile("x * tanh(softplus(x))");      // or a definition, or a stdlib name
        double y  = mish.applyAsDouble(1.5);       // Activation extends java.util.function.DoubleUnaryOperator
        double dy = mish.derivative(1.5);          // first derivative; mish.derivative(2, 1.5) for the second
        mish.forward(xs, ys);                      // float[] and double[] overloads, also with offset/length
        mish.backward(xs, gradOut, gradIn);        // gradIn[i] = gradOut[i] * f'(xs[i])
        mish.forwardBackward(xs, ys, gradOut, gradIn);  // one fused pass, shared subexpressions computed once
        Activation elu = Ramp.compile("elu", Map.of("alpha", 0.5));   // bound parameters
        double[] dParams = elu.parameterGradient(xs, gradOut);          // d loss / d parameter, per parameter
        // @end
        assertEquals(1.5 * Math.tanh(Math.log1p(Math.exp(1.5))), y, 1e-15);
        double h = 1e-6;
        assertEquals((mish.applyAsDouble(1.5 + h) - mish.applyAsDouble(1.5 - h)) / (2 * h), dy, 1e-8);
        for (int i = 0; i < xs.length; i++) {
            assertEquals(mish.applyAsDouble(xs[i]), ys[i]);
            assertEquals(mish.derivative(xs[i]), gradIn[i]);
        }
        double expected = 0;  // d/d alpha of elu is expm1(x) for x <= 0
        for (double x : xs) expected += x > 0 ? 0 : Math.expm1(x);
        assertEquals(expected, dParams[0], 1e-15);
        assertSame(mish, Ramp.compile("x * tanh(softplus(x))"), "the same text compiles to the same instance");
    }
}
