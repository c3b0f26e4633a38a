package dev.ramp.cli;

import dev.ramp.compiler.RampException;
import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * The {@code ramp} command. Exit codes: 0 ok, 1 a check failed, 2 bad input (with a
 * {@code file:line:col: message} diagnostic on standard error, never a stack trace), 70 an
 * internal error (a bug in ramp; {@code RAMP_DEBUG=1} prints its stack trace).
 */
public final class Main {
    /** Everything went well. */
    public static final int OK = 0;
    /** A check ran and found a function outside its budget. */
    public static final int CHECK_FAILED = 1;
    /** The input (arguments, files, expressions) was wrong. */
    public static final int BAD_INPUT = 2;
    /** ramp itself failed. */
    public static final int INTERNAL_ERROR = 70;

    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs ramp with {@code args}, writing to {@code out} and {@code err}; returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = commandLine(out, err);
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new RampCommand());
        cl.setOut(out);
        cl.setErr(err);
        // Negative numbers (`ramp eval mish -1.5`) are inputs, not options.
        cl.setUnmatchedOptionsArePositionalParams(true);
        cl.setParameterExceptionHandler((ex, a) -> {
            PrintWriter e = ex.getCommandLine().getErr();
            e.println("ramp: " + ex.getMessage());
            e.println("Try 'ramp " + commandPath(ex.getCommandLine()) + "--help' for usage.");
            return BAD_INPUT;
        });
        cl.setExecutionExceptionHandler((ex, c, parsed) -> {
            PrintWriter e = c.getErr();
            if (ex instanceof RampException re) {
                e.print(re.getMessage());
                e.println();
                return BAD_INPUT;
            }
            if (ex instanceof BadInput bad) {
                e.println("ramp: " + bad.getMessage());
                return BAD_INPUT;
            }
            e.println("ramp: internal error: " + ex);
            if (System.getenv("RAMP_DEBUG") != null) ex.printStackTrace(e);
            else e.println("ramp: set RAMP_DEBUG=1 for the stack trace, and please report it.");
            return INTERNAL_ERROR;
        });
        return cl;
    }

    private static String commandPath(CommandLine c) {
        StringBuilder path = new StringBuilder();
        for (CommandLine p = c; p.getParent() != null; p = p.getParent()) path.insert(0, p.getCommandName() + " ");
        return path.toString();
    }
}
