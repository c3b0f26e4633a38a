package dev.ramp.compiler.print;

import dev.ramp.compiler.ir.Cond;
import dev.ramp.compiler.ir.Expr;
import dev.ramp.compiler.ir.Expr.*;
import dev.ramp.compiler.ir.Fn;
import java.util.List;
import java.util.Set;

/**
 * Prints IR as LaTeX math (for {@code ramp diff --latex}, documentation and notebooks). Output
 * only: it is not read back.
 *
 * <p>Notation: quotients as {@code \frac{}{}}, {@code exp(u)} as {@code e^{u}}, {@code sqrt} as
 * {@code \sqrt{}}, {@code abs} as {@code \left| \right|}, the sigmoid as {@code \sigma} (the
 * usual name in the activation literature), {@code atan} as {@code \arctan}, {@code sign} as
 * {@code \operatorname{sgn}}; {@code softplus}, {@code log1p}, {@code expm1}, {@code erf} and
 * {@code erfc} as {@code \operatorname{...}}; {@code where} as a {@code cases} environment.
 * Products are juxtaposed with a thin space, with {@code \cdot} where two numbers would touch.
 * Parameter names that are Greek letters print as letters ({@code alpha} as {@code \alpha}).
 *
 * {@snippet :
 * LatexPrinter.print(sub(ONE, pow(call(Fn.TANH, var("x")), TWO)));  // 1 - \tanh\left(x\right)^{2}
 * }
 */
public final class LatexPrinter {
    private LatexPrinter() {}

    private static final int SUM = 1, PRODUCT = 2, UNARY = 3, POWER = 4, ATOM = 5;

    private static final Set<String> GREEK = Set.of("alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta",
            "iota", "kappa", "lambda", "mu", "nu", "xi", "pi", "rho", "sigma", "tau", "phi", "chi", "psi", "omega");

    /** {@code e} as LaTeX math (without surrounding {@code $}). */
    public static String print(Expr e) {
        StringBuilder out = new StringBuilder();
        expr(e, out);
        return out.toString();
    }

    private static int level(Expr e) {
        return switch (e) {
            // 1 \times 10^{-20} is a product to the eye: parenthesised as a later factor.
            case Const(double v) -> v < 0 ? UNARY : number(v).contains("\\times") ? PRODUCT : ATOM;
            case Var v -> ATOM;
            case Neg n -> UNARY;
            case Add a -> SUM;
            case Mul m -> PRODUCT;
            case Div d -> ATOM;   // \frac groups itself
            case Pow p -> POWER;
            case Call c -> ATOM;
            case Where w -> ATOM;
        };
    }

    static String number(double v) {
        if (Double.isNaN(v)) return "\\mathrm{NaN}";
        if (Double.isInfinite(v)) return v > 0 ? "\\infty" : "-\\infty";
        String s = Printer.number(v);
        int e = s.indexOf('E');
        if (e < 0) return s;
        String mantissa = s.substring(0, e);
        if (mantissa.endsWith(".0")) mantissa = mantissa.substring(0, mantissa.length() - 2);
        return mantissa + " \\times 10^{" + s.substring(e + 1) + "}";
    }

    static String name(String n) {
        if (GREEK.contains(n)) return "\\" + n;
        if (n.length() == 1) return n;
        return "\\mathit{" + n.replace("_", "\\_") + "}";
    }

