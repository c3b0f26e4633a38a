package dev.ramp.compiler.pass;

import static dev.ramp.compiler.ir.Exprs.*;

import dev.ramp.compiler.Library;
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
import dev.ramp.compiler.rows.RowFunction;
import dev.ramp.compiler.rows.RowResolve;
import dev.ramp.compiler.syntax.Definition;
import dev.ramp.compiler.syntax.Limits;
import dev.ramp.compiler.syntax.Syntax;
import dev.ramp.compiler.syntax.Syntax.*;
import dev.ramp.compiler.syntax.Syntax.Operator.Kind;
import java.util.ArrayList;
import java.util.Arrays;
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
 * Syntax to core IR: resolves names, checks arities and types (number or condition), folds
 * {@code let} and calls to definitions away by substitution, and flattens sums and products.
 *
 * <p>Names in an expression mean, innermost first: a {@code let} binding, the definition's
 * variable or a parameter, then the constants {@code pi}, {@code e}, {@code inf} and {@code nan}
 * ({@code inf} and {@code nan} exist so that every printed constant reads back). Called names are
 * {@code where}, a primitive ({@link Fn}), or a definition of the library; a file's definitions
 * join the library one by one, so a definition may call only those above it. Calling itself, or
 * one defined further down, is an error: ramp inlines every call, and that is how recursion is
 * ruled out. A definition may take a primitive's name (the stdlib's {@code softplus(x; beta,
 * threshold)} does), but in formulas that name still means the primitive: the definition is
 * what a command means by the bare name ({@link dev.ramp.compiler.Compiler#function}).
 *
 * <p>{@code let a = 1, b = a + x in body} binds numbers, sequentially (each binding sees the ones
 * before it), shadowing outer names; bound values are substituted, sharing one subtree. Number
 * literals too large for a double are errors; too small ones round to zero, as in Java.
 */
public final class Resolve {
    private static final String WHERE = "where";
    private static final Map<String, Double> CONSTANTS = constants();
    private static final Predicate<String> NOWHERE = name -> false;

    private final Source source;
    private final Callables library;
    private final String self;
    /** Whether a name is defined further down the file (and not above): calling it is an error. */
    private final Predicate<String> later;
    private final Set<String> failed;
    /** Names in scope and what they stand for; let saves and restores the entries it shadows. */
    private final Map<String, Expr> scope = new LinkedHashMap<>();
    /** Depth and expanded size of the expressions built so far. */
    private final Measure measure = new Measure();

    private Resolve(Source source, Callables library, String self, Predicate<String> later, Set<String> failed) {
        this.source = source;
        this.library = library;
        this.self = self;
        this.later = later;
        this.failed = failed;
    }

    /**
     * Resolves a file's definitions in order, each against {@code base} plus those above it,
     * and returns {@code base} extended with them (a name already in {@code base} is replaced).
     * Each definition reports at most its first error, and a file at most
     * {@link Limits#MAX_ERRORS}; a definition calling one that failed is skipped silently, so one
     * mistake does not cascade.
     */
    public static Library definitions(List<Definition> definitions, Source source, Library base) throws RampException {
        Map<String, Integer> remaining = new HashMap<>();
        for (Definition d : definitions) remaining.merge(d.name(), 1, Integer::sum);
        Map<String, Definition> seen = new HashMap<>();
        Set<String> failed = new HashSet<>();
        List<Diagnostic> errors = new ArrayList<>();
        Map<String, Function> resolved = new LinkedHashMap<>();
        Map<String, RowFunction> rows = new LinkedHashMap<>();
        Callables callables = new Callables(base, resolved, rows);
        for (Definition d : definitions) {
            if (errors.size() >= Limits.MAX_ERRORS) break;
            remaining.computeIfPresent(d.name(), (name, n) -> n == 1 ? null : n - 1);
            Definition first = seen.putIfAbsent(d.name(), d);
            if (first != null) {
                errors.add(new Diagnostic(source, d.at(), "'" + d.name() + "' is defined twice",
                        "it is first defined at " + position(first.at())));
                continue;
            }
            try {
                Predicate<String> later = name -> remaining.containsKey(name) && !seen.containsKey(name);
                if (d.row()) {
                    rows.put(d.name(), RowResolve.definition(d, source, callables, later, failed));
                    resolved.remove(d.name());
                } else {
                    resolved.put(d.name(), new Resolve(source, callables, d.name(), later, failed).definition(d));
                    rows.remove(d.name());
                }
            } catch (RampException e) {
                errors.addAll(e.diagnostics());
                failed.add(d.name());
            } catch (Skipped | RowResolve.Skipped e) {
                failed.add(d.name());
            }
        }
        if (!errors.isEmpty()) throw new RampException(errors);
        return base.withAll(resolved.values()).withRows(rows.values());
    }

    /** Resolves a single definition against {@code library}. */
    public static Function definition(Definition definition, Source source, Library library) throws RampException {
        if (definition.row()) {
            throw new RampException(new Diagnostic(source, definition.variableAt(), "'" + definition.name() + "' takes a row, not a number",
                    "row definitions are compiled with Compiler.row or Compiler.define"));
        }
        return new Resolve(source, new Callables(library, Map.of(), Map.of()), definition.name(), NOWHERE, Set.of()).definition(definition);
    }

    /** Resolves a bare expression in {@code x} into a parameterless function called {@code name}. */
    public static Function expression(Syntax expr, String name, String text, Source source, Library library) throws RampException {
        Resolve r = new Resolve(source, new Callables(library, Map.of(), Map.of()), null, NOWHERE, Set.of());
        r.scope.put("x", var("x"));
        return new Function(name, "x", List.of(), r.shallow(r.number(expr), expr.span()), List.of(), text);
    }

    private Function definition(Definition d) {
        if (d.name().equals(WHERE)) {
            throw error(d.at(), "'where' is built in and cannot be defined", "choose another name");
        }
        Map<String, Span> declared = new HashMap<>(Map.of(d.variable(), d.variableAt()));
        scope.put(d.variable(), var(d.variable()));
        List<Parameter> params = new ArrayList<>();
        for (Definition.Parameter p : d.parameters()) {
            Span first = declared.putIfAbsent(p.name(), p.at());
            if (first != null) {
                throw error(p.at(), p.name().equals(d.variable())
                        ? "parameter '" + p.name() + "' has the same name as the variable"
                        : "parameter '" + p.name() + "' is declared twice", "first declared at " + position(first));
            }
            params.add(new Parameter(p.name(), p.defaultValue().isPresent()
                    ? OptionalDouble.of(defaultValue(p.name(), p.defaultValue().get())) : OptionalDouble.empty()));
            scope.put(p.name(), var(p.name()));
        }
        return new Function(d.name(), d.variable(), params, shallow(number(d.body()), d.at()), d.doc(), d.sourceText());
    }

    /**
     * {@code body}, if the passes after this one can take its depth and size. Checked wherever
     * sharing can multiply them (let bindings, inlined calls), so that a doubling let chain
     * stops after about 20 levels rather than exhausting memory.
     */
    private Expr shallow(Expr body, Span at) {
        Measure.Size size = measure.of(body);
        if (size.depth() > Limits.MAX_DEPTH) {
            throw error(at, "expression nested too deeply once calls are inlined (depth " + size.depth() + ", limit " + Limits.MAX_DEPTH + ")",
                    "every call is inlined, so calls of deeply nested definitions multiply their depth");
        }
        if (size.nodes() > Limits.MAX_EXPANDED_SIZE) {
            throw error(at, "expression too large once lets and calls are expanded (" + (size.nodes() == Long.MAX_VALUE ? "over 2^63" : size.nodes())
                    + " nodes, limit " + Limits.MAX_EXPANDED_SIZE + ")", "each use of a let-bound name or parameter repeats its value");
        }
        if (measure.built() > Limits.MAX_BUILT) {
            throw error(at, "expression too large to resolve (more than " + Limits.MAX_BUILT + " nodes built)",
                    "sums and products are kept flat by copying, so a long chain of lets that each extend one is quadratic; write it as one sum");
        }
        return body;
    }

    /** A parameter's default: a number literal, possibly signed. */
    private double defaultValue(String parameter, Syntax s) {
        return switch (s) {
            case Num n -> value(n);
            case Unary(boolean negate, Num n, Span _) -> negate ? -value(n) : value(n);
            case Unary _, Name _, Power _, Infix _, Not _, Let _, Call _ -> throw error(s.span(),
                    "the default of parameter '" + parameter + "' must be a number", "write its value, as in " + parameter + " = 0.5");
        };
    }

    /** {@code s} as a number; a condition here is a type error. */
    Expr number(Syntax s) {
        return switch (s) {
            case Num n -> constant(value(n));
            case Name n -> lookup(n);
            case Unary(boolean negate, Syntax operand, Span _) -> negate ? neg(number(operand)) : number(operand);
            case Power(Syntax base, Syntax exponent, Span _) -> pow(number(base), number(exponent));
            case Infix infix when kind(infix) == Kind.ARITHMETIC -> arithmetic(infix);
            case Infix _, Not _ -> throw notANumber(s);
            case Let let -> let(let, this::number);
            case Call call -> call(call);
        };
    }

    /** {@code s} as a condition; {@code context} says where one was expected, for the error. */
    private Cond condition(Syntax s, String context) {
        return switch (s) {
            case Infix infix when kind(infix) == Kind.COMPARISON -> comparison(infix);
            case Infix infix when kind(infix) == Kind.LOGIC -> logic(infix);
            case Not(Syntax operand, Span _) -> new Cond.Not(condition(operand, "after 'not'"));
            case Let let -> let(let, body -> condition(body, context));
            case Infix _, Num _, Name _, Unary _, Power _, Call _ -> {
                number(s); // an error inside it comes first
                throw error(s.span(), "expected a condition (a comparison) " + context, "compare it with something, as in x > 0");
            }
        };
    }

    private RampException notANumber(Syntax s) {
        condition(s, ""); // an error inside it comes first
        boolean comparison = s instanceof Infix infix && kind(infix) == Kind.COMPARISON;
        return error(s.span(), (comparison ? "a comparison" : "a condition") + " cannot be used as a number",
                "use where(condition, a, b) to choose between two numbers");
    }

    /** Sums and products become n-ary in one step, so a 100,000-term sum is one flat node. */
    private Expr arithmetic(Infix infix) {
        Operator level = infix.steps().getFirst().op();
        List<Expr> operands = new ArrayList<>(infix.steps().size() + 1);
        operands.add(number(infix.first()));
        if (level == Operator.ADD || level == Operator.SUB) {
            for (Step step : infix.steps()) {
                Expr term = number(step.operand());
                operands.add(step.op() == Operator.SUB ? neg(term) : term);
            }
            return add(operands);
        }
        int divisions = 0;
        for (Step step : infix.steps()) {
            Expr factor = number(step.operand());
            if (step.op() == Operator.MUL) {
                operands.add(factor);
            } else if (++divisions > Limits.MAX_NESTING) {
                // a / b / c is Div(Div(a, b), c): one level deeper per '/'.
                throw error(step.at(), "expression nested too deeply (more than " + Limits.MAX_NESTING + " levels)",
                        "a chain of divisions nests one level per '/'; write a / (b * c * ...) instead");
            } else {
                Expr quotient = div(mul(operands), factor);
                operands = new ArrayList<>(List.of(quotient));
            }
        }
        return mul(operands);
    }

    private Cond comparison(Infix infix) {
        Step step = infix.steps().getFirst();
        Cond result = new Cond.Compare(Cond.Op.ofSymbol(step.op().symbol()), number(infix.first()), number(step.operand()));
        if (infix.steps().size() > 1) {
            Step second = infix.steps().get(1);
            throw error(second.at(), "comparisons cannot be chained", "write a < b and b < c");
        }
        return result;
    }

    /** A chain of and (or of or) as a balanced tree: p and q and r ... may be long. */
    private Cond logic(Infix infix) {
        List<Cond> operands = new ArrayList<>();
        operands.add(condition(infix.first(), "on the left of '" + infix.steps().getFirst().op().symbol() + "'"));
        for (Step step : infix.steps()) {
            operands.add(condition(step.operand(), "on the right of '" + step.op().symbol() + "'"));
        }
        return balanced(operands, infix.steps().getFirst().op() == Operator.AND, 0, operands.size());
    }

    private static Cond balanced(List<Cond> operands, boolean and, int from, int to) {
        if (to - from == 1) return operands.get(from);
        int middle = from + (to - from + 1) / 2;
        Cond left = balanced(operands, and, from, middle);
        Cond right = balanced(operands, and, middle, to);
        return and ? new Cond.And(left, right) : new Cond.Or(left, right);
    }

    /** Bindings are sequential (each sees the ones before it) and shadow outer names. */
    private <T> T let(Let let, java.util.function.Function<Syntax, T> body) {
        Map<String, Expr> shadowed = new LinkedHashMap<>();
        Set<String> bound = new HashSet<>();
        try {
            for (Binding b : let.bindings()) {
                if (!bound.add(b.name())) throw error(b.at(), "'" + b.name() + "' is bound twice in this let", "use another name");
                Expr value = shallow(number(b.value()), b.at());
                Expr previous = scope.put(b.name(), value);
                shadowed.putIfAbsent(b.name(), previous);
            }
            return body.apply(let.body());
        } finally {
            shadowed.forEach((name, previous) -> {
                if (previous == null) scope.remove(name);
                else scope.put(name, previous);
            });
        }
    }

    private Expr lookup(Name n) {
        Expr value = scope.get(n.name());
        if (value != null) return value;
        Double constant = CONSTANTS.get(n.name());
        if (constant != null) return constant(constant);
        String hint;
        if (library.row(n.name()) != null && !isCallable(n.name())) {
            throw error(n.span(), "'" + n.name() + "' is a function of a row, and this needs a function of a number",
                    "ramp eval " + n.name() + " 1,2,3, ramp show and ramp diff take functions of a row");
        }
        if (isCallable(n.name())) {
            hint = "'" + n.name() + "' is a function: call it, as in " + n.name() + "(x)";
        } else {
            List<String> candidates = Stream.concat(scope.keySet().stream(), CONSTANTS.keySet().stream()).toList();
            // A lone misspelled name on the command line ("mishh") is most likely a definition's name.
            hint = Hints.nearest(n.name(), candidates)
                    .or(() -> self == null ? Hints.nearest(n.name(), callables()) : java.util.Optional.empty())
                    .map(near -> "did you mean '" + near + "'?").orElse(
                    self == null
                            ? "an expression is a function of x alone; for a parameter, write a definition such as f(x; " + n.name() + " = 1) = ..."
                            : "names in scope: " + String.join(", ", scope.keySet()));
        }
        throw error(n.span(), "unknown name '" + n.name() + "'", hint);
    }

    private Expr call(Call c) {
        String name = c.callee();
        Calls calls = new Calls(source, this::number, this::condition);
        if (name.equals(WHERE)) return calls.where(c);
        Fn fn = Fn.bySymbol(name);
        if (fn != null) return calls.primitive(fn, c, library.lookup(name));
        if (name.equals(self)) {
            throw error(c.at(), "'" + name + "' calls itself", "ramp inlines every call, so a definition cannot call itself");
        }
        if (later.test(name)) {
            throw error(c.at(), "'" + name + "' is defined later in the file",
                    "a definition can call only the library and the definitions above it; move '" + name + "' up");
        }
        if (failed.contains(name)) throw new Skipped();
        Function f = library.lookup(name);
        if (f != null) return shallow(calls.inline(f, c), c.at());
        RowFunction row = library.row(name);
        if (row != null) {
            throw error(c.at(), "'" + name + "' takes a row, but here it is applied to a number",
                    "call it from a row definition, as in f(xs[]) = " + name + "(xs)");
        }
        if (scope.containsKey(name)) {
            throw error(c.at(), "'" + name + "' is not a function", "to multiply, write " + name + " * (...)");
        }
        throw error(c.at(), "unknown function '" + name + "'",
                Hints.nearest(name, callables()).map(near -> "did you mean '" + near + "'?").orElse(null));
    }

    /** Everything a call may name: where, the primitives, the library and the file above. */
    private List<String> callables() {
        return Stream.concat(Stream.concat(Stream.of(WHERE), Arrays.stream(Fn.values()).map(Fn::symbol)), library.names()).toList();
    }

    private boolean isCallable(String name) {
        return name.equals(WHERE) || Fn.bySymbol(name) != null || library.lookup(name) != null;
    }

    private double value(Num n) {
        double v = Double.parseDouble(n.text()); // the grammar admits only valid Java double syntax
        if (Double.isInfinite(v)) {
            throw error(n.span(), "number out of range", "'" + n.text() + "' is beyond the largest double, about 1.8e308");
        }
        return v;
    }

    /** The kind of an operator chain; all its operators are of one precedence level. */
    private static Kind kind(Infix infix) {
        return infix.steps().getFirst().op().kind();
    }

    private static Map<String, Double> constants() {
        Map<String, Double> constants = new LinkedHashMap<>();
        constants.put("pi", Math.PI);
        constants.put("e", Math.E);
        constants.put("inf", Double.POSITIVE_INFINITY);
        constants.put("nan", Double.NaN);
        return java.util.Collections.unmodifiableMap(constants);
    }

    static String position(Span span) {
        return span.line() + ":" + span.column();
    }

    private RampException error(Span span, String message, String hint) {
        return new RampException(new Diagnostic(source, span, message, hint));
    }

    /**
     * The definitions a call may name: the file's, resolved so far, over the library's. (Adding
     * each to the library as it is resolved would copy the library once per definition.)
     */
    private record Callables(Library base, Map<String, Function> file, Map<String, RowFunction> fileRows) implements RowResolve.Callables {
        Function lookup(String name) {
            Function f = file.get(name);
            return f != null ? f : fileRows.containsKey(name) ? null : base.lookup(name);
        }

        @Override
        public RowFunction row(String name) {
            RowFunction f = fileRows.get(name);
            return f != null ? f : file.containsKey(name) ? null : base.lookupRow(name);
        }

        @Override
        public Function scalar(String name) {
            return lookup(name);
        }

        @Override
        public Stream<String> names() {
            return Stream.concat(Stream.concat(file.keySet().stream(), fileRows.keySet().stream()),
                    Stream.concat(base.names().stream(), base.rowFunctions().stream().map(RowFunction::name)));
        }
    }

    /** Thrown for a call of an earlier definition that had errors: already reported, so silent. */
    private static final class Skipped extends RuntimeException {
        Skipped() {
            super(null, null, false, false);
        }
    }
}
