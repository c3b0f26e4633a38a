package dev.ramp.compiler.diag;

import java.util.Objects;

/**
 * One error in ramp input: where it is, what is wrong, and (optionally) a hint on how to fix it.
 * Errors are values; {@link dev.ramp.compiler.RampException} carries them to the caller.
 *
 * @param source the text the error is in
 * @param span where in that text
 * @param message what is wrong, lower case, no trailing period: {@code unknown function 'tanhh'}
 * @param hint how to fix it, or null: {@code did you mean 'tanh'?}
 */
public record Diagnostic(Source source, Span span, String message, String hint) {
    public Diagnostic {
        Objects.requireNonNull(source);
        Objects.requireNonNull(span);
        Objects.requireNonNull(message);
    }

    public Diagnostic(Source source, Span span, String message) {
        this(source, span, message, null);
    }

    /**
     * The diagnostic as the command line prints it:
     * <pre>
     * file.ramp:2:15: unknown function 'tanhh'
     *   mish(x) = x * tanhh(softplus(x))
     *                 ^^^^^
     *   hint: did you mean 'tanh'?
     * </pre>
     * Very long source lines are cut around the column so the caret stays readable.
     */
    public String format() {
        StringBuilder out = new StringBuilder();
        out.append(source.name()).append(':').append(span.line()).append(':').append(span.column())
                .append(": ").append(message).append('\n');
        String line = source.line(span.line());
        int column = span.column();
        int length = span.length();
        final int window = 100;
        if (line.length() > window) {
            int from = Math.max(0, Math.min(column - 1 - window / 2, line.length() - window));
            int to = Math.min(line.length(), from + window);
            line = (from > 0 ? "..." : "") + line.substring(from, to) + (to < line.length() ? "..." : "");
            column = column - from + (from > 0 ? 3 : 0);
        }
        length = Math.max(1, Math.min(length, line.length() - column + 1));
        out.append("  ").append(printable(line)).append('\n');
        out.append("  ").append(" ".repeat(Math.max(0, column - 1))).append("^".repeat(length)).append('\n');
        if (hint != null) out.append("  hint: ").append(hint).append('\n');
        return out.toString();
    }

    /** Tabs become spaces (so the caret lines up) and control characters become '?'. */
    private static String printable(String line) {
        StringBuilder b = new StringBuilder(line.length());
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            b.append(c == '\t' ? ' ' : Character.isISOControl(c) ? '?' : c);
        }
        return b.toString();
    }
}
