package dev.ramp.compiler.rows;

import dev.ramp.compiler.ir.Expr;
import dev.ramp.compiler.pass.Eval;
import dev.ramp.compiler.rows.RowProgram.Reduce;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The tree-walking evaluator of a {@link RowProgram} on one row, in double: the reference the
 * compiled row kernels are tested against (they evaluate the same expressions in the same order).
 */
public final class RowEval {
    private RowEval() {}

    /**
     * Runs {@code p} on the row {@code x}.
     *
     * @param variable the row variable's name (for its length, {@code len(xs)})
     * @param params the parameter values
     * @param grad the output gradient for a backward program: one element (a scalar output's)
     *     or one per position of the domain; null for a forward program
     * @return the output: one number, the domain's values, or the gradient (length {@code n})
     * @throws IllegalArgumentException when the row cannot be split into the program's views
     */
    public static double[] run(RowProgram p, String variable, Map<String, Double> params, double[] x, double[] grad) {
        return run(p, variable, params, x, grad, null);
    }

    /**
     * As {@link #run(RowProgram, String, Map, double[], double[])}, with the tangent a JVP
     * program ({@link RowDerivative#jvp}) reads: one per element of the row.
     */
    public static double[] run(RowProgram p, String variable, Map<String, Double> params, double[] x, double[] grad, double[] tangent) {
        int n = x.length;
        int views = p.views().size();
        if (n % views != 0) throw new IllegalArgumentException("a row of " + n + " cannot be split in " + views + " equal parts");
        int len = n / views;
        Map<String, Double> env = new HashMap<>(params);
        env.put(RowProgram.lengthName(variable), (double) n);
        boolean elementGrad = p.output() instanceof RowProgram.Gradient g && g.elementGrad();
        if (grad != null && !elementGrad) env.put(RowProgram.GRAD, grad[0]);
        for (Reduce r : p.steps()) {
            double acc = switch (r.kind()) {
                case SUM -> 0;
                case MAX -> Double.NEGATIVE_INFINITY;
                case MIN -> Double.POSITIVE_INFINITY;
            };
            int at = r.extras().isEmpty() ? 0 : -1;
            for (int e = 0; e < r.extras().size(); e++) {
                double v = Eval.eval(r.extras().get(e), env);
                switch (r.kind()) {
                    case SUM -> acc += v;
                    case MAX -> { if (v > acc) { acc = v; at = -1 - e; } }
                    case MIN -> { if (v < acc) { acc = v; at = -1 - e; } }
                }
            }
            for (int i = 0; i < len; i++) {
                element(p, env, x, grad, elementGrad, tangent, i, len);
                double v = Eval.eval(r.body(), env);
                switch (r.kind()) {
                    case SUM -> acc += v;
                    case MAX -> { if (v > acc) { acc = v; at = i; } }
                    case MIN -> { if (v < acc) { acc = v; at = i; } }
                }
            }
            clearElement(p, env);
            env.put(r.name(), acc);
            env.put(RowProgram.argmaxName(r.name()), (double) at);
        }
        return switch (p.output()) {
            case RowProgram.Scalar(Expr v) -> new double[] {Eval.eval(v, env)};
            case RowProgram.Elements(Expr e) -> {
                double[] y = new double[len];
                for (int i = 0; i < len; i++) {
                    element(p, env, x, grad, elementGrad, tangent, i, len);
                    y[i] = Eval.eval(e, env);
                }
                yield y;
            }
            case RowProgram.Gradient(List<Expr> perView, boolean elementGrad1) -> {
                double[] y = new double[n];
                for (int i = 0; i < len; i++) {
                    element(p, env, x, grad, elementGrad, tangent, i, len);
                    for (int k = 0; k < views; k++) y[i + k * len] = Eval.eval(perView.get(k), env);
                }
                yield y;
            }
        };
    }

    private static void element(RowProgram p, Map<String, Double> env, double[] x, double[] grad, boolean elementGrad, double[] tangent,
                                int i, int len) {
        for (int k = 0; k < p.views().size(); k++) {
            env.put(p.views().get(k), x[i + k * len]);
            if (tangent != null) env.put(RowDerivative.tangentName(p.views().get(k)), tangent[i + k * len]);
        }
        env.put(RowProgram.INDEX, (double) i);
        if (elementGrad) env.put(RowProgram.GRAD, grad[i]);
    }

    private static void clearElement(RowProgram p, Map<String, Double> env) {
        for (String v : p.views()) env.remove(v);
        env.remove(RowProgram.INDEX);
    }
}
