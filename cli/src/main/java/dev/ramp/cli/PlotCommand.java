package dev.ramp.cli;

import dev.ramp.cli.plot.Glyphs;
import dev.ramp.cli.plot.ImagePlot;
import dev.ramp.cli.plot.Plot;
import dev.ramp.cli.plot.Sampler;
import dev.ramp.cli.plot.TextPlot;
import dev.ramp.compiler.Compiler;
import dev.ramp.compiler.Library;
import dev.ramp.compiler.ir.Function;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
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
 * {@code ramp plot}: a function and its derivatives drawn in the terminal, or written as an SVG
 * or PNG image with title, axes, gridlines and legend.
 */
@Command(
        name = "plot",
        mixinStandardHelpOptions = true,
        description = {
            "Plot EXPR_OR_NAME and its derivatives on [FROM, TO] (default -5 5): in the terminal with",
            "braille characters, or to an SVG or PNG image with --out."
        },
        footer = {"", "Examples:", "  ramp plot mish", "  ramp plot mish --order 0,1 --out mish.svg",
                  "  ramp plot 'x * sigmoid(x)' -8 8 --out silu.png", "  ramp plot elu --param alpha=0.5 --style block"})
final class PlotCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    FunctionOptions function;

    @Parameters(index = "0", paramLabel = "EXPR_OR_NAME", description = "An expression in x, or the name of a definition.")
    String exprOrName;

    @Parameters(index = "1..2", arity = "0..2", paramLabel = "FROM TO", description = "The x range (default -5 5).")
    List<String> range = List.of();

    @Option(names = "--order", split = ",", paramLabel = "N,N", defaultValue = "0,1,2",
            description = "Which curves: 0 the function, 1 its derivative, ... (default 0,1,2).")
    List<Integer> orders;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "Write an image instead: FILE.svg or FILE.png.")
    Path out;

    @Option(names = "--terminal", description = "With --out, draw in the terminal as well.")
    boolean terminal;

    @Option(names = "--width", paramLabel = "COLUMNS", description = "Terminal plot width (default: $COLUMNS, else 80).")
    Integer width;

    @Option(names = "--height", paramLabel = "ROWS", defaultValue = "20", description = "Terminal plot height in rows (default 20).")
    int height;

    @Option(names = "--style", paramLabel = "STYLE", defaultValue = "braille", description = "Terminal dots: braille or block (default braille).")
    String style;

    @Option(names = "--color", paramLabel = "WHEN", defaultValue = "auto", description = "Colour in the terminal: auto, always or never (default auto).")
    String color;

    @Override
    public Integer call() {
        double[] xs = range();
        checkOrders();
        Glyphs glyphs = switch (style.toLowerCase(Locale.ROOT)) {
            case "braille" -> Glyphs.BRAILLE;
            case "block", "blocks" -> Glyphs.BLOCK;
            default -> throw new BadInput("invalid --style '" + style + "': use braille or block");
        };
        boolean ansi = switch (color.toLowerCase(Locale.ROOT)) {
            case "auto" -> Ansi.AUTO.enabled();
            case "always" -> true;
            case "never" -> false;
            default -> throw new BadInput("invalid --color '" + color + "': use auto, always or never");
        };
        if (out != null && ImagePlot.Format.of(out) == null) {
            throw new BadInput("cannot tell the image format of '" + out + "': name the file .svg or .png");
        }
        Library library = function.library();
        Function f = function.function(exprOrName, library);
        Map<String, Double> params = Compiler.parameterValues(f, function.parameterValues());
        Plot plot = Sampler.plot(f, params, orders, xs[0], xs[1]);
        PrintWriter stdout = spec.commandLine().getOut();
        if (out == null || terminal) {
            int columns = width != null ? width : columns();
            stdout.print(TextPlot.render(plot, new TextPlot.Options(columns, height, glyphs, ansi)));
        }
        if (out != null) {
            try {
                ImagePlot.write(plot, out);
            } catch (UncheckedIOException | IllegalStateException e) {
                throw new BadInput(e.getMessage());
            }
            stdout.println("wrote " + out);
        }
        stdout.flush();
        return Main.OK;
    }

    private double[] range() {
        if (range.isEmpty()) return new double[] {-5, 5};
        if (range.size() == 1) throw new BadInput("give both ends of the range, FROM and TO (e.g. -5 5)");
        Double from = Numbers.parse(range.get(0));
        Double to = Numbers.parse(range.get(1));
        if (from == null || to == null) throw new BadInput("invalid range '" + range.get(0) + " " + range.get(1) + "': FROM and TO are numbers, e.g. -5 5");
        if (!(from < to) || !Double.isFinite(from) || !Double.isFinite(to)) {
            throw new BadInput("invalid range " + range.get(0) + " " + range.get(1) + ": FROM must be less than TO, both finite");
        }
        return new double[] {from, to};
    }

    private void checkOrders() {
        if (orders.isEmpty() || new HashSet<>(orders).size() != orders.size()) throw new BadInput("--order takes distinct orders, e.g. 0,1,2");
        for (int o : orders) {
            if (o < 0 || o > 6) throw new BadInput("--order " + o + ": orders go from 0 to 6");
        }
    }

    private static int columns() {
        try {
            String c = System.getenv("COLUMNS");
            return c == null ? 80 : Math.max(30, Integer.parseInt(c.strip()));
        } catch (NumberFormatException e) {
            return 80;
        }
    }
}
