package dev.ramp.compiler.check;

import dev.ramp.compiler.Compiler;
import dev.ramp.compiler.ir.Expr;
import dev.ramp.compiler.ir.Function;
import dev.ramp.compiler.reference.Real;
import dev.ramp.compiler.reference.Reference;
import dev.ramp.compiler.reference.Ulp;
import dev.ramp.compiler.reference.UlpError;
import dev.ramp.runtime.Activation;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.IntStream;

/**
 * {@code ramp check} for one function: its compiled double kernels (f, f', f'', ...) and float
 * kernels (f and f'), each over the {@link Samples}, against the {@link Oracle}.
 *
 * <p><b>How errors are measured.</b> In ulps of the kernel's format in the binade of the true
 * value ({@link Ulp#error}): a correctly rounded result scores at most 0.5. A kernel that gives
 * NaN or an infinity where the true value is finite is reported apart, as is a finite result
 * where the true value overflows. Not judged: inputs where the true value is undefined (outside
 * the domain), where the reference did not converge, or where a branch condition is within
 * rounding of switching ({@link Reference#nearBranchSwitch}), so that the double and the exact
 * evaluation may legitimately take different branches.
 *
 * <p><b>Zero crossings.</b> Near a point x0 != 0 where the function changes sign, the terms that
 * make it up cancel, whatever the formula (mish' = tanh(sp) + x s sech^2(sp) crosses 0 at
 * x0 = -1.19 and its two terms stay of opposite signs for every x < 0), so relative error is not
 * a fair measure there: each term is rounded relative to its own size. On a half-line (x < 0 or
 * x > 0) where the function changes sign between neighbouring samples, the error is measured in
 * ulps of max(|f(x)|, T(x)) instead, where T(x) is the sum of the exact absolute values of the
 * terms of the top-level sum of the derivative ramp takes (of the body in stable primitives,
 * {@link Oracle#termScale}): the size of what must cancel (T = |f| when that is not a sum, so a
 * product is measured relatively everywhere). Float kernels use the same
 * yardstick in float ulps. A sign change at 0 itself does not count: inputs near 0 are exact,
 * and x - tanh(x) there must be right to the last bit, relatively. Cancellation inside a term
 * (the 1 + tanh(u) of gelu_tanh' written as in PyTorch) is never excused, and nor is cancellation
 * on a half-line where the function keeps its sign (1 - tanh(x)^2).
 */
public final class Checker {
    private Checker() {}

    /** The unit roundoff of double, 2^-53, for the branch-switch test. */
    private static final double DOUBLE_ROUNDOFF = 0x1p-53;

    /**
     * What to check.
     *
     * @param density how many inputs
     * @param maxOrder the highest derivative order checked (f is order 0)
     * @param options how the function is compiled (stabilised, or as written)
     * @param budget the error allowed per kernel
     * @param floats whether to check the float kernels too
     */
    public record Settings(Samples.Density density, int maxOrder, Compiler.Options options, Budget budget, boolean floats) {
        /** What {@code ramp check} does with no options: the full sample, f, f' and f'', stabilised, floats too. */
        public static final Settings DEFAULT = new Settings(Samples.Density.FULL, 2, Compiler.Options.DEFAULT, Budget.DEFAULT, true);

        public Settings withOrder(int order) {
            return new Settings(density, order, options, budget, floats);
        }

        public Settings withOptions(Compiler.Options o) {
            return new Settings(density, maxOrder, o, budget, floats);
        }

        public Settings withDensity(Samples.Density d) {
            return new Settings(d, maxOrder, options, budget, floats);
        }
    }

