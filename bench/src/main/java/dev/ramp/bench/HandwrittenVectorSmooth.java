package dev.ramp.bench;

import static dev.ramp.bench.HandwrittenVector.D;
import static dev.ramp.bench.HandwrittenVector.F;
import static jdk.incubator.vector.VectorOperators.*;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;

/**
 * Handwritten Vector API kernels of the smooth headline functions (see {@link HandwrittenVector}
 * for the conventions). Lane math lives in small static methods, one per formula: static calls
 * with constant operators inside are inlined, so the vectors stay in registers.
 */
final class HandwrittenVectorSmooth {
    private HandwrittenVectorSmooth() {}

    // ---- lane formulas ------------------------------------------------------------------------

    /** 1 / (1 + e^-x). */
    static DoubleVector sigmoid(DoubleVector x) {
        return DoubleVector.broadcast(D, 1.0).div(x.neg().lanewise(EXP).add(1.0));
    }

    static FloatVector sigmoid(FloatVector x) {
        return FloatVector.broadcast(F, 1f).div(x.neg().lanewise(EXP).add(1f));
    }

    static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    /** erf by Abramowitz and Stegun 7.1.26 (absolute error below 1.5e-7: float accuracy), given e^(-z^2). */
    static DoubleVector erf(DoubleVector z, DoubleVector expMinusZ2) {
        DoubleVector a = z.abs();
        DoubleVector t = DoubleVector.broadcast(D, 1.0).div(a.mul(0.3275911).add(1.0));
        DoubleVector p = t.mul(1.061405429).add(-1.453152027).mul(t).add(1.421413741).mul(t).add(-0.284496736).mul(t).add(0.254829592).mul(t);
        DoubleVector y = DoubleVector.broadcast(D, 1.0).sub(p.mul(expMinusZ2));
        return y.blend(y.neg(), z.compare(LT, 0.0));
    }

    static FloatVector erf(FloatVector z, FloatVector expMinusZ2) {
        FloatVector a = z.abs();
        FloatVector t = FloatVector.broadcast(F, 1f).div(a.mul(0.3275911f).add(1f));
        FloatVector p = t.mul(1.061405429f).add(-1.453152027f).mul(t).add(1.421413741f).mul(t).add(-0.284496736f).mul(t).add(0.254829592f).mul(t);
        FloatVector y = FloatVector.broadcast(F, 1f).sub(p.mul(expMinusZ2));
        return y.blend(y.neg(), z.compare(LT, 0f));
    }

    static double erf(double z) {
        double a = Math.abs(z), t = 1 / (1 + 0.3275911 * a);
        double p = ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t;
        double y = 1 - p * Math.exp(-z * z);
        return z < 0 ? -y : y;
    }

    static final double RSQRT2 = 0.7071067811865476, RSQRT2PI = 0.3989422804014327;
    static final double GT_C = 0.7978845608028654, GT_K = 0.044715;

    // ---- kernels -------------------------------------------------------------------------------

    /** sigmoid = 1 / (1 + e^-x); sigmoid' = s (1 - s). */
    static final class Sigmoid implements Baseline {
        public void forward(double[] x, double[] y) {
            int i = 0;
            for (int n = D.loopBound(x.length); i < n; i += D.length()) sigmoid(DoubleVector.fromArray(D, x, i)).intoArray(y, i);
            for (; i < x.length; i++) y[i] = sigmoid(x[i]);
        }

        public void forward(float[] x, float[] y) {
            int i = 0;
            for (int n = F.loopBound(x.length); i < n; i += F.length()) sigmoid(FloatVector.fromArray(F, x, i)).intoArray(y, i);
            for (; i < x.length; i++) y[i] = (float) sigmoid(x[i]);
        }

        public void backward(double[] x, double[] g, double[] gi) {
            int i = 0;
            for (int n = D.loopBound(x.length); i < n; i += D.length()) {
                DoubleVector s = sigmoid(DoubleVector.fromArray(D, x, i));
                DoubleVector.fromArray(D, g, i).mul(s).mul(s.neg().add(1.0)).intoArray(gi, i);
            }
            for (; i < x.length; i++) {
                double s = sigmoid(x[i]);
                gi[i] = g[i] * s * (1 - s);
            }
        }

