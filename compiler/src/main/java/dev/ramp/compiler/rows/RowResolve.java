package dev.ramp.compiler.rows;

import static dev.ramp.compiler.ir.Exprs.*;

import dev.ramp.compiler.RampException;
import dev.ramp.compiler.diag.Diagnostic;
import dev.ramp.compiler.diag.Hints;
import dev.ramp.compiler.diag.Source;
import dev.ramp.compiler.diag.Span;
import dev.ramp.compiler.ir.Cond;
import dev.ramp.compiler.ir.Expr;
import dev.ramp.compiler.ir.Fn;
import dev.ramp.compiler.ir.Function;
import dev.ramp.compiler.ir.Parameter;
import dev.ramp.compiler.ir.Substitute;
import dev.ramp.compiler.rows.RowProgram.Reduce;
import dev.ramp.compiler.rows.RowProgram.Reduction;
import dev.ramp.compiler.syntax.Definition;
import dev.ramp.compiler.syntax.Syntax;
import dev.ramp.compiler.syntax.Syntax.*;
import dev.ramp.compiler.syntax.Syntax.Operator.Kind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Syntax of a row definition ({@code softmax(xs[]) = ...}) to a {@link RowProgram}. Every
 * subexpression is either a number or a row: the row variable is a row, parameters and literals
 * are numbers; arithmetic, primitives, {@code where} and calls of scalar definitions map over a
 * row element by element, broadcasting numbers; {@code sum max min mean len} reduce a row to a
 * number (each reduction becomes a step of the program); {@code concat(a, ..., row)} puts numbers
 * in front of a row; {@code first_half(xs)} and {@code second_half(xs)} are the halves of the row
 * variable, element by element aligned; a call of an earlier row definition is inlined.
 *
 * <p>Mistakes of shape (a row where a number must be, rows of different lengths) are reported at
 * the offending subexpression like any other error.
 */
public final class RowResolve {
    /** A number (no positions) or a row: a value per prepended position and one per element. */
    private record Lifted<T>(T element, List<T> prefix, int views, boolean row) {
        static <T> Lifted<T> number(T value) {
            return new Lifted<>(value, List.of(), 0, false);
        }
    }

    /** What names a call may refer to, besides primitives: scalar and row definitions. */
    public interface Callables {
        Function scalar(String name);

        RowFunction row(String name);

        Stream<String> names();
    }

    private static final Set<String> REDUCTIONS = Set.of("sum", "max", "min", "mean", "len");
    private static final Set<String> BUILT_INS = Set.of("sum", "max", "min", "mean", "len", "concat", "first_half", "second_half", "where");
    private static final Map<String, Double> CONSTANTS = Map.of("pi", Math.PI, "e", Math.E, "inf", Double.POSITIVE_INFINITY, "nan", Double.NaN);

    private final Source source;
    private final Callables callables;
    private final String self;
    private final Predicate<String> later;
    private final Set<String> failed;
    private final Map<String, Lifted<Expr>> scope = new LinkedHashMap<>();
    private final List<Reduce> steps = new ArrayList<>();
    private final Set<String> taken = new HashSet<>();
    private String variable;
    private Integer views;
    private int counter;

    private RowResolve(Source source, Callables callables, String self, Predicate<String> later, Set<String> failed) {
        this.source = source;
        this.callables = callables;
        this.self = self;
        this.later = later;
        this.failed = failed;
    }

    /** Thrown for a call of an earlier definition that had errors: already reported. */
    public static final class Skipped extends RuntimeException {
        Skipped() {
            super(null, null, false, false);
        }
    }

    /**
     * Resolves a row definition against {@code callables}.
     *
     * @param later whether a name is defined further down the file (calling it is an error)
     * @param failed definitions that had errors (calling one throws {@link Skipped})
     */
    public static RowFunction definition(Definition d, Source source, Callables callables, Predicate<String> later, Set<String> failed) {
        return new RowResolve(source, callables, d.name(), later, failed).resolve(d);
    }

