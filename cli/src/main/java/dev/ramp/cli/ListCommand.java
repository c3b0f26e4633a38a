package dev.ramp.cli;

import dev.ramp.compiler.Library;
import dev.ramp.compiler.ir.Function;
import dev.ramp.stdlib.Stdlib;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code ramp list}: every definition with the first line of its doc comment. */
@Command(
        name = "list",
        mixinStandardHelpOptions = true,
        description = "List the stdlib's definitions (and those of any --file), each with its one-line summary.")
final class ListCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    FunctionOptions options;

    @Override
    public Integer call() {
        Library library = options.library();
        int width = 0;
        for (String name : library.names()) width = Math.max(width, name.length());
        PrintWriter out = spec.commandLine().getOut();
        for (Function f : library.functions()) {
            out.printf("%-" + width + "s  %s%n", f.name(), Manual.summary(f));
        }
        // Functions of a row, marked with [] as in their definitions.
        for (dev.ramp.compiler.rows.RowFunction f : library.rowFunctions()) {
            out.printf("%-" + width + "s  %s%n", f.name() + "[]", f.doc().isEmpty() ? "(no description)" : f.doc().getFirst());
        }
        if (library == Stdlib.library()) out.printf("%n%d definitions. 'ramp show NAME' prints one in full.%n", library.names().size());
        return Main.OK;
    }
}
