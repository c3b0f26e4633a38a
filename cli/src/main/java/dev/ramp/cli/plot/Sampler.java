package dev.ramp.cli.plot;

import dev.ramp.compiler.Compiler;
import dev.ramp.compiler.RampException;
import dev.ramp.compiler.ir.Function;
import dev.ramp.compiler.print.Printer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;

/** Turns a function and some of its derivatives into a {@link Plot} by sampling an x range. */
public final class Sampler {
    private Sampler() {}

    /** Samples per curve: finer than any terminal or the default image needs. */
    public static final int SAMPLES = 801;

    /**
     * The function {@code f} (parameters at {@code params} or their defaults) and its
     * derivatives of the given orders on {@code [from, to]}.
     *
     * @throws RampException when a parameter has no value, as {@link Compiler#parameterValues} says
     */
    public static Plot plot(Function f, Map<String, Double> params, List<Integer> orders, double from, double to) {
        Map<String, Double> values = Compiler.parameterValues(f, params);
        double[] xs = new double[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) xs[i] = from + (to - from) * i / (SAMPLES - 1);
        xs[SAMPLES - 1] = to;
        List<Series> series = new ArrayList<>();
        for (int order : orders) {
            DoubleUnaryOperator g = Compiler.evaluator(f, values, null, order);
            double[] ys = new double[SAMPLES];
            for (int i = 0; i < SAMPLES; i++) ys[i] = g.applyAsDouble(xs[i]);
            series.add(new Series(label(f, order), order, xs, ys));
        }
        return new Plot(title(f, values), from, to, series);
    }

    /** {@code mish(x)}, {@code mish'(x)}, {@code mish''(x)}, {@code mish⁽³⁾(x)}; {@code f} for an expression. */
    public static String label(Function f, int order) {
        String name = displayName(f);
        String marks = order <= 3 ? "'".repeat(order) : "^(" + order + ")";
        return name + marks + "(" + f.variable() + ")";
    }

    /**
     * The definition as written when it is short, else its name; then the parameter values the
     * curves use, which may differ from the defaults the definition shows.
     */
    static String title(Function f, Map<String, Double> values) {
        String text = f.sourceText().strip().replaceAll("\\s+", " ");
        String title = f.name().equals("expr") ? "f(" + f.variable() + ") = " + text
                : text.length() <= 70 && text.startsWith(f.name() + "(") ? text
                : f.name() + "(" + f.variable() + ")";
        if (values.isEmpty()) return title;
        List<String> shown = new ArrayList<>();
        values.forEach((name, v) -> shown.add(name + " = " + Printer.number(v)));
        return title + "   [" + String.join(", ", shown) + "]";
    }

    private static String displayName(Function f) {
        return f.name().equals("expr") ? "f" : f.name();
    }
}
