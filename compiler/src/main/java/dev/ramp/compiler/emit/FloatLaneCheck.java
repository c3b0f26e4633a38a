package dev.ramp.compiler.emit;

import dev.ramp.compiler.ir.Cond;
import dev.ramp.compiler.ir.Cond.*;
import dev.ramp.compiler.ir.Expr;
import dev.ramp.compiler.ir.Expr.*;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides whether an accurate float kernel may compute in float lanes (twice as many per vector
 * as double lanes) instead of widening to double: it may when, on a fixed sample of inputs, the
 * float-lane program's results are within {@link #MAX_ULPS} of the same program's in double
 * lanes, rounded once to float (which is what the widened kernel computes). A sample is not a proof: the tests measure the bound on
 * other inputs, and {@code BENCHMARKS.md} lists what each stdlib kernel gets. The float lanes are emulated here in Java, each operation
 * rounded to float and each math call correctly rounded to float, which is what SVML's float
 * functions deliver to within 0.56 ulp.
 *
 * <p>What fails: expressions that cancel (tanh' = 1 - t^2, sigmoid' = s(1 - s), the zeros of
 * gelu' and mish'), and those whose intermediates overflow float where double does not. What
 * passes: most forward passes of the smooth activations, and everything piecewise linear.
 *
 * <pre>{@code
 * sample x:  an irregular sweep of -24..24, +-2^k for k = -24..12, +-100, +-1000, +-0;  g = 1, 0, -2.3125
 * reference: the lane program for double lanes, evaluated in double (Math for each call), rounded to float
 * float:     the lane form evaluated with float rounding after every operation
 * pass:      every sample within MAX_ULPS (subnormal results: within SUBNORMAL_ERROR),
 *            NaN and infinities exactly where the reference has them, and no constant that
 *            overflows float
 * }</pre>
 */
final class FloatLaneCheck {
    private FloatLaneCheck() {}

    /**
     * The accurate float contract for float lanes: within 4 ulps of the double result rounded to
     * float; results below the normal range (|y| < 2^-126) within {@link #SUBNORMAL_ERROR}.
     */
    static final double MAX_ULPS = 4;

    /**
     * Absolute error allowed on subnormal results, 2^-134 (about 4.6e-41): a float intermediate
     * in the subnormal range keeps only a few bits (exp(-100) has 5), which later factors
     * magnify (silu(-100) = -100 * sigmoid(-100)), while the double reference keeps them all.
     */
    static final double SUBNORMAL_ERROR = 0x1p-134;

    static final double[] SAMPLES = samples();

    /** The gradient paired with each sample: mostly 1, some 0 (0 * inf is NaN), some other values. */
    static final double[] GRADIENTS = gradients();

    /**
     * About 1,100 floats: a dense irregular sweep of [-24, 24] (not a grid of dyadic numbers,
     * whose arithmetic is often exact and hides cancellation), magnitudes 2^-24 to 2^12 of both
     * signs, and the far tails where float overflows or underflows before double does.
     */
    private static double[] samples() {
        List<Double> xs = new ArrayList<>();
        double golden = 0.6180339887498949, u = 0.5;
        for (int i = 0; i < 900; i++) {
            u = (u + golden) % 1.0;
            xs.add(-24 + 48 * (i + u) / 900);
        }
        for (int k = -24; k <= 12; k++) {
            xs.add(Math.scalb(1.37, k));
            xs.add(-Math.scalb(1.37, k));
            xs.add(Math.scalb(1.9021, k));
            xs.add(-Math.scalb(1.9021, k));
        }
        for (double x : new double[] {100, -100, 1000, -1000, 0.0, -0.0, 88.5, -88.5, 103.9, -103.9, 30.25, -30.25}) xs.add(x);
        double[] out = new double[xs.size()];
        for (int i = 0; i < out.length; i++) out[i] = (float) (double) xs.get(i);
        return out;
    }

    private static double[] gradients() {
        double[] g = new double[SAMPLES.length];
        for (int i = 0; i < g.length; i++) g[i] = i % 7 == 3 ? 0.0 : i % 7 == 5 ? -2.3125 : 1.0;
        return g;
    }

    /**
     * Whether the float-lane form of each root stays within the bound of the double-lane form
     * of the same root, evaluated in double, on every sample.
     */
    static boolean passes(List<Expr> doubleLaneRoots, List<Expr> floatLaneRoots) {
        return firstFailure(doubleLaneRoots, floatLaneRoots) == null;
    }

    /** The first sample where float lanes miss the bound, as text, or null if there is none. */
    static String firstFailure(List<Expr> doubleLaneRoots, List<Expr> floatLaneRoots) {
        if (!constantsFitFloat(floatLaneRoots)) return "a constant overflows float";
        Evaluator exact = new Evaluator(false, SAMPLES, GRADIENTS), lanes = new Evaluator(true, SAMPLES, GRADIENTS);
        for (int r = 0; r < doubleLaneRoots.size(); r++) {
            double[] ref = exact.value(doubleLaneRoots.get(r)), got = lanes.value(floatLaneRoots.get(r));
            for (int i = 0; i < SAMPLES.length; i++) {
                if (!close((float) ref[i], (float) got[i])) {
                    return "root " + r + " at x = " + SAMPLES[i] + ", g = " + GRADIENTS[i] + ": " + (float) ref[i] + " vs " + (float) got[i];
                }
            }
        }
        return null;
    }

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

    /** A finite constant that is infinite as a float (1e300) changes results wherever it is used. */
    private static boolean constantsFitFloat(List<Expr> roots) {
        java.util.ArrayDeque<Object> work = new java.util.ArrayDeque<>(roots);
        Map<Object, Boolean> seen = new IdentityHashMap<>();
        while (!work.isEmpty()) {
            Object n = work.pop();
            if (seen.put(n, Boolean.TRUE) != null) continue;
            if (n instanceof Const(double c) && Double.isFinite(c) && Float.isInfinite((float) c)) return false;
            work.addAll(Dag.children(n));
        }
        return true;
    }

    private static boolean close(float expected, float actual) {
        if (Float.compare(expected, actual) == 0 || expected == actual) return true;
        if (!Float.isFinite(expected) || !Float.isFinite(actual)) return false;
        double diff = Math.abs((double) expected - actual);
        if (Math.abs(expected) < Float.MIN_NORMAL) return diff <= SUBNORMAL_ERROR;
        return diff <= MAX_ULPS * Math.ulp(expected);
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
