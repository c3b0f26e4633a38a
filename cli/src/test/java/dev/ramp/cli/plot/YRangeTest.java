package dev.ramp.cli.plot;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

class YRangeTest {

    static Series sampled(DoubleUnaryOperator f, double from, double to) {
        int n = 801;
        double[] xs = new double[n];
        double[] ys = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = from + (to - from) * i / (n - 1);
            ys[i] = f.applyAsDouble(xs[i]);
        }
        return new Series("f(x)", 0, xs, ys);
    }

    @Test
    void smoothCurvesAreShownWhole() {
        YRange r = YRange.of(List.of(sampled(Math::exp, -5, 5)));
        assertFalse(r.clipped());
        assertTrue(r.min() < Math.exp(-5) && r.max() > Math.exp(5));
    }

    @Test
    void aPoleIsClippedAndSaidSo() {
        YRange r = YRange.of(List.of(sampled(x -> 1 / x, -3, 3)));
        assertTrue(r.clipped());
        assertTrue(r.max() < 100 && r.min() > -100, r.toString());
    }

    @Test
    void nanAndInfinityAreIgnored() {
        YRange r = YRange.of(List.of(sampled(x -> x < 0 ? Double.NaN : x == 0 ? Double.NEGATIVE_INFINITY : Math.log(x), -1, 1)));
        assertTrue(Double.isFinite(r.min()) && Double.isFinite(r.max()));
    }

    @Test
    void constantsAndEmptyCurvesGetAWindow() {
        YRange c = YRange.of(List.of(sampled(x -> 3, -1, 1)));
        assertTrue(c.min() < 3 && c.max() > 3);
        YRange none = YRange.of(List.of(sampled(x -> Double.NaN, -1, 1)));
        assertTrue(none.min() < none.max());
    }
}
