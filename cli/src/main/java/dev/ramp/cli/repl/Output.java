package dev.ramp.cli.repl;

import dev.ramp.compiler.RampException;
import dev.ramp.compiler.diag.Diagnostic;
import java.io.PrintWriter;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;

/**
 * Where REPL output goes, and how it looks: plain text, or with ANSI colour when the terminal
 * (or {@code :set color}) allows. Errors are printed as the command line prints them
 * ({@code <repl>:1:5: message}, the line, a caret, a hint), never as a stack trace.
 */
final class Output {
    private final PrintWriter out;
    private final BooleanSupplier color;
    private final IntSupplier width;

    Output(PrintWriter out, BooleanSupplier color, IntSupplier width) {
        this.out = out;
        this.color = color;
        this.width = width;
    }

    PrintWriter writer() {
        return out;
    }

    boolean color() {
        return color.getAsBoolean();
    }

    /** The terminal's width in columns (80 when it does not say). */
    int width() {
        int w = width.getAsInt();
        return w > 0 ? w : 80;
    }

    void println(String text) {
        out.println(text);
        out.flush();
    }

    void print(String text) {
        out.print(text);
        out.flush();
    }

    /** A message in a quieter colour: notes, confirmations. */
    void note(String text) {
        println(styled("2", text));
    }

    void error(RampException e) {
        for (Diagnostic d : e.diagnostics()) {
            String[] lines = d.format().split("\n");
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i];
                out.println(i == 0 ? styled("1;31", line)
                        : i == 2 ? styled("31", line)
                        : line.startsWith("  hint:") ? styled("36", line)
                        : line);
            }
        }
        out.flush();
    }

    /** An error with no position in the input (a file that cannot be read, say). */
    void problem(String message, String hint) {
        println(styled("1;31", "error: " + message));
        if (hint != null) println(styled("36", "  hint: " + hint));
    }

    String styled(String sgr, String text) {
        return color() ? "\u001b[" + sgr + "m" + text + "\u001b[0m" : text;
    }
}
