package dev.ramp.cli;

import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The top-level {@code ramp} command: its subcommands; with none, the REPL at a terminal and the
 * usage otherwise (a script that runs a bare {@code ramp} gets help instead of a session waiting on its input).
 */
@Command(
        name = "ramp",
        mixinStandardHelpOptions = true,
        versionProvider = RampCommand.Version.class,
        description = "Compile neural-network activation functions: values, symbolic derivatives, code.",
        subcommands = {EvalCommand.class, DiffCommand.class, ListCommand.class, ShowCommand.class, CompileCommand.class,
                       PlotCommand.class, ReplCommand.class, BenchCommand.class, AnalyzeCommand.class,
                       CheckCommand.class})
final class RampCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Console console = System.console();
        if (console != null && console.isTerminal()) return spec.commandLine().getSubcommands().get("repl").execute();
        spec.commandLine().usage(spec.commandLine().getOut());
        return Main.OK;
    }

    /** Reads the version Maven wrote into {@code version.properties}. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties p = new Properties();
            try (InputStream in = RampCommand.class.getResourceAsStream("version.properties")) {
                if (in != null) p.load(in);
            }
            return new String[] {"ramp " + p.getProperty("version", "unknown") + " (Java " + Runtime.version() + ")"};
        }
    }
}