    private RowFunction resolve(Definition d) {
        variable = d.variable();
        taken.add(variable);
        taken.add(RowProgram.INDEX);
        taken.add(RowProgram.GRAD);
        List<Parameter> params = new ArrayList<>();
        Map<String, Span> declared = new HashMap<>(Map.of(d.variable(), d.variableAt()));
        for (Definition.Parameter p : d.parameters()) {
            Span first = declared.putIfAbsent(p.name(), p.at());
            if (first != null) throw error(p.at(), "parameter '" + p.name() + "' is declared twice", "first declared at " + first.line() + ":" + first.column());
            if (p.name().equals(RowProgram.INDEX) || p.name().equals(RowProgram.GRAD)) {
                throw error(p.at(), "'" + p.name() + "' is reserved in a row definition", "its derivatives use it for the index and the output gradient; choose another name");
            }
            OptionalDouble def = OptionalDouble.empty();
            if (p.defaultValue().isPresent()) def = OptionalDouble.of(defaultValue(p.name(), p.defaultValue().get()));
            params.add(new Parameter(p.name(), def));
            scope.put(p.name(), Lifted.number(var(p.name())));
            taken.add(p.name());
        }
        scope.put(variable, new Lifted<>(var(variable), List.of(), 1, true));
        Lifted<Expr> body = value(d.body(), null);
        RowProgram.Output out;
        if (!body.row()) {
            out = new RowProgram.Scalar(body.element());
        } else if (!body.prefix().isEmpty()) {
            throw error(d.body().span(), "a row made with concat can only be reduced", "reduce it, as in logsumexp(concat(0, " + variable + "))");
        } else {
            out = new RowProgram.Elements(body.element());
        }
        for (Reduce r : steps) {
            checkSize(r.body(), d.at());
            for (Expr e : r.extras()) checkSize(e, d.at());
        }
        checkSize(body.element(), d.at());
        List<String> viewNames = views != null && views == 2 ? List.of(half(true), half(false)) : List.of(variable);
        return new RowFunction(d.name(), variable, params, new RowProgram(viewNames, steps, out), d.doc(), d.sourceText());
    }

    /**
     * The expanded size (shared subtrees counted at every use) the later passes would walk: as
     * for scalar definitions, beyond {@link dev.ramp.compiler.syntax.Limits#MAX_EXPANDED_SIZE}
     * it is an error rather than a long wait.
     */
    private void checkSize(Expr e, Span at) {
        long size = expandedSize(e, new java.util.IdentityHashMap<>());
        if (size > dev.ramp.compiler.syntax.Limits.MAX_EXPANDED_SIZE) {
            throw error(at, "expression too large once lets and calls are expanded (" + (size == Long.MAX_VALUE ? "over 2^63" : size)
                    + " nodes, limit " + dev.ramp.compiler.syntax.Limits.MAX_EXPANDED_SIZE + ")", "each use of a let-bound name repeats its value");
        }
    }

    private static long expandedSize(Expr e, Map<Expr, Long> memo) {
        Long known = memo.get(e);
        if (known != null) return known;
        long n = 1;
        for (Object child : children(e)) {
            long c = child instanceof Expr x ? expandedSize(x, memo) : condSize((Cond) child, memo);
            n = n > Long.MAX_VALUE - c ? Long.MAX_VALUE : n + c;
        }
        memo.put(e, n);
        return n;
    }

    private static long condSize(Cond c, Map<Expr, Long> memo) {
        return switch (c) {
            case Cond.Compare(var op, Expr l, Expr r) -> sat(1 + expandedSize(l, memo), expandedSize(r, memo));
            case Cond.Not(Cond a) -> sat(1, condSize(a, memo));
            case Cond.And(Cond l, Cond r) -> sat(1 + condSize(l, memo), condSize(r, memo));
            case Cond.Or(Cond l, Cond r) -> sat(1 + condSize(l, memo), condSize(r, memo));
        };
    }

    private static long sat(long a, long b) {
        return a > Long.MAX_VALUE - b ? Long.MAX_VALUE : a + b;
    }

