package dev.ramp.stdlib;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ramp.compiler.check.Checker;
import dev.ramp.compiler.check.FunctionReport;
import dev.ramp.compiler.check.KernelReport;
import dev.ramp.compiler.check.Samples;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The accuracy targets over a fixed sample ({@code ramp check --quick}, a few hundred inputs from
 * the whole double range per function): every stdlib function at its defaults, f and f' within
 * 4 ulp in double, f'' within 16, the float kernels within 1 float ulp, no NaN or infinity where
 * the true value is finite, and the kinks exact (they are sampled with their neighbours, and an
 * exact reference must be met exactly to score 0). The full sweep is {@code ./ramp check}; its
 * table is in ACCURACY.md.
 */
class StdlibCheckTest {
    private static final Checker.Settings SAMPLE = Checker.Settings.DEFAULT.withDensity(Samples.Density.TEST);

    @TestFactory
    Stream<DynamicTest> everyKernelWithinBudget() {
        return Stdlib.library().functions().stream().map(f -> DynamicTest.dynamicTest(f.name(), () -> {
            FunctionReport r = Checker.check(f, Map.of(), SAMPLE);
            assertTrue(r.ok(), () -> r.kernels().stream().filter(k -> !k.ok()).map(StdlibCheckTest::describe)
                    .collect(Collectors.joining("\n", f.name() + " over budget:\n", "")));
        }));
    }

    static String describe(KernelReport k) {
        return String.format("  %s %s: max %.3g ulp at x = %s (budget %s), %d NaN/Inf where finite %s, wrong infinity at %s",
                k.format(), k.orderName(), k.maxUlps(), k.worstX(), k.budget(), k.nonFiniteCount(), k.nonFinite(), k.wrongInfinity());
    }
}
