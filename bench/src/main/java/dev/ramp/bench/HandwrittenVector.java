package dev.ramp.bench;

import static jdk.incubator.vector.VectorOperators.*;

import java.util.List;
import java.util.Optional;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * Handwritten Vector API kernels for the ten headline functions, written the way one writes them
 * by hand: the preferred species, float arrays in float lanes, the textbook formulas with SVML
 * doing the math ({@code lanewise(EXP)} and friends), one fused loop for forward and backward,
 * and a scalar tail. The piecewise-linear and exponential ones are here; the smooth ones in
 * {@link HandwrittenVectorSmooth} and {@link HandwrittenVectorComposite}.
 *
 * <p>Every loop is written out per function (no shared loop taking a lambda): a lambda or an
 * operator passed through a helper that is not inlined makes C2 box every vector.
 */
final class HandwrittenVector {
    private HandwrittenVector() {}

    /** The functions with a handwritten Vector API kernel. */
    static final List<String> NAMES = List.of("relu", "leaky_relu", "elu", "sigmoid", "tanh", "silu", "softplus", "gelu", "gelu_tanh", "mish");

    static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
    static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;

    static Optional<Baseline> find(String name) {
        return Optional.ofNullable(switch (name) {
            case "relu" -> new Relu();
            case "leaky_relu" -> new LeakyRelu();
            case "elu" -> new Elu();
            case "softplus" -> new Softplus();
            case "sigmoid" -> new HandwrittenVectorSmooth.Sigmoid();
            case "tanh" -> new HandwrittenVectorSmooth.Tanh();
            case "silu" -> new HandwrittenVectorSmooth.Silu();
            case "mish" -> new HandwrittenVectorComposite.Mish();
            case "gelu" -> new HandwrittenVectorComposite.Gelu();
            case "gelu_tanh" -> new HandwrittenVectorComposite.GeluTanh();
            default -> null;
        });
    }

    /** relu = max(0, x); relu' = x > 0 ? 1 : 0. */
    static final class Relu implements Baseline {
        public void forward(double[] x, double[] y) {
            int i = 0;
            for (int n = D.loopBound(x.length); i < n; i += D.length()) DoubleVector.fromArray(D, x, i).max(0.0).intoArray(y, i);
            for (; i < x.length; i++) y[i] = Math.max(0.0, x[i]);
        }

        public void forward(float[] x, float[] y) {
            int i = 0;
            for (int n = F.loopBound(x.length); i < n; i += F.length()) FloatVector.fromArray(F, x, i).max(0f).intoArray(y, i);
            for (; i < x.length; i++) y[i] = Math.max(0f, x[i]);
        }

        public void backward(double[] x, double[] g, double[] gi) {
            int i = 0;
            for (int n = D.loopBound(x.length); i < n; i += D.length()) {
                VectorMask<Double> pos = DoubleVector.fromArray(D, x, i).compare(GT, 0.0);
                DoubleVector.zero(D).blend(DoubleVector.fromArray(D, g, i), pos).intoArray(gi, i);
            }
            for (; i < x.length; i++) gi[i] = x[i] > 0 ? g[i] : 0.0;
        }

        public void backward(float[] x, float[] g, float[] gi) {
            int i = 0;
            for (int n = F.loopBound(x.length); i < n; i += F.length()) {
                VectorMask<Float> pos = FloatVector.fromArray(F, x, i).compare(GT, 0f);
                FloatVector.zero(F).blend(FloatVector.fromArray(F, g, i), pos).intoArray(gi, i);
            }
            for (; i < x.length; i++) gi[i] = x[i] > 0 ? g[i] : 0f;
        }

        public void fused(double[] x, double[] y, double[] g, double[] gi) {
            int i = 0;
            for (int n = D.loopBound(x.length); i < n; i += D.length()) {
                DoubleVector v = DoubleVector.fromArray(D, x, i), gv = DoubleVector.fromArray(D, g, i);
                v.max(0.0).intoArray(y, i);
                DoubleVector.zero(D).blend(gv, v.compare(GT, 0.0)).intoArray(gi, i);
            }
            for (; i < x.length; i++) {
                double v = x[i];
                gi[i] = v > 0 ? g[i] : 0.0;
                y[i] = Math.max(0.0, v);
            }
        }