    /** The report for {@code f} with its parameters at {@code given} (or their defaults). */
    public static FunctionReport check(Function f, Map<String, Double> given, Settings settings) {
        Map<String, Double> values = Compiler.parameterValues(f, given);
        Oracle oracle = new Oracle(f, values, settings.maxOrder());
        Activation compiled = Compiler.compile(f, values, settings.options());
        List<Expr> forms = new ArrayList<>();
        for (int order = 0; order <= settings.maxOrder(); order++) {
            forms.add(oracle.expression(order));
            forms.add(Compiler.compiledForm(f, values, null, order, settings.options()));
        }
        double[] xs = Samples.points(forms, f.variable(), settings.density());
        List<KernelReport> reports = new ArrayList<>();
        boolean[] outside = null, floatOutside = null;
        for (int order = 0; order <= settings.maxOrder(); order++) {
            DoubleUnaryOperator kernel = doubleKernel(f, values, compiled, order, settings.options());
            Reference[] refs = references(oracle, order, xs);
            if (order == 0) outside = outsideDomain(refs);
            else skipOutside(refs, outside);
            double[] crossings = crossings(xs, refs);
            double[] results = Arrays.stream(xs).map(kernel).toArray();
            BigDecimal[] scales = termScales(oracle, order, xs, crossings);
            reports.add(measure(order, "double", settings.budget().forOrder(order), xs, results, refs, scales));
            if (settings.floats() && order <= 1) {
                float[] fxs = floats(xs);
                double[] fx = new double[fxs.length];
                for (int i = 0; i < fxs.length; i++) fx[i] = fxs[i];
                Reference[] floatRefs = references(oracle, order, fx);
                if (order == 0) floatOutside = outsideDomain(floatRefs);
                else skipOutside(floatRefs, floatOutside);
                reports.add(measure(order, "float", settings.budget().floatKernels(), fx, floatKernel(compiled, order, fxs),
                        floatRefs, termScales(oracle, order, fx, crossings)));
            }
        }
        return new FunctionReport(f.name(), values, reports);
    }

    /** Where f itself has no value: its derivatives have none there either, whatever their formula says. */
    private static boolean[] outsideDomain(Reference[] refs) {
        boolean[] out = new boolean[refs.length];
        for (int i = 0; i < refs.length; i++) out[i] = refs[i].value() instanceof Real.Undefined;
        return out;
    }

    private static void skipOutside(Reference[] refs, boolean[] outside) {
        for (int i = 0; i < refs.length; i++) {
            if (outside[i]) refs[i] = new Reference(refs[i].value() instanceof Real.Undefined u ? u : new Real.Undefined(Real.Why.DOMAIN),
                    true, true, 0, 0, null, Double.POSITIVE_INFINITY);
        }
    }

    private static DoubleUnaryOperator doubleKernel(Function f, Map<String, Double> values, Activation a, int order, Compiler.Options options) {
        if (order <= Compiler.COMPILED_ORDERS) return x -> a.derivative(order, x);
        return Compiler.compiledEvaluator(f, values, null, order, options);
    }

    /** The float kernels: forward for f, backward with a unit gradient for f'. */
    private static double[] floatKernel(Activation a, int order, float[] xs) {
        float[] out = new float[xs.length];
        if (order == 0) {
            a.forward(xs, out);
        } else {
            float[] ones = new float[xs.length];
            Arrays.fill(ones, 1f);
            a.backward(xs, ones, out);
        }
        double[] d = new double[out.length];
        for (int i = 0; i < out.length; i++) d[i] = out[i];
        return d;
    }

    /** The inputs as floats: each rounded, finite, without repeats, in order. */
    private static float[] floats(double[] xs) {
        return toFloats(Arrays.stream(xs).map(x -> (float) x).filter(Double::isFinite).distinct().sorted().toArray());
    }

    private static float[] toFloats(double[] ds) {
        float[] f = new float[ds.length];
        for (int i = 0; i < ds.length; i++) f[i] = (float) ds[i];
        return f;
    }

    private static Reference[] references(Oracle oracle, int order, double[] xs) {
        Reference[] refs = new Reference[xs.length];
        IntStream.range(0, xs.length).parallel().forEach(i -> refs[i] = oracle.at(order, xs[i]));
        return refs;
    }

