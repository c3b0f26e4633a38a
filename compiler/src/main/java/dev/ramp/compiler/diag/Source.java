package dev.ramp.compiler.diag;

import java.util.Objects;

/**
 * A piece of ramp text and the name diagnostics call it by: a file path, {@code <command line>},
 * {@code <repl>} or {@code <string>}.
 */
public record Source(String name, String text) {
    public Source {
        Objects.requireNonNull(name);
        Objects.requireNonNull(text);
    }

    /**
     * The text of 1-based line {@code line}, without its line terminator; empty past the end.
     */
    public String line(int line) {
        int start = 0;
        for (int i = 1; i < line; i++) {
            int nl = text.indexOf('\n', start);
            if (nl < 0) return "";
            start = nl + 1;
        }
        int end = text.indexOf('\n', start);
        if (end < 0) end = text.length();
        if (end > start && text.charAt(end - 1) == '\r') end--;
        return text.substring(start, end);
    }
}
