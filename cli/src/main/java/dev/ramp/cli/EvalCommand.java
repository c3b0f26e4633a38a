package dev.ramp.cli;

import dev.ramp.compiler.Compiler;
import dev.ramp.compiler.Library;
import dev.ramp.compiler.RampException;
import dev.ramp.compiler.diag.Diagnostic;
import dev.ramp.compiler.diag.Source;
import dev.ramp.compiler.diag.Span;
import dev.ramp.compiler.ir.Function;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.DoubleUnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ramp eval}: the value of a function or of one of its derivatives, one line per input,
 * in Java's shortest round-trip form.
 */
@Command(
        name = "eval",
        mixinStandardHelpOptions = true,
        description = {
            "Print the value of EXPR_OR_NAME (or of its N-th derivative) at each X, one per line.",
            "With no X, read one X per line from standard input."
        },
        footer = {"", "Examples:", "  ramp eval mish -1.5 0 1.5", "  ramp eval --order 2 'x * tanh(softplus(x))' 1", "  ramp eval elu --param alpha=0.5 --wrt alpha -1",
            "  ramp eval --exact-formula 'log(1 + exp(x))' 800     # Infinity: the formula as written, not stabilised",
            "  ramp eval softmax 1,2,3              (a row function: each X is a row; --order 1 prints the Jacobian)"})
final class EvalCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    FunctionOptions function;

    @Mixin
    FormulaOption formula;

    @Option(names = "--order", paramLabel = "N", defaultValue = "0", description = "Derivative order (default 0: the value).")
    int order;

    @Option(names = "--wrt", paramLabel = "NAME", description = "Differentiate with respect to this variable or parameter (default: the input variable).")
    String wrt;

    @Option(names = "--interpreted", description = "Evaluate with the tree-walking evaluator instead of compiled code.")
    boolean interpreted;

    @Parameters(index = "0", paramLabel = "EXPR_OR_NAME", description = "An expression in x, or the name of a definition.")
    String exprOrName;

    @Parameters(index = "1..*", paramLabel = "X", description = "Inputs: any double (-800, 1e-300, Infinity, NaN).")
    List<String> inputs = List.of();

    @Override
    public Integer call() throws IOException {
        Library library = function.library();
        dev.ramp.compiler.rows.RowFunction row = Compiler.rowFunction(exprOrName, library);
        if (row != null) {
            PrintWriter out = spec.commandLine().getOut();
            List<String> rows = inputs;
            if (rows.isEmpty()) rows = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).lines().filter(l -> !l.isBlank()).toList();
            RowCli.eval(row, function.parameterValues(), order, wrt, rows, out);
            out.flush();
            return Main.OK;
        }
        Function f = function.function(exprOrName, library);
        Map<String, Double> params = Compiler.parameterValues(f, function.parameterValues());
        DoubleUnaryOperator g = interpreted
                ? Compiler.evaluator(f, params, wrt, order, formula.options())
                : Compiler.compiledEvaluator(f, params, wrt, order, formula.options());
        PrintWriter out = spec.commandLine().getOut();
        if (!inputs.isEmpty()) {
            for (String text : inputs) {
                out.println(Numbers.format(g.applyAsDouble(number(text, new Source("<command line>", text), 1))));
            }
        } else {
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            Source stdin = new Source("<stdin>", "");
            int lineNo = 0;
            for (String line; (line = in.readLine()) != null; ) {
                lineNo++;
                if (line.isBlank()) continue;
                out.println(Numbers.format(g.applyAsDouble(number(line, new Source(stdin.name(), "\n".repeat(lineNo - 1) + line), lineNo))));
            }
        }
        out.flush();
        return Main.OK;
    }

    private static double number(String text, Source source, int line) {
        Double x = Numbers.parse(text);
        if (x == null) {
            int col = text.length() - text.stripLeading().length() + 1;
            throw new RampException(new Diagnostic(source, new Span(line, col, text.strip().length()),
                    "invalid number '" + text.strip() + "'", "inputs are doubles such as -1.5, 1e-300, Infinity or NaN"));
        }
        return x;
    }
}
