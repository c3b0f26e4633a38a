package dev.ramp.stdlib;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One row of {@code reference.csv} (written by {@code scripts/reference/stdlib_reference.py}):
 * a function at one parameter setting and one input, its value and first derivative.
 *
 * @param params every parameter's value (the defaults, or a non-default setting), in order
 * @param paramsText the column as written, {@code name=value;name=value}, for messages and grouping
 */
public record ReferenceRow(String function, Map<String, Double> params, String paramsText, double x,
        Reference value, Reference derivative) {

    /** The checked-in table, in file order. */
    public static List<ReferenceRow> all() {
        return Holder.ROWS;
    }

    /** The column to compare: the function itself or its first derivative. */
    public enum Column {
        VALUE, DERIVATIVE;

        public Reference of(ReferenceRow row) {
            return this == VALUE ? row.value() : row.derivative();
        }
    }

    /** Whether this row uses the function's default parameters (the handwritten kernels bake those in). */
    public boolean hasDefaultParams(Map<String, Double> defaults) {
        return params.equals(defaults);
    }

    private static final class Holder {
        static final List<ReferenceRow> ROWS = load();
    }

    private static List<ReferenceRow> load() {
        try (InputStream in = ReferenceRow.class.getResourceAsStream("reference.csv")) {
            if (in == null) throw new IllegalStateException("reference.csv missing: run scripts/reference/stdlib_reference.py");
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String header = reader.readLine();
            if (!"function,params,x,value,derivative".equals(header)) throw new IllegalStateException("unexpected header " + header);
            List<ReferenceRow> rows = new ArrayList<>();
            for (String line; (line = reader.readLine()) != null; ) {
                if (!line.isBlank()) rows.add(parse(line));
            }
            return List.copyOf(rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ReferenceRow parse(String line) {
        String[] c = line.split(",", -1);
        if (c.length != 5) throw new IllegalStateException("bad reference row: " + line);
        Map<String, Double> params = new LinkedHashMap<>();
        if (!c[1].isEmpty()) {
            for (String kv : c[1].split(";")) {
                int eq = kv.indexOf('=');
                params.put(kv.substring(0, eq), Double.parseDouble(kv.substring(eq + 1)));
            }
        }
        return new ReferenceRow(c[0], Map.copyOf(params), c[1], Double.parseDouble(c[2]), new Reference(c[3]), new Reference(c[4]));
    }
}
