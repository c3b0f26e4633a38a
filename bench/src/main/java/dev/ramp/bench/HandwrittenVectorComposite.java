package dev.ramp.bench;

import static dev.ramp.bench.HandwrittenVector.D;
import static dev.ramp.bench.HandwrittenVector.F;
import static dev.ramp.bench.HandwrittenVectorSmooth.*;
import static jdk.incubator.vector.VectorOperators.*;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;

/**
 * Handwritten Vector API kernels of the composite headline functions: mish, gelu and gelu_tanh
 * (conventions: {@link HandwrittenVector}). Forward and backward passes are the fused loop's
 * halves; each writes only its own output.
 */
final class HandwrittenVectorComposite {
    private HandwrittenVectorComposite() {}

    /**
     * mish = x t, t = tanh(log1p(e^x)); mish' = t + x (1 - t^2) sigmoid(x), sigmoid from the
     * same e^x (e / (1 + e), 1 above x = 20 where e overflows in float).
     */
    static final class Mish implements Baseline {
        static DoubleVector t(DoubleVector e) {
            return e.lanewise(LOG1P).lanewise(TANH);
        }

        static FloatVector t(FloatVector e) {
            return e.lanewise(LOG1P).lanewise(TANH);
        }

        static DoubleVector prime(DoubleVector x, DoubleVector e, DoubleVector t) {
            DoubleVector s = e.div(e.add(1.0)).blend(1.0, x.compare(GT, 20.0));
            return t.add(x.mul(t.mul(t).neg().add(1.0)).mul(s));
        }

        static FloatVector prime(FloatVector x, FloatVector e, FloatVector t) {
            FloatVector s = e.div(e.add(1f)).blend(1f, x.compare(GT, 20f));
            return t.add(x.mul(t.mul(t).neg().add(1f)).mul(s));
        }

        static double f(double x) {
            return x * Math.tanh(Math.log1p(Math.exp(x)));
        }

        static double df(double x) {
            double e = Math.exp(x), t = Math.tanh(Math.log1p(e)), s = x > 20 ? 1 : e / (1 + e);
            return t + x * (1 - t * t) * s;
        }

        public void forward(double[] x, double[] y) {
            int i = 0;
            for (int n = D.loopBound(x.length); i < n; i += D.length()) {
                DoubleVector v = DoubleVector.fromArray(D, x, i);
                v.mul(t(v.lanewise(EXP))).intoArray(y, i);
            }
            for (; i < x.length; i++) y[i] = f(x[i]);
        }

        public void forward(float[] x, float[] y) {
            int i = 0;
            for (int n = F.loopBound(x.length); i < n; i += F.length()) {
                FloatVector v = FloatVector.fromArray(F, x, i);
                v.mul(t(v.lanewise(EXP))).intoArray(y, i);
            }
            for (; i < x.length; i++) y[i] = (float) f(x[i]);
        }

        public void backward(double[] x, double[] g, double[] gi) {
            int i = 0;
            for (int n = D.loopBound(x.length); i < n; i += D.length()) {
                DoubleVector v = DoubleVector.fromArray(D, x, i), e = v.lanewise(EXP);
                DoubleVector.fromArray(D, g, i).mul(prime(v, e, t(e))).intoArray(gi, i);
            }
            for (; i < x.length; i++) gi[i] = g[i] * df(x[i]);
        }

        public void backward(float[] x, float[] g, float[] gi) {
            int i = 0;
            for (int n = F.loopBound(x.length); i < n; i += F.length()) {
                FloatVector v = FloatVector.fromArray(F, x, i), e = v.lanewise(EXP);
                FloatVector.fromArray(F, g, i).mul(prime(v, e, t(e))).intoArray(gi, i);
            }
            for (; i < x.length; i++) gi[i] = (float) (g[i] * df(x[i]));
        }

        public void fused(double[] x, double[] y, double[] g, double[] gi) {
            int i = 0;
            for (int n = D.loopBound(x.length); i < n; i += D.length()) {
                DoubleVector v = DoubleVector.fromArray(D, x, i), gv = DoubleVector.fromArray(D, g, i), e = v.lanewise(EXP), t = t(e);
                v.mul(t).intoArray(y, i);
                gv.mul(prime(v, e, t)).intoArray(gi, i);
            }
            for (; i < x.length; i++) {
                double v = x[i];
                gi[i] = g[i] * df(v);
                y[i] = f(v);
            }
        }