    private static List<Object> children(Expr e) {
        return switch (e) {
            case Expr.Const c -> List.of();
            case Expr.Var v -> List.of();
            case Expr.Neg(Expr a) -> List.of(a);
            case Expr.Add(List<Expr> t) -> List.copyOf(t);
            case Expr.Mul(List<Expr> t) -> List.copyOf(t);
            case Expr.Div(Expr a, Expr b) -> List.of(a, b);
            case Expr.Pow(Expr a, Expr b) -> List.of(a, b);
            case Expr.Call(var fn, List<Expr> args) -> List.copyOf(args);
            case Expr.Where(Cond c, Expr t, Expr f) -> List.of(c, t, f);
        };
    }

    private String half(boolean first) {
        return (first ? "first_half(" : "second_half(") + variable + ")";
    }

    private double defaultValue(String parameter, Syntax s) {
        return switch (s) {
            case Num n -> Double.parseDouble(n.text());
            case Unary(boolean negate, Num n, Span _) -> negate ? -Double.parseDouble(n.text()) : Double.parseDouble(n.text());
            case Unary _, Name _, Power _, Infix _, Not _, Let _, Call _ ->
                    throw error(s.span(), "the default of parameter '" + parameter + "' must be a number", "write its value, as in " + parameter + " = 0.5");
        };
    }

    // ------------------------------------------------------------------ numbers and rows

    /** {@code s} as a number or a row; {@code stepName} names a reduction bound directly by a let. */
    private Lifted<Expr> value(Syntax s, String stepName) {
        return switch (s) {
            case Num n -> {
                double v = Double.parseDouble(n.text());
                if (Double.isInfinite(v)) throw error(n.span(), "number out of range", "'" + n.text() + "' is beyond the largest double, about 1.8e308");
                yield Lifted.number(constant(v));
            }
            case Name n -> lookup(n);
            case Unary(boolean negate, Syntax operand, Span _) -> {
                Lifted<Expr> v = value(operand, null);
                yield negate ? map1(v, a -> neg(a)) : v;
            }
            case Power(Syntax base, Syntax exponent, Span span) -> map(List.of(value(base, null), value(exponent, null)), span, a -> pow(((Expr) a.get(0)), ((Expr) a.get(1))));
            case Infix infix when kind(infix) == Kind.ARITHMETIC -> arithmetic(infix);
            case Infix _, Not _ -> throw error(s.span(), "a condition cannot be used as a number", "use where(condition, a, b) to choose between two numbers");
            case Let let -> {
                Map<String, Lifted<Expr>> shadowed = new LinkedHashMap<>();
                Set<String> bound = new HashSet<>();
                try {
                    for (Binding b : let.bindings()) {
                        if (!bound.add(b.name())) throw error(b.at(), "'" + b.name() + "' is bound twice in this let", "use another name");
                        Lifted<Expr> v = value(b.value(), b.name());
                        Lifted<Expr> previous = scope.put(b.name(), v);
                        if (!shadowed.containsKey(b.name())) shadowed.put(b.name(), previous);
                    }
                    yield value(let.body(), stepName);
                } finally {
                    shadowed.forEach((name, previous) -> {
                        if (previous == null) scope.remove(name);
                        else scope.put(name, previous);
                    });
                }
            }
            case Call call -> call(call, stepName);
        };
    }

    private Lifted<Expr> arithmetic(Infix infix) {
        Operator level = infix.steps().getFirst().op();
        Lifted<Expr> acc = value(infix.first(), null);
        for (Step step : infix.steps()) {
            Lifted<Expr> operand = value(step.operand(), null);
            Operator op = step.op();
            acc = map(List.of(acc, operand), step.at(), a -> switch (op) {
                case ADD -> add(((Expr) a.get(0)), ((Expr) a.get(1)));
                case SUB -> sub(((Expr) a.get(0)), ((Expr) a.get(1)));
                case MUL -> mul(((Expr) a.get(0)), ((Expr) a.get(1)));
                case DIV -> div(((Expr) a.get(0)), ((Expr) a.get(1)));
                default -> throw new IllegalStateException(level.symbol());
            });
        }
        return acc;
    }

