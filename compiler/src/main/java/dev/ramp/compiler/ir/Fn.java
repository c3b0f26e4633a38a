package dev.ramp.compiler.ir;

import static dev.ramp.compiler.ir.Exprs.*;

import dev.ramp.runtime.RampMath;
import java.util.List;

/**
 * The primitives of the ramp language. Each carries, beside its definition, its value in double
 * precision, its local derivative and the static method compiled code calls. The chain rule is
 * written once, in {@link #derivative}; a primitive states only its partial derivatives
 * (SymPy's {@code fdiff}), except {@code max} and {@code min}, whose convention at a tie needs the
 * derivatives of both arguments.
 *
 * <p>Conventions at points where a primitive is not differentiable (each documented below):
 * {@code abs'(0) = 0}, {@code sign' = 0}, and at a tie {@code max} and {@code min} take the
 * one-sided derivative closest to zero, so {@code max(0, x)'} and {@code max(x, 0.01 x)'} at 0
 * are 0 and 0.01, as in PyTorch's relu and leaky_relu backward.
 */
public enum Fn {
    EXP("exp", "java/lang/Math") {
        @Override public double apply(double u) { return Math.exp(u); }
        @Override public Expr partial(List<Expr> a, int i) { return call(EXP, a.get(0)); }
    },
    LOG("log", "java/lang/Math") {
        @Override public double apply(double u) { return Math.log(u); }
        @Override public Expr partial(List<Expr> a, int i) { return div(ONE, a.get(0)); }
    },
    LOG1P("log1p", "java/lang/Math") {
        @Override public double apply(double u) { return Math.log1p(u); }
        @Override public Expr partial(List<Expr> a, int i) { return div(ONE, add(ONE, a.get(0))); }
    },
    EXPM1("expm1", "java/lang/Math") {
        @Override public double apply(double u) { return Math.expm1(u); }
        @Override public Expr partial(List<Expr> a, int i) { return call(EXP, a.get(0)); }
    },
    SQRT("sqrt", "java/lang/Math") {
        @Override public double apply(double u) { return Math.sqrt(u); }
        @Override public Expr partial(List<Expr> a, int i) { return div(constant(0.5), call(SQRT, a.get(0))); }
    },
    /** {@code abs'(u) = sign(u)}, which is 0 at 0 (the subgradient PyTorch and JAX use). */
    ABS("abs", "java/lang/Math") {
        @Override public double apply(double u) { return Math.abs(u); }
        @Override public Expr partial(List<Expr> a, int i) { return call(SIGN, a.get(0)); }
    },
    /** {@code sign(0) = 0}, {@code sign(-0.0) = -0.0}, {@code sign(NaN) = NaN}; derivative 0 everywhere. */
    SIGN("sign", "java/lang/Math", "signum") {
        @Override public double apply(double u) { return Math.signum(u); }
        @Override public Expr partial(List<Expr> a, int i) { return ZERO; }
    },
    TANH("tanh", "java/lang/Math") {
        @Override public double apply(double u) { return Math.tanh(u); }
        @Override public Expr partial(List<Expr> a, int i) { return sub(ONE, pow(call(TANH, a.get(0)), TWO)); }
    },
    SINH("sinh", "java/lang/Math") {
        @Override public double apply(double u) { return Math.sinh(u); }
        @Override public Expr partial(List<Expr> a, int i) { return call(COSH, a.get(0)); }
    },
    COSH("cosh", "java/lang/Math") {
        @Override public double apply(double u) { return Math.cosh(u); }
        @Override public Expr partial(List<Expr> a, int i) { return call(SINH, a.get(0)); }
    },
    SIN("sin", "java/lang/Math") {
        @Override public double apply(double u) { return Math.sin(u); }
        @Override public Expr partial(List<Expr> a, int i) { return call(COS, a.get(0)); }
    },
    COS("cos", "java/lang/Math") {
        @Override public double apply(double u) { return Math.cos(u); }
        @Override public Expr partial(List<Expr> a, int i) { return neg(call(SIN, a.get(0))); }
    },
    ATAN("atan", "java/lang/Math") {
        @Override public double apply(double u) { return Math.atan(u); }
        @Override public Expr partial(List<Expr> a, int i) { return div(ONE, add(ONE, pow(a.get(0), TWO))); }
    },
    /** The logistic function 1/(1+e^-u), evaluated without overflow for any u. */
    SIGMOID("sigmoid", RampMath.INTERNAL_NAME) {
        @Override public double apply(double u) { return RampMath.sigmoid(u); }
        @Override public Expr partial(List<Expr> a, int i) {
            Expr s = call(SIGMOID, a.get(0));
            return mul(s, sub(ONE, s));
        }
    },
    /** log(1 + e^u), evaluated without overflow or underflow for any u. */
    SOFTPLUS("softplus", RampMath.INTERNAL_NAME) {
        @Override public double apply(double u) { return RampMath.softplus(u); }
        @Override public Expr partial(List<Expr> a, int i) { return call(SIGMOID, a.get(0)); }
    },
    ERF("erf", RampMath.INTERNAL_NAME) {
        @Override public double apply(double u) { return RampMath.erf(u); }
        @Override public Expr partial(List<Expr> a, int i) { return mul(TWO_OVER_SQRT_PI, call(EXP, neg(pow(a.get(0), TWO)))); }
    },
    ERFC("erfc", RampMath.INTERNAL_NAME) {
        @Override public double apply(double u) { return RampMath.erfc(u); }
        @Override public Expr partial(List<Expr> a, int i) { return neg(mul(TWO_OVER_SQRT_PI, call(EXP, neg(pow(a.get(0), TWO))))); }
    },
    /** The larger of two values; NaN if either is NaN (as {@link Math#max}). */
    MAX("max", "java/lang/Math", "max", 2) {
        @Override public double apply(double u, double v) { return Math.max(u, v); }
        @Override public Expr partial(List<Expr> a, int i) { throw new UnsupportedOperationException("max uses derivative()"); }
        @Override public Expr derivative(List<Expr> a, List<Expr> da) { return extremumDerivative(Cond.Op.GT, a, da); }
    },
    /** The smaller of two values; NaN if either is NaN (as {@link Math#min}). */
    MIN("min", "java/lang/Math", "min", 2) {
        @Override public double apply(double u, double v) { return Math.min(u, v); }
        @Override public Expr partial(List<Expr> a, int i) { throw new UnsupportedOperationException("min uses derivative()"); }
        @Override public Expr derivative(List<Expr> a, List<Expr> da) { return extremumDerivative(Cond.Op.LT, a, da); }
    };

