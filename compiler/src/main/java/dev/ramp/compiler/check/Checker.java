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
 * x0 = -1.19, where both terms are about 0.3), so relative error is not a fair measure there. Inside
 * a zone |x - x0| <= |x0| / 2 around each sign change found between neighbouring samples, the
 * error is measured in ulps of max(|f(x)|, S(x)) instead, where S(x) is the running error bound
 * of the formula as written ({@link Reference#scale}: the size of the terms that cancel, as
 * Higham's bound counts them); for float kernels, in float ulps of max(|f(x)|, S(x) 2^-29), since
 * the float result is the double result rounded once. A crossing at x0 = 0 gets no zone:
 * inputs near 0 are exact, and x - tanh(x) there must be right to the last bit, relatively.
 * Outside the zones, cancellation that the formula introduces (1 - tanh(x)^2 for large x) is
 * measured relatively and counts in full.
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
            reports.add(measure(order, "double", settings.budget().forOrder(order), xs, results, refs, crossings));
            if (settings.floats() && order <= 1) {
                float[] fxs = floats(xs);
                double[] fx = new double[fxs.length];
                for (int i = 0; i < fxs.length; i++) fx[i] = fxs[i];
                Reference[] floatRefs = references(oracle, order, fx);
                if (order == 0) floatOutside = outsideDomain(floatRefs);
                else skipOutside(floatRefs, floatOutside);
                reports.add(measure(order, "float", settings.budget().floatKernels(), fx, floatKernel(compiled, order, fxs),
                        floatRefs, crossings));
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

    /** The midpoints of sign changes between neighbouring samples on the same side of 0. */
    private static double[] crossings(double[] xs, Reference[] refs) {
        List<Double> out = new ArrayList<>();
        for (int i = 0; i + 1 < xs.length; i++) {
            if (Math.signum(xs[i]) == 0 || Math.signum(xs[i]) != Math.signum(xs[i + 1])) continue;
            int a = sign(refs[i]), b = sign(refs[i + 1]);
            if (a != 0 && b != 0 && a != b) out.add(xs[i] / 2 + xs[i + 1] / 2);
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static int sign(Reference r) {
        return r.converged() && r.value() instanceof Real.Finite(BigDecimal v) ? v.signum() : 0;
    }

    private static boolean nearCrossing(double x, double[] crossings) {
        for (double x0 : crossings) {
            if (Math.abs(x - x0) <= Math.abs(x0) / 2) return true;
        }
        return false;
    }

    private static KernelReport measure(int order, String format, double budget, double[] xs, double[] results, Reference[] refs,
            double[] crossings) {
        int judged = 0, zone = 0, skipped = 0, nonFiniteCount = 0;
        double max = 0, worst = Double.NaN, sum = 0;
        List<Double> nonFinite = new ArrayList<>(), wrongInfinity = new ArrayList<>();
        boolean isFloat = format.equals("float");
        for (int i = 0; i < xs.length; i++) {
            Reference ref = refs[i];
            if (!ref.converged() || ref.nearBranchSwitch(DOUBLE_ROUNDOFF)) {
                skipped++;
                continue;
            }
            boolean inZone = nearCrossing(xs[i], crossings);
            UlpError e = isFloat
                    ? (inZone ? floatAgainstScale(results[i], ref) : Ulp.error(results[i], ref.value(), Ulp.Format.FLOAT))
                    : (inZone ? Ulp.errorAgainstScale(results[i], ref, 0) : Ulp.error(results[i], ref));
            switch (e) {
                case UlpError.Ulps(double u, boolean cr) -> {
                    judged++;
                    if (inZone) zone++;
                    sum += u;
                    if (u > max || Double.isNaN(worst)) {
                        max = Math.max(max, u);
                        if (u >= max) worst = xs[i];
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

    /** A float result in float ulps of max(|ref|, S 2^-29) (see the class comment). */
    private static UlpError floatAgainstScale(double result, Reference ref) {
        UlpError relative = Ulp.error(result, ref.value(), Ulp.Format.FLOAT);
        if (!(relative instanceof UlpError.Ulps(double u, boolean cr)) || !(ref.value() instanceof Real.Finite(BigDecimal v))
                || ref.scale() == null) {
            return relative;
        }
        BigDecimal yardstick = v.abs().max(ref.scale().multiply(new BigDecimal(0x1p-29)));
        BigDecimal diff = new BigDecimal(result).subtract(v).abs();
        double ulps = diff.signum() == 0 ? 0 : diff.divide(Ulp.ulp(yardstick, Ulp.Format.FLOAT), MathContext.DECIMAL64).doubleValue();
        return new UlpError.Ulps(ulps, cr);
    }
}
