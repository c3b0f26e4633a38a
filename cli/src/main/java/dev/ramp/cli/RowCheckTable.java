package dev.ramp.cli;

import dev.ramp.stdlib.RowChecks;
import java.util.Locale;

/**
 * {@code ramp check}'s lines for functions of a row ({@link RowChecks}): the largest value error
 * in ulps against the 40-digit reference, and the largest difference between the VJP and the
 * Jacobian from central differences. Shared by {@code ramp check} and the REPL's {@code :check}.
 */
public final class RowCheckTable {
    private RowCheckTable() {}

    private static final String ROW = "%-14s %10s %6s  %-8s %-22s %s%n";

    /** The header line. */
    public static String header() {
        return String.format(Locale.ROOT, ROW, "row function", "max ulp", "rows", "budget", "VJP vs differences", "NaN where defined");
    }

    /** One function's line; "OVER" after a budget that is exceeded. */
    public static String row(RowChecks.Result r) {
        String ulps = Double.isNaN(r.maxUlps()) ? "-" : String.format(Locale.ROOT, "%.2f", r.maxUlps());
        String rows = Double.isNaN(r.maxUlps()) ? "-" : Integer.toString(r.rows());
        return String.format(Locale.ROOT, ROW, r.name(), ulps, rows, "4" + (r.maxUlps() > 4 ? " OVER" : ""),
                String.format(Locale.ROOT, "%.1e (1e-6)%s", r.maxGradientError(), r.maxGradientError() > 1e-6 ? " OVER" : ""),
                r.nanWhereDefined() ? "yes" : "");
    }
}
