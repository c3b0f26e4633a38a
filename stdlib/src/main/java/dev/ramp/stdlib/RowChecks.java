package dev.ramp.stdlib;

import dev.ramp.compiler.reference.BigMath;
import dev.ramp.runtime.RowActivation;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * Accuracy of the stdlib's row functions, compiled: values against 40-digit references written
 * from the textbook formulas (not from ramp's definitions) on rows with huge, equal, tiny and
 * masked ({@code -inf}) entries, and the VJP against the Jacobian assembled column by column
 * from central differences. The measurement behind {@code RowAccuracyTest}, kept apart so that
 * a command can report it.
 */
public final class RowChecks {
    private RowChecks() {}

    private static final MathContext MC = new MathContext(40);

    /**
     * One function's measurement.
     *
     * @param name the stdlib name
     * @param maxUlps the largest error of a value, in ulps of the reference (after the error the
     *     max shift alone may cause, {@code |x - max|} ulps, is allowed for)
     * @param maxGradientError the largest difference between a VJP entry and the finite-difference
     *     Jacobian, relative to max(1, |entry|)
     * @param nanWhereDefined whether any value or gradient was NaN where the reference is a number
     * @param rows how many rows the values were measured on (0 without a reference)
     */
    public record Result(String name, double maxUlps, double maxGradientError, boolean nanWhereDefined, int rows) {
        /** Within 4 ulps (when there is a reference), 1e-6 against the differences, and no NaN. */
        public boolean passed() {
            return !(maxUlps > 4) && maxGradientError <= 1e-6 && !nanWhereDefined;
        }
    }

    /** The rows values are measured on: textbook cases, extremes, and Gaussian rows of 1 to 9. */
    public static List<double[]> rows() {
        List<double[]> rows = new ArrayList<>(List.of(
                new double[] {1, 2, 3}, new double[] {0.5}, new double[] {3, 3, 3, 3}, new double[] {1e4, -1e4, 0, 1e4},
                new double[] {-1e4, -1e4 + 1, -1e4 - 2}, new double[] {1e4, 1e4 + 0.5}, new double[] {Double.NEGATIVE_INFINITY, 0, 1},
                new double[] {-745, -744, 700, 709}, new double[] {1e-300, -1e-300, 0, -0.0, 5, -7}));
        Random rnd = new Random(8);
        for (int n = 1; n <= 9; n++) {
            double[] r = new double[n];
            for (int i = 0; i < n; i++) r[i] = rnd.nextGaussian() * 10;
            rows.add(r);
        }
        return rows;
    }

    /** The 40-digit reference of each measured function, rounded to double. */
    public static final List<String> MEASURED = List.of("softmax", "log_softmax", "softmin", "logsumexp", "lse0", "glu", "maxout");

    /** The reference value of stdlib function {@code name} at {@code x}. */
    public static double[] reference(String name, double[] x) {
        int length = switch (name) {
            case "softmax", "log_softmax", "softmin" -> x.length;
            case "glu" -> x.length / 2;
            default -> 1;
        };
        double[] undefined = new double[length];
        Arrays.fill(undefined, Double.NaN);
        boolean plusInf = Arrays.stream(x).anyMatch(v -> v == Double.POSITIVE_INFINITY), minusInf = Arrays.stream(x).anyMatch(v -> v == Double.NEGATIVE_INFINITY);
        // A +inf logit (-inf for softmin) makes exp-based results inf/inf: NaN, as in PyTorch and JAX.
        if (name.equals("softmin") ? minusInf : plusInf) return undefined;
        return switch (name) {
            case "softmax" -> softmax(x);
            case "softmin" -> softmax(Arrays.stream(x).map(v -> -v).toArray());
            case "log_softmax" -> logSoftmax(x);
            case "logsumexp" -> new double[] {logsumexp(x)};
            case "lse0" -> {
                double[] withZero = new double[x.length + 1];
                System.arraycopy(x, 0, withZero, 1, x.length);
                yield new double[] {logsumexp(withZero)};
            }
            case "glu" -> glu(x);
            case "maxout" -> new double[] {Arrays.stream(x).max().orElseThrow()};
            default -> throw new IllegalArgumentException("no reference for " + name);
        };
    }

    /** Measures every function of {@link #MEASURED}, compiled by {@code compile}. */
    public static List<Result> run(Function<String, RowActivation> compile) {
        List<Result> out = new ArrayList<>();
        for (String name : MEASURED) out.add(measure(name, compile.apply(name)));
        return out;
    }

    /**
     * Measures {@code f}: values against the reference when {@code name} is one of
     * {@link #MEASURED} (otherwise {@code maxUlps} is NaN and only the gradient is checked).
     */
    public static Result measure(String name, RowActivation f) {
        double maxUlps = MEASURED.contains(name) ? 0 : Double.NaN, maxGrad = 0;
        boolean nan = false;
        int measured = 0;
        for (double[] x : MEASURED.contains(name) ? rows() : List.<double[]>of()) {
            if (x.length % f.rowMultiple() != 0) continue;
            measured++;
            double[] ref = reference(name, x), got = f.apply(x);
            for (int i = 0; i < ref.length; i++) {
                if (Double.isNaN(ref[i])) continue;
                if (Double.isNaN(got[i])) {
                    nan = true;
                    continue;
                }
                if (ref[i] == got[i]) continue;
                double ulps = Math.abs(ref[i] - got[i]) / Math.ulp(ref[i]);
                if (Math.abs(ref[i] - got[i]) < 1e-300) ulps = 0;
                maxUlps = Math.max(maxUlps, Math.max(0, ulps - shift(name, x, i)));
            }
        }
        Random rnd = new Random(name.hashCode());
        int step = f.rowMultiple();
        for (int n = step; n <= 8; n += step) {
            double[] x = new double[n];
            for (int i = 0; i < n; i++) x[i] = rnd.nextGaussian() * 2;
            int m = f.outputLength(n);
            for (int j = 0; j < n; j++) {
                double h = 1e-6 * Math.max(1, Math.abs(x[j]));
                double[] plus = x.clone(), minus = x.clone();
                plus[j] += h;
                minus[j] -= h;
                double[] yp = f.apply(plus), ym = f.apply(minus);
                for (int i = 0; i < m; i++) {
                    double[] e = new double[m];
                    e[i] = 1;
                    double vjp = f.vjp(x, e)[j];
                    if (Double.isNaN(vjp)) nan = true;
                    double fd = (yp[i] - ym[i]) / (2 * h);
                    maxGrad = Math.max(maxGrad, Math.abs(vjp - fd) / Math.max(1, Math.abs(vjp)));
                }
            }
        }
        return new Result(name, maxUlps, maxGrad, nan, measured);
    }

    /**
     * The error, in ulps of the result, that rounding {@code x[i] - max} alone causes in
     * exp-based results ({@code |x[i] - max|} half-ulps): inherent to the max shift PyTorch and
     * JAX use as well, so not counted. For log-space results, the ulps of the row's largest
     * magnitude relative to the result's.
     */
    private static double shift(String name, double[] x, int i) {
        double max = Arrays.stream(x).max().orElseThrow();
        double scale = Arrays.stream(x).filter(Double::isFinite).map(Math::abs).max().orElse(1);
        return switch (name) {
            case "softmax" -> Double.isFinite(x[i] - max) ? Math.abs(x[i] - max) : 0;
            case "softmin" -> {
                double min = Arrays.stream(x).min().orElseThrow();
                yield Double.isFinite(x[i] - min) ? Math.abs(x[i] - min) : 0;
            }
            case "log_softmax", "logsumexp", "lse0" -> {
                double[] ref = reference(name, x);
                double r = Math.abs(ref[Math.min(i, ref.length - 1)]);
                yield r == 0 || !Double.isFinite(r) ? 0 : Math.ulp(Math.max(1, scale)) / Math.ulp(r);
            }
            default -> 0;
        };
    }

    private static BigDecimal[] expShifted(double[] x) {
        double m = Arrays.stream(x).max().orElseThrow();
        BigDecimal[] e = new BigDecimal[x.length];
        for (int i = 0; i < x.length; i++) {
            e[i] = x[i] == Double.NEGATIVE_INFINITY ? BigDecimal.ZERO : BigMath.exp(new BigDecimal(x[i]).subtract(new BigDecimal(m)), MC);
        }
        return e;
    }

    private static BigDecimal sum(BigDecimal[] v) {
        BigDecimal s = BigDecimal.ZERO;
        for (BigDecimal b : v) s = s.add(b, MC);
        return s;
    }

    /** exp(x_i) / sum(exp(x)); a row of -inf gives zeros (the stdlib's documented choice). */
    static double[] softmax(double[] x) {
        if (Arrays.stream(x).allMatch(v -> v == Double.NEGATIVE_INFINITY)) return new double[x.length];
        BigDecimal[] e = expShifted(x);
        BigDecimal s = sum(e);
        return Arrays.stream(e).mapToDouble(b -> b.divide(s, MC).doubleValue()).toArray();
    }

    static double logsumexp(double[] x) {
        double m = Arrays.stream(x).max().orElseThrow();
        if (m == Double.NEGATIVE_INFINITY) return m;
        return new BigDecimal(m).add(BigMath.log(sum(expShifted(x)), MC), MC).doubleValue();
    }

    static double[] logSoftmax(double[] x) {
        double m = Arrays.stream(x).max().orElseThrow();
        if (m == Double.NEGATIVE_INFINITY) return x.clone();
        BigDecimal l = new BigDecimal(m).add(BigMath.log(sum(expShifted(x)), MC), MC);
        return Arrays.stream(x).map(v -> v == Double.NEGATIVE_INFINITY ? v : new BigDecimal(v).subtract(l, MC).doubleValue()).toArray();
    }

    static double[] glu(double[] x) {
        int h = x.length / 2;
        double[] y = new double[h];
        for (int i = 0; i < h; i++) y[i] = new BigDecimal(x[i]).multiply(BigMath.sigmoid(new BigDecimal(x[i + h]), MC), MC).doubleValue();
        return y;
    }
}
