package dev.ramp.compiler.pass;

import static dev.ramp.compiler.ir.Exprs.*;

import dev.ramp.compiler.ir.Cond;
import dev.ramp.compiler.ir.Expr;
import dev.ramp.compiler.ir.Expr.*;
import dev.ramp.compiler.ir.Fn;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A term pattern in egg's s-expression syntax: {@code ?a} is a hole, a number matches that
 * constant, and {@code (head child...)} matches a node. Heads are {@code neg + * / ^}, a primitive's
 * name ({@code exp}, {@code max}), {@code where}, the comparisons {@code < <= > >= == !=} and
 * {@code and or not}. A hole that occurs twice matches only equal subterms.
 *
 * <p>{@code +} and {@code *} match sums and products with exactly as many operands, in canonical
 * order; the simplifier's structural steps (flattening, ordering, like terms) do the n-ary work,
 * so the pattern rules stay local identities.
 *
 * {@snippet :
 * Pattern p = Pattern.parse("(exp (log ?a))");
 * Map<String, Object> m = p.match(call(Fn.EXP, call(Fn.LOG, var("x"))));   // {?a=Var[name=x]}
 * Expr e = (Expr) Pattern.parse("(neg ?a)").instantiate(m);               // Neg[arg=Var[name=x]]
 * }
 */
public sealed interface Pattern {

    /** {@code ?name}: matches anything (an expression or, under {@code where}, a condition). */
    record Hole(String name) implements Pattern {
        @Override
        public String toString() {
            return name;
        }
    }

    /** A number: matches a constant equal to it ({@code 0} also matches {@code -0.0}). */
    record Num(double value) implements Pattern {
        @Override
        public String toString() {
            return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
        }
    }

    /** {@code (head children...)}. */
    record Node(String head, List<Pattern> children) implements Pattern {
        public Node {
            children = List.copyOf(children);
        }

        @Override
        public String toString() {
            StringBuilder out = new StringBuilder("(").append(head);
            for (Pattern c : children) out.append(' ').append(c);
            return out.append(')').toString();
        }
    }

    /** Parses an s-expression pattern; throws {@link IllegalArgumentException} on a malformed one. */
    static Pattern parse(String text) {
        return new PatternReader(text).whole();
    }

    /** The bindings of the holes if {@code target} (an {@link Expr} or {@link Cond}) matches, else null. */
    default Map<String, Object> match(Object target) {
        Map<String, Object> bindings = new HashMap<>();
        return matchInto(this, target, bindings) ? bindings : null;
    }

    /** This pattern with its holes replaced, built through the smart constructors. */
    default Object instantiate(Map<String, Object> bindings) {
        return switch (this) {
            case Hole(String name) -> {
                Object bound = bindings.get(name);
                if (bound == null) throw new IllegalArgumentException("unbound hole " + name);
                yield bound;
            }
            case Num(double v) -> constant(v);
            case Node(String head, List<Pattern> children) -> build(head, children.stream().map(c -> c.instantiate(bindings)).toList());
        };
    }

    private static boolean matchInto(Pattern p, Object target, Map<String, Object> bindings) {
        return switch (p) {
            case Hole(String name) -> {
                Object previous = bindings.putIfAbsent(name, target);
                yield previous == null || previous.equals(target);
            }
            case Num(double v) -> target instanceof Const(double c) && c == v;
            case Node(String head, List<Pattern> children) -> {
                List<Object> parts = children(head, target);
                if (parts == null || parts.size() != children.size()) yield false;
                for (int i = 0; i < parts.size(); i++) {
                    if (!matchInto(children.get(i), parts.get(i), bindings)) yield false;
                }
                yield true;
            }
        };
    }

