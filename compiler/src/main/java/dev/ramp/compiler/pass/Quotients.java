package dev.ramp.compiler.pass;

import static dev.ramp.compiler.ir.Exprs.ONE;
import static dev.ramp.compiler.ir.Exprs.constant;
import static dev.ramp.compiler.ir.Exprs.isOne;
import static dev.ramp.compiler.ir.Exprs.isZero;

import dev.ramp.compiler.ir.Expr;
import dev.ramp.compiler.ir.Expr.*;
import dev.ramp.compiler.ir.Exprs;
import java.util.ArrayList;
import java.util.List;

/**
 * Quotients and powers in normal form ({@link Normalise}'s {@code div-*} and {@code pow-*}
 * steps): signs and constant coefficients moved out, exact divisions by powers of two turned
 * into multiplications, common factors cancelled where that is exact.
 */
final class Quotients {
    private final Normalise n;

    Quotients(Normalise n) {
        this.n = n;
    }

    Expr div(Expr num, Expr den) {
        if (num instanceof Const(double p) && den instanceof Const(double d) && Normalise.foldable(p / d, p, d)) {
            n.note("fold");
            return constant(p / d);
        }
        boolean negative = false;
        if (num instanceof Neg(Expr a)) { num = a; negative = true; }
        if (den instanceof Neg(Expr a)) { den = a; negative = !negative; }
        // -u / -2 -> u / 2; but u / -2 stays, since -(u / 2) is a node larger.
        if (den instanceof Const(double d) && d < 0 && negative) { den = constant(-d); negative = false; }
        if (negative) n.note("div-neg");
        Expr q = quotient(num, den);
        return negative ? n.neg(q) : q;
    }

    private Expr quotient(Expr num, Expr den) {
        if (isOne(den)) return num;
        if (isZero(num) && n.range(den).definedNonzero()) {
            n.note("div-zero");
            return num;
        }
        if (den instanceof Const(double d) && Math.getExponent(d) >= Double.MIN_EXPONENT && Math.getExponent(d) < Double.MAX_EXPONENT
                && d == Math.scalb(1.0, Math.getExponent(d))) {
            // Dividing by 2^k is multiplying by 2^-k, both exact: a coefficient like terms can collect.
            n.note("div-const");
            return n.mul(List.of(constant(1 / d), num));
        }
        // (c u) / v -> c (u / v) for a single u: the same size, and like terms see the coefficient.
        if (num instanceof Mul(List<Expr> fs) && fs.size() == 2 && fs.getFirst() instanceof Const(double c)) {
            n.note("div-coef");
            return n.mul(List.of(constant(c), quotient(fs.get(1), den)));
        }
        Expr cancelled = cancel(num, den);
        return cancelled != null ? cancelled : new Div(num, den);
    }

    /**
     * {@code (u^p v) / (u^q w) -> u^(p-q) v / w} for positive integer p and q (or the other way
     * round when q > p), when u is never 0 or NaN: common factors and powers cancel.
     */
    private Expr cancel(Expr num, Expr den) {
        List<Expr> ns = num instanceof Mul(List<Expr> fs) ? new ArrayList<>(fs) : new ArrayList<>(List.of(num));
        List<Expr> ds = den instanceof Mul(List<Expr> fs) ? new ArrayList<>(fs) : new ArrayList<>(List.of(den));
        if (ns.size() == 1 && ds.size() == 1 && ns.getFirst().equals(ds.getFirst())) return null;   // u / u is the guarded rule div-self
        boolean changed = false;
        for (int i = 0; i < ds.size(); i++) {
            Expr base = baseOf(ds.get(i));
            int q = exponentOf(ds.get(i));
            for (int j = 0; j < ns.size() && q > 0; j++) {
                int p = exponentOf(ns.get(j));
                if (p <= 0 || !baseOf(ns.get(j)).equals(base) || !n.range(base).definedNonzero()) continue;
                int common = Math.min(p, q);
                ns.set(j, power(base, p - common));
                ds.set(i, power(base, q - common));
                changed = true;
                break;
            }
        }
        if (!changed) return null;
        n.note("div-cancel");
        ns.removeIf(Exprs::isOne);
        ds.removeIf(Exprs::isOne);
        Expr n = ns.isEmpty() ? ONE : ns.size() == 1 ? ns.getFirst() : new Mul(ns);
        Expr d = ds.isEmpty() ? ONE : ds.size() == 1 ? ds.getFirst() : new Mul(ds);
        return isOne(d) ? n : new Div(n, d);
    }

    private static Expr baseOf(Expr factor) {
        return factor instanceof Pow(Expr b, Const c) ? b : factor;
    }

    /** The factor's exponent if it is a positive integer power (1 for a plain factor), else 0. */
    private static int exponentOf(Expr factor) {
        if (!(factor instanceof Pow(Expr b, Const(double c)))) return 1;
        return c == Math.rint(c) && c > 0 && c < 1 << 20 ? (int) c : 0;
    }

    private static Expr power(Expr base, int exponent) {
        return exponent == 0 ? ONE : exponent == 1 ? base : new Pow(base, constant(exponent));
    }

    Expr pow(Expr base, Expr exponent) {
        if (base instanceof Const(double b) && exponent instanceof Const(double x) && Normalise.foldable(Math.pow(b, x), b, x)) {
            n.note("fold");
            return constant(Math.pow(b, x));
        }
        if (isOne(exponent)) return base;
        if (isZero(exponent)) return ONE;   // Math.pow(anything, 0) is 1, NaN included
        // 1^u = 1, except that Java's pow gives NaN for a NaN (or infinite) exponent.
        if (isOne(base) && n.range(exponent).defined()) {
            n.note("pow-one-base");
            return ONE;
        }
        // (c u)^n = c^n u^n for an integer n: the same size, and the coefficient joins the others.
        // Only when c^n is exact: a rounded c^n inside exp(...) would be amplified (gelu' at -10
        // went from 58 to 116 ulp when (0.7071067811865476 x)^2 became 0.5000000000000001 x^2).
        if (base instanceof Mul(List<Expr> fs) && fs.size() == 2 && fs.getFirst() instanceof Const(double c)
                && exponent instanceof Const(double k) && k == Math.rint(k) && Math.abs(k) <= 64) {
            double cn = Math.pow(c, k);
            if (Double.isFinite(cn) && cn != 0 && exactPower(c, (int) k, cn)) {
                n.note("pow-coef");
                return n.mul(List.of(constant(cn), pow(fs.get(1), exponent)));
            }
        }
        // (u^p)^q = u^(p q) for integers p and q (or u never negative): (x^2)^0.5 is |x|, not x.
        if (base instanceof Pow(Expr u, Const(double p)) && exponent instanceof Const(double q)) {
            boolean integers = p == Math.rint(p) && q == Math.rint(q);
            double pq = p * q;
            if ((integers || n.range(u).nonnegative()) && Double.isFinite(pq)) {
                n.note("pow-pow");
                return pow(u, constant(pq));
            }
        }
        return new Pow(base, exponent);
    }

    /** Whether {@code c^k} is exactly {@code cn} (decided in exact decimal arithmetic). */
    private static boolean exactPower(double c, int k, double cn) {
        java.math.BigDecimal exact = k >= 0
                ? new java.math.BigDecimal(c).pow(k)
                : java.math.BigDecimal.ONE.divide(new java.math.BigDecimal(c).pow(-k), java.math.MathContext.DECIMAL128);
        return exact.compareTo(new java.math.BigDecimal(cn)) == 0;
    }
}
