package dev.ramp.cli;

import dev.ramp.compiler.Compiler;
import dev.ramp.compiler.Library;
import dev.ramp.compiler.analysis.Analysis;
import dev.ramp.compiler.analysis.PlotData;
import dev.ramp.compiler.analysis.Report;
import dev.ramp.compiler.analysis.ReportPrinter;
import dev.ramp.compiler.ir.Function;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ramp analyze}: the properties the activation-function literature argues from (range,
 * saturation, vanishing gradients, dead regions, kinks, moments under a normal input, sparsity,
 * initialisation gain, gradient flow through depth, symmetries), for any definition.
 */
@Command(
        name = "analyze",
        mixinStandardHelpOptions = true,
        description = {
            "Report what the literature asks of an activation: range and bounds, monotonicity, saturation and",
            "vanishing gradients in each tail, dead regions, kinks and smoothness; E[f(z)], E[f(z)^2], sparsity",
            "P(f(z) = 0), P(f'(z) = 0) and E[f'(z)^2] for z ~ N(0, 1) (exact where the pieces allow, else",
            "Gauss-Kronrod with error estimates); the initialisation gain, PyTorch's calculate_gain beside it,",
            "and gradient flow through 10 and 50 layers; parity and scale invariance."
        },
        footer = {"", "Examples:", "  ramp analyze relu", "  ramp analyze 'x * tanh(softplus(x))'",
            "  ramp analyze leaky_relu --param negative_slope=0.2 --json", "  ramp analyze gelu --plot-data gelu.csv"})
final class AnalyzeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    FunctionOptions function;

    @Option(names = "--json", description = "Print the report as JSON (for programs) instead of text.")
    boolean json;

    @Option(names = "--ascii", description = "Spell out symbols (phi, sqrt, inf, ->) even if the terminal shows Unicode.")
    boolean ascii;

    @Option(names = "--plot-data", paramLabel = "FILE",
            description = "Also write x, f, f' and the N(0, 1) density on a grid to FILE: CSV, or JSON if FILE ends in .json; '-' for standard output.")
    String plotData;

    @Option(names = "--points", paramLabel = "N", defaultValue = "601", description = "Grid points for --plot-data (default 601).")
    int points;

    @Parameters(index = "0", paramLabel = "EXPR_OR_NAME", description = "An expression in x, or the name of a definition.")
    String exprOrName;

    @Override
    public Integer call() throws IOException {
        Library library = function.library();
        Function f = function.function(exprOrName, library);
        Map<String, Double> params = Compiler.parameterValues(f, function.parameterValues());
        Report report = Analysis.of(f, params);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.print(ReportPrinter.json(report));
        } else {
            out.print(ReportPrinter.text(report, ascii || !unicodeOut()));
        }
        if (plotData != null) writePlotData(f, params, report, out);
        out.flush();
        return Main.OK;
    }

    private void writePlotData(Function f, Map<String, Double> params, Report report, PrintWriter out) throws IOException {
        if (points < 2 || points > 1_000_000) throw new BadInput("--points must be between 2 and 1000000, not " + points);
        double[] range = PlotData.defaultRange(report);
        PlotData data = PlotData.of(f, params, range[0], range[1], points);
        String text = plotData.endsWith(".json") ? data.json() : data.csv();
        if (plotData.equals("-")) {
            out.print(text);
            return;
        }
        try {
            Files.writeString(Path.of(plotData), text, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            throw new BadInput("cannot write " + plotData + ": " + e.getMessage());
        }
    }

    /** Whether standard output can show the report's symbols (φ, √, ∞, →). */
    private static boolean unicodeOut() {
        Charset cs = System.out.charset();
        return cs.newEncoder().canEncode("φΦ√∞→²≤χ·");
    }
}