    private static void expr(Expr e, StringBuilder out) {
        switch (e) {
            case Const(double v) -> out.append(number(v));
            case Var(String n) -> out.append(name(n));
            case Neg(Expr a) -> {
                out.append('-');
                child(a, UNARY, out);
            }
            case Add(List<Expr> terms) -> {
                child(terms.getFirst(), PRODUCT, out);
                for (Expr t : terms.subList(1, terms.size())) {
                    if (t instanceof Neg(Expr a)) {
                        out.append(" - ");
                        child(a, PRODUCT, out);
                    } else if (t instanceof Const(double v) && v < 0) {
                        out.append(" - ").append(number(-v));
                    } else {
                        out.append(" + ");
                        child(t, PRODUCT, out);
                    }
                }
            }
            case Mul(List<Expr> factors) -> {
                child(factors.getFirst(), PRODUCT, out);
                for (Expr f : factors.subList(1, factors.size())) {
                    // Two numbers side by side would read as one: 2 \cdot 3^{x}, but 2\,x.
                    out.append(startsWithNumber(f) ? " \\cdot " : " \\, ");
                    child(f, POWER, out);
                }
            }
            case Div(Expr n, Expr d) -> {
                out.append("\\frac{");
                expr(n, out);
                out.append("}{");
                expr(d, out);
                out.append('}');
            }
            case Pow(Expr b, Expr x) -> {
                child(b, ATOM, out);
                out.append("^{");
                expr(x, out);
                out.append('}');
            }
            case Call(Fn fn, List<Expr> args) -> call(fn, args, out);
            case Where(Cond c, Expr t, Expr f) -> {
                out.append("\\begin{cases} ");
                expr(t, out);
                out.append(" & \\text{if } ");
                cond(c, out);
                out.append(" \\\\ ");
                expr(f, out);
                out.append(" & \\text{otherwise} \\end{cases}");
            }
        }
    }

    private static boolean startsWithNumber(Expr e) {
        return switch (e) {
            case Const c -> true;
            case Neg n -> true;
            case Pow(Expr b, Expr x) -> startsWithNumber(b);
            default -> false;
        };
    }

    private static void call(Fn fn, List<Expr> args, StringBuilder out) {
        switch (fn) {
            case EXP -> {
                out.append("e^{");
                expr(args.getFirst(), out);
                out.append('}');
                return;
            }
            case SQRT -> {
                out.append("\\sqrt{");
                expr(args.getFirst(), out);
                out.append('}');
                return;
            }
            case ABS -> {
                out.append("\\left|");
                expr(args.getFirst(), out);
                out.append("\\right|");
                return;
            }
            default -> {}
        }
        out.append(switch (fn) {
            case LOG -> "\\log";
            case TANH -> "\\tanh";
            case SINH -> "\\sinh";
            case COSH -> "\\cosh";
            case SIN -> "\\sin";
            case COS -> "\\cos";
            case ATAN -> "\\arctan";
            case SIGMOID -> "\\sigma";
            case SIGN -> "\\operatorname{sgn}";
            case MAX -> "\\max";
            case MIN -> "\\min";
            default -> "\\operatorname{" + fn.symbol() + "}";
        });
        out.append("\\left(");
        for (int i = 0; i < args.size(); i++) {
            if (i > 0) out.append(", ");
            expr(args.get(i), out);
        }
        out.append("\\right)");
    }

    private static void child(Expr e, int required, StringBuilder out) {
        if (level(e) < required) {
            out.append("\\left(");
            expr(e, out);
            out.append("\\right)");
        } else {
            expr(e, out);
        }
    }

    private static void cond(Cond c, StringBuilder out) {
        switch (c) {
            case Cond.Compare(Cond.Op op, Expr l, Expr r) -> {
                expr(l, out);
                out.append(switch (op) {
                    case LT -> " < ";
                    case LE -> " \\le ";
                    case GT -> " > ";
                    case GE -> " \\ge ";
                    case EQ -> " = ";
                    case NE -> " \\ne ";
                });
                expr(r, out);
            }
            case Cond.Not(Cond x) -> {
                out.append("\\lnot ");
                condChild(x, !(x instanceof Cond.Compare), out);
            }
            case Cond.And(Cond l, Cond r) -> {
                condChild(l, l instanceof Cond.Or, out);
                out.append(" \\land ");
                condChild(r, r instanceof Cond.Or || r instanceof Cond.And, out);
            }
            case Cond.Or(Cond l, Cond r) -> {
                condChild(l, false, out);
                out.append(" \\lor ");
                condChild(r, r instanceof Cond.Or || r instanceof Cond.And, out);
            }
        }
    }

    private static void condChild(Cond c, boolean parenthesise, StringBuilder out) {
        if (parenthesise) out.append("\\left(");
        cond(c, out);
        if (parenthesise) out.append("\\right)");
    }
}
