package dev.ramp.cli.repl;

import dev.ramp.compiler.ir.Function;
import java.io.PrintWriter;

/**
 * How the REPL prints a definition's reference page ({@code :show}) and its one-line summary
 * ({@code :list}, completion): the same pages {@code ramp show} prints, passed in by the command
 * line so the REPL does not reach into it.
 */
public interface ManualPages {
    void print(Function f, PrintWriter out);

    String summary(Function f);
}