    private Lifted<Cond> condition(Syntax s) {
        return switch (s) {
            case Infix infix when kind(infix) == Kind.COMPARISON -> {
                if (infix.steps().size() > 1) throw error(infix.steps().get(1).at(), "comparisons cannot be chained", "write a < b and b < c");
                Step step = infix.steps().getFirst();
                Cond.Op op = Cond.Op.ofSymbol(step.op().symbol());
                yield map(List.of(value(infix.first(), null), value(step.operand(), null)), step.at(), a -> new Cond.Compare(op, ((Expr) a.get(0)), ((Expr) a.get(1))));
            }
            case Infix infix when kind(infix) == Kind.LOGIC -> {
                Lifted<Cond> acc = condition(infix.first());
                for (Step step : infix.steps()) {
                    boolean and = step.op() == Operator.AND;
                    acc = map(List.of(acc, condition(step.operand())), step.at(), a -> and ? new Cond.And(((Cond) a.get(0)), ((Cond) a.get(1))) : new Cond.Or(((Cond) a.get(0)), ((Cond) a.get(1))));
                }
                yield acc;
            }
            case Not(Syntax operand, Span span) -> map(List.of(condition(operand)), span, a -> new Cond.Not(((Cond) a.getFirst())));
            case Infix _, Num _, Name _, Unary _, Power _, Let _, Call _ ->
                    throw error(s.span(), "expected a condition (a comparison) as the first argument of where", "compare it with something, as in x > 0");
        };
    }

    private Lifted<Expr> map1(Lifted<Expr> v, java.util.function.UnaryOperator<Expr> op) {
        return map(List.of(v), null, a -> op.apply(((Expr) a.getFirst())));
    }

    /**
     * Applies {@code op} position by position: numbers broadcast; rows must have the same length
     * (the same views and the same number of prepended positions).
     */
    @SuppressWarnings("unchecked")
    private <T> Lifted<T> map(List<? extends Lifted<?>> operands, Span at, java.util.function.Function<List<Object>, T> op) {
        Lifted<?> shape = null;
        for (Lifted<?> o : operands) {
            if (!o.row()) continue;
            if (shape == null) shape = o;
            else if (shape.views() != o.views() || shape.prefix().size() != o.prefix().size()) {
                throw error(at, "rows of different lengths", "a half of the row and the row, or a row with and one without concat, cannot be combined");
            }
        }
        if (shape == null) {
            List<Object> args = new ArrayList<>();
            for (Lifted<?> o : operands) args.add(o.element());
            return Lifted.number(op.apply(args));
        }
        List<T> prefix = new ArrayList<>();
        for (int k = 0; k < shape.prefix().size(); k++) {
            List<Object> args = new ArrayList<>();
            for (Lifted<?> o : operands) args.add(o.row() ? o.prefix().get(k) : o.element());
            prefix.add(op.apply(args));
        }
        List<Object> args = new ArrayList<>();
        for (Lifted<?> o : operands) args.add(o.element());
        return new Lifted<>(op.apply(args), prefix, shape.views(), true);
    }

    private Lifted<Expr> lookup(Name n) {
        Lifted<Expr> v = scope.get(n.name());
        if (v != null) {
            if (v.row()) domain(v.views(), n.span());
            return v;
        }
        Double c = CONSTANTS.get(n.name());
        if (c != null) return Lifted.number(constant(c));
        List<String> candidates = Stream.concat(scope.keySet().stream(), CONSTANTS.keySet().stream()).toList();
        throw error(n.span(), "unknown name '" + n.name() + "'",
                Hints.nearest(n.name(), candidates).map(near -> "did you mean '" + near + "'?").orElse("names in scope: " + String.join(", ", scope.keySet())));
    }

    /** The row's views are fixed by the first row used; halves and the whole row cannot mix. */
    private void domain(int v, Span at) {
        if (views == null) views = v;
        else if (views != v) {
            throw error(at, "'" + variable + "' and its halves cannot be used in one definition",
                    "a row definition works on the whole row or, through first_half and second_half, on its halves");
        }
    }

    // ------------------------------------------------------------------ calls

