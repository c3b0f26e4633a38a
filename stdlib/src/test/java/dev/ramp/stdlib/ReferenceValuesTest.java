package dev.ramp.stdlib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ramp.stdlib.Accuracy.Cell;
import dev.ramp.stdlib.Accuracy.Measurement;
import static dev.ramp.stdlib.Region.FAR_LEFT;
import static dev.ramp.stdlib.Region.FAR_RIGHT;
import static dev.ramp.stdlib.Region.LEFT;
import static dev.ramp.stdlib.Region.NEAR_ZERO;
import static dev.ramp.stdlib.Region.RIGHT;
import static dev.ramp.stdlib.ReferenceRow.Column.DERIVATIVE;
import static dev.ramp.stdlib.ReferenceRow.Column.VALUE;

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
 * zeros, saturated tails) — except the cells listed in {@link #STABILISATION_EXCEPTIONS}, which
 * hold for both (today the two agree bit for bit on every row). Each run writes the measured
 * errors to {@code target/reference-ulps-evaluator.md} and {@code target/reference-ulps-compiled.md}.
 */
class ReferenceValuesTest {

    /**
     * Where ramp misses the 4-ulp target today, with the error measured now as the bound, so that
     * a regression still fails. To be removed by the stabilisation pass: when a cell comes within
     * the target, {@link #everyExceptionIsStillNeeded} fails and asks for its line to be deleted.
     */
    record Allowance(String function, Column column, Region region, double maxUlps, String cause) {
        Cell cell() {
            return new Cell(function, column, region);
        }
    }

    /** Today's bounds (measured, then rounded up by about 10%), to be removed by the stabilisation pass. */
    static final List<Allowance> STABILISATION_EXCEPTIONS = List.of(
            // gelu: -0.7071067811865476 * x is rounded before erfc, whose log-slope is about x^2, so the
            // argument's rounding error is amplified x^2 / 2 times in the left tail (and the derivative's
            // exp(-(...)^2) the same way).
            new Allowance("gelu", VALUE, LEFT, 36, "rounded -x/sqrt(2) amplified by erfc's slope"),
            new Allowance("gelu", VALUE, FAR_LEFT, 230, "rounded -x/sqrt(2) amplified by erfc's slope"),
            new Allowance("gelu", DERIVATIVE, LEFT, 128, "rounded -x/sqrt(2) and the folded 0.5000000000000001 x^2 amplified by erfc and exp"),
            new Allowance("gelu", DERIVATIVE, FAR_LEFT, 730, "rounded -x/sqrt(2) and the folded 0.5000000000000001 x^2 amplified by erfc and exp"),
            // gelu_tanh: 1 + tanh(u) cancels completely for u << 0 (0 instead of 1e-37 at x = -10).
            new Allowance("gelu_tanh", VALUE, LEFT, 6.4e15, "1 + tanh(u) cancels (zero from x = -10)"),
            new Allowance("gelu_tanh", VALUE, FAR_LEFT, 8.3e15, "1 + tanh(u) cancels (zero from x = -10)"),
            new Allowance("gelu_tanh", DERIVATIVE, LEFT, 9.1e15, "1 + tanh(u) and 1 - tanh(u)^2 cancel"),
            new Allowance("gelu_tanh", DERIVATIVE, FAR_LEFT, 5.6e15, "1 + tanh(u) and 1 - tanh(u)^2 cancel"),
            // mish' at x = -1: 1 - tanh(softplus(x))^2 and the sum of two terms of opposite sign.
            new Allowance("mish", DERIVATIVE, LEFT, 8.3, "1 - tanh(sp)^2 and a partial cancellation near the minimum"),
            // quick_gelu: 1.702 * x rounded, amplified by sigmoid's slope in the left tail; 1 - sigmoid cancels on the right.
            new Allowance("quick_gelu", VALUE, FAR_LEFT, 61, "rounded 1.702 x amplified by sigmoid's log-slope"),
            new Allowance("quick_gelu", DERIVATIVE, FAR_LEFT, 103, "rounded 1.702 x amplified by sigmoid's log-slope"),
            new Allowance("quick_gelu", DERIVATIVE, RIGHT, 4.9, "1 - sigmoid(1.702 x) cancels"),
            new Allowance("quick_gelu", DERIVATIVE, FAR_RIGHT, 16, "1 - sigmoid(1.702 x) cancels"),
            // sigmoid' = s * (1 - s): 1 - s cancels for x >> 0 (0 from x = 37 instead of e^-x).
            new Allowance("sigmoid", DERIVATIVE, RIGHT, 7200, "1 - sigmoid(x) cancels"),
            new Allowance("sigmoid", DERIVATIVE, FAR_RIGHT, 8.3e15, "1 - sigmoid(x) cancels (zero from x = 37)"),
            // silu' = s + x s (1 - s): the same 1 - s, multiplied by x.
            new Allowance("silu", DERIVATIVE, FAR_RIGHT, 14, "1 - sigmoid(x) cancels"),
            new Allowance("swish", DERIVATIVE, FAR_RIGHT, 14, "1 - sigmoid(x) cancels"),
            new Allowance("swish_beta", DERIVATIVE, RIGHT, 5.3, "1 - sigmoid(beta x) cancels"),
            new Allowance("swish_beta", DERIVATIVE, FAR_RIGHT, 14, "1 - sigmoid(beta x) cancels"),
            // tanh' = 1 - tanh(x)^2 cancels for |x| >> 0 (0 from |x| = 19.1 instead of 4 e^(-2|x|)).
            new Allowance("tanh", DERIVATIVE, LEFT, 6.1e7, "1 - tanh(x)^2 cancels"),
            new Allowance("tanh", DERIVATIVE, FAR_LEFT, 6.9e15, "1 - tanh(x)^2 cancels (zero from |x| = 19.1)"),
            new Allowance("tanh", DERIVATIVE, RIGHT, 6.1e7, "1 - tanh(x)^2 cancels"),
            new Allowance("tanh", DERIVATIVE, FAR_RIGHT, 6.9e15, "1 - tanh(x)^2 cancels (zero from |x| = 19.1)"),
            // tanhshrink: x - tanh(x) cancels near 0 (about x^3/3), and its derivative is simplified
            // to 1 - (1 - tanh(x)^2) instead of tanh(x)^2.
            new Allowance("tanhshrink", VALUE, NEAR_ZERO, 8.0e15, "x - tanh(x) cancels"));

    /**
     * Cells where the reference is NaN (outside the function's real domain) but ramp's result is
     * not: not checked there. To be removed by the stabilisation pass.
     */
    static final List<Cell> OUTSIDE_DOMAIN_EXCEPTIONS = List.of(
            // log1mexp is NaN for x < 0, but its symbolic derivative -(e^-x / expm1(-x)) is finite
            // there: differentiation drops log's domain.
            new Cell("log1mexp", DERIVATIVE, FAR_LEFT),
            new Cell("log1mexp", DERIVATIVE, LEFT),
            new Cell("log1mexp", DERIVATIVE, NEAR_ZERO));

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
