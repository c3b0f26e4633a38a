package dev.ramp.compiler.analysis;

import dev.ramp.compiler.Compiler;
import dev.ramp.compiler.RampException;
import dev.ramp.compiler.ir.Function;
import dev.ramp.runtime.Activation;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The series a plot of an activation overlays: f, f' and the standard normal density that the
 * report's expectations are taken against, on an evenly spaced grid.
 *
 * @param x the inputs, evenly spaced, increasing
 * @param f f(x)
 * @param df f'(x), as ramp computes it (the kink convention at kinks)
 * @param density φ(x), the N(0, 1) density
 */
public record PlotData(double[] x, double[] f, double[] df, double[] density) {

    /**
     * Samples {@code f} (parameters at {@code given} or their defaults) at {@code points} evenly
     * spaced inputs from {@code from} to {@code to}.
     *
     * @throws RampException for a missing or unknown parameter
     */
    public static PlotData of(Function f, Map<String, Double> given, double from, double to, int points) throws RampException {
        if (points < 2 || !(from < to)) throw new IllegalArgumentException("need at least 2 points on a non-empty range");
        Activation a = Compiler.compile(f, given);
        double[] x = new double[points], y = new double[points], dy = new double[points], p = new double[points];
        for (int i = 0; i < points; i++) {
            x[i] = i == points - 1 ? to : from + (to - from) * i / (points - 1);
            y[i] = a.applyAsDouble(x[i]);
            dy[i] = a.derivative(x[i]);
            p[i] = Normal.pdf(x[i]);
        }
        return new PlotData(x, y, dy, p);
    }

    /**
     * The default range: [-6, 6] (where the normal density lives), widened to show every branch
     * point of the report within |x| ≤ 50, with a margin.
     */
    public static double[] defaultRange(Report r) {
        double lo = -6, hi = 6;
        for (Kink k : r.smoothness().kinks()) {
            if (Math.abs(k.x()) > 50) continue;
            lo = Math.min(lo, k.x() - 1 - 0.1 * Math.abs(k.x()));
            hi = Math.max(hi, k.x() + 1 + 0.1 * Math.abs(k.x()));
        }
        return new double[] {lo, hi};
    }

    /** CSV with a header line {@code x,f,df,density}; numbers in Java's shortest round-trip form (NaN, Infinity as such). */
    public String csv() {
        StringBuilder out = new StringBuilder("x,f,df,density\n");
        for (int i = 0; i < x.length; i++) {
            out.append(x[i]).append(',').append(f[i]).append(',').append(df[i]).append(',').append(density[i]).append('\n');
        }
        return out.toString();
    }

    /** JSON {@code {"x": [...], "f": [...], "df": [...], "density": [...]}}; non-finite values as null. */
    public String json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("x", x);
        m.put("f", f);
        m.put("df", df);
        m.put("density", density);
        return Json.write(m);
    }
}