    /**
     * The sign changes between neighbouring samples on the same side of 0 (exact zeros between
     * them skipped), at the midpoint of the two nonzero neighbours.
     */
    private static double[] crossings(double[] xs, Reference[] refs) {
        List<Double> out = new ArrayList<>();
        int last = -1;
        for (int i = 0; i < xs.length; i++) {
            int s = sign(refs[i]);
            if (s == 0) continue;
            if (last >= 0 && s != sign(refs[last]) && xs[last] != 0 && Math.signum(xs[last]) == Math.signum(xs[i])) {
                out.add(xs[last] / 2 + xs[i] / 2);
            }
            last = i;
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The sign of the reference, 0 when it is not vouched for (a negligible value below 1e-400 may have any). */
    private static int sign(Reference r) {
        return r.converged() && r.digits() >= 3 && r.value() instanceof Real.Finite(BigDecimal v) ? v.signum() : 0;
    }

    /** Whether x lies on a half-line (of its own sign) where the function changes sign. */
    private static boolean nearCrossing(double x, double[] crossings) {
        for (double x0 : crossings) {
            if (Math.signum(x) == Math.signum(x0)) return true;
        }
        return false;
    }

    /** The term scale T(x) for points on a half-line with a sign change (null elsewhere: measured relatively). */
    private static BigDecimal[] termScales(Oracle oracle, int order, double[] xs, double[] crossings) {
        BigDecimal[] out = new BigDecimal[xs.length];
        IntStream.range(0, xs.length).parallel().forEach(i -> {
            if (nearCrossing(xs[i], crossings)) out[i] = oracle.termScale(order, xs[i]);
        });
        return out;
    }

    private static KernelReport measure(int order, String format, double budget, double[] xs, double[] results, Reference[] refs,
            BigDecimal[] scales) {
        int judged = 0, zone = 0, skipped = 0, nonFiniteCount = 0;
        double max = 0, worst = Double.NaN, sum = 0;
        List<Double> nonFinite = new ArrayList<>(), wrongInfinity = new ArrayList<>();
        Ulp.Format f = format.equals("float") ? Ulp.Format.FLOAT : Ulp.Format.DOUBLE;
        for (int i = 0; i < xs.length; i++) {
            Reference ref = refs[i];
            if (!ref.converged() || ref.nearBranchSwitch(DOUBLE_ROUNDOFF)) {
                skipped++;
                continue;
            }
            UlpError e = Ulp.error(results[i], ref.value(), f);
            boolean inZone = scales[i] != null && e instanceof UlpError.Ulps && ref.value() instanceof Real.Finite(BigDecimal v)
                    && scales[i].compareTo(v.abs()) > 0;
            if (inZone) e = againstScale(results[i], ((Real.Finite) ref.value()).value(), scales[i], f, e);
            switch (e) {
                case UlpError.Ulps(double u, boolean cr) -> {
                    judged++;
                    if (inZone) zone++;
                    sum += u;
                    if (Double.isNaN(worst) || u > max) {
                        max = u;
                        worst = xs[i];
                    }
                }
                case UlpError.NonFinite n -> {
                    nonFiniteCount++;
                    if (nonFinite.size() < 5) nonFinite.add(xs[i]);
                }
                case UlpError.MissedInfinity m -> {
                    if (wrongInfinity.size() < 5) wrongInfinity.add(xs[i]);
                }
                case UlpError.NotJudged n -> skipped++;
            }
        }
        return new KernelReport(order, format, budget, judged, max, worst, judged == 0 ? 0 : sum / judged, nonFinite, nonFiniteCount,
                wrongInfinity, zone, skipped);
    }

    /** |result - v| in ulps (of the format) of the term scale T, which is larger than |v| here. */
    private static UlpError againstScale(double result, BigDecimal v, BigDecimal scale, Ulp.Format format, UlpError relative) {
        BigDecimal diff = new BigDecimal(result).subtract(v).abs();
        double ulps = diff.signum() == 0 ? 0 : diff.divide(Ulp.ulp(scale, format), MathContext.DECIMAL64).doubleValue();
        return new UlpError.Ulps(ulps, relative instanceof UlpError.Ulps(double u, boolean cr) && cr);
    }
}
