package dev.ramp.compiler.diag;

/**
 * Where something is in a {@link Source}: 1-based line and column of its first character, and
 * its length in characters on that line (at least 1, so a caret always shows).
 */
public record Span(int line, int column, int length) {
    public Span {
        if (line < 1 || column < 1) throw new IllegalArgumentException("line and column are 1-based");
        length = Math.max(1, length);
    }

    /** A one-character span. */
    public static Span at(int line, int column) {
        return new Span(line, column, 1);
    }
}
