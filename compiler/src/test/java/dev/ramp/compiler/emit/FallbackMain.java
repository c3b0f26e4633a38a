package dev.ramp.compiler.emit;

import dev.ramp.runtime.Activation;

/**
 * Run in a JVM of its own by {@link VectorFallbackTest}: compiles two activations, runs their
 * array kernels (double and float) and checks them against the scalar methods; prints "ok".
 */
public final class FallbackMain {
    private FallbackMain() {}

    public static void main(String[] args) {
        for (Emitter.Spec spec : new Emitter.Spec[] {Activations.mish(), Activations.elu(1.0)}) {
            Activation a = Emitter.compile(spec);
            double[] xs = KernelsTest.inputs(37, 1), ys = new double[37];
            float[] xf = KernelsTest.toFloat(xs), yf = new float[37];
            a.forward(xs, ys);
            a.forward(xf, yf);
            for (int i = 0; i < xs.length; i++) {
                if (Double.compare(ys[i], a.applyAsDouble(xs[i])) != 0 || Float.compare(yf[i], (float) a.applyAsDouble(xf[i])) != 0) {
                    throw new AssertionError(spec.name() + " differs at " + xs[i]);
                }
            }
        }
        System.out.println("ok");
    }
}
