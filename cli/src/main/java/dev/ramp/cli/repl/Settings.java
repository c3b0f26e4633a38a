package dev.ramp.cli.repl;

import dev.ramp.cli.plot.Glyphs;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The options {@code :set} shows and changes. Each option has a name, a one-line description,
 * its allowed values (or a check of a free-form value) and a current value. The code generator's
 * accuracy mode and backend are fixed when the JVM starts (system properties the compiler reads
 * once), so they are shown read-only; the kink convention is listed as planned until it exists.
 */
final class Settings {

    /**
     * One option.
     *
     * @param values the allowed values, or empty when {@code check} decides
     * @param check returns null when a value is acceptable, else what is wrong with it
     */
    record Option(String name, String description, List<String> values, String defaultValue, Function<String, String> check,
                  String readOnly) {
        Option(String name, String description, List<String> values, String defaultValue, Function<String, String> check) {
            this(name, description, values, defaultValue, check, null);
        }

        /** Shown, not changed: {@code readOnly} says how to change it instead. */
        static Option fixed(String name, String description, List<String> values, String value, String how) {
            return new Option(name, description, values, value, null, how);
        }
    }

    /** Options that belong to compiler features not in this build yet: named so {@code :set} can say so. */
    static final List<String> PLANNED = List.of("kink");

    private final Map<String, Option> options = new LinkedHashMap<>();
    private final Map<String, String> values = new LinkedHashMap<>();

    Settings() {
        add(new Option("color", "ANSI colour in plots and messages (auto: when the terminal has colour)",
                List.of("auto", "on", "off"), "auto", null));
        add(new Option("plot-style", "terminal plot dots: braille (2x4 per character) or block (2x2)",
                List.of("braille", "block"), "braille", null));
        add(new Option("plot-width", "terminal plot width in columns (auto: the terminal's width)",
                List.of(), "auto", v -> v.equals("auto") ? null : intIn(v, 30, 1000)));
        add(new Option("plot-height", "terminal plot height in rows", List.of(), "16", v -> intIn(v, 5, 200)));
        add(new Option("plot-range", "x range of :plot when none is given, as FROM,TO", List.of(), "-5,5", Settings::range));
        add(new Option("plot-orders", "derivative orders :plot draws when --order is not given", List.of(), "0,1,2", Settings::orders));
        add(Option.fixed("accuracy", "float array kernels: accurate (double lanes) or fast (float lanes, a few ulps)",
                List.of("accurate", "fast"), property("ramp.accuracy", "accurate"), "ramp.accuracy"));
        add(Option.fixed("backend", "array kernel loops: auto, scalar or vector (SIMD)",
                List.of("auto", "scalar", "vector"), property("ramp.backend", "auto"), "ramp.backend"));
    }

    private static String property(String key, String fallback) {
        String v = System.getProperty(key);
        return v == null || v.isBlank() ? fallback : v.strip().toLowerCase(Locale.ROOT);
    }

    private void add(Option o) {
        options.put(o.name(), o);
        values.put(o.name(), o.defaultValue());
    }

    Collection<Option> options() {
        return options.values();
    }

    Option option(String name) {
        return options.get(name);
    }

    String get(String name) {
        return values.get(name);
    }

    /** Sets an option; returns null, or what is wrong with the value. */
    String set(String name, String value) {
        Option o = options.get(name);
        if (o.readOnly() != null) {
            return name + " is fixed for the session; start ramp with -D" + o.readOnly() + "=VALUE"
                    + " (e.g. JAVA_TOOL_OPTIONS=-D" + o.readOnly() + "=" + o.values().getLast() + " ./ramp)";
        }
        String v = value.strip();
        if (!o.values().isEmpty()) {
            v = v.toLowerCase(Locale.ROOT);
            if (!o.values().contains(v)) return "must be one of " + String.join(", ", o.values());
        } else if (o.check() != null) {
            String problem = o.check().apply(v);
            if (problem != null) return problem;
        }
        values.put(name, v);
        return null;
    }

    // Typed views of the options the REPL reads.

    Glyphs glyphs() {
        return get("plot-style").equals("block") ? Glyphs.BLOCK : Glyphs.BRAILLE;
    }

    /** Null for "auto". */
    Integer plotWidth() {
        String v = get("plot-width");
        return v.equals("auto") ? null : Integer.parseInt(v);
    }

    int plotHeight() {
        return Integer.parseInt(get("plot-height"));
    }

    double[] plotRange() {
        String[] parts = get("plot-range").split("[,\\s]+");
        return new double[] {Double.parseDouble(parts[0]), Double.parseDouble(parts[1])};
    }

    List<Integer> plotOrders() {
        return parseOrders(get("plot-orders"));
    }

    /** Null for "auto". */
    Boolean color() {
        return switch (get("color")) {
            case "on" -> true;
            case "off" -> false;
            default -> null;
        };
    }

    /** Orders such as {@code 0,1,2}: distinct, 0 to 6; null if malformed. */
    static List<Integer> parseOrders(String text) {
        List<Integer> out = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            try {
                int order = Integer.parseInt(part.strip());
                if (order < 0 || order > 6 || out.contains(order)) return null;
                out.add(order);
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return out.isEmpty() ? null : out;
    }

    private static String orders(String v) {
        return parseOrders(v) == null ? "expected distinct orders from 0 to 6, separated by commas, e.g. 0,1,2" : null;
    }

    private static String range(String v) {
        String[] parts = v.split("[,\\s]+");
        try {
            if (parts.length == 2) {
                double from = Double.parseDouble(parts[0]);
                double to = Double.parseDouble(parts[1]);
                if (Double.isFinite(from) && Double.isFinite(to) && from < to) return null;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        return "expected FROM,TO with FROM < TO, e.g. -5,5";
    }

    private static String intIn(String v, int min, int max) {
        try {
            int n = Integer.parseInt(v);
            if (n >= min && n <= max) return null;
        } catch (NumberFormatException e) {
            // reported below
        }
        return "expected a whole number from " + min + " to " + max;
    }
}
