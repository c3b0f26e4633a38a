package dev.ramp.cli;

import dev.ramp.compiler.Compiler;
import dev.ramp.compiler.Library;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ramp show}: one definition in full, with its derivatives. */
@Command(
        name = "show",
        mixinStandardHelpOptions = true,
        description = "Print a definition's doc comment, its text, its parameters and its simplified first and second derivatives.",
        footer = {"", "Examples:", "  ramp show mish", "  ramp show --cost mish          # operations and math calls of f, f' and the fused pair"})
final class ShowCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    FunctionOptions options;

    @Option(names = "--cost", description = "Instead: what the compiled kernels compute per element for f, f' and fused (f, f'): "
            + "operations and math calls by kind (counted as SymPy's count_ops after one cse), with cost estimates.")
    boolean cost;

    @Parameters(index = "0", paramLabel = "NAME_OR_EXPR", description = "A definition's name (or an expression in x).")
    String name;

    @Override
    public Integer call() {
        Library library = options.library();
        dev.ramp.compiler.rows.RowFunction row = Compiler.rowFunction(name, library);
        if (row != null) {
            RowCli.show(row, spec.commandLine().getOut());
            return Main.OK;
        }
        var f = Compiler.function(name, library);
        if (cost) spec.commandLine().getOut().print(Compiler.costReport(f, options.parameterValues()));
        else Manual.print(f, spec.commandLine().getOut());
        return Main.OK;
    }
}
