package dev.ramp.compiler.analysis;

import java.util.List;
import java.util.Map;

/**
 * A minimal JSON writer for trees of {@link Map} (written in iteration order), {@link List},
 * arrays of double or int, {@link String}, {@link Number}, {@link Boolean} and null. Non-finite
 * doubles, which JSON cannot represent, are written as null; strings are escaped per RFC 8259,
 * with everything outside printable ASCII as {@code \}{@code uXXXX}, so the output is pure ASCII.
 */
final class Json {
    private Json() {}

    static String write(Object value) {
        StringBuilder out = new StringBuilder();
        value(value, out, 0);
        return out.append('\n').toString();
    }

    private static void value(Object v, StringBuilder out, int indent) {
        switch (v) {
            case null -> out.append("null");
            case String s -> string(s, out);
            case Boolean b -> out.append(b);
            case Double d -> number(d, out);
            case Float f -> number(f, out);
            case Number n -> out.append(n.longValue());
            case double[] a -> {
                out.append('[');
                for (int i = 0; i < a.length; i++) {
                    if (i > 0) out.append(", ");
                    number(a[i], out);
                }
                out.append(']');
            }
            case int[] a -> {
                out.append('[');
                for (int i = 0; i < a.length; i++) out.append(i > 0 ? ", " : "").append(a[i]);
                out.append(']');
            }
            case Map<?, ?> m -> {
                if (m.isEmpty()) {
                    out.append("{}");
                    return;
                }
                out.append("{\n");
                int i = 0;
                for (var e : m.entrySet()) {
                    pad(out, indent + 1);
                    string(String.valueOf(e.getKey()), out);
                    out.append(": ");
                    value(e.getValue(), out, indent + 1);
                    out.append(++i < m.size() ? ",\n" : "\n");
                }
                pad(out, indent);
                out.append('}');
            }
            case List<?> l -> {
                if (l.isEmpty()) {
                    out.append("[]");
                    return;
                }
                out.append("[\n");
                for (int i = 0; i < l.size(); i++) {
                    pad(out, indent + 1);
                    value(l.get(i), out, indent + 1);
                    out.append(i + 1 < l.size() ? ",\n" : "\n");
                }
                pad(out, indent);
                out.append(']');
            }
            default -> throw new IllegalArgumentException("not a JSON value: " + v.getClass());
        }
    }

    private static void number(double d, StringBuilder out) {
        if (!Double.isFinite(d)) out.append("null");
        else if (d == Math.rint(d) && Math.abs(d) < 1e15) out.append((long) d);
        else out.append(Double.toString(d));
    }

    static void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c > 0x7e) out.append(String.format("\\u%04x", (int) c));
                    else out.append(c);
                }
            }
        }
        out.append('"');
    }

    private static void pad(StringBuilder out, int indent) {
        out.append("  ".repeat(indent));
    }
}
