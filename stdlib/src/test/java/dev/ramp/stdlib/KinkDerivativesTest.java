package dev.ramp.stdlib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ramp.Ramp;
import dev.ramp.runtime.Activation;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * At every kink, ramp's first derivative is EXACTLY PyTorch's backward value (activations.md,
 * table 1a), at the default parameters. The table is written out here by hand, separately from
 * both the .ramp doc comments and the mpmath script, and the reference table is checked to agree.
 */
public class KinkDerivativesTest {

    /**
     * f'(x) = expected for f at its defaults, or with {@code wrt} a parameter. {@code mathematical}
     * is the correctly rounded exact value in reference.csv, which differs from PyTorch's
     * floating-point result only for selu.
     */
    public record Kink(String function, double x, double expected, String wrt, double mathematical) {
        Kink(String function, double x, double expected) {
            this(function, x, expected, null, expected);
        }

        Kink(String function, double x, double expected, String wrt) {
            this(function, x, expected, wrt, expected);
        }

        @Override
        public String toString() {
            return "d" + function + "/d" + (wrt == null ? "x" : wrt) + "(" + x + ") = " + expected;
        }
    }

    public static final List<Kink> KINKS = List.of(
            new Kink("relu", 0, 0),
            new Kink("relu6", 0, 0),
            new Kink("relu6", 6, 0),
            new Kink("leaky_relu", 0, 0.01),
            new Kink("prelu", 0, 0.25),
            new Kink("prelu", 0, 0, "a"),
            new Kink("rrelu", 0, (0.125 + 0.3333333333333333) / 2),
            new Kink("srelu", -1, 0),
            new Kink("threshold", 0, 0),
            new Kink("heaviside", 0, 0),
            new Kink("elu", 0, 1.0),
            new Kink("celu", 0, 1),
            // PyTorch's ELU kernels compute negcoef = alpha * scale in opmath (double for float64), so
            // its float64 SELU'(0) is the product of the two double constants, 1.7580993408473766.
            // activations.md quotes 1.7580993408473768, the exact product correctly rounded (1 ulp
            // away), which no float64 PyTorch or JAX computation produces; ramp matches PyTorch.
            new Kink("selu", 0, 1.6732632423543772 * 1.0507009873554805, null, 1.7580993408473768),
            new Kink("softsign", 0, 1),
            new Kink("hardtanh", -1, 0),
            new Kink("hardtanh", 1, 0),
            new Kink("hardsigmoid", -3, 0),
            new Kink("hardsigmoid", 3, 0),
            new Kink("hardswish", -3, 0),
            new Kink("hardswish", 3, 1),
            new Kink("sparse_plus", -1, 0),
            new Kink("sparse_plus", 1, 1),
            new Kink("sparse_sigmoid", -1, 0),
            new Kink("sparse_sigmoid", 1, 0),
            new Kink("softshrink", -0.5, 0),
            new Kink("softshrink", 0.5, 0),
            new Kink("hardshrink", -0.5, 0),
            new Kink("hardshrink", 0.5, 0),
            // PyTorch's softplus switches to x (derivative 1) strictly above the threshold; at 20
            // itself it is sigmoid(20), checked in ulps by ReferenceValuesTest.
            new Kink("softplus", Math.nextUp(20.0), 1));

    @TestFactory
    Stream<DynamicTest> rampMatchesPyTorchExactly() {
        return KINKS.stream().map(k -> DynamicTest.dynamicTest(k.toString(), () -> {
            double actual = RampEvaluator.evaluator(k.function(), Map.of(), k.wrt(), 1).applyAsDouble(k.x());
            assertEquals(k.expected(), actual, 0.0, k::toString);
        }));
    }

    /** The same through the compiled code; d/da through the parameter gradient of one element. */
    @TestFactory
    Stream<DynamicTest> compiledMatchesPyTorchExactly() {
        return KINKS.stream().map(k -> DynamicTest.dynamicTest(k.toString(), () -> {
            Activation f = Ramp.compile(k.function());
            double actual = k.wrt() == null ? f.derivative(k.x())
                    : f.parameterGradient(new double[] {k.x()}, new double[] {1})[f.parameterNames().indexOf(k.wrt())];
            assertEquals(k.expected(), actual, 0.0, k::toString);
        }));
    }

    /** The mpmath script encodes the same conventions (it rounds to the same doubles). */
    @Test
    void referenceTableAgrees() {
        for (Kink k : KINKS) {
            if (k.wrt() != null) continue;
            var defaults = dev.ramp.compiler.Compiler.parameterValues(Stdlib.library().lookup(k.function()), Map.of());
            if (k.x() != Math.rint(k.x() * 2) / 2) continue; // only the table's grid and kink points
            var row = ReferenceRow.all().stream()
                    .filter(r -> r.function().equals(k.function()) && r.params().equals(defaults) && r.x() == k.x())
                    .findFirst();
            assertTrue(row.isPresent(), () -> "reference.csv has no row for " + k);
            assertEquals(k.mathematical(), row.get().derivative().toDouble(), 0.0, k::toString);
        }
    }

    /** Every default-parameter kink in the table is listed above (a new kink needs a PyTorch value here). */
    @Test
    void everyKinkedFunctionIsListed() {
        var listed = KINKS.stream().map(Kink::function).distinct().toList();
        for (String f : List.of("relu", "relu6", "leaky_relu", "prelu", "rrelu", "srelu", "threshold", "heaviside", "elu",
                "celu", "selu", "hardtanh", "hardsigmoid", "hardswish", "sparse_plus", "sparse_sigmoid", "softshrink",
                "hardshrink", "softplus")) {
            assertTrue(listed.contains(f), f);
        }
    }
}
