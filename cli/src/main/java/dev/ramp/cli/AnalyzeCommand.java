package dev.ramp.cli;

import dev.ramp.cli.plot.Glyphs;
import dev.ramp.cli.plot.ImagePlot;
import dev.ramp.cli.plot.Plot;
import dev.ramp.cli.plot.Sampler;
import dev.ramp.cli.plot.Series;
import dev.ramp.cli.plot.TextPlot;
import dev.ramp.compiler.Compiler;
import dev.ramp.compiler.Library;
import dev.ramp.compiler.analysis.Analysis;
import dev.ramp.compiler.analysis.PlotData;
import dev.ramp.compiler.analysis.Report;
import dev.ramp.compiler.analysis.ReportPrinter;
import dev.ramp.compiler.ir.Function;
import dev.ramp.compiler.print.Printer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Ansi;
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
            "  ramp analyze leaky_relu --param negative_slope=0.2 --json", "  ramp analyze gelu --plot",
            "  ramp analyze gelu --plot-out gelu.svg --plot-data gelu.csv"})
final class AnalyzeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    FunctionOptions function;

    @Option(names = "--json", description = "Print the report as JSON (for programs) instead of text.")
    boolean json;

    @Option(names = "--ascii", description = "Spell out symbols (phi, sqrt, inf, ->) even if the terminal shows Unicode.")
    boolean ascii;

    @Option(names = "--plot", description = "Also draw f, f' and the N(0, 1) input density in the terminal.")
    boolean plot;

    @Option(names = "--plot-out", paramLabel = "FILE", description = "Also draw f, f' and the N(0, 1) input density to FILE.svg or FILE.png.")
    Path plotOut;

    @Option(names = "--plot-data", paramLabel = "FILE",
            description = "Also write x, f, f' and the N(0, 1) density on a grid to FILE: CSV, or JSON if FILE ends in .json; '-' for standard output.")
    String plotData;

    @Option(names = "--points", paramLabel = "N", defaultValue = "601", description = "Grid points for the plots and --plot-data (default 601).")
    int points;

    @Parameters(index = "0", paramLabel = "EXPR_OR_NAME", description = "An expression in x, or the name of a definition.")
    String exprOrName;

    @Override
    public Integer call() throws IOException {
        if (plotOut != null && ImagePlot.Format.of(plotOut) == null) {
            throw new BadInput("cannot tell the image format of '" + plotOut + "': name the file .svg or .png");
        }
        if (points < 2 || points > 1_000_000) throw new BadInput("--points must be between 2 and 1000000, not " + points);
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
        if (plot || plotOut != null || plotData != null) {
            double[] range = PlotData.defaultRange(report);
            PlotData data = PlotData.of(f, params, range[0], range[1], points);
            if (plotData != null) writePlotData(data, out);
            if (plot || plotOut != null) draw(overlay(f, params, data), out);
        }
        out.flush();
        return Main.OK;
    }

    /**
     * f, f' and the input density as one {@link Plot}: the curves of {@code ramp plot} (orders 0
     * and 1 keep their colours and line styles), the density as a third.
     */
    static Plot overlay(Function f, Map<String, Double> params, PlotData data) {
        List<Series> series = List.of(
                new Series(Sampler.label(f, 0), 0, data.x(), data.f()),
                new Series(Sampler.label(f, 1), 1, data.x(), data.df()),
                new Series("φ(x), the N(0, 1) input density", 2, data.x(), data.density()));
        String name = f.name().equals("expr") ? "f(" + f.variable() + ") = " + f.sourceText().strip() : f.name();
        StringBuilder title = new StringBuilder(name).append(": f, f' and the input density");
        if (!params.isEmpty()) {
            title.append("   [");
            params.forEach((k, v) -> title.append(title.charAt(title.length() - 1) == '[' ? "" : ", ").append(k).append(" = ").append(Printer.number(v)));
            title.append(']');
        }
        return new Plot(title.toString(), data.x()[0], data.x()[data.x().length - 1], series);
    }

    private void draw(Plot p, PrintWriter out) {
        if (plot) {
            String c = System.getenv("COLUMNS");
            int columns = 80;
            try {
                if (c != null) columns = Math.max(30, Integer.parseInt(c.strip()));
            } catch (NumberFormatException ignored) {
                // keep 80
            }
            out.print(TextPlot.render(p, new TextPlot.Options(columns, 20, Glyphs.BRAILLE, Ansi.AUTO.enabled())));
        }
        if (plotOut != null) {
            try {
                ImagePlot.write(p, plotOut);
            } catch (UncheckedIOException | IllegalStateException e) {
                throw new BadInput(e.getMessage());
            }
            out.println("wrote " + plotOut);
        }
    }

    private void writePlotData(PlotData data, PrintWriter out) throws IOException {
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