    /** The operands of {@code target} if its head is {@code head}, else null. */
    private static List<Object> children(String head, Object target) {
        return switch (target) {
            case Neg(Expr a) when head.equals("neg") -> List.of(a);
            case Add(List<Expr> terms) when head.equals("+") -> List.copyOf(terms);
            case Mul(List<Expr> factors) when head.equals("*") -> List.copyOf(factors);
            case Div(Expr n, Expr d) when head.equals("/") -> List.of(n, d);
            case Pow(Expr b, Expr x) when head.equals("^") -> List.of(b, x);
            case Call(Fn fn, List<Expr> args) when head.equals(fn.symbol()) -> List.copyOf(args);
            case Where(Cond c, Expr t, Expr f) when head.equals("where") -> List.of(c, t, f);
            case Cond.Compare(Cond.Op op, Expr l, Expr r) when head.equals(op.symbol()) -> List.of(l, r);
            case Cond.And(Cond l, Cond r) when head.equals("and") -> List.of(l, r);
            case Cond.Or(Cond l, Cond r) when head.equals("or") -> List.of(l, r);
            case Cond.Not(Cond c) when head.equals("not") -> List.of(c);
            default -> null;
        };
    }

    private static Object build(String head, List<Object> parts) {
        List<Expr> es = parts.stream().filter(Expr.class::isInstance).map(Expr.class::cast).toList();
        switch (head) {
            case "neg": return neg(es.get(0));
            case "+": return add(es);
            case "*": return mul(es);
            case "/": return div(es.get(0), es.get(1));
            case "^": return pow(es.get(0), es.get(1));
            case "where": return where((Cond) parts.get(0), (Expr) parts.get(1), (Expr) parts.get(2));
            case "and": return new Cond.And((Cond) parts.get(0), (Cond) parts.get(1));
            case "or": return new Cond.Or((Cond) parts.get(0), (Cond) parts.get(1));
            case "not": return new Cond.Not((Cond) parts.get(0));
            default:
        }
        for (Cond.Op op : Cond.Op.values()) {
            if (op.symbol().equals(head)) return new Cond.Compare(op, es.get(0), es.get(1));
        }
        Fn fn = Fn.bySymbol(head);
        return new Call(fn, es);
    }

    /** The heads a pattern may use, checked when it is parsed so that a typo fails at class load. */
    static boolean knownHead(String head) {
        if (List.of("neg", "+", "*", "/", "^", "where", "and", "or", "not").contains(head)) return true;
        for (Cond.Op op : Cond.Op.values()) {
            if (op.symbol().equals(head)) return true;
        }
        return Fn.bySymbol(head) != null;
    }
}

/** A recursive-descent reader for the s-expression syntax. */
final class PatternReader {
    private final String text;
    private int pos;

    PatternReader(String text) {
        this.text = text;
    }

    Pattern whole() {
        Pattern p = pattern();
        skipSpace();
        if (pos != text.length()) throw error("trailing text");
        return p;
    }

    private Pattern pattern() {
        skipSpace();
        if (pos >= text.length()) throw error("unexpected end");
        if (text.charAt(pos) == '(') {
            pos++;
            String head = atom();
            if (!Pattern.knownHead(head)) throw error("unknown head '" + head + "'");
            List<Pattern> children = new ArrayList<>();
            while (true) {
                skipSpace();
                if (pos >= text.length()) throw error("missing ')'");
                if (text.charAt(pos) == ')') break;
                children.add(pattern());
            }
            pos++;
            return new Pattern.Node(head, children);
        }
        String atom = atom();
        if (atom.startsWith("?")) return new Pattern.Hole(atom);
        try {
            return new Pattern.Num(Double.parseDouble(atom));
        } catch (NumberFormatException e) {
            throw error("expected a number, a ?hole or '(' but found '" + atom + "'");
        }
    }

    private String atom() {
        skipSpace();
        int start = pos;
        while (pos < text.length() && !Character.isWhitespace(text.charAt(pos)) && text.charAt(pos) != '(' && text.charAt(pos) != ')') pos++;
        if (start == pos) throw error("expected an atom");
        return text.substring(start, pos);
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) pos++;
    }

    private IllegalArgumentException error(String message) {
        return new IllegalArgumentException("pattern \"" + text + "\" at " + pos + ": " + message);
    }
}
