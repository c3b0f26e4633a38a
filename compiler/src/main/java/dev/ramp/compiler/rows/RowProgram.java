package dev.ramp.compiler.rows;

import dev.ramp.compiler.ir.Expr;
import java.util.List;
import java.util.Objects;

/**
 * A function of one row, as straight-line code over the core scalar IR: reductions over the row
 * in order, then an output. Element-wise work is a scalar {@link Expr} in the element variables
 * ({@link #views}); what a reduction computes is a scalar variable named after the step, so every
 * {@code Expr} here is an ordinary core expression that the existing passes (differentiation,
 * simplification, code generation) handle unchanged.
 *
 * <p>The row {@code x[0..n)} is read through its views: with one view {@code xs} the domain is
 * {@code i < n} and {@code xs} is {@code x[i]}; with two ({@code first_half(xs)},
 * {@code second_half(xs)}) the domain is {@code i < n/2} and view {@code k} is
 * {@code x[i + k*n/2]}. Besides the views, element expressions may use {@link #INDEX} (the
 * position {@code i}) and, in a backward program, {@link #GRAD} (the output gradient).
 * Scalar expressions may use step names, {@link #argmaxName} of a max or min step, the
 * parameters, {@link #lengthName} and, for a scalar output's backward program, {@link #GRAD}.
 *
 * @param views the element variables, one per equal part of the row
 * @param steps the reductions, each over the domain, in evaluation order
 * @param output what the function returns
 */
public record RowProgram(List<String> views, List<Reduce> steps, Output output) {
    /** The element index {@code i}, an exact small integer as a double. */
    public static final String INDEX = "i";
    /** The output gradient: per element for a row output, per row for a scalar output. */
    public static final String GRAD = "g";

    public RowProgram {
        views = List.copyOf(views);
        steps = List.copyOf(steps);
        Objects.requireNonNull(output);
        if (views.isEmpty()) throw new IllegalArgumentException("a row program reads at least one view");
    }

    /** The variable holding the row length {@code n} of the row variable {@code variable}. */
    public static String lengthName(String variable) {
        return "len(" + variable + ")";
    }

    /** The variable holding the index where a max or min step was attained (first such index). */
    public static String argmaxName(String step) {
        return "argmax(" + step + ")";
    }

    /** What a reduction combines. */
    public enum Reduction {
        SUM("sum"), MAX("max"), MIN("min");

        /** The name the language calls it by. */
        public final String symbol;

        Reduction(String symbol) {
            this.symbol = symbol;
        }
    }

    /**
     * {@code name = kind over {extras..., body(i) for i in the domain}}. The extras come first
     * (in index order they are positions {@code -1, -2, ...}): they are what {@code concat(0, xs)}
     * prepends, already mapped. A max or min also records the first position where the extreme
     * is attained ({@link #argmaxName}), the index PyTorch's {@code max(dim)} returns and sends
     * the gradient to. Max and min start from {@code -inf} (or {@code +inf}) at the first
     * position and move on only on a strict improvement, so ties keep the first position, a
     * row of {@code -inf} gives {@code -inf} at the first position, and NaN elements are skipped
     * (their NaN still reaches any sum that reads them).
     *
     * @param body a scalar expression in the views, {@link #INDEX}, earlier steps and parameters
     * @param extras scalar expressions in earlier steps and parameters
     */
    public record Reduce(String name, Reduction kind, Expr body, List<Expr> extras) {
        public Reduce {
            Objects.requireNonNull(name);
            Objects.requireNonNull(kind);
            Objects.requireNonNull(body);
            extras = List.copyOf(extras);
        }
    }

    /** What a row program returns. */
    public sealed interface Output {}

    /** One number per row. */
    public record Scalar(Expr value) implements Output {}

    /** One number per position of the domain: the row, or its half with two views. */
    public record Elements(Expr element) implements Output {}

    /**
     * The gradient with respect to the row: for view {@code k} at position {@code i}, the value
     * {@code perView.get(k)} is written to {@code x[i + k*n/views]}. Only backward programs have it.
     *
     * @param elementGrad whether {@link #GRAD} is an element variable (the forward output was a
     *     row) rather than one number per row (it was a scalar)
     */
    public record Gradient(List<Expr> perView, boolean elementGrad) implements Output {
        public Gradient {
            perView = List.copyOf(perView);
        }
    }

    /** How many positions the domain has for a row of {@code n}. */
    public int domainLength(int n) {
        return n / views.size();
    }

    /** How long the output is for a row of {@code n}: 1, the domain, or the row. */
    public int outputLength(int n) {
        return switch (output) {
            case Scalar s -> 1;
            case Elements e -> domainLength(n);
            case Gradient g -> n;
        };
    }
}
