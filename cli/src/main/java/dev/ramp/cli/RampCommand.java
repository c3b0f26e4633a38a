package dev.ramp.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top-level {@code ramp} command: its subcommands, and the usage when given none. */
@Command(
        name = "ramp",
        mixinStandardHelpOptions = true,
        versionProvider = RampCommand.Version.class,
        description = "Compile neural-network activation functions: values, symbolic derivatives, code.",
        subcommands = {EvalCommand.class, DiffCommand.class, ListCommand.class, ShowCommand.class, CompileCommand.class, CheckCommand.class})
final class RampCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
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
