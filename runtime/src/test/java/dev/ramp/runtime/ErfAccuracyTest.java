package dev.ramp.runtime;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Measures erf and erfc in ulps against {@link ErfReference} on a dense deterministic sample
 * of the whole double range, asserts the maximum, and writes the per-range maxima to
 * {@code target/erf-accuracy.txt}.
 */
class ErfAccuracyTest {

    /** The requirement. */
    static final double MAX_ULP = 1.0;

    /**
     * Regression guards just above what this sample measures (erf 0.762, erfc 0.671 ulp). The
     * sample is fixed and the implementation uses only exactly rounded operations (no Math.exp),
     * so the numbers are the same on every JVM; a change that, say, drops the double-double
     * evaluation of erfc on [1.25, 6) (erfc then measures 0.89 ulp) fails here although it is
     * still within one ulp.
     */
    static final double ERF_GUARD = 0.80;
    static final double ERFC_GUARD = 0.70;

    private static final double[] BOUNDARIES = {
        0x1p-56, 0x1p-28, 0.25, 0.84375, 1.0, 1.25, 1 / 0.35, 5.8635847487551679, 5.9215871957945073,
        6.0, 26.543258454250981, 27.226017111108364, 28.0
    };

    private static List<Double> sample;
    private static Map<String, Worst> erfWorst;
    private static Map<String, Worst> erfcWorst;

    @BeforeAll
    static void measure() throws IOException {
        sample = sample();
        erfWorst = new LinkedHashMap<>();
        erfcWorst = new LinkedHashMap<>();
        for (double x : sample) {
            BigDecimal[] ref = ErfReference.both(x);
            record(erfWorst, x, Erf.erf(x), ref[0]);
            record(erfcWorst, x, Erf.erfc(x), ref[1]);
        }
        writeReport();
    }

    /** The deterministic sample: several thousand points over the whole range, both signs. */
    static List<Double> sample() {
        List<Double> xs = new ArrayList<>();
        // uniform on [-6, 6]
        for (int i = 0; i <= 6000; i++) {
            xs.add(-6 + i * 0.002);
        }
        // log-spaced |x| from 1e-300 to 30, both signs
        int n = 1500;
        for (int i = 0; i <= n; i++) {
            double x = Math.pow(10, -300 + i * (300 + Math.log10(30)) / n);
            xs.add(x);
            xs.add(-x);
        }
        // uniform on [6, 30], where erfc goes from 2e-17 through the subnormals to 0
        for (int i = 0; i <= 1200; i++) {
            xs.add(6 + i * 0.02);
            xs.add(-6 - i * 0.02);
        }
        // around the switch points of the implementation and where erfc leaves the normals / becomes 0
        for (double b : BOUNDARIES) {
            double up = b;
            double down = b;
            for (int k = 0; k < 8; k++) {
                xs.add(up);
                xs.add(down);
                xs.add(-up);
                xs.add(-down);
                up = Math.nextUp(up);
                down = Math.nextDown(down);
            }
            for (int k = 1; k <= 25; k++) {
                double d = b * k * 1e-7;
                for (double x : new double[] {b + d, b - d, b + 100 * d, b - 100 * d}) {
                    xs.add(x);
                    xs.add(-x);
                }
            }
        }
        // subnormal and tiny normal arguments
        for (double x : new double[] {Double.MIN_VALUE, 2 * Double.MIN_VALUE, 3 * Double.MIN_VALUE,
                0x1.8p-1070, 1e-320, 1e-310, Math.nextDown(Double.MIN_NORMAL), Double.MIN_NORMAL,
                Math.nextUp(Double.MIN_NORMAL), 1e-307, 1e-200, 1e-100, 1e-20, 1e-10}) {
            xs.add(x);
            xs.add(-x);
        }
        return xs;
    }

    private static String region(double x) {
        double ax = Math.abs(x);
        String sign = x < 0 || (x == 0 && 1 / x < 0) ? "-" : "+";
        String r;
        if (ax < 0x1p-28) r = "[0, 2^-28)";
        else if (ax < 0.25) r = "[2^-28, 0.25)";
        else if (ax < 0.84375) r = "[0.25, 0.84375)";
        else if (ax < 1.25) r = "[0.84375, 1.25)";
        else if (ax < 1 / 0.35) r = "[1.25, 1/0.35)";
        else if (ax < 6) r = "[1/0.35, 6)";
        else if (ax < 26.543258454250981) r = "[6, 26.54)";
        else if (ax < 28) r = "[26.54, 28)  (erfc subnormal)";
        else r = "[28, 30]";
        return sign + " " + r;
    }

    private record Worst(double ulps, double x, int count) {}

    private static void record(Map<String, Worst> worst, double x, double computed, BigDecimal exact) {
        double e = ErfReference.ulpError(computed, exact);
        worst.merge(region(x), new Worst(e, x, 1),
                (a, b) -> new Worst(Math.max(a.ulps, b.ulps), b.ulps > a.ulps ? b.x : a.x, a.count + 1));
        worst.merge("all", new Worst(e, x, 1),
                (a, b) -> new Worst(Math.max(a.ulps, b.ulps), b.ulps > a.ulps ? b.x : a.x, a.count + 1));
    }

    private static void writeReport() throws IOException {
        StringBuilder sb = new StringBuilder();
        sb.append("erf / erfc accuracy against a 90-digit BigDecimal reference, ")
                .append(sample.size()).append(" arguments\n");
        for (String fn : new String[] {"erf", "erfc"}) {
            Map<String, Worst> w = fn.equals("erf") ? erfWorst : erfcWorst;
            sb.append('\n').append(fn).append('\n');
            w.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> sb.append(String.format(
                    Locale.ROOT, "  %-36s n=%5d  max %.4f ulp at x = %s%n",
                    e.getKey(), e.getValue().count, e.getValue().ulps, Double.toString(e.getValue().x))));
        }
        Path out = Path.of("target", "erf-accuracy.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, sb.toString());
    }

    @Test
    void sampleIsDense() {
        assertTrue(sample.size() > 10_000, "sample size " + sample.size());
    }

    @Test
    void erfWithinOneUlpEverywhere() {
        Worst w = erfWorst.get("all");
        assertTrue(w.ulps <= MAX_ULP, "erf: " + w.ulps + " ulp at x = " + w.x);
    }

    @Test
    void erfcWithinOneUlpEverywhere() {
        Worst w = erfcWorst.get("all");
        assertTrue(w.ulps <= MAX_ULP, "erfc: " + w.ulps + " ulp at x = " + w.x);
    }

    @Test
    void noRegressionFromTheMeasuredAccuracy() {
        Worst e = erfWorst.get("all");
        Worst c = erfcWorst.get("all");
        assertTrue(e.ulps <= ERF_GUARD, "erf: " + e.ulps + " ulp at x = " + e.x);
        assertTrue(c.ulps <= ERFC_GUARD, "erfc: " + c.ulps + " ulp at x = " + c.x);
    }

    /** The measure itself must be able to fail: a function off by a few ulps is caught. */
    @Test
    void measureDetectsAFewUlpsOff() {
        DoubleUnaryOperator sloppy = x -> {
            double y = Erf.erfc(x);
            return y + 3 * Math.ulp(y);
        };
        for (double x : new double[] {-2.5, 0.1, 0.9, 2.0, 10.0, 26.8}) {
            double e = ErfReference.ulpError(sloppy.applyAsDouble(x), ErfReference.erfc(x));
            assertTrue(e > 2, "3 ulp off measured as " + e + " at " + x);
        }
    }
}
