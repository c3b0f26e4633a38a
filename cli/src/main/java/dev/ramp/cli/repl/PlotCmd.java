package dev.ramp.cli.repl;

import dev.ramp.cli.plot.ImagePlot;
import dev.ramp.cli.plot.Plot;
import dev.ramp.cli.plot.Sampler;
import dev.ramp.cli.plot.TextPlot;
import dev.ramp.compiler.ir.Function;
import java.util.List;
import java.util.Map;

/** {@code :plot}: the curves in the terminal, and as an image when {@code --out} asks. */
final class PlotCmd {
    private PlotCmd() {}

    static void run(Invocation inv, Context cx) {
        PlotArgs a = PlotArgs.parse(inv);
        if (a.out() != null && ImagePlot.Format.of(a.out()) == null) {
            throw new Problem("cannot tell the image format of '" + a.out() + "'", "name the file .svg or .png, e.g. --out plot.svg");
        }
        Function f = ExprArg.resolve(inv, cx.session, a.exprStart(), a.exprEnd(), PlotArgs.USAGE);
        Map<String, Double> params = ExprArg.parameterValues(inv, f, a.exprStart(), a.exprEnd());
        Settings s = cx.session.settings;
        double[] range = a.range() != null ? a.range() : s.plotRange();
        List<Integer> orders = a.orders() != null ? a.orders() : s.plotOrders();
        Plot plot = Sampler.plot(f, params, orders, range[0], range[1]);
        int width = s.plotWidth() != null ? s.plotWidth() : Math.min(cx.out.width(), 160);
        cx.out.print(TextPlot.render(plot, new TextPlot.Options(width, s.plotHeight(), s.glyphs(), cx.out.color())));
        if (a.out() != null) {
            try {
                ImagePlot.write(plot, a.out());
            } catch (IllegalStateException e) {
                throw new Problem(e.getMessage(), null);
            }
            cx.out.note("wrote " + a.out());
        }
    }
}
