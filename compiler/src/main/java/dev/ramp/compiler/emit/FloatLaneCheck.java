package dev.ramp.compiler.emit;

import dev.ramp.compiler.ir.Cond;
import dev.ramp.compiler.ir.Cond.*;
import dev.ramp.compiler.ir.Expr;
import dev.ramp.compiler.ir.Expr.*;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Float lanes emulated in Java: what a float-lane program (fast mode, or an accurate kernel that
 * {@link ExactInFloat} lets compute in float) gives, each operation rounded to float and each
 * math call correctly rounded to float (SVML's float functions are within 0.56 ulp), and how far
 * that is from the same program in double lanes rounded once. The tests measure fast mode's
 * error bounds with it and check the generated float-lane kernels against it bit for bit. It
 * decides nothing: a sample of inputs cannot promise the accurate mode's 1 float ulp.
 */
final class FloatLaneCheck {
    private FloatLaneCheck() {}

    /**
     * The largest distance in ulps (of the reference rounded to float) between float lanes and
     * double lanes over the given inputs, results below the normal range counted in units of the
     * smallest normal's ulp; infinite when NaN or an infinity appears on one side only.
     */
    static double worstUlps(List<Expr> doubleLaneRoots, List<Expr> floatLaneRoots, double[] xs, double[] gs) {
        return worstUlps(doubleLaneRoots, floatLaneRoots, xs, gs, Float.MIN_NORMAL);
    }

    /**
     * As {@link #worstUlps(List, List, double[], double[])}, with errors counted in ulps of
     * {@code max(|y|, floor)}: a floor of 1 measures results below 1 absolutely, in units of
     * 2^-23 (where a derivative passes through zero, relative error means nothing).
     */
    static double worstUlps(List<Expr> doubleLaneRoots, List<Expr> floatLaneRoots, double[] xs, double[] gs, float floor) {
        Evaluator exact = new Evaluator(false, xs, gs), lanes = new Evaluator(true, xs, gs);
        double worst = 0;
        for (int r = 0; r < doubleLaneRoots.size(); r++) {
            double[] ref = exact.value(doubleLaneRoots.get(r)), got = lanes.value(floatLaneRoots.get(r));
            for (int i = 0; i < xs.length; i++) {
                float e = (float) ref[i], a = (float) got[i];
                if (Float.compare(e, a) == 0 || e == a) continue;
                if (!Float.isFinite(e) || !Float.isFinite(a)) return Double.POSITIVE_INFINITY;
                worst = Math.max(worst, Math.abs((double) e - a) / Math.ulp(Math.max(Math.abs(e), floor)));
            }
        }
        return worst;
    }

    /**
     * What float lanes compute for a lane-form expression at each {@code (x, g)}, as the Vector
     * API's Java fallback computes it (before C2 compiles the loop) bit for bit: float
     * arithmetic, and {@code (float) Math.f(a)} for each math call.
     */
    static double[] floatLanes(Expr laneForm, double[] xs, double[] gs) {
        return new Evaluator(true, xs, gs).value(laneForm);
    }

    /**
     * Evaluates expressions over all inputs at once, node by node (each node once, however often
     * it is shared). In float mode every result is rounded to float, as float lanes compute.
     */
    private static final class Evaluator {
        private final boolean toFloat;
        private final double[] xs, gs;
        private final Map<Object, Object> memo = new IdentityHashMap<>();

        Evaluator(boolean toFloat, double[] xs, double[] gs) {
            this.toFloat = toFloat;
            this.xs = xs;
            this.gs = gs;
        }

        private double round(double v) {
            return toFloat ? (float) v : v;
        }

        double[] value(Expr e) {
            double[] done = (double[]) memo.get(e);
            if (done != null) return done;
            int n = xs.length;
            double[] out = new double[n];
            switch (e) {
                case Const(double c) -> java.util.Arrays.fill(out, round(c));
                case Var(String name) -> {
                    for (int i = 0; i < n; i++) out[i] = name.equals(Emitter.GRAD) ? gs[i] : xs[i];
                }
                case Neg(Expr a) -> {
                    double[] v = value(a);
                    for (int i = 0; i < n; i++) out[i] = -v[i];
                }
                case Add(List<Expr> terms) -> fold(terms, out, true);
                case Mul(List<Expr> factors) -> fold(factors, out, false);
                case Div(Expr a, Expr b) -> {
                    double[] u = value(a), v = value(b);
                    for (int i = 0; i < n; i++) out[i] = round(u[i] / v[i]);
                }
                case Pow(Expr b, Expr k) -> {
                    PowLowering.Form form = PowLowering.formOf(b, k);
                    double[] u = value(b), v = value(k);
                    for (int i = 0; i < n; i++) out[i] = pow(form, u[i], v[i]);
                }
                case Call(var fn, List<Expr> args) -> {
                    double[] u = value(args.getFirst());
                    double[] v = args.size() > 1 ? value(args.get(1)) : null;
                    for (int i = 0; i < n; i++) out[i] = round(v == null ? fn.apply(u[i]) : fn.apply(u[i], v[i]));
                }
                case Where(Cond c, Expr t, Expr f) -> {
                    boolean[] m = test(c);
                    double[] u = value(t), v = value(f);
                    for (int i = 0; i < n; i++) out[i] = m[i] ? u[i] : v[i];
                }
            }
            memo.put(e, out);
            return out;
        }

        /** The scalar code's power forms; in float, each multiplication rounds. */
        private double pow(PowLowering.Form form, double b, double k) {
            if (!toFloat) return PowLowering.apply(form, b, k);
            return switch (form) {
                case SQUARE -> round(b * b);
                case CUBE -> round(round(b * b) * b);
                case FOURTH -> {
                    double s = round(b * b);
                    yield round(s * s);
                }
                case RECIPROCAL -> round(1.0 / b);
                case SQRT -> round(Math.sqrt(b + 0.0));
                case POW -> round(Math.pow(b, k));
            };
        }

        private void fold(List<Expr> operands, double[] out, boolean sum) {
            double[] first = value(operands.getFirst());
            System.arraycopy(first, 0, out, 0, out.length);
            for (int j = 1; j < operands.size(); j++) {
                double[] v = value(operands.get(j));
                for (int i = 0; i < out.length; i++) out[i] = round(sum ? out[i] + v[i] : out[i] * v[i]);
            }
        }

        private boolean[] test(Cond c) {
            boolean[] done = (boolean[]) memo.get(c);
            if (done != null) return done;
            int n = xs.length;
            boolean[] out = new boolean[n];
            switch (c) {
                case Compare(Op op, Expr l, Expr r) -> {
                    double[] u = value(l), v = value(r);
                    for (int i = 0; i < n; i++) out[i] = op.test(u[i], v[i]);
                }
                case And(Cond l, Cond r) -> {
                    boolean[] u = test(l), v = test(r);
                    for (int i = 0; i < n; i++) out[i] = u[i] && v[i];
                }
                case Or(Cond l, Cond r) -> {
                    boolean[] u = test(l), v = test(r);
                    for (int i = 0; i < n; i++) out[i] = u[i] || v[i];
                }
                case Not(Cond a) -> {
                    boolean[] u = test(a);
                    for (int i = 0; i < n; i++) out[i] = !u[i];
                }
            }
            memo.put(c, out);
            return out;
        }
    }
}
