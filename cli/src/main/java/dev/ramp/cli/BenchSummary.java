package dev.ramp.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * JMH's CSV results turned into one row per (function, pass, type, size): nanoseconds per
 * element of the generated kernel, the handwritten scalar kernel, the handwritten Vector API
 * kernel and the arraycopy of the same size; written as {@code summary.csv} and printed as a
 * table with the ratios the targets are stated in.
 */
final class BenchSummary {
    static final String HEADER = "function,pass,type,size,generated_ns,handwritten_ns,handwritten_vector_ns,arraycopy_ns";
    static final List<String> PASSES = List.of("forward", "backward", "fused");
    static final List<String> TYPES = List.of("float", "double");

    /** One measured kernel: ns per element (0 when not measured). */
    record Row(String function, String pass, String type, int size, double generated, double handwritten, double vector, double arraycopy) {
        String csv() {
            return String.join(",", function, pass, type, Integer.toString(size), num(generated), num(handwritten), num(vector), num(arraycopy));
        }

        private static String num(double v) {
            return v == 0 ? "0" : String.format(Locale.ROOT, "%.5f", v);
        }
    }

    /** Scores by key "impl/method/function/size", impl one of Generated, Handwritten, HandwrittenVector, Arraycopy; ns per op. */
    private final Map<String, Double> scores = new HashMap<>();

    /** Reads a JMH CSV result file ({@code -rf csv}). */
    void read(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        if (lines.isEmpty()) return;
        List<String> head = split(lines.getFirst());
        int bench = head.indexOf("Benchmark"), score = head.indexOf("Score"), unit = head.indexOf("Unit");
        int function = head.indexOf("Param: function"), size = head.indexOf("Param: size");
        for (String line : lines.subList(1, lines.size())) {
            List<String> f = split(line);
            if (f.size() < head.size()) continue;
            if (!f.get(unit).equals("ns/op")) throw new IOException("unexpected unit " + f.get(unit) + " in " + csv);
            String name = f.get(bench);                       // dev.ramp.bench.GeneratedBench.forwardDouble
            String[] parts = name.substring("dev.ramp.bench.".length()).split("\\.");
            String impl = parts[0].replace("Bench", "");
            String fn = function >= 0 ? f.get(function) : "";
            scores.put(impl + "/" + parts[1] + "/" + fn + "/" + f.get(size), Double.parseDouble(f.get(score)));
        }
    }

