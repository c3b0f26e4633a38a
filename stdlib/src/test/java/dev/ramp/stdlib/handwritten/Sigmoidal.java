package dev.ramp.stdlib.handwritten;

/**
 * Sigmoid-based activations and the softplus family by hand. Everything is written in terms of
 * e = exp(-|x|) <= 1, which never overflows, and derivatives avoid 1 - sigmoid(x) and
 * 1 - tanh(x)^2, which cancel to nothing in the tails.
 */
public final class Sigmoidal {
    private Sigmoidal() {}

    /** PyTorch Softplus' default threshold: x itself where x > 20. */
    public static final double SOFTPLUS_THRESHOLD = 20;
    /** tanhshrink switches from the continued fraction to x - tanh(x) here (cancellation below). */
    private static final double TANHSHRINK_SERIES_LIMIT = 1.6;

    /** 1 / (1 + e^-x), branching on the sign so that the exponential is at most 1. */
    public static double sigmoid(double x) {
        if (x >= 0) return 1 / (1 + Math.exp(-x));
        double e = Math.exp(x);
        return e / (1 + e);
    }

    /** e / (1 + e)^2 with e = exp(-|x|): symmetric, and no 1 - s cancellation for x >> 0. */
    public static double sigmoidPrime(double x) {
        double e = Math.exp(-Math.abs(x));
        double d = 1 + e;
        return e / (d * d);
    }

    public static double tanh(double x) {
        return Math.tanh(x);
    }

    /** sech^2 x = 4e / (1 + e)^2 with e = exp(-2|x|); 1 - tanh^2 would be 0 from |x| = 19. */
    public static double tanhPrime(double x) {
        double e = Math.exp(-2 * Math.abs(x));
        double d = 1 + e;
        return 4 * e / (d * d);
    }

    /** PyTorch Softplus(beta = 1, threshold = 20): x above the threshold, else max(x, 0) + log1p(e). */
    public static double softplus(double x) {
        return x > SOFTPLUS_THRESHOLD ? x : softplusK(x);
    }

    public static double softplusPrime(double x) {
        return x > SOFTPLUS_THRESHOLD ? 1 : sigmoid(x);
    }

    /** log(1 + e^x) with no threshold (k = 1), exact in both tails. */
    public static double softplusK(double x) {
        return Math.max(x, 0.0) + Math.log1p(Math.exp(-Math.abs(x)));
    }

    public static double softplusKPrime(double x) {
        return sigmoid(x);
    }

    /** log(sigmoid(x)) = min(x, 0) - log1p(e), PyTorch's formulation. */
    public static double logSigmoid(double x) {
        return Math.min(x, 0.0) - Math.log1p(Math.exp(-Math.abs(x)));
    }

    public static double logSigmoidPrime(double x) {
        return sigmoid(-x);
    }

    public static double silu(double x) {
        return x * sigmoid(x);
    }

    /** s (1 + x sigmoid(-x)), with sigmoid(-x) computed directly rather than as 1 - s. */
    public static double siluPrime(double x) {
        double e = Math.exp(-Math.abs(x));
        double r = 1 / (1 + e);
        double s = x >= 0 ? r : e * r;
        double sn = x >= 0 ? e * r : r;
        return s * (1 + x * sn);
    }

    public static double mish(double x) {
        return x * tanhSoftplus(x);
    }

    /**
     * mish'. On the left, the closed form e^x w / d^2 with w = 4(x+1) + 4e^2x + e^3x + e^x (4x+6),
     * d = e^2x + 2e^x + 2, which has no cancellation near x = -1 (t + x s sech^2 loses ~3 bits
     * there). On the right, t + x s sech^2(sp(x)) with sech^2 from e = e^-x, all terms positive.
     */
    public static double mishPrime(double x) {
        if (x <= 0) {
            double u = Math.exp(x);
            double w = 4 * (x + 1) + u * (4 * u + u * u + (4 * x + 6));
            double d = u * (u + 2) + 2;
            return u * w / (d * d);
        }
        double e = Math.exp(-x);
        double num = 1 + 2 * e;
        double den = num + 2 * e * e;
        double t = num / den;
        double ep = e * (1 + e);
        double sech2 = 4 * ep * ep / (den * den);
        return t + x * (1 / (1 + e)) * sech2;
    }

    /**
     * tanh(log(1 + e^x)) = (y^2 - 1)/(y^2 + 1) with y = 1 + e^x, rewritten so neither part
     * cancels: n / (n + 2) with n = u (u + 2), u = e^x, for x <= 0; (1 + 2e) / (1 + 2e + 2e^2)
     * with e = e^-x for x > 0.
     */
    static double tanhSoftplus(double x) {
        if (x <= 0) {
            double u = Math.exp(x);
            double n = u * (u + 2);
            return n / (n + 2);
        }
        double e = Math.exp(-x);
        double num = 1 + 2 * e;
        return num / (num + 2 * e * e);
    }

    /**
     * x - tanh(x). Near 0 this cancels (about x^3/3), so for |x| < 1.6 use Lambert's continued
     * fraction tanh x = x / (1 + y), y = x^2 / (3 + x^2 / (5 + ...)): then x - tanh x = x y / (1 + y),
     * every step on positive numbers. Eleven levels leave a truncation error below 1e-20 there.
     */
    public static double tanhshrink(double x) {
        if (!(Math.abs(x) < TANHSHRINK_SERIES_LIMIT)) return x - Math.tanh(x);
        double x2 = x * x;
        double d = 23;
        for (int k = 21; k >= 3; k -= 2) d = k + x2 / d;
        double y = x2 / d;
        return x * y / (1 + y);
    }

    public static double tanhshrinkPrime(double x) {
        double t = Math.tanh(x);
        return t * t;
    }

    public static double softsign(double x) {
        return x / (1 + Math.abs(x));
    }

    public static double softsignPrime(double x) {
        double r = 1 / (1 + Math.abs(x));
        return r * r;
    }

    /**
     * squareplus with b = 4: (x + s) / 2 for x >= 0, and b / (2 (s - x)) = 2 / (s - x) for x < 0,
     * which is the same number without cancellation (s = sqrt(x^2 + 4)). Beyond 1e150, x^2 would
     * overflow; there the function is x, or 1/|x|, to double precision.
     */
    public static double squareplus(double x) {
        if (Math.abs(x) > 1e150) return x > 0 ? x : -1 / x;
        double s = Math.sqrt(x * x + 4);
        return x >= 0 ? 0.5 * (x + s) : 2 / (s - x);
    }

    /** (1 + x/s) / 2 = (s + x) / (2s), and for x < 0 s + x = 4 / (s - x) again avoids cancellation. */
    public static double squareplusPrime(double x) {
        if (Math.abs(x) > 1e150) return x > 0 ? 1 : 1 / x / x;
        double s = Math.sqrt(x * x + 4);
        return x >= 0 ? (s + x) / (2 * s) : 2 / (s - x) / s;
    }
}
