package dev.ramp.compiler.analysis;

import java.util.List;
import java.util.PriorityQueue;
import java.util.function.DoubleUnaryOperator;

/**
 * Globally adaptive Gauss–Kronrod quadrature (the 7-point Gauss / 15-point Kronrod pair and the
 * error estimate of QUADPACK's QK15/QAG): the interval with the largest error estimate is halved
 * until the summed estimate meets the tolerance. The integrand must be smooth on each interval it
 * is given (callers split at kinks), which is where Gauss–Kronrod converges fast.
 */
final class Quadrature {
    private Quadrature() {}

    /**
     * An integral with its error estimate.
     *
     * @param value the integral
     * @param error the estimated absolute error (QUADPACK's, usually pessimistic for smooth integrands)
     * @param evaluations how many times the integrand was called
     */
    record Result(double value, double error, int evaluations) {
        Result plus(Result o) {
            return new Result(value + o.value, error + o.error, evaluations + o.evaluations);
        }
    }

    static final Result ZERO = new Result(0, 0, 0);

    /** Abscissae of the 15-point Kronrod rule on [-1, 1] (non-negative half; XGK[1], [3], [5] are the Gauss nodes, with 0). */
    private static final double[] XGK = {
        0.991455371120812639206854697526329, 0.949107912342758524526189684047851,
        0.864864423359769072789712788640926, 0.741531185599394439863864773280788,
        0.586087235467691130294144845693013, 0.405845151377397166906606412076961,
        0.207784955007898467600689403773245, 0.000000000000000000000000000000000};
    private static final double[] WGK = {
        0.022935322010529224963732008058970, 0.063092092629978553290700663189204,
        0.104790010322250183839876322541518, 0.140653259715525918745189590510238,
        0.169004726639267902826583426598550, 0.190350578064785409913256402421014,
        0.204432940075298892414161999234649, 0.209482141084727828012999174891714};
    private static final double[] WG = {
        0.129484966168869693270611432679082, 0.279705391489276667901467771423780,
        0.381830050505118944950369775488975, 0.417959183673469387755102040816327};

    private static final int MAX_INTERVALS = 4000;
    private static final double EPS = Math.ulp(1.0);

    private record Piece(double a, double b, double value, double error) {}

    /**
     * ∫ h over [breaks[0], breaks[n-1]], starting from the given subdivision, to within
     * max(absTol, relTol·|result|) by the error estimate (or the interval budget, whichever comes first).
     */
    static Result integrate(DoubleUnaryOperator h, List<Double> breaks, double absTol, double relTol) {
        PriorityQueue<Piece> queue = new PriorityQueue<>((p, q) -> Double.compare(q.error, p.error));
        int evaluations = 0;
        for (int i = 0; i + 1 < breaks.size(); i++) {
            double a = breaks.get(i), b = breaks.get(i + 1);
            if (!(a < b)) continue;
            queue.add(rule(h, a, b));
            evaluations += 15;
        }
        while (true) {
            double value = 0, error = 0;
            for (Piece p : queue) {
                value += p.value;
                error += p.error;
            }
            if (Double.isNaN(value) || error <= Math.max(absTol, relTol * Math.abs(value)) || queue.size() >= MAX_INTERVALS) {
                return new Result(value, error, evaluations);
            }
            Piece worst = queue.poll();
            double mid = 0.5 * (worst.a + worst.b);
            if (!(worst.a < mid && mid < worst.b)) {
                // Cannot split further: keep it, and stop refining.
                queue.add(new Piece(worst.a, worst.b, worst.value, worst.error));
                return new Result(value, error, evaluations);
            }
            queue.add(rule(h, worst.a, mid));
            queue.add(rule(h, mid, worst.b));
            evaluations += 30;
        }
    }

    /** QK15 on [a, b]: the Kronrod value and QUADPACK's error estimate. */
    private static Piece rule(DoubleUnaryOperator h, double a, double b) {
        double centre = 0.5 * (a + b), half = 0.5 * (b - a);
        double fc = h.applyAsDouble(centre);
        double resg = fc * WG[3], resk = fc * WGK[7], resabs = Math.abs(resk);
        double[] f1 = new double[7], f2 = new double[7];
        for (int j = 0; j < 7; j++) {
            double dx = half * XGK[j];
            f1[j] = h.applyAsDouble(centre - dx);
            f2[j] = h.applyAsDouble(centre + dx);
            double sum = f1[j] + f2[j];
            resk += WGK[j] * sum;
            resabs += WGK[j] * (Math.abs(f1[j]) + Math.abs(f2[j]));
            if (j % 2 == 1) resg += WG[j / 2] * sum;
        }
        double mean = resk * 0.5;
        double resasc = WGK[7] * Math.abs(fc - mean);
        for (int j = 0; j < 7; j++) resasc += WGK[j] * (Math.abs(f1[j] - mean) + Math.abs(f2[j] - mean));
        double result = resk * half;
        resabs *= Math.abs(half);
        resasc *= Math.abs(half);
        double err = Math.abs((resk - resg) * half);
        if (resasc != 0 && err != 0) err = resasc * Math.min(1, Math.pow(200 * err / resasc, 1.5));
        if (resabs > Double.MIN_NORMAL / (50 * EPS)) err = Math.max(EPS * 50 * resabs, err);
        if (Double.isNaN(result)) err = Double.NaN;
        return new Piece(a, b, result, err);
    }
}