    private Lifted<Expr> call(Call c, String stepName) {
        String name = c.callee();
        if (REDUCTIONS.contains(name) && !((name.equals("max") || name.equals("min")) && c.args().size() == 2)) {
            return reduction(c, stepName);
        }
        switch (name) {
            case "where" -> {
                noNamed(c);
                arity(c, 3, "where(condition, value if true, value if false)");
                Lifted<Cond> cond = condition(c.args().get(0));
                return map(List.of(cond, value(c.args().get(1), null), value(c.args().get(2), null)), c.at(),
                        a -> where((Cond) a.get(0), (Expr) a.get(1), (Expr) a.get(2)));
            }
            case "concat" -> {
                return concat(c);
            }
            case "first_half", "second_half" -> {
                noNamed(c);
                arity(c, 1, name + "(" + variable + ")");
                if (!(c.args().getFirst() instanceof Name n) || !n.name().equals(variable) || scope.get(variable) == null || !scope.get(variable).row()) {
                    throw error(c.args().getFirst().span(), "'" + name + "' takes the row variable '" + variable + "'",
                            "glu(" + variable + "[]) = first_half(" + variable + ") * sigmoid(second_half(" + variable + "))");
                }
                domain(2, c.at());
                return new Lifted<>(var(half(name.equals("first_half"))), List.of(), 2, true);
            }
            default -> {}
        }
        Fn fn = Fn.bySymbol(name);
        if (fn != null) {
            noNamed(c);
            if (c.args().size() != fn.arity()) throw error(c.at(), "'" + name + "' takes " + fn.arity() + (fn.arity() == 1 ? " argument" : " arguments") + ", got " + c.args().size(), null);
            List<Lifted<Expr>> args = new ArrayList<>();
            for (Syntax a : c.args()) args.add(value(a, null));
            return map(args, c.at(), a -> new Expr.Call(fn, a.stream().map(Expr.class::cast).toList()));
        }
        if (name.equals(self)) throw error(c.at(), "'" + name + "' calls itself", "ramp inlines every call, so a definition cannot call itself");
        if (later.test(name)) {
            throw error(c.at(), "'" + name + "' is defined later in the file", "a definition can call only the library and the definitions above it; move '" + name + "' up");
        }
        if (failed.contains(name)) throw new Skipped();
        RowFunction rf = callables.row(name);
        if (rf != null) return inlineRow(rf, c);
        Function f = callables.scalar(name);
        if (f != null) return inlineScalar(f, c);
        if (scope.containsKey(name)) throw error(c.at(), "'" + name + "' is not a function", "to multiply, write " + name + " * (...)");
        List<String> names = Stream.concat(BUILT_INS.stream(), Stream.concat(java.util.Arrays.stream(Fn.values()).map(Fn::symbol), callables.names())).toList();
        throw error(c.at(), "unknown function '" + name + "'", Hints.nearest(name, names).map(near -> "did you mean '" + near + "'?").orElse(null));
    }

    private Lifted<Expr> reduction(Call c, String stepName) {
        String name = c.callee();
        noNamed(c);
        arity(c, 1, name + "(" + variable + ")");
        Lifted<Expr> arg = value(c.args().getFirst(), null);
        if (!arg.row()) {
            throw error(c.args().getFirst().span(), "'" + name + "' reduces a row, but this is a number",
                    name.equals("max") || name.equals("min") ? "for the larger of two numbers write " + name + "(a, b)" : "pass a row, as in " + name + "(" + variable + ")");
        }
        Expr length = length(arg.views(), arg.prefix().size());
        return Lifted.number(switch (name) {
            case "len" -> length;
            case "sum" -> var(step(stepName, Reduction.SUM, arg.element(), arg.prefix()));
            case "mean" -> div(var(step(null, Reduction.SUM, arg.element(), arg.prefix())), length);
            case "max" -> var(step(stepName, Reduction.MAX, arg.element(), arg.prefix()));
            case "min" -> var(step(stepName, Reduction.MIN, arg.element(), arg.prefix()));
            default -> throw new IllegalStateException(name);
        });
    }

    /** Adds a reduction step (or finds the same one) and returns its name. */
    private String step(String preferred, Reduction kind, Expr body, List<Expr> extras) {
        for (Reduce r : steps) {
            if (r.kind() == kind && r.body().equals(body) && r.extras().equals(extras)) return r.name();
        }
        String name = fresh(preferred != null ? preferred : kind.symbol);
        steps.add(new Reduce(name, kind, body, extras));
        return name;
    }