        public void fused(float[] x, float[] y, float[] g, float[] gi) {
            int i = 0;
            for (int n = F.loopBound(x.length); i < n; i += F.length()) {
                FloatVector v = FloatVector.fromArray(F, x, i), gv = FloatVector.fromArray(F, g, i);
                v.max(0f).intoArray(y, i);
                FloatVector.zero(F).blend(gv, v.compare(GT, 0f)).intoArray(gi, i);
            }
            for (; i < x.length; i++) {
                float v = x[i];
                gi[i] = v > 0 ? g[i] : 0f;
                y[i] = Math.max(0f, v);
            }
        }
    }

    /** leaky_relu = x > 0 ? x : 0.01 x; leaky_relu' = x > 0 ? 1 : 0.01. */
    static final class LeakyRelu implements Baseline {
        public void forward(double[] x, double[] y) {
            int i = 0;
            for (int n = D.loopBound(x.length); i < n; i += D.length()) {
                DoubleVector v = DoubleVector.fromArray(D, x, i);
                v.mul(0.01).blend(v, v.compare(GT, 0.0)).intoArray(y, i);
            }
            for (; i < x.length; i++) y[i] = x[i] > 0 ? x[i] : 0.01 * x[i];
        }

        public void forward(float[] x, float[] y) {
            int i = 0;
            for (int n = F.loopBound(x.length); i < n; i += F.length()) {
                FloatVector v = FloatVector.fromArray(F, x, i);
                v.mul(0.01f).blend(v, v.compare(GT, 0f)).intoArray(y, i);
            }
            for (; i < x.length; i++) y[i] = x[i] > 0 ? x[i] : 0.01f * x[i];
        }

        public void backward(double[] x, double[] g, double[] gi) {
            int i = 0;
            for (int n = D.loopBound(x.length); i < n; i += D.length()) {
                DoubleVector v = DoubleVector.fromArray(D, x, i), gv = DoubleVector.fromArray(D, g, i);
                gv.mul(0.01).blend(gv, v.compare(GT, 0.0)).intoArray(gi, i);
            }
            for (; i < x.length; i++) gi[i] = x[i] > 0 ? g[i] : 0.01 * g[i];
        }

        public void backward(float[] x, float[] g, float[] gi) {
            int i = 0;
            for (int n = F.loopBound(x.length); i < n; i += F.length()) {
                FloatVector v = FloatVector.fromArray(F, x, i), gv = FloatVector.fromArray(F, g, i);
                gv.mul(0.01f).blend(gv, v.compare(GT, 0f)).intoArray(gi, i);
            }
            for (; i < x.length; i++) gi[i] = x[i] > 0 ? g[i] : 0.01f * g[i];
        }

        public void fused(double[] x, double[] y, double[] g, double[] gi) {
            int i = 0;
            for (int n = D.loopBound(x.length); i < n; i += D.length()) {
                DoubleVector v = DoubleVector.fromArray(D, x, i), gv = DoubleVector.fromArray(D, g, i);
                VectorMask<Double> pos = v.compare(GT, 0.0);
                v.mul(0.01).blend(v, pos).intoArray(y, i);
                gv.mul(0.01).blend(gv, pos).intoArray(gi, i);
            }
            for (; i < x.length; i++) {
                double v = x[i], gv = g[i];
                y[i] = v > 0 ? v : 0.01 * v;
                gi[i] = v > 0 ? gv : 0.01 * gv;
            }
        }

        public void fused(float[] x, float[] y, float[] g, float[] gi) {
            int i = 0;
            for (int n = F.loopBound(x.length); i < n; i += F.length()) {
                FloatVector v = FloatVector.fromArray(F, x, i), gv = FloatVector.fromArray(F, g, i);
                VectorMask<Float> pos = v.compare(GT, 0f);
                v.mul(0.01f).blend(v, pos).intoArray(y, i);
                gv.mul(0.01f).blend(gv, pos).intoArray(gi, i);
            }
            for (; i < x.length; i++) {
                float v = x[i], gv = g[i];
                y[i] = v > 0 ? v : 0.01f * v;
                gi[i] = v > 0 ? gv : 0.01f * gv;
            }
        }
    }

