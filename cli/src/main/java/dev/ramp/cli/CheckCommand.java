package dev.ramp.cli;

import dev.ramp.compiler.Library;
import dev.ramp.compiler.check.Checker;
import dev.ramp.compiler.check.FunctionReport;
import dev.ramp.compiler.check.ReportTable;
import dev.ramp.compiler.check.Samples;
import dev.ramp.compiler.ir.Function;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ramp check}: the compiled kernels of each function against the high-precision
 * reference over the whole double range, one line per kernel; exit code 1 when any kernel is
 * over its budget or gives NaN or an infinity where the true value is finite.
 */
@Command(
        name = "check",
        mixinStandardHelpOptions = true,
        description = {
            "Measure the compiled double and float kernels of each function (f, f', f'') in ulps against a high-precision",
            "reference, over about 2,000 inputs from the whole double range (dense near 0, log-spaced to the largest",
            "double, every kink and its neighbours). With no NAME, the whole stdlib (and every --file definition).",
            "Budgets: 4 ulp for f and f', 16 for f'' and beyond, 1 float ulp for the float kernels; near a zero crossing",
            "the error is measured against the size of the terms that cancel (see ACCURACY.md). Exit code 1 when over budget.",
            "Functions of a row (softmax, ...) get a table of their own: values against 40-digit references on rows with",
            "huge, equal and masked entries (4 ulp), and the VJP against the Jacobian from central differences (1e-6)."
        },
        footer = {"", "Examples:", "  ramp check", "  ramp check gelu mish", "  ramp check --exact-formula 'log(1 + exp(x))'",
            "  ramp check --order 1 --file my.ramp my_act"})
final class CheckCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    FunctionOptions function;

    @Mixin
    FormulaOption formula;

    @Option(names = "--order", paramLabel = "N", defaultValue = "2", description = "Check derivatives up to order N (default 2).")
    int order;

    @Option(names = "--quick", description = "A few hundred inputs per function instead of about 2,000.")
    boolean quick;

    @Parameters(paramLabel = "NAME|EXPR", description = "Definitions or expressions in x (default: every definition).")
    List<String> targets = List.of();

    @Override
    public Integer call() {
        if (order < 0) throw new BadInput("--order must be 0 or more, not " + order);
        Library library = function.library();
        List<Function> functions = new ArrayList<>();
        List<dev.ramp.compiler.rows.RowFunction> rows = new ArrayList<>();
        if (targets.isEmpty()) {
            functions.addAll(library.functions());
            rows.addAll(library.rowFunctions());
        }
        for (String t : targets) {
            dev.ramp.compiler.rows.RowFunction row = dev.ramp.compiler.Compiler.rowFunction(t, library);
            if (row != null) rows.add(row);
            else functions.add(function.function(t, library));
        }
        Checker.Settings settings = Checker.Settings.DEFAULT.withOrder(order).withOptions(formula.options())
                .withDensity(quick ? Samples.Density.TEST : Samples.Density.FULL);
        PrintWriter out = spec.commandLine().getOut();
        if (!functions.isEmpty()) out.print(ReportTable.header());
        long over = 0;
        for (Function f : functions) {
            FunctionReport r = Checker.check(f, targets.isEmpty() ? java.util.Map.of() : function.parameterValues(), settings);
            out.print(ReportTable.rows(r));
            over += ReportTable.over(r);
            out.flush();
        }
        if (!rows.isEmpty()) {
            // Functions of a row: values against 40-digit references, VJPs against differences.
            if (!functions.isEmpty()) out.println();
            out.print(RowCheckTable.header());
            for (dev.ramp.compiler.rows.RowFunction r : rows) {
                dev.ramp.stdlib.RowChecks.Result result = dev.ramp.stdlib.RowChecks.measure(r.name(),
                        dev.ramp.compiler.Compiler.compileRows(r, function.parameterValues()));
                out.print(RowCheckTable.row(result));
                if (!result.passed()) over++;
                out.flush();
            }
        }
        out.printf(Locale.ROOT, "%n%d function(s), %s%n", functions.size() + rows.size(), over == 0 ? "every kernel within budget" : over + " kernel(s) over budget");
        return over == 0 ? Main.OK : Main.CHECK_FAILED;
    }
}
