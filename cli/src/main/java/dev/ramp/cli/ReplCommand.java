package dev.ramp.cli;

import dev.ramp.cli.repl.ManualPages;
import dev.ramp.cli.repl.Repl;
import dev.ramp.compiler.ir.Function;
import dev.ramp.stdlib.Stdlib;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ramp repl} (and {@code ramp} alone at a terminal): the interactive session, with the
 * stdlib loaded. When standard input is not a terminal the same session reads lines from it,
 * so a script can be piped in.
 */
@Command(
        name = "repl",
        mixinStandardHelpOptions = true,
        description = {
            "Start an interactive session: define activations, see their derivatives as text and LaTeX,",
            "plot them, save them. Type :help inside for the commands."
        },
        footer = {"", "Examples:", "  ramp repl", "  ramp repl --file my-activations.ramp", "  echo ':d mish' | ramp repl"})
final class ReplCommand implements Callable<Integer> {
    @Option(names = "--file", paramLabel = "F", description = "Load definitions from this .ramp file first (repeatable).")
    List<Path> files = List.of();

    @Option(names = "--no-history", description = "Neither read nor write the history file (~/.ramp_history).")
    boolean noHistory;

    @Override
    public Integer call() throws IOException {
        // dumb(true): with no terminal (a pipe, a CI job) fall back quietly to plain line input.
        try (Terminal terminal = TerminalBuilder.builder().system(true).name("ramp").dumb(true).build()) {
            Repl repl = new Repl(terminal, Stdlib.library(), pages(), noHistory ? null : Repl.defaultHistory());
            for (Path file : files) repl.execute(":load " + file);
            repl.run(banner());
        }
        return Main.OK;
    }

    private static String banner() {
        String version;
        try {
            version = new RampCommand.Version().getVersion()[0];
        } catch (IOException e) {
            version = "ramp";
        }
        return version + "\nType a definition, an expression or :help. Tab completes; Ctrl-D leaves.";
    }

    /** The REPL shows definitions the way {@code ramp show} and {@code ramp list} do. */
    static ManualPages pages() {
        return new ManualPages() {
            @Override
            public void print(Function f, PrintWriter out) {
                Manual.print(f, out);
            }

            @Override
            public String summary(Function f) {
                return Manual.summary(f);
            }
        };
    }
}