        public void fused(float[] x, float[] y, float[] g, float[] gi) {
            int i = 0;
            for (int n = F.loopBound(x.length); i < n; i += F.length()) {
                FloatVector v = FloatVector.fromArray(F, x, i), gv = FloatVector.fromArray(F, g, i), e = v.lanewise(EXP), t = t(e);
                v.mul(t).intoArray(y, i);
                gv.mul(prime(v, e, t)).intoArray(gi, i);
            }
            for (; i < x.length; i++) {
                double v = x[i];
                gi[i] = (float) (g[i] * df(v));
                y[i] = (float) f(v);
            }
        }
    }

    /**
     * gelu = x Phi(x), Phi(x) = (1 + erf(x / sqrt 2)) / 2; gelu' = Phi(x) + x phi(x),
     * phi(x) = e^(-x^2/2) / sqrt(2 pi), the same exponential erf's approximation uses.
     */
    static final class Gelu implements Baseline {
        static double cdf(double x) {
            return 0.5 * (1 + erf(x * RSQRT2));
        }

        static double df(double x) {
            return cdf(x) + x * RSQRT2PI * Math.exp(-0.5 * x * x);
        }

        public void forward(double[] x, double[] y) {
            int i = 0;
            for (int n = D.loopBound(x.length); i < n; i += D.length()) {
                DoubleVector v = DoubleVector.fromArray(D, x, i), z = v.mul(RSQRT2);
                DoubleVector cdf = erf(z, z.mul(z).neg().lanewise(EXP)).add(1.0).mul(0.5);
                v.mul(cdf).intoArray(y, i);
            }
            for (; i < x.length; i++) y[i] = x[i] * cdf(x[i]);
        }

        public void forward(float[] x, float[] y) {
            int i = 0;
            for (int n = F.loopBound(x.length); i < n; i += F.length()) {
                FloatVector v = FloatVector.fromArray(F, x, i), z = v.mul((float) RSQRT2);
                FloatVector cdf = erf(z, z.mul(z).neg().lanewise(EXP)).add(1f).mul(0.5f);
                v.mul(cdf).intoArray(y, i);
            }
            for (; i < x.length; i++) y[i] = (float) (x[i] * cdf(x[i]));
        }

        public void backward(double[] x, double[] g, double[] gi) {
            int i = 0;
            for (int n = D.loopBound(x.length); i < n; i += D.length()) {
                DoubleVector v = DoubleVector.fromArray(D, x, i), z = v.mul(RSQRT2), e = z.mul(z).neg().lanewise(EXP);
                DoubleVector cdf = erf(z, e).add(1.0).mul(0.5);
                DoubleVector.fromArray(D, g, i).mul(cdf.add(v.mul(e).mul(RSQRT2PI))).intoArray(gi, i);
            }
            for (; i < x.length; i++) gi[i] = g[i] * df(x[i]);
        }

        public void backward(float[] x, float[] g, float[] gi) {
            int i = 0;
            for (int n = F.loopBound(x.length); i < n; i += F.length()) {
                FloatVector v = FloatVector.fromArray(F, x, i), z = v.mul((float) RSQRT2), e = z.mul(z).neg().lanewise(EXP);
                FloatVector cdf = erf(z, e).add(1f).mul(0.5f);
                FloatVector.fromArray(F, g, i).mul(cdf.add(v.mul(e).mul((float) RSQRT2PI))).intoArray(gi, i);
            }
            for (; i < x.length; i++) gi[i] = (float) (g[i] * df(x[i]));
        }

        public void fused(double[] x, double[] y, double[] g, double[] gi) {
            int i = 0;
            for (int n = D.loopBound(x.length); i < n; i += D.length()) {
                DoubleVector v = DoubleVector.fromArray(D, x, i), gv = DoubleVector.fromArray(D, g, i);
                DoubleVector z = v.mul(RSQRT2), e = z.mul(z).neg().lanewise(EXP), cdf = erf(z, e).add(1.0).mul(0.5);
                v.mul(cdf).intoArray(y, i);
                gv.mul(cdf.add(v.mul(e).mul(RSQRT2PI))).intoArray(gi, i);
            }
            for (; i < x.length; i++) {
                double v = x[i];
                gi[i] = g[i] * df(v);
                y[i] = v * cdf(v);
            }
        }

        public void fused(float[] x, float[] y, float[] g, float[] gi) {
            int i = 0;
            for (int n = F.loopBound(x.length); i < n; i += F.length()) {
                FloatVector v = FloatVector.fromArray(F, x, i), gv = FloatVector.fromArray(F, g, i);
                FloatVector z = v.mul((float) RSQRT2), e = z.mul(z).neg().lanewise(EXP), cdf = erf(z, e).add(1f).mul(0.5f);
                v.mul(cdf).intoArray(y, i);
                gv.mul(cdf.add(v.mul(e).mul((float) RSQRT2PI))).intoArray(gi, i);
            }
            for (; i < x.length; i++) {
                double v = x[i];
                gi[i] = (float) (g[i] * df(v));
                y[i] = (float) (v * cdf(v));
            }
        }
    }