    /** elu = x > 0 ? x : expm1(x); elu' = x > 0 ? 1 : exp(x) (= expm1(x) + 1). */
    static final class Elu implements Baseline {
        public void forward(double[] x, double[] y) {
            int i = 0;
            for (int n = D.loopBound(x.length); i < n; i += D.length()) {
                DoubleVector v = DoubleVector.fromArray(D, x, i);
                v.lanewise(EXPM1).blend(v, v.compare(GT, 0.0)).intoArray(y, i);
            }
            for (; i < x.length; i++) y[i] = x[i] > 0 ? x[i] : Math.expm1(x[i]);
        }

        public void forward(float[] x, float[] y) {
            int i = 0;
            for (int n = F.loopBound(x.length); i < n; i += F.length()) {
                FloatVector v = FloatVector.fromArray(F, x, i);
                v.lanewise(EXPM1).blend(v, v.compare(GT, 0f)).intoArray(y, i);
            }
            for (; i < x.length; i++) y[i] = x[i] > 0 ? x[i] : (float) Math.expm1(x[i]);
        }

        public void backward(double[] x, double[] g, double[] gi) {
            int i = 0;
            for (int n = D.loopBound(x.length); i < n; i += D.length()) {
                DoubleVector v = DoubleVector.fromArray(D, x, i), gv = DoubleVector.fromArray(D, g, i);
                gv.mul(v.lanewise(EXP)).blend(gv, v.compare(GT, 0.0)).intoArray(gi, i);
            }
            for (; i < x.length; i++) gi[i] = x[i] > 0 ? g[i] : g[i] * Math.exp(x[i]);
        }

        public void backward(float[] x, float[] g, float[] gi) {
            int i = 0;
            for (int n = F.loopBound(x.length); i < n; i += F.length()) {
                FloatVector v = FloatVector.fromArray(F, x, i), gv = FloatVector.fromArray(F, g, i);
                gv.mul(v.lanewise(EXP)).blend(gv, v.compare(GT, 0f)).intoArray(gi, i);
            }
            for (; i < x.length; i++) gi[i] = x[i] > 0 ? g[i] : (float) (g[i] * Math.exp(x[i]));
        }

        public void fused(double[] x, double[] y, double[] g, double[] gi) {
            int i = 0;
            for (int n = D.loopBound(x.length); i < n; i += D.length()) {
                DoubleVector v = DoubleVector.fromArray(D, x, i), gv = DoubleVector.fromArray(D, g, i);
                VectorMask<Double> pos = v.compare(GT, 0.0);
                DoubleVector e = v.lanewise(EXPM1);
                e.blend(v, pos).intoArray(y, i);
                gv.mul(e.add(1.0)).blend(gv, pos).intoArray(gi, i);
            }
            for (; i < x.length; i++) {
                double v = x[i], gv = g[i], e = Math.expm1(v);
                y[i] = v > 0 ? v : e;
                gi[i] = v > 0 ? gv : gv * (e + 1);
            }
        }

        public void fused(float[] x, float[] y, float[] g, float[] gi) {
            int i = 0;
            for (int n = F.loopBound(x.length); i < n; i += F.length()) {
                FloatVector v = FloatVector.fromArray(F, x, i), gv = FloatVector.fromArray(F, g, i);
                VectorMask<Float> pos = v.compare(GT, 0f);
                FloatVector e = v.lanewise(EXPM1);
                e.blend(v, pos).intoArray(y, i);
                gv.mul(e.add(1f)).blend(gv, pos).intoArray(gi, i);
            }
            for (; i < x.length; i++) {
                float v = x[i], gv = g[i];
                double e = Math.expm1(v);
                y[i] = v > 0 ? v : (float) e;
                gi[i] = v > 0 ? gv : (float) (gv * (e + 1));
            }
        }
    }

