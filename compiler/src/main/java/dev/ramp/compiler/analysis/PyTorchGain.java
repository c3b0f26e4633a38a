package dev.ramp.compiler.analysis;

import java.util.Optional;
import java.util.function.DoubleUnaryOperator;

/**
 * What {@code torch.nn.init.calculate_gain} returns for this activation, when it knows it. The
 * activation is recognised by its values (at 14 points in [-100, 100], to 10^-12), not its name, so
 * {@code max(0, x)} is relu and {@code where(x > 0, x, 0.2 * x)} is leaky_relu with slope 0.2.
 * PyTorch knows linear (and the conv layers), sigmoid, tanh, relu, leaky_relu and selu; for
 * anything else it raises ValueError.
 *
 * @param nonlinearity the name calculate_gain takes
 * @param param its {@code param} argument (the negative slope), NaN if none
 * @param gain the value it returns
 * @param formula how PyTorch writes it: {@code sqrt(2)}, {@code 5/3}, …
 * @param derivation {@code "derived"} (He's second-moment argument, which ramp reproduces),
 *     {@code "empirical"} (tuned, not derived: tanh, selu) or {@code "convention"} (sigmoid's 1)
 */
public record PyTorchGain(String nonlinearity, double param, double gain, String formula, String derivation) {

    /** The points the activation is compared at. */
    private static final double[] AT = {-100, -10, -5, -2, -1, -0.5, -0.1, 0.1, 0.5, 1, 2, 5, 10, 100};

    private static final double SELU_ALPHA = 1.6732632423543772848170429916717;
    private static final double SELU_SCALE = 1.0507009873554804934193349852946;

    static Optional<PyTorchGain> match(DoubleUnaryOperator f) {
        if (equal(f, x -> x)) return Optional.of(new PyTorchGain("linear", Double.NaN, 1, "1", "derived"));
        if (equal(f, x -> Math.max(0, x))) return Optional.of(new PyTorchGain("relu", Double.NaN, Math.sqrt(2.0), "sqrt(2)", "derived"));
        double s = -f.applyAsDouble(-1);
        // Any slope gives PyTorch's formula, but only 0 < s < 1 is a leaky relu (s = -1 would be abs).
        if (s > 0 && s < 1 && equal(f, x -> x > 0 ? x : s * x)) {
            return Optional.of(new PyTorchGain("leaky_relu", s, Math.sqrt(2.0 / (1 + s * s)), "sqrt(2 / (1 + " + Fmt.plain(s) + "^2))", "derived"));
        }
        if (equal(f, Math::tanh)) return Optional.of(new PyTorchGain("tanh", Double.NaN, 5.0 / 3, "5/3", "empirical"));
        if (equal(f, x -> 1 / (1 + Math.exp(-x)))) return Optional.of(new PyTorchGain("sigmoid", Double.NaN, 1, "1", "convention"));
        if (equal(f, x -> SELU_SCALE * (x > 0 ? x : SELU_ALPHA * Math.expm1(x)))) {
            return Optional.of(new PyTorchGain("selu", Double.NaN, 0.75, "3/4", "empirical"));
        }
        return Optional.empty();
    }

    private static boolean equal(DoubleUnaryOperator f, DoubleUnaryOperator g) {
        for (double x : AT) {
            double a = f.applyAsDouble(x), b = g.applyAsDouble(x);
            if (!(Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(b)))) return false;
        }
        return true;
    }
}