    /**
     * gelu_tanh = x (1 + t) / 2, t = tanh(c (x + k x^3)); gelu_tanh' = (1 + t) / 2 + x (1 - t^2) c (1 + 3 k x^2) / 2.
     */
    static final class GeluTanh implements Baseline {
        static DoubleVector t(DoubleVector x) {
            return x.mul(x).mul(GT_K).add(1.0).mul(x).mul(GT_C).lanewise(TANH);
        }

        static FloatVector t(FloatVector x) {
            return x.mul(x).mul((float) GT_K).add(1f).mul(x).mul((float) GT_C).lanewise(TANH);
        }

        static DoubleVector prime(DoubleVector x, DoubleVector t) {
            DoubleVector du = x.mul(x).mul(3 * GT_K).add(1.0).mul(GT_C);
            return t.add(1.0).add(x.mul(t.mul(t).neg().add(1.0)).mul(du)).mul(0.5);
        }

        static FloatVector prime(FloatVector x, FloatVector t) {
            FloatVector du = x.mul(x).mul((float) (3 * GT_K)).add(1f).mul((float) GT_C);
            return t.add(1f).add(x.mul(t.mul(t).neg().add(1f)).mul(du)).mul(0.5f);
        }

        static double t(double x) {
            return Math.tanh(GT_C * x * (1 + GT_K * x * x));
        }

        static double df(double x) {
            double t = t(x);
            return 0.5 * (1 + t + x * (1 - t * t) * GT_C * (1 + 3 * GT_K * x * x));
        }

        public void forward(double[] x, double[] y) {
            int i = 0;
            for (int n = D.loopBound(x.length); i < n; i += D.length()) {
                DoubleVector v = DoubleVector.fromArray(D, x, i);
                v.mul(0.5).mul(t(v).add(1.0)).intoArray(y, i);
            }
            for (; i < x.length; i++) y[i] = 0.5 * x[i] * (1 + t(x[i]));
        }

        public void forward(float[] x, float[] y) {
            int i = 0;
            for (int n = F.loopBound(x.length); i < n; i += F.length()) {
                FloatVector v = FloatVector.fromArray(F, x, i);
                v.mul(0.5f).mul(t(v).add(1f)).intoArray(y, i);
            }
            for (; i < x.length; i++) y[i] = (float) (0.5 * x[i] * (1 + t(x[i])));
        }

        public void backward(double[] x, double[] g, double[] gi) {
            int i = 0;
            for (int n = D.loopBound(x.length); i < n; i += D.length()) {
                DoubleVector v = DoubleVector.fromArray(D, x, i);
                DoubleVector.fromArray(D, g, i).mul(prime(v, t(v))).intoArray(gi, i);
            }
            for (; i < x.length; i++) gi[i] = g[i] * df(x[i]);
        }

        public void backward(float[] x, float[] g, float[] gi) {
            int i = 0;
            for (int n = F.loopBound(x.length); i < n; i += F.length()) {
                FloatVector v = FloatVector.fromArray(F, x, i);
                FloatVector.fromArray(F, g, i).mul(prime(v, t(v))).intoArray(gi, i);
            }
            for (; i < x.length; i++) gi[i] = (float) (g[i] * df(x[i]));
        }

        public void fused(double[] x, double[] y, double[] g, double[] gi) {
            int i = 0;
            for (int n = D.loopBound(x.length); i < n; i += D.length()) {
                DoubleVector v = DoubleVector.fromArray(D, x, i), gv = DoubleVector.fromArray(D, g, i), t = t(v);
                v.mul(0.5).mul(t.add(1.0)).intoArray(y, i);
                gv.mul(prime(v, t)).intoArray(gi, i);
            }
            for (; i < x.length; i++) {
                double v = x[i];
                gi[i] = g[i] * df(v);
                y[i] = 0.5 * v * (1 + t(v));
            }
        }

        public void fused(float[] x, float[] y, float[] g, float[] gi) {
            int i = 0;
            for (int n = F.loopBound(x.length); i < n; i += F.length()) {
                FloatVector v = FloatVector.fromArray(F, x, i), gv = FloatVector.fromArray(F, g, i), t = t(v);
                v.mul(0.5f).mul(t.add(1f)).intoArray(y, i);
                gv.mul(prime(v, t)).intoArray(gi, i);
            }
            for (; i < x.length; i++) {
                double v = x[i];
                gi[i] = (float) (g[i] * df(v));
                y[i] = (float) (0.5 * v * (1 + t(v)));
            }
        }
    }
}