    /** softplus (beta 1, threshold 20, as PyTorch) = x > 20 ? x : log1p(exp(x)); softplus' = x > 20 ? 1 : sigmoid(x). */
    static final class Softplus implements Baseline {
        public void forward(double[] x, double[] y) {
            int i = 0;
            for (int n = D.loopBound(x.length); i < n; i += D.length()) {
                DoubleVector v = DoubleVector.fromArray(D, x, i);
                v.lanewise(EXP).lanewise(LOG1P).blend(v, v.compare(GT, 20.0)).intoArray(y, i);
            }
            for (; i < x.length; i++) y[i] = x[i] > 20 ? x[i] : Math.log1p(Math.exp(x[i]));
        }

        public void forward(float[] x, float[] y) {
            int i = 0;
            for (int n = F.loopBound(x.length); i < n; i += F.length()) {
                FloatVector v = FloatVector.fromArray(F, x, i);
                v.lanewise(EXP).lanewise(LOG1P).blend(v, v.compare(GT, 20f)).intoArray(y, i);
            }
            for (; i < x.length; i++) y[i] = x[i] > 20 ? x[i] : (float) Math.log1p(Math.exp(x[i]));
        }

        public void backward(double[] x, double[] g, double[] gi) {
            int i = 0;
            for (int n = D.loopBound(x.length); i < n; i += D.length()) {
                DoubleVector v = DoubleVector.fromArray(D, x, i), gv = DoubleVector.fromArray(D, g, i);
                gv.div(v.neg().lanewise(EXP).add(1.0)).blend(gv, v.compare(GT, 20.0)).intoArray(gi, i);
            }
            for (; i < x.length; i++) gi[i] = x[i] > 20 ? g[i] : g[i] / (1 + Math.exp(-x[i]));
        }

        public void backward(float[] x, float[] g, float[] gi) {
            int i = 0;
            for (int n = F.loopBound(x.length); i < n; i += F.length()) {
                FloatVector v = FloatVector.fromArray(F, x, i), gv = FloatVector.fromArray(F, g, i);
                gv.div(v.neg().lanewise(EXP).add(1f)).blend(gv, v.compare(GT, 20f)).intoArray(gi, i);
            }
            for (; i < x.length; i++) gi[i] = x[i] > 20 ? g[i] : (float) (g[i] / (1 + Math.exp(-x[i])));
        }

        public void fused(double[] x, double[] y, double[] g, double[] gi) {
            int i = 0;
            for (int n = D.loopBound(x.length); i < n; i += D.length()) {
                DoubleVector v = DoubleVector.fromArray(D, x, i), gv = DoubleVector.fromArray(D, g, i);
                VectorMask<Double> big = v.compare(GT, 20.0);
                DoubleVector e = v.lanewise(EXP), e1 = e.add(1.0);
                e1.lanewise(LOG).blend(v, big).intoArray(y, i);      // log(1 + e), sharing 1 + e
                gv.mul(e).div(e1).blend(gv, big).intoArray(gi, i);   // g e / (1 + e)
            }
            for (; i < x.length; i++) {
                double v = x[i], e = Math.exp(v);
                y[i] = v > 20 ? v : Math.log1p(e);
                gi[i] = v > 20 ? g[i] : g[i] * e / (1 + e);
            }
        }

        public void fused(float[] x, float[] y, float[] g, float[] gi) {
            int i = 0;
            for (int n = F.loopBound(x.length); i < n; i += F.length()) {
                FloatVector v = FloatVector.fromArray(F, x, i), gv = FloatVector.fromArray(F, g, i);
                VectorMask<Float> big = v.compare(GT, 20f);
                FloatVector e = v.lanewise(EXP), e1 = e.add(1f);
                e1.lanewise(LOG).blend(v, big).intoArray(y, i);
                gv.mul(e).div(e1).blend(gv, big).intoArray(gi, i);
            }
            for (; i < x.length; i++) {
                double v = x[i], e = Math.exp(v);
                y[i] = v > 20 ? x[i] : (float) Math.log1p(e);
                gi[i] = v > 20 ? g[i] : (float) (g[i] * e / (1 + e));
            }
        }
    }
}
