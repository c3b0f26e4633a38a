package dev.ramp.cli.plot;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Axis ticks at "nice" values (1, 2 or 5 times a power of ten), and their labels. */
public final class Ticks {
    private Ticks() {}

    /** About {@code target} evenly spaced nice values inside {@code [min, max]}. */
    public static double[] of(double min, double max, int target) {
        double step = step(min, max, target);
        List<Double> ticks = new ArrayList<>();
        for (double k = Math.ceil(min / step); k * step <= max + step * 1e-9 && ticks.size() < 100; k++) {
            double v = k * step;
            ticks.add(Math.abs(v) < step * 1e-9 ? 0.0 : v);
        }
        return ticks.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The spacing {@link #of} uses. */
    public static double step(double min, double max, int target) {
        double raw = (max - min) / Math.max(1, target);
        if (!(raw > 0) || !Double.isFinite(raw)) return 1;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double residual = raw / magnitude;
        double nice = residual < 1.5 ? 1 : residual < 3 ? 2 : residual < 7 ? 5 : 10;
        return nice * magnitude;
    }

    /**
     * {@code value} as a tick label with as many decimals as {@code step} needs: {@code 2.5},
     * {@code -10}, {@code 0}; very large or small magnitudes in compact scientific form ({@code 1e6}).
     */
    public static String label(double value, double step) {
        double magnitude = Math.max(Math.abs(value), step);
        if (value != 0 && (magnitude >= 1e6 || step < 1e-4)) {
            int digits = Math.max(0, (int) Math.ceil(Math.log10(Math.abs(value) / step) - 1e-9));
            String s = String.format(Locale.ROOT, "%." + Math.min(digits, 6) + "e", value);
            String mantissa = s.substring(0, s.indexOf('e'));
            if (mantissa.contains(".")) mantissa = mantissa.replaceAll("0+$", "").replaceAll("\\.$", "");
            int exponent = Integer.parseInt(s.substring(s.indexOf('e') + 1));
            return mantissa + "e" + exponent;
        }
        int decimals = Math.max(0, (int) Math.ceil(-Math.log10(step) - 1e-9));
        String s = String.format(Locale.ROOT, "%." + decimals + "f", value);
        return s.matches("-0(\\.0*)?") ? s.substring(1) : s;
    }
}