    /** 2/sqrt(pi), the factor in the derivatives of erf and erfc. */
    private static final Expr TWO_OVER_SQRT_PI = constant(1.1283791670955126);

    private final String symbol;
    private final String owner;
    private final String method;
    private final int arity;

    Fn(String symbol, String owner) {
        this(symbol, owner, symbol, 1);
    }

    Fn(String symbol, String owner, String method) {
        this(symbol, owner, method, 1);
    }

    Fn(String symbol, String owner, String method, int arity) {
        this.symbol = symbol;
        this.owner = owner;
        this.method = method;
        this.arity = arity;
    }

    /** The name in ramp source. */
    public String symbol() {
        return symbol;
    }

    /** How many arguments the primitive takes (1, or 2 for max and min). */
    public int arity() {
        return arity;
    }

    /** Internal name of the class whose static method compiled code calls, e.g. {@code java/lang/Math}. */
    public String owner() {
        return owner;
    }

    /** Name of that static method ({@code (D)D}, or {@code (DD)D} for two arguments). */
    public String method() {
        return method;
    }

    /** The value of a one-argument primitive. */
    public double apply(double u) {
        throw new UnsupportedOperationException(symbol + " takes " + arity + " arguments");
    }

    /** The value of a two-argument primitive. */
    public double apply(double u, double v) {
        throw new UnsupportedOperationException(symbol + " takes " + arity + " argument");
    }

    /** The value at the given arguments. */
    public double apply(double[] args) {
        return arity == 1 ? apply(args[0]) : apply(args[0], args[1]);
    }

    /** The local derivative: d fn(a...) / d a_i, as an expression in the arguments. */
    public abstract Expr partial(List<Expr> args, int i);

    /**
     * The chain rule, written once: d fn(a...) = sum over i of partial_i(a) * da_i. Arguments
     * whose derivative is zero contribute nothing (so their partial is never built).
     */
    public Expr derivative(List<Expr> args, List<Expr> argDerivatives) {
        Expr total = ZERO;
        for (int i = 0; i < args.size(); i++) {
            Expr da = argDerivatives.get(i);
            if (!isZero(da)) total = add(total, mul(partial(args, i), da));
        }
        return total;
    }

    /**
     * d max(a, b) = where(a > b, a', where(b > a, b', tie)) (and mirrored for min), where tie is
     * the one-sided derivative closest to zero: the value PyTorch's relu, leaky_relu, relu6 and
     * hardtanh backward give at their kinks.
     */
    private static Expr extremumDerivative(Cond.Op wins, List<Expr> a, List<Expr> da) {
        Expr u = a.get(0), v = a.get(1), du = da.get(0), dv = da.get(1);
        if (du.equals(dv)) return du;
        Cond.Op loses = wins == Cond.Op.GT ? Cond.Op.LT : Cond.Op.GT;
        Expr tie;
        if (du instanceof Expr.Const(double p) && dv instanceof Expr.Const(double q)) {
            tie = Math.abs(p) <= Math.abs(q) ? du : dv;
        } else if (isZero(du) || isZero(dv)) {
            tie = isZero(du) ? du : dv;  // nothing is closer to zero than zero
        } else {
            tie = where(new Cond.Compare(Cond.Op.LE, call(ABS, du), call(ABS, dv)), du, dv);
        }
        // When the tie value equals one side, one comparison suffices: that side takes the tie.
        if (tie.equals(du)) return where(new Cond.Compare(loses, u, v), dv, du);
        if (tie.equals(dv)) return where(new Cond.Compare(wins, u, v), du, dv);
        return where(new Cond.Compare(wins, u, v), du, where(new Cond.Compare(loses, u, v), dv, tie));
    }

    /** The primitive called {@code symbol} in ramp source, or null. */
    public static Fn bySymbol(String symbol) {
        for (Fn fn : values()) {
            if (fn.symbol.equals(symbol)) return fn;
        }
        return null;
    }
}