    private String fresh(String base) {
        String name = base;
        if (taken.contains(name) || scope.containsKey(name) || CONSTANTS.containsKey(name)) {
            do name = base + "_" + (++counter); while (taken.contains(name) || scope.containsKey(name));
        }
        taken.add(name);
        return name;
    }

    private Lifted<Expr> concat(Call c) {
        noNamed(c);
        if (c.args().size() < 2) throw error(c.at(), "'concat' takes numbers and then a row, got " + c.args().size() + " argument(s)", "concat(0, " + variable + ")");
        List<Expr> prefix = new ArrayList<>();
        for (int i = 0; i < c.args().size(); i++) {
            Lifted<Expr> a = value(c.args().get(i), null);
            boolean last = i == c.args().size() - 1;
            if (a.row() && !last) throw error(c.args().get(i).span(), "a row can only be the last argument of concat", "put the numbers first: concat(0, " + variable + ")");
            if (!a.row() && last) throw error(c.args().get(i).span(), "the last argument of concat must be a row", "concat(0, " + variable + ")");
            if (!a.row()) prefix.add(a.element());
            else {
                prefix.addAll(a.prefix());
                return new Lifted<>(a.element(), prefix, a.views(), true);
            }
        }
        throw new IllegalStateException();
    }

    /** A row definition inlined: its steps become steps of this program, renamed apart. */
    private Lifted<Expr> inlineRow(RowFunction f, Call c) {
        if (c.args().isEmpty()) throw error(c.at(), "'" + f.name() + "' takes a row", "usage: " + f.signature());
        Lifted<Expr> arg = value(c.args().getFirst(), null);
        if (!arg.row()) throw error(c.args().getFirst().span(), "'" + f.name() + "' takes a row, but this is a number", "usage: " + f.signature());
        Map<String, Expr> values = new HashMap<>(parameters(f.name(), f.parameters(), c, f.signature()));
        RowProgram p = f.program();
        int argViews = arg.views();
        if (p.views().size() == 2) {
            boolean plain = arg.prefix().isEmpty() && arg.views() == 1 && arg.element().equals(var(variable));
            if (!plain) throw error(c.args().getFirst().span(), "'" + f.name() + "' splits its row in halves, so it takes the row variable itself", "usage: " + f.signature());
            domain(2, c.at());
            argViews = 2;
            values.put(p.views().get(0), var(half(true)));
            values.put(p.views().get(1), var(half(false)));
            values.put(RowProgram.lengthName(f.variable()), var(RowProgram.lengthName(variable)));
        } else {
            Expr length = length(arg.views(), arg.prefix().size());
            values.put(RowProgram.lengthName(f.variable()), length);
        }
        String view = p.views().size() == 1 ? p.views().getFirst() : null;
        for (Reduce r : p.steps()) {
            List<Expr> extras = new ArrayList<>();
            for (Expr e : r.extras()) extras.add(Substitute.apply(e, values));
            for (Expr q : arg.prefix()) extras.add(Substitute.apply(r.body(), with(values, view, q)));
            Expr body = Substitute.apply(r.body(), view == null ? values : with(values, view, arg.element()));
            String name = step(r.name(), r.kind(), body, extras);
            values.put(r.name(), var(name));
        }
        return switch (p.output()) {
            case RowProgram.Scalar(Expr v) -> Lifted.number(Substitute.apply(v, values));
            case RowProgram.Elements(Expr e) -> {
                List<Expr> prefix = new ArrayList<>();
                for (Expr q : arg.prefix()) prefix.add(Substitute.apply(e, with(values, view, q)));
                yield new Lifted<>(Substitute.apply(e, view == null ? values : with(values, view, arg.element())), prefix, argViews, true);
            }
            case RowProgram.Gradient g -> throw new IllegalStateException("a definition has no gradient output");
        };
    }

