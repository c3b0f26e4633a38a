package dev.ramp.cli.repl;

import dev.ramp.compiler.RampException;
import dev.ramp.compiler.diag.Diagnostic;
import dev.ramp.compiler.diag.Source;
import dev.ramp.compiler.diag.Span;
import java.util.ArrayList;
import java.util.List;

/**
 * One command line as typed, {@code :name arguments}, with the positions of its pieces, so that
 * an error in an argument points at the right column of what the user typed.
 *
 * @param input everything typed (several lines for a continued command)
 * @param name the command word without its colon
 * @param argsStart offset in {@code input} where the arguments start
 */
record Invocation(String input, String name, int argsStart) {

    /** What diagnostics call the REPL's input. */
    static final String SOURCE_NAME = "<repl>";

    /** Splits {@code :name rest}; the input must start (after blanks) with a colon. */
    static Invocation parse(String input) {
        int colon = input.indexOf(':');
        int end = colon + 1;
        while (end < input.length() && !Character.isWhitespace(input.charAt(end))) end++;
        return new Invocation(input, input.substring(colon + 1, end), end);
    }

    /** The arguments as typed, unstripped. */
    String args() {
        return input.substring(argsStart);
    }

    /** Offset of the command word (its colon). */
    int nameStart() {
        return input.indexOf(':');
    }

    /** A whitespace-separated word of the arguments and where it is. */
    record Word(String text, int start, int end) {}

    /** The arguments split at white space. */
    List<Word> words() {
        List<Word> out = new ArrayList<>();
        int i = argsStart;
        while (i < input.length()) {
            while (i < input.length() && Character.isWhitespace(input.charAt(i))) i++;
            int start = i;
            while (i < input.length() && !Character.isWhitespace(input.charAt(i))) i++;
            if (i > start) out.add(new Word(input.substring(start, i), start, i));
        }
        return out;
    }

    /** The whole input as a source, for diagnostics that point into it. */
    Source source() {
        return new Source(SOURCE_NAME, input);
    }

    /**
     * {@code input[start, end)} as a source in which everything before {@code start} is blanked
     * (newlines kept), so that the lines and columns the compiler reports are those of the input.
     */
    Source sourceOf(int start, int end) {
        StringBuilder b = new StringBuilder(end);
        for (int i = 0; i < start; i++) b.append(input.charAt(i) == '\n' ? '\n' : ' ');
        return new Source(SOURCE_NAME, b.append(input, start, end).toString());
    }

    /** An error about {@code input[start, end)}. */
    RampException error(int start, int end, String message, String hint) {
        return new RampException(new Diagnostic(source(), span(start, end), message, hint));
    }

    /** The span of {@code input[start, end)} (on the line where it starts). */
    Span span(int start, int end) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < start && i < input.length(); i++) {
            if (input.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new Span(line, start - lineStart + 1, Math.max(1, end - start));
    }

    /**
     * The same exception with its diagnostics in {@code from} re-attached to the whole input, so
     * the printed line is what was typed rather than the blanked copy.
     */
    RampException reattach(RampException e, Source from) {
        List<Diagnostic> out = new ArrayList<>();
        for (Diagnostic d : e.diagnostics()) {
            out.add(d.source().equals(from) ? new Diagnostic(source(), d.span(), d.message(), d.hint()) : d);
        }
        return new RampException(out);
    }
}