        public void backward(float[] x, float[] g, float[] gi) {
            int i = 0;
            for (int n = F.loopBound(x.length); i < n; i += F.length()) {
                FloatVector s = sigmoid(FloatVector.fromArray(F, x, i));
                FloatVector.fromArray(F, g, i).mul(s).mul(s.neg().add(1f)).intoArray(gi, i);
            }
            for (; i < x.length; i++) {
                double s = sigmoid(x[i]);
                gi[i] = (float) (g[i] * s * (1 - s));
            }
        }

        public void fused(double[] x, double[] y, double[] g, double[] gi) {
            int i = 0;
            for (int n = D.loopBound(x.length); i < n; i += D.length()) {
                DoubleVector gv = DoubleVector.fromArray(D, g, i), s = sigmoid(DoubleVector.fromArray(D, x, i));
                s.intoArray(y, i);
                gv.mul(s).mul(s.neg().add(1.0)).intoArray(gi, i);
            }
            for (; i < x.length; i++) {
                double s = sigmoid(x[i]);
                gi[i] = g[i] * s * (1 - s);
                y[i] = s;
            }
        }

        public void fused(float[] x, float[] y, float[] g, float[] gi) {
            int i = 0;
            for (int n = F.loopBound(x.length); i < n; i += F.length()) {
                FloatVector gv = FloatVector.fromArray(F, g, i), s = sigmoid(FloatVector.fromArray(F, x, i));
                s.intoArray(y, i);
                gv.mul(s).mul(s.neg().add(1f)).intoArray(gi, i);
            }
            for (; i < x.length; i++) {
                double s = sigmoid(x[i]);
                gi[i] = (float) (g[i] * s * (1 - s));
                y[i] = (float) s;
            }
        }
    }

    /** tanh; tanh' = 1 - t^2. */
    static final class Tanh implements Baseline {
        public void forward(double[] x, double[] y) {
            int i = 0;
            for (int n = D.loopBound(x.length); i < n; i += D.length()) DoubleVector.fromArray(D, x, i).lanewise(TANH).intoArray(y, i);
            for (; i < x.length; i++) y[i] = Math.tanh(x[i]);
        }

        public void forward(float[] x, float[] y) {
            int i = 0;
            for (int n = F.loopBound(x.length); i < n; i += F.length()) FloatVector.fromArray(F, x, i).lanewise(TANH).intoArray(y, i);
            for (; i < x.length; i++) y[i] = (float) Math.tanh(x[i]);
        }

        public void backward(double[] x, double[] g, double[] gi) {
            int i = 0;
            for (int n = D.loopBound(x.length); i < n; i += D.length()) {
                DoubleVector t = DoubleVector.fromArray(D, x, i).lanewise(TANH);
                DoubleVector.fromArray(D, g, i).mul(t.mul(t).neg().add(1.0)).intoArray(gi, i);
            }
            for (; i < x.length; i++) {
                double t = Math.tanh(x[i]);
                gi[i] = g[i] * (1 - t * t);
            }
        }

        public void backward(float[] x, float[] g, float[] gi) {
            int i = 0;
            for (int n = F.loopBound(x.length); i < n; i += F.length()) {
                FloatVector t = FloatVector.fromArray(F, x, i).lanewise(TANH);
                FloatVector.fromArray(F, g, i).mul(t.mul(t).neg().add(1f)).intoArray(gi, i);
            }
            for (; i < x.length; i++) {
                double t = Math.tanh(x[i]);
                gi[i] = (float) (g[i] * (1 - t * t));
            }
        }

        public void fused(double[] x, double[] y, double[] g, double[] gi) {
            int i = 0;
            for (int n = D.loopBound(x.length); i < n; i += D.length()) {
                DoubleVector gv = DoubleVector.fromArray(D, g, i), t = DoubleVector.fromArray(D, x, i).lanewise(TANH);
                t.intoArray(y, i);
                gv.mul(t.mul(t).neg().add(1.0)).intoArray(gi, i);
            }
            for (; i < x.length; i++) {
                double t = Math.tanh(x[i]);
                gi[i] = g[i] * (1 - t * t);
                y[i] = t;
            }
        }

