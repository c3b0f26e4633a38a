package dev.ramp.stdlib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ramp.stdlib.Accuracy.Cell;
import dev.ramp.stdlib.Accuracy.Measurement;
import dev.ramp.stdlib.ReferenceRow.Column;
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
 * zeros, saturated tails) — except the cells listed in {@link #STABILISATION_EXCEPTIONS} (none
 * today), which hold for both (the two run the same stabilised expressions). Each run writes the measured
 * errors to {@code target/reference-ulps-evaluator.md} and {@code target/reference-ulps-compiled.md}.
 */
class ReferenceValuesTest {

    /**
     * A cell where ramp may miss the 4-ulp target, with the error measured when it was added as
     * the bound, so that a regression still fails; when the cell comes within the target,
     * {@link #everyExceptionIsStillNeeded} fails and asks for its line to be deleted.
     */
    record Allowance(String function, Column column, Region region, double maxUlps, String cause) {
        Cell cell() {
            return new Cell(function, column, region);
        }
    }

    /**
     * Cells allowed to miss the target, each with a bound and its cause. Empty: the
     * stabilisation pass ({@link dev.ramp.compiler.pass.Stabilise}) brought every cell of the
     * former table within target (gelu's and quick_gelu's rounded arguments, the cancellations of
     * 1 + tanh, 1 - sigmoid, 1 - tanh^2 and x - tanh x, mish' near its zero at -1.19). A new
     * entry needs a cause that no rewrite can remove; {@link #everyExceptionIsStillNeeded} fails
     * once it is no longer needed.
     */
    static final List<Allowance> STABILISATION_EXCEPTIONS = List.of();

    /**
     * Cells where the reference is NaN (outside the function's real domain) but ramp's result may
     * not be. Empty: a derivative is NaN wherever its function is
     * ({@link dev.ramp.compiler.pass.Stabilise#withinDomain}), so log1mexp' is NaN for x < 0.
     */
    static final List<Cell> OUTSIDE_DOMAIN_EXCEPTIONS = List.of();

    private static final Map<Cell, Double> TOLERANCE = STABILISATION_EXCEPTIONS.stream()
            .collect(Collectors.toMap(Allowance::cell, Allowance::maxUlps));

    /** The measurements checked: everything but the NaN-reference rows of {@link #OUTSIDE_DOMAIN_EXCEPTIONS}. */
    private static List<Measurement> checked(List<Measurement> measured) {
        return measured.stream().filter(m -> !(m.expected().text().equals("nan")
                && OUTSIDE_DOMAIN_EXCEPTIONS.contains(Cell.of(m.row(), m.column())))).toList();
    }

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
            for (Measurement m : checked(all)) byFunction.computeIfAbsent(m.row().function(), k -> new ArrayList<>()).add(m);
            return new TreeSet<>(byFunction.keySet()).stream().map(f -> DynamicTest.dynamicTest(impl + " " + f, () -> {
                List<String> failures = Accuracy.failures(byFunction.get(f), TOLERANCE::get);
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

    /** An exception is stale once neither the evaluator nor the compiled code needs it. */
    @Test
    void everyExceptionIsStillNeeded() {
        List<Measurement> both = MEASURED.values().stream().flatMap(List::stream).toList();
        Map<Cell, Double> max = Accuracy.maxByCell(checked(both));
        List<String> stale = new ArrayList<>();
        for (Allowance e : STABILISATION_EXCEPTIONS) {
            Double m = max.get(e.cell());
            if (m == null) stale.add(e + ": no reference rows in this cell");
            else if (m <= Accuracy.TARGET_ULPS && both.stream().filter(x -> Cell.of(x.row(), x.column()).equals(e.cell()))
                    .allMatch(x -> !x.exactRequired() || x.exact())) {
                stale.add(e + ": now within " + Accuracy.TARGET_ULPS + " ulp (max " + Accuracy.format(m) + "), delete this exception");
            }
        }
        for (Cell c : OUTSIDE_DOMAIN_EXCEPTIONS) {
            boolean needed = both.stream().anyMatch(m -> Cell.of(m.row(), m.column()).equals(c)
                    && m.expected().text().equals("nan") && !Double.isNaN(m.actual()));
            if (!needed) stale.add(c + ": NaN outside the domain now, delete this exception");
        }
        assertTrue(stale.isEmpty(), String.join("\n", stale));
    }
}
