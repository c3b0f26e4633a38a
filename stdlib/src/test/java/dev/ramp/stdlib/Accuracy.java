package dev.ramp.stdlib;

import dev.ramp.stdlib.ReferenceRow.Column;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Measures an implementation (ramp's evaluator, or the handwritten kernels) against reference
 * rows, in ulps, and checks the result against tolerances. Shared so that both oracles are judged
 * by exactly the same rules.
 */
public final class Accuracy {
    private Accuracy() {}

    /** The project's target for values and first derivatives over the whole range. */
    public static final double TARGET_ULPS = 4;

    /** Something that computes a row's value and derivative. */
    public interface Implementation {
        double value(ReferenceRow row);

        double derivative(ReferenceRow row);

        default double compute(ReferenceRow row, Column column) {
            return column == Column.VALUE ? value(row) : derivative(row);
        }
    }

    /** A (function, column, region) cell, the granularity of tolerances. */
    public record Cell(String function, Column column, Region region) implements Comparable<Cell> {
        public static Cell of(ReferenceRow row, Column column) {
            return new Cell(row.function(), column, Region.of(row.x()));
        }

        @Override
        public int compareTo(Cell o) {
            int c = function.compareTo(o.function);
            if (c != 0) return c;
            c = column.compareTo(o.column);
            return c != 0 ? c : region.compareTo(o.region);
        }
    }

    /** One comparison: the row, which column, what was computed and how far off it is. */
    public record Measurement(ReferenceRow row, Column column, double actual, double ulps) {
        public Reference expected() {
            return column.of(row);
        }

        public boolean exactRequired() {
            return Ulps.isExact(expected());
        }

        public boolean exact() {
            return Ulps.matchesExactly(actual, expected());
        }

        public String describe() {
            return String.format(Locale.ROOT, "%s(%s) %s at x=%s: got %s, reference %s (%s ulp)", row.function(),
                    row.paramsText(), column.name().toLowerCase(Locale.ROOT), row.x(), actual, expected(), format(ulps));
        }
    }

    public static List<Measurement> measure(Collection<ReferenceRow> rows, Implementation impl) {
        List<Measurement> out = new ArrayList<>();
        for (ReferenceRow row : rows) {
            for (Column column : Column.values()) {
                double actual = impl.compute(row, column);
                out.add(new Measurement(row, column, actual, Ulps.error(actual, column.of(row))));
            }
        }
        return out;
    }

    /**
     * Failure messages: a measurement fails when it exceeds {@link #TARGET_ULPS}, or when the
     * reference is exactly a double and the result is not that double.
     */
    public static List<String> failures(List<Measurement> ms) {
        List<String> failures = new ArrayList<>();
        for (Measurement m : ms) {
            if (m.exactRequired() && !m.exact()) {
                failures.add("not exact: " + m.describe());
            } else if (!(m.ulps() <= TARGET_ULPS)) {
                failures.add("over " + format(TARGET_ULPS) + " ulp: " + m.describe());
            }
        }
        return failures;
    }

    /** The largest error in each cell. */
    public static Map<Cell, Double> maxByCell(List<Measurement> ms) {
        Map<Cell, Double> max = new TreeMap<>();
        for (Measurement m : ms) max.merge(Cell.of(m.row(), m.column()), m.ulps(), Math::max);
        return max;
    }

    /** The largest error per function and column, over every region and parameter setting. */
    public static Map<String, double[]> maxByFunction(List<Measurement> ms) {
        Map<String, double[]> max = new TreeMap<>();
        for (Measurement m : ms) {
            double[] pair = max.computeIfAbsent(m.row().function(), k -> new double[2]);
            pair[m.column().ordinal()] = Math.max(pair[m.column().ordinal()], m.ulps());
        }
        return max;
    }

    /**
     * A markdown table of the measured errors, written under target/ so that a run leaves the
     * current numbers behind for reports (the assertions do not depend on it).
     */
    public static void writeReport(String title, List<Measurement> ms, Path file) {
        StringBuilder sb = new StringBuilder("# ").append(title)
                .append("\n\n| function | value max ulp | at x | derivative max ulp | at x |\n|---|---|---|---|---|\n");
        Map<String, Measurement[]> worstByFunction = new TreeMap<>();
        for (Measurement m : ms) {
            Measurement[] pair = worstByFunction.computeIfAbsent(m.row().function(), k -> new Measurement[2]);
            int c = m.column().ordinal();
            if (pair[c] == null || m.ulps() > pair[c].ulps()) pair[c] = m;
        }
        worstByFunction.forEach((f, p) -> sb.append("| ").append(f).append(" | ").append(format(p[0].ulps())).append(" | ")
                .append(where(p[0])).append(" | ").append(format(p[1].ulps())).append(" | ").append(where(p[1])).append(" |\n"));
        sb.append("\nCells over ").append(format(TARGET_ULPS)).append(" ulp:\n\n| function | column | region | max ulp | worst x |\n|---|---|---|---|---|\n");
        Map<Cell, Measurement> worst = new TreeMap<>();
        for (Measurement m : ms) worst.merge(Cell.of(m.row(), m.column()), m, (a, b) -> b.ulps() > a.ulps() ? b : a);
        worst.forEach((c, m) -> {
            if (!(m.ulps() <= TARGET_ULPS)) {
                sb.append("| ").append(c.function()).append(" | ").append(c.column()).append(" | ").append(c.region())
                        .append(" | ").append(format(m.ulps())).append(" | ").append(m.row().x()).append(" (")
                        .append(m.row().paramsText()).append(") |\n");
            }
        });
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, sb.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String where(Measurement m) {
        return m.ulps() == 0 ? "" : m.row().x() + (m.row().paramsText().isEmpty() ? "" : " (" + m.row().paramsText() + ")");
    }

    public static String format(double ulps) {
        if (Double.isInfinite(ulps) || Double.isNaN(ulps)) return String.valueOf(ulps);
        if (ulps == 0) return "0";
        if (ulps < 100) return String.format(Locale.ROOT, "%.2f", ulps);
        return String.format(Locale.ROOT, "%.3g", ulps);
    }
}