    private static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        for (String s : line.split(",", -1)) out.add(s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s);
        return out;
    }

    private double perElement(String impl, String method, String function, int size) {
        Double ns = scores.get(impl + "/" + method + "/" + function + "/" + size);
        return ns == null ? 0 : ns / size;
    }

    /** The rows for the given functions and sizes, in that order: pass, then type. */
    List<Row> rows(List<String> functions, List<Integer> sizes) {
        List<Row> out = new ArrayList<>();
        for (String fn : functions) {
            for (int size : sizes) {
                for (String pass : PASSES) {
                    for (String type : TYPES) {
                        String t = type.equals("float") ? "Float" : "Double";
                        double gen = perElement("Generated", pass + t, fn, size);
                        // The handwritten scalar kernels have no fused loop: fused is forward then backward.
                        double hand = pass.equals("fused")
                                ? sumIfBoth(perElement("Handwritten", "forward" + t, fn, size), perElement("Handwritten", "backward" + t, fn, size))
                                : perElement("Handwritten", pass + t, fn, size);
                        double vec = perElement("HandwrittenVector", pass + t, fn, size);
                        double copy = perElement("Arraycopy", "copy" + t, "", size);
                        out.add(new Row(fn, pass, type, size, gen, hand, vec, copy));
                    }
                }
            }
        }
        return out;
    }

    private static double sumIfBoth(double a, double b) {
        return a > 0 && b > 0 ? a + b : 0;
    }

    static void writeCsv(List<Row> rows, Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(HEADER);
        for (Row r : rows) lines.add(r.csv());
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, lines);
    }

    /**
     * The table: ns per element, then generated against handwritten scalar (x, higher is
     * better), against handwritten Vector API, and generated throughput as a share of the
     * arraycopy's.
     */
    static void printTable(List<Row> rows, PrintWriter out) {
        out.printf(Locale.ROOT, "%-14s %-8s %-6s %8s %10s %10s %10s %10s %9s %9s %7s%n",
                "function", "pass", "type", "size", "gen ns/el", "hand ns/el", "hvec ns/el", "copy ns/el", "vs hand", "vs hvec", "%copy");
        for (Row r : rows) {
            out.printf(Locale.ROOT, "%-14s %-8s %-6s %8d %10s %10s %10s %10s %9s %9s %7s%n",
                    r.function(), r.pass(), r.type(), r.size(), ns(r.generated()), ns(r.handwritten()), ns(r.vector()), ns(r.arraycopy()),
                    ratio(r.handwritten(), r.generated()), ratio(r.vector(), r.generated()),
                    r.generated() > 0 && r.arraycopy() > 0 ? String.format(Locale.ROOT, "%.0f%%", 100 * r.arraycopy() / r.generated()) : "-");
        }
    }

    private static String ns(double v) {
        return v == 0 ? "-" : String.format(Locale.ROOT, v < 1 ? "%.4f" : "%.3f", v);
    }

    /** How many times faster the generated kernel is: baseline time / generated time. */
    private static String ratio(double baseline, double generated) {
        return baseline > 0 && generated > 0 ? String.format(Locale.ROOT, "%.2fx", baseline / generated) : "-";
    }

    /**
     * The rows that miss a target, one line each: generated at least as fast as handwritten
     * scalar; 10x for float kernels of functions that call a transcendental; 0.9x the handwritten
     * Vector API kernel; fused within 1.3x of forward for mish, silu, gelu, softplus; relu and
     * leaky_relu forward at 1M within 80% of the arraycopy throughput (same traffic: one read, one write).
     */
    static List<String> misses(List<Row> rows, Set<String> transcendental) {
        List<String> out = new ArrayList<>();
        Map<String, Row> byKey = new HashMap<>();
        for (Row r : rows) byKey.put(r.function() + "/" + r.pass() + "/" + r.type() + "/" + r.size(), r);
        for (Row r : rows) {
            String what = r.function() + " " + r.pass() + " " + r.type() + " n=" + r.size() + ": ";
            if (r.generated() <= 0) continue;
            if (r.handwritten() > 0) {
                double x = r.handwritten() / r.generated();
                if (x < 1.0) out.add(what + String.format(Locale.ROOT, "%.2fx handwritten scalar (target 1.0x)", x));
                if (r.type().equals("float") && transcendental.contains(r.function()) && x < 10) {
                    out.add(what + String.format(Locale.ROOT, "%.2fx handwritten scalar (target 10x for float with a transcendental)", x));
                }
            }
            if (r.vector() > 0 && r.vector() / r.generated() < 0.9) {
                out.add(what + String.format(Locale.ROOT, "%.2fx handwritten Vector API (target 0.9x)", r.vector() / r.generated()));
            }
            if (r.pass().equals("fused") && Set.of("mish", "silu", "gelu", "softplus").contains(r.function())) {
                Row fwd = byKey.get(r.function() + "/forward/" + r.type() + "/" + r.size());
                if (fwd != null && fwd.generated() > 0 && r.generated() / fwd.generated() > 1.3) {
                    out.add(what + String.format(Locale.ROOT, "fused %.2fx forward (target 1.3x)", r.generated() / fwd.generated()));
                }
            }
            if (r.size() >= 1_000_000 && r.pass().equals("forward") && Set.of("relu", "leaky_relu").contains(r.function()) && r.arraycopy() > 0
                    && r.arraycopy() / r.generated() < 0.8) {
                out.add(what + String.format(Locale.ROOT, "%.0f%% of arraycopy throughput (target 80%%)", 100 * r.arraycopy() / r.generated()));
            }
        }
        return out;
    }
}
