package dev.ramp.compiler.analysis;

import dev.ramp.compiler.Compiler;
import dev.ramp.compiler.Library;
import dev.ramp.compiler.diag.Source;
import dev.ramp.compiler.ir.Function;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Activations as the stdlib defines them (the compiler's tests cannot load the stdlib module),
 * and their analyses, each computed once.
 */
final class Fixtures {
    private Fixtures() {}

    static final String RELU = "max(0, x)";
    static final String LEAKY = "leaky_relu(x; negative_slope = 0.01) = where(x > 0, x, negative_slope * x)";
    static final String SIGMOID = "sigmoid(x)";
    static final String TANH = "tanh(x)";
    static final String SOFTPLUS = "softplus(x)";
    static final String TORCH_SOFTPLUS = "softplus(x; beta = 1, threshold = 20) = where(beta * x > threshold, x, softplus(beta * x) / beta)";
    static final String GELU = "0.5 * x * erfc(-0.7071067811865476 * x)";
    static final String SILU = "x * sigmoid(x)";
    static final String MISH = "x * tanh(softplus(x))";
    static final String ELU = "elu(x; alpha = 1.0) = where(x > 0, x, alpha * expm1(x))";
    static final String SELU = "1.0507009873554804934193349852946 * where(x > 0, x, 1.6732632423543772848170429916717 * expm1(x))";
    static final String IDENTITY = "x";
    static final String HARDTANH = "min(max(x, -1), 1)";
    static final String HARDSHRINK = "hardshrink(x; lambd = 0.5) = where(abs(x) > lambd, x, 0)";
    static final String HARDSWISH = "x * min(max(x + 3, 0), 6) / 6";

    private static final Map<String, Report> CACHE = new ConcurrentHashMap<>();

    static Function function(String text) {
        return Compiler.parseExpression(new Source("<test>", text), Library.EMPTY);
    }

    static Report analyse(String text) {
        return CACHE.computeIfAbsent(text, t -> Analysis.of(function(t), Map.of()));
    }

    static Report analyse(String text, Map<String, Double> params) {
        return Analysis.of(function(text), params);
    }
}