    /** The length of a row over {@code views} views with {@code prefix} numbers in front. */
    private Expr length(int views, int prefix) {
        Expr n = views == 1 ? var(RowProgram.lengthName(variable)) : div(var(RowProgram.lengthName(variable)), TWO);
        return prefix == 0 ? n : add(n, constant(prefix));
    }

    private static Map<String, Expr> with(Map<String, Expr> values, String name, Expr value) {
        Map<String, Expr> m = new HashMap<>(values);
        m.put(name, value);
        return m;
    }

    /** A scalar definition applied element by element. */
    private Lifted<Expr> inlineScalar(Function f, Call c) {
        if (c.args().isEmpty()) throw error(c.at(), "'" + f.name() + "' takes 1 to " + (1 + f.parameters().size()) + " arguments, got 0", null);
        Lifted<Expr> arg = value(c.args().getFirst(), null);
        List<String> names = new ArrayList<>();
        List<Lifted<Expr>> operands = new ArrayList<>();
        names.add(f.variable());
        operands.add(arg);
        Map<String, Lifted<Expr>> params = liftedParameters(f.name(), f.parameters(), c, f.name() + "(" + f.variable() + ")");
        params.forEach((k, v) -> {
            names.add(k);
            operands.add(v);
        });
        return map(operands, c.at(), a -> {
            Map<String, Expr> values = new HashMap<>();
            for (int i = 0; i < names.size(); i++) values.put(names.get(i), (Expr) a.get(i));
            return Substitute.apply(f.body(), values);
        });
    }

    /** The parameters of a call (positional after the first argument, then named), as numbers. */
    private Map<String, Expr> parameters(String callee, List<Parameter> declared, Call c, String usage) {
        Map<String, Expr> out = new HashMap<>();
        liftedParameters(callee, declared, c, usage).forEach((k, v) -> {
            if (v.row()) throw error(c.at(), "parameter '" + k + "' of '" + callee + "' must be a number, not a row", "usage: " + usage);
            out.put(k, v.element());
        });
        return out;
    }

    private Map<String, Lifted<Expr>> liftedParameters(String callee, List<Parameter> declared, Call c, String usage) {
        if (c.args().size() > 1 + declared.size()) {
            throw error(c.at(), "'" + callee + "' takes at most " + (1 + declared.size()) + " arguments, got " + c.args().size(), "usage: " + usage);
        }
        Map<String, Lifted<Expr>> out = new LinkedHashMap<>();
        for (int i = 1; i < c.args().size(); i++) out.put(declared.get(i - 1).name(), value(c.args().get(i), null));
        for (NamedArgument n : c.named()) {
            if (declared.stream().noneMatch(p -> p.name().equals(n.name()))) {
                throw error(n.at(), "unknown parameter '" + n.name() + "' of '" + callee + "'", "usage: " + usage);
            }
            if (out.containsKey(n.name())) throw error(n.at(), "parameter '" + n.name() + "' of '" + callee + "' is given twice", null);
            out.put(n.name(), value(n.value(), null));
        }
        for (Parameter p : declared) {
            if (out.containsKey(p.name())) continue;
            if (p.defaultValue().isEmpty()) throw error(c.at(), "missing parameter '" + p.name() + "' of '" + callee + "'", "give it by name, as in " + callee + "(...; " + p.name() + " = 1)");
            out.put(p.name(), Lifted.number(constant(p.defaultValue().getAsDouble())));
        }
        return out;
    }

    private void noNamed(Call c) {
        if (!c.named().isEmpty()) {
            NamedArgument n = c.named().getFirst();
            throw error(n.at(), "unknown parameter '" + n.name() + "' of '" + c.callee() + "'", "'" + c.callee() + "' has no parameters");
        }
    }

    private void arity(Call c, int n, String usage) {
        if (c.args().size() != n) throw error(c.at(), "'" + c.callee() + "' takes " + n + (n == 1 ? " argument" : " arguments") + ", got " + c.args().size(), usage);
    }

    private static Kind kind(Infix infix) {
        return infix.steps().getFirst().op().kind();
    }

    private RampException error(Span span, String message, String hint) {
        return new RampException(new Diagnostic(source, span, message, hint));
    }
}
