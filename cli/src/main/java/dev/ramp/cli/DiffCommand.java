package dev.ramp.cli;

import dev.ramp.compiler.Compiler;
import dev.ramp.compiler.Library;
import dev.ramp.compiler.ir.Expr;
import dev.ramp.compiler.ir.Function;
import dev.ramp.compiler.print.LatexPrinter;
import dev.ramp.compiler.print.Printer;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ramp diff}: the simplified symbolic derivative, in ramp syntax or LaTeX. */
@Command(
        name = "diff",
        mixinStandardHelpOptions = true,
        description = "Print the simplified N-th derivative of EXPR_OR_NAME (default N = 1).",
        footer = {"", "Examples:", "  ramp diff mish", "  ramp diff --order 2 --latex 'x * sigmoid(x)'", "  ramp diff elu --wrt alpha",
            "  ramp diff --stable --order 0 'log(1 + exp(x))'    # softplus(x)"})
final class DiffCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    FunctionOptions function;

    @Option(names = "--order", paramLabel = "N", defaultValue = "1", description = "Derivative order (default 1; 0 prints the simplified function).")
    int order;

    @Option(names = "--wrt", paramLabel = "NAME", description = "Differentiate with respect to this variable or parameter (default: the input variable).")
    String wrt;

    @Option(names = "--latex", description = "Print LaTeX instead of ramp syntax.")
    boolean latex;

    @Option(names = "--stable", description = {"Print the stabilised form compiled code evaluates (parameters bound to their",
        "values), instead of the simplified derivative."})
    boolean stable;

    @Parameters(index = "0", paramLabel = "EXPR_OR_NAME", description = "An expression in x, or the name of a definition.")
    String exprOrName;

    @Override
    public Integer call() {
        Library library = function.library();
        dev.ramp.compiler.rows.RowFunction row = Compiler.rowFunction(exprOrName, library);
        if (row != null) {
            spec.commandLine().getOut().println(RowCli.diff(row));
            return Main.OK;
        }
        Function f = function.function(exprOrName, library);
        Expr d;
        if (stable) {
            d = Compiler.compiledForm(f, Compiler.parameterValues(f, function.parameterValues()), wrt, order, Compiler.Options.DEFAULT);
        } else {
            if (!function.params.isEmpty()) f = Compiler.bind(f, function.parameterValues());
            d = Compiler.derivative(f, wrt, order);
        }
        spec.commandLine().getOut().println(latex ? LatexPrinter.print(d) : Printer.print(d));
        return Main.OK;
    }
}