        public void fused(float[] x, float[] y, float[] g, float[] gi) {
            int i = 0;
            for (int n = F.loopBound(x.length); i < n; i += F.length()) {
                FloatVector gv = FloatVector.fromArray(F, g, i), t = FloatVector.fromArray(F, x, i).lanewise(TANH);
                t.intoArray(y, i);
                gv.mul(t.mul(t).neg().add(1f)).intoArray(gi, i);
            }
            for (; i < x.length; i++) {
                double t = Math.tanh(x[i]);
                gi[i] = (float) (g[i] * (1 - t * t));
                y[i] = (float) t;
            }
        }
    }

    /** silu = x s; silu' = s (1 + x (1 - s)), s = sigmoid(x). */
    static final class Silu implements Baseline {
        public void forward(double[] x, double[] y) {
            int i = 0;
            for (int n = D.loopBound(x.length); i < n; i += D.length()) {
                DoubleVector v = DoubleVector.fromArray(D, x, i);
                v.mul(sigmoid(v)).intoArray(y, i);
            }
            for (; i < x.length; i++) y[i] = x[i] * sigmoid(x[i]);
        }

        public void forward(float[] x, float[] y) {
            int i = 0;
            for (int n = F.loopBound(x.length); i < n; i += F.length()) {
                FloatVector v = FloatVector.fromArray(F, x, i);
                v.mul(sigmoid(v)).intoArray(y, i);
            }
            for (; i < x.length; i++) y[i] = (float) (x[i] * sigmoid(x[i]));
        }

        public void backward(double[] x, double[] g, double[] gi) {
            int i = 0;
            for (int n = D.loopBound(x.length); i < n; i += D.length()) {
                DoubleVector v = DoubleVector.fromArray(D, x, i), s = sigmoid(v);
                DoubleVector.fromArray(D, g, i).mul(s.mul(v.mul(s.neg().add(1.0)).add(1.0))).intoArray(gi, i);
            }
            for (; i < x.length; i++) {
                double s = sigmoid(x[i]);
                gi[i] = g[i] * (s * (1 + x[i] * (1 - s)));
            }
        }

        public void backward(float[] x, float[] g, float[] gi) {
            int i = 0;
            for (int n = F.loopBound(x.length); i < n; i += F.length()) {
                FloatVector v = FloatVector.fromArray(F, x, i), s = sigmoid(v);
                FloatVector.fromArray(F, g, i).mul(s.mul(v.mul(s.neg().add(1f)).add(1f))).intoArray(gi, i);
            }
            for (; i < x.length; i++) {
                double s = sigmoid(x[i]);
                gi[i] = (float) (g[i] * (s * (1 + x[i] * (1 - s))));
            }
        }

        public void fused(double[] x, double[] y, double[] g, double[] gi) {
            int i = 0;
            for (int n = D.loopBound(x.length); i < n; i += D.length()) {
                DoubleVector v = DoubleVector.fromArray(D, x, i), gv = DoubleVector.fromArray(D, g, i), s = sigmoid(v);
                v.mul(s).intoArray(y, i);
                gv.mul(s.mul(v.mul(s.neg().add(1.0)).add(1.0))).intoArray(gi, i);
            }
            for (; i < x.length; i++) {
                double v = x[i], s = sigmoid(v);
                gi[i] = g[i] * (s * (1 + v * (1 - s)));
                y[i] = v * s;
            }
        }

        public void fused(float[] x, float[] y, float[] g, float[] gi) {
            int i = 0;
            for (int n = F.loopBound(x.length); i < n; i += F.length()) {
                FloatVector v = FloatVector.fromArray(F, x, i), gv = FloatVector.fromArray(F, g, i), s = sigmoid(v);
                v.mul(s).intoArray(y, i);
                gv.mul(s.mul(v.mul(s.neg().add(1f)).add(1f))).intoArray(gi, i);
            }
            for (; i < x.length; i++) {
                double v = x[i], s = sigmoid(v);
                gi[i] = (float) (g[i] * (s * (1 + v * (1 - s))));
                y[i] = (float) (v * s);
            }
        }
    }
}
