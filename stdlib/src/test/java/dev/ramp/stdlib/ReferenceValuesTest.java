package dev.ramp.stdlib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ramp.stdlib.Accuracy.Measurement;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * ramp's stdlib against the independent mpmath table {@code reference.csv}, both as interpreted
 * ({@link dev.ramp.compiler.Compiler#evaluator}) and as compiled to bytecode
 * ({@link dev.ramp.Ramp#compile}): every row's value and first derivative within
 * {@link Accuracy#TARGET_ULPS} ulp, and exactly equal where the reference is a double (kinks,
 * zeros, saturated tails), and NaN exactly where the reference is (outside the domain, the
 * derivatives too), with no exceptions: the stabilisation pass ({@link dev.ramp.compiler.pass.Stabilise})
 * removed the last ones (the cancellations of 1 + tanh, 1 - sigmoid, 1 - tanh^2 and x - tanh x, the
 * rounded arguments of gelu and quick_gelu). Each run writes the measured errors to {@code target/reference-ulps-evaluator.md} and {@code target/reference-ulps-compiled.md}.
 */
class ReferenceValuesTest {

    /** The two ways ramp runs a definition, each measured on every row. */
    private static final Map<String, List<Measurement>> MEASURED = Map.of(
            "evaluator", Accuracy.measure(ReferenceRow.all(), new RampEvaluator()),
            "compiled", Accuracy.measure(ReferenceRow.all(), new RampCompiled()));

    @TestFactory
    Stream<DynamicTest> everyRowWithinTolerance() {
        return new TreeSet<>(MEASURED.keySet()).stream().flatMap(impl -> {
            List<Measurement> all = MEASURED.get(impl);
            Accuracy.writeReport("ramp (" + impl + ") vs reference.csv (ulps)", all, Path.of("target", "reference-ulps-" + impl + ".md"));
            Map<String, List<Measurement>> byFunction = new HashMap<>();
            for (Measurement m : all) byFunction.computeIfAbsent(m.row().function(), k -> new ArrayList<>()).add(m);
            return new TreeSet<>(byFunction.keySet()).stream().map(f -> DynamicTest.dynamicTest(impl + " " + f, () -> {
                List<String> failures = Accuracy.failures(byFunction.get(f));
                assertTrue(failures.isEmpty(), () -> failures.size() + " failures:\n" + String.join("\n", failures));
            }));
        });
    }

    @Test
    void everyStdlibFunctionHasReferenceRows() {
        var inTable = ReferenceRow.all().stream().map(ReferenceRow::function).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(Stdlib.library().names()), inTable,
                "reference.csv must cover exactly the stdlib: add the function to scripts/reference/stdlib_reference.py and rerun it");
    }

    @Test
    void everyFunctionIsTestedAtItsDefaults() {
        for (String name : Stdlib.library().names()) {
            var defaults = dev.ramp.compiler.Compiler.parameterValues(Stdlib.library().lookup(name), Map.of());
            assertTrue(ReferenceRow.all().stream().anyMatch(r -> r.function().equals(name) && r.params().equals(defaults)),
                    name + " has no reference rows at its default parameters " + defaults);
        }
    }
}
