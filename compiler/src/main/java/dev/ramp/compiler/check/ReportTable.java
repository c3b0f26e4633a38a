package dev.ramp.compiler.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code ramp check}'s table as text, one line per kernel, for the command and the REPL's
 * {@code :check} alike.
 *
 * {@snippet :
 * function       kernel       max ulp  at x             mean  points zero-x  budget   NaN/Inf where finite
 * sigmoid        f               0.94  -2.17470      0.21      316      0  4
 * }
 */
public final class ReportTable {
    private ReportTable() {}

    private static final String ROW = "%-14s %-9s %10s  %-12s %8s %7s %6s  %-8s %s%n";

    /** The header line. */
    public static String header() {
        return String.format(Locale.ROOT, ROW, "function", "kernel", "max ulp", "at x", "mean", "points", "zero-x", "budget",
                "NaN/Inf where finite");
    }

    /** A line per kernel of {@code r}, the function's name on the first; "OVER" after a budget that is exceeded. */
    public static String rows(FunctionReport r) {
        StringBuilder b = new StringBuilder();
        String name = r.name();
        for (KernelReport k : r.kernels()) {
            b.append(String.format(Locale.ROOT, ROW, name, kernelName(k), ulps(k.maxUlps()),
                    k.points() == 0 ? "-" : String.format(Locale.ROOT, "%.6g", k.worstX()), ulps(k.meanUlps()), k.points(),
                    k.zeroCrossing(), budget(k.budget()) + (k.ok() ? "" : " OVER"), nonFinite(k)));
            name = "";
        }
        return b.toString();
    }

    /** How many kernels of {@code r} are over budget. */
    public static long over(FunctionReport r) {
        return r.kernels().stream().filter(k -> !k.ok()).count();
    }

    private static String kernelName(KernelReport k) {
        return (k.format().equals("float") ? "float " : "") + k.orderName();
    }

    private static String ulps(double u) {
        if (u == 0) return "0";
        return u < 100 ? String.format(Locale.ROOT, "%.2f", u) : String.format(Locale.ROOT, "%.3g", u);
    }

    private static String budget(double b) {
        return b == Math.rint(b) ? Long.toString((long) b) : ulps(b);
    }

    private static String nonFinite(KernelReport k) {
        List<String> parts = new ArrayList<>();
        if (k.nonFiniteCount() > 0) parts.add(k.nonFiniteCount() + " at " + k.nonFinite());
        if (!k.wrongInfinity().isEmpty()) parts.add("wrong infinity at " + k.wrongInfinity());
        return String.join("; ", parts);
    }
}
