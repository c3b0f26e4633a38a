package dev.ramp.compiler;

import dev.ramp.compiler.diag.Diagnostic;
import dev.ramp.compiler.diag.Hints;
import dev.ramp.compiler.diag.Source;
import dev.ramp.compiler.diag.Span;
import dev.ramp.compiler.emit.EmitException;
import dev.ramp.compiler.emit.Emitter;
import dev.ramp.compiler.emit.RowEmitter;
import dev.ramp.runtime.RowActivation;
import dev.ramp.compiler.ir.Expr;
import dev.ramp.compiler.ir.Function;
import dev.ramp.compiler.ir.Parameter;
import dev.ramp.compiler.pass.Bind;
import dev.ramp.compiler.pass.Differentiate;
import dev.ramp.compiler.pass.Eval;
import dev.ramp.compiler.pass.Resolve;
import dev.ramp.compiler.pass.Simplify;
import dev.ramp.compiler.pass.Stabilise;
import dev.ramp.compiler.ir.Exprs;
import dev.ramp.compiler.ir.Substitute;
import dev.ramp.compiler.rows.RowDerivative;
import dev.ramp.compiler.rows.RowFunction;
import dev.ramp.compiler.rows.RowProgram;
import dev.ramp.compiler.syntax.Definition;
import dev.ramp.compiler.syntax.Input;
import dev.ramp.compiler.syntax.Parse;
import dev.ramp.compiler.syntax.Syntax;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import dev.ramp.runtime.Activation;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Supplier;

/**
 * The compiler's entry points; each reads as the list of passes it runs. The front end is
 * text → {@link Parse} (tokens, limits, parse tree, {@link Syntax}) → {@link Resolve} (names,
 * types, inlining) → {@link Function}. Every error, whatever the input, is a
 * {@link RampException} carrying diagnostics.
 */
public final class Compiler {
    private Compiler() {}

    /**
     * How to turn a function into the expressions that compiled code (and the evaluator) runs.
     *
     * @param exactFormula compile the expression as written (and its simplified derivatives),
     *     without the stabilisation pass; by default ({@link #DEFAULT}) derivatives are taken of
     *     the body rewritten to stable primitives ({@link Stabilise#canonical}), and every
     *     expression is stabilised ({@link Stabilise}) after its parameters are bound
     */
    public record Options(boolean exactFormula) {
        /** Stabilised: what every entry point without an {@code Options} argument does. */
        public static final Options DEFAULT = new Options(false);
        /** The formula as written (the command line's {@code --exact-formula}). */
        public static final Options EXACT_FORMULA = new Options(true);
    }

    /**
     * Resolves a file of definitions, each against {@code base} plus the definitions above it,
     * and returns {@code base} extended with them. A name defined twice in the file is an error;
     * a name {@code base} already has is replaced (what was already inlined keeps the old one).
     * A file holding a single expression in {@code x} defines a function named after the file
     * ({@code my-act.ramp} defines {@code my_act}).
     *
     * {@snippet :
     * Library lib = Compiler.define(new Source("acts.ramp", """
     *     ## Smooth, non-monotonic.
     *     mish(x) = x * tanh(softplus(x))
     *     elu(x; alpha = 1) = where(x > 0, x, alpha * expm1(x))
     *     """), Library.EMPTY);
     * lib.lookup("elu").parameters(); // [Parameter[name=alpha, defaultValue=OptionalDouble[1.0]]]
     * }
     */
    public static Library define(Source source, Library base) throws RampException {
        return guard(source, () -> switch (Parse.input(source)) {
            case Input.Definitions(List<Definition> definitions) -> Resolve.definitions(definitions, source, base);
            case Input.BareExpression(Syntax expr, String text) -> base.with(Resolve.expression(expr, fileStem(source), text, source, base));
            case Input.Empty(Span end) -> throw empty(source, end);
        });
    }

    /**
     * Resolves an expression in {@code x} (a function named {@code expr}) or a single definition,
     * as typed on the command line or in the REPL.
     *
     * {@snippet :
     * Function f = Compiler.parseExpression(new Source("<repl>", "x * sigmoid(x)"), Library.EMPTY);
     * f.body(); // Mul[factors=[Var[name=x], Call[fn=SIGMOID, args=[Var[name=x]]]]]
     * }
     */
    public static Function parseExpression(Source source, Library library) throws RampException {
        return guard(source, () -> switch (Parse.input(source)) {
            case Input.Definitions(List<Definition> ds) when ds.size() == 1 -> Resolve.definition(ds.getFirst(), source, library);
            case Input.Definitions(List<Definition> ds) -> throw new RampException(new Diagnostic(source, ds.get(1).at(),
                    "expected one definition, found " + ds.size(), "put several definitions in a file and load it"));
            case Input.BareExpression(Syntax expr, String text) -> Resolve.expression(expr, "expr", text, source, library);
            case Input.Empty(Span end) -> throw empty(source, end);
        });
    }

    /**
     * The library definition named {@code exprOrName}, or else that text read as an expression
     * from the {@code <command line>}.
     *
     * {@snippet :
     * Compiler.function("mish", lib);            // the library's mish
     * Compiler.function("mish(x) / 2", lib);     // a new function, expr(x)
     * }
     */
    public static Function function(String exprOrName, Library library) throws RampException {
        Function named = library.lookup(exprOrName.strip());
        return named != null ? named : parseExpression(new Source(Bind.COMMAND_LINE, exprOrName), library);
    }

    /**
     * {@code f} with the given parameters fixed to constants (and removed from its parameter
     * list). A name that is not a parameter of {@code f} is an error; parameters not given stay.
     *
     * {@snippet :
     * Compiler.bind(lib.lookup("elu"), Map.of("alpha", 0.5)); // elu(x) = where(x > 0, x, 0.5 * expm1(x))
     * }
     */
    public static Function bind(Function f, Map<String, Double> values) throws RampException {
        return Bind.bind(f, values);
    }

    /**
     * The value of every parameter of {@code f}, in declaration order: the given one, else the
     * default. A parameter with neither, or a given name {@code f} does not have, is an error.
     *
     * {@snippet :
     * Compiler.parameterValues(lib.lookup("elu"), Map.of()); // {alpha=1.0}
     * }
     */
    public static Map<String, Double> parameterValues(Function f, Map<String, Double> given) throws RampException {
        return Bind.parameterValues(f, given);
    }

    /**
     * The simplified {@code order}-th derivative of {@code f} with respect to {@code wrt} (its
     * input variable when null, or one of its parameters): {@link Differentiate} then
     * {@code Simplify}, order by order. Order 0 gives the simplified body. An unknown
     * {@code wrt} or a negative order is reported as from the {@code <command line>}.
     *
     * {@snippet :
     * Compiler.derivative(lib.lookup("elu"), "alpha", 1); // where(x > 0, 0, expm1(x))
     * }
     */
    public static Expr derivative(Function f, String wrt, int order) throws RampException {
        return Differentiate.derivative(f.body(), checkWrt(f, wrt), checkOrder(order));
    }

    /**
     * The {@code order}-th derivative of {@code f} with respect to {@code wrt} as a function of
     * its input, with the parameters at {@code parameterValues} (see {@link #parameterValues}),
     * evaluated by the tree-walking evaluator: the expression {@link #compiledForm} gives.
     */
    public static DoubleUnaryOperator evaluator(Function f, Map<String, Double> parameterValues, String wrt, int order)
            throws RampException {
        return evaluator(f, parameterValues, wrt, order, Options.DEFAULT);
    }

    /** As {@link #evaluator(Function, Map, String, int)}, with the given options. */
    public static DoubleUnaryOperator evaluator(Function f, Map<String, Double> parameterValues, String wrt, int order, Options options)
            throws RampException {
        Expr e = compiledForm(f, parameterValues, wrt, order, options);
        String variable = f.variable();
        Map<String, Double> params = new HashMap<>(parameterValues);
        return x -> Eval.eval(e, name -> name.equals(variable) ? x : params.get(name));
    }

    /**
     * As {@link #evaluator}, but compiled to bytecode: the {@code order}-th derivative with
     * respect to {@code wrt} becomes the value of a compiled function of the input.
     */
    public static DoubleUnaryOperator compiledEvaluator(Function f, Map<String, Double> parameterValues, String wrt, int order)
            throws RampException {
        return compiledEvaluator(f, parameterValues, wrt, order, Options.DEFAULT);
    }

    /** As {@link #compiledEvaluator(Function, Map, String, int)}, with the given options. */
    public static DoubleUnaryOperator compiledEvaluator(Function f, Map<String, Double> parameterValues, String wrt, int order, Options options)
            throws RampException {
        if (order == 0 && wrt == null) return compile(f, parameterValues, options);
        Expr e = compiledForm(f, parameterValues, wrt, order, options);
        // Already in its final form: compiled as written, not stabilised a second time.
        Function g = new Function(f.name() + "_d" + order, f.variable(), f.parameters(), e, List.of(), f.sourceText());
        return compile(g, parameterValues, Options.EXACT_FORMULA);
    }

    /**
     * The expression compiled code evaluates for the {@code order}-th derivative of {@code f}
     * with respect to {@code wrt} (null: the input): with {@link Options#EXACT_FORMULA}, the body
     * as written (order 0) or {@link #derivative}; by default, the body simplified and rewritten
     * to stable primitives, differentiated order by order, its parameters bound to
     * {@code parameterValues}, simplified again and {@linkplain Stabilise stabilised}, and a
     * derivative is NaN wherever the function itself is ({@link Stabilise#withinDomain}).
     *
     * {@snippet :
     * Compiler.compiledForm(Compiler.parseExpression(new Source("<repl>", "log(1 + exp(x))"), lib), Map.of(), null, 1, Options.DEFAULT);
     * // sigmoid(x)
     * }
     */
    public static Expr compiledForm(Function f, Map<String, Double> parameterValues, String wrt, int order, Options options)
            throws RampException {
        String variable = checkWrt(f, wrt);
        checkOrder(order);
        if (options.exactFormula()) return order == 0 && wrt == null ? f.body() : derivative(f, wrt, order);
        Expr body = differentiable(f, options);
        Expr e = stable(Differentiate.derivative(body, variable, order), parameterValues);
        return order == 0 ? e : Stabilise.withinDomain(e, stable(body, parameterValues));
    }

    /**
     * The library's row function named {@code name}, else {@code name} read as a single row
     * definition ({@code f(xs[]) = ...}) from the {@code <command line>}; null when it is
     * neither (a scalar function or expression).
     *
     * {@snippet :
     * Compiler.rowFunction("softmax", lib).program(); // let m = max(xs), ... in where(s > 0, exp(xs - c) / s, 0)
     * }
     */
    public static RowFunction rowFunction(String name, Library library) throws RampException {
        RowFunction named = library.lookupRow(name.strip());
        if (named != null || library.lookup(name.strip()) != null || !name.contains("[")) return named;
        Library defined = define(new Source(Bind.COMMAND_LINE, name), library);
        RowFunction added = null;
        for (RowFunction f : defined.rowFunctions()) {
            if (library.lookupRow(f.name()) != f) added = f;
        }
        return added;
    }

    /**
     * The vector-Jacobian product of {@code f} as a program: its gradient for a scalar-valued
     * {@code f}, {@code g * grad f} ({@code g} the output gradient); {@code J^T g} otherwise.
     * See {@link RowDerivative}.
     */
    public static RowProgram rowVjp(RowFunction f) {
        return RowDerivative.vjp(f.program());
    }

    /**
     * The Jacobian-vector product of {@code f} as a program reading the tangent
     * {@code d(xs)} beside {@code xs}: {@code J t}. See {@link RowDerivative#jvp}.
     */
    public static RowProgram rowJvp(RowFunction f) {
        return RowDerivative.jvp(f.program());
    }

    /**
     * {@code f} compiled to row kernels (forward and VJP, double and float; see
     * {@link dev.ramp.runtime.RowActivation}), its parameters at {@code given} or their defaults.
     *
     * @throws RampException for an unknown or missing parameter, or a function too large for the JVM
     */
    public static RowActivation compileRows(RowFunction f, Map<String, Double> given) throws RampException {
        Map<String, Double> values = new HashMap<>();
        Source source = new Source(Bind.COMMAND_LINE, f.name());
        for (String name : given.keySet()) {
            if (f.parameter(name) == null) {
                throw new RampException(new Diagnostic(source, Span.at(1, 1), "'" + f.name() + "' has no parameter '" + name + "'",
                        f.parameters().isEmpty() ? "it has no parameters" : "usage: " + f.signature()));
            }
        }
        for (Parameter p : f.parameters()) {
            Double v = given.containsKey(p.name()) ? given.get(p.name()) : p.defaultValue().isPresent() ? (Double) p.defaultValue().getAsDouble() : null;
            if (v == null) throw new RampException(new Diagnostic(source, Span.at(1, 1), "missing parameter '" + p.name() + "' of '" + f.name() + "'", "usage: " + f.signature()));
            values.put(p.name(), v);
        }
        try {
            return RowEmitter.compile(f.name(), f.variable(), f.program(), rowVjp(f), values);
        } catch (EmitException | IllegalArgumentException e) {
            throw new RampException(new Diagnostic(new Source(f.name(), f.sourceText()), Span.at(1, 1), e.getMessage(), "split it into smaller definitions"));
        }
    }

    /** How many derivatives with respect to the input a compiled activation carries. */
    public static final int COMPILED_ORDERS = 2;

    /**
     * {@code f} compiled to JVM bytecode, its parameters at {@code given} or their defaults: the
     * body, its first {@link #COMPILED_ORDERS} derivatives and each parameter's derivative, all
     * simplified, then {@link Emitter} (CSE, branches, kernels, a hidden class). Equal requests
     * share one instance while it is in use.
     *
     * {@snippet :
     * Activation elu = Compiler.compile(lib.lookup("elu"), Map.of("alpha", 0.5));
     * elu.applyAsDouble(-1.0); // 0.5 * expm1(-1)
     * }
     *
     * @throws RampException for a missing or unknown parameter, or an expression too large for the JVM
     */
    public static Activation compile(Function f, Map<String, Double> given) throws RampException {
        return compile(f, given, Options.DEFAULT);
    }

    /** As {@link #compile(Function, Map)}, with the given options ({@link Options#EXACT_FORMULA}: no stabilisation). */
    public static Activation compile(Function f, Map<String, Double> given, Options options) throws RampException {
        Emitter.Spec spec = spec(f, given, options);
        return emitting(f, () -> Emitter.compile(spec));
    }

    /**
     * The class file {@link #compile} would define, as a normal named class (it needs only the
     * ramp runtime, and has a public no-argument constructor), for {@code ramp compile} and
     * {@code javap}.
     *
     * @param binaryName the class's binary name, such as {@code ramp.generated.Mish}
     */
    public static byte[] classFile(Function f, Map<String, Double> given, String binaryName) throws RampException {
        return classFile(f, given, binaryName, Options.DEFAULT);
    }

    /** As {@link #classFile(Function, Map, String)}, with the given options. */
    public static byte[] classFile(Function f, Map<String, Double> given, String binaryName, Options options) throws RampException {
        Emitter.Spec spec = spec(f, given, options);
        return emitting(f, () -> Emitter.classBytes(binaryName, spec));
    }

    /**
     * The passes, for the body, its derivatives and each parameter's derivative: Simplify and the
     * primitive stabilising rules on the body, Differentiate (order by order), then each result
     * bound, simplified and stabilised, derivatives kept to the function's domain; as written
     * with {@link Options#EXACT_FORMULA}.
     */
    private static Emitter.Spec spec(Function f, Map<String, Double> given, Options options) {
        Map<String, Double> values = parameterValues(f, given);
        Expr body = differentiable(f, options);
        List<Expr> derivatives = new ArrayList<>();
        Expr d = body;
        Expr value = options.exactFormula() ? f.body() : stable(body, values);
        for (int order = 1; order <= COMPILED_ORDERS; order++) {
            d = Differentiate.derivative(d, f.variable(), 1);
            derivatives.add(options.exactFormula() ? d : Stabilise.withinDomain(stable(d, values), value));
        }
        List<Expr> parameterDerivatives = new ArrayList<>();
        for (Parameter p : f.parameters()) {
            Expr dp = Differentiate.derivative(body, p.name(), 1);
            parameterDerivatives.add(options.exactFormula() ? dp : Stabilise.withinDomain(stable(dp, values), value));
        }
        List<Double> bound = f.parameters().stream().map(p -> values.get(p.name())).toList();
        Emitter.Spec spec = new Emitter.Spec(f.name(), f.variable(), f.parameters().stream().map(Parameter::name).toList(), bound,
                value, derivatives, parameterDerivatives);
        // The cheaper equivalent forms are a rewrite too: the formula as written is compiled as written.
        return options.exactFormula() ? spec : Emitter.chooseForms(spec);
    }

    /**
     * What {@link #compile} computes per element for f, f' and the fused pair (after
     * simplification, stabilisation, the choice of forms and one CSE over the pair): operations
     * and math calls by kind, counted as SymPy's {@code count_ops} counts, and cost estimates;
     * for {@code ramp show --cost}.
     */
    public static String costReport(Function f, Map<String, Double> given) throws RampException {
        Emitter.Spec spec = spec(f, given, Options.DEFAULT);
        return emitting(f, () -> Emitter.costReport(spec));
    }

    /**
     * The spec {@link #compile} hands to code generation (stabilised, forms chosen): what the
     * module's own tests count and compile when they must see exactly what ramp compiles.
     */
    public static Emitter.Spec compiledSpec(Function f, Map<String, Double> given) throws RampException {
        return spec(f, given, Options.DEFAULT);
    }

    /** As {@link #compiledSpec(Function, Map)}, with the given options. */
    public static Emitter.Spec compiledSpec(Function f, Map<String, Double> given, Options options) throws RampException {
        return spec(f, given, options);
    }

    /** The body that derivatives are taken of: as written, or simplified and in stable primitives. */
    private static Expr differentiable(Function f, Options options) {
        return options.exactFormula() ? f.body() : Stabilise.canonical(Simplify.simplify(f.body()));
    }

    /** {@code e} with the parameters bound to their values, simplified again (constants fold), stabilised. */
    private static Expr stable(Expr e, Map<String, Double> values) {
        Map<String, Expr> constants = new HashMap<>();
        values.forEach((name, v) -> constants.put(name, Exprs.constant(v)));
        return Stabilise.stabilise(Simplify.simplify(Substitute.apply(e, constants)));
    }

    private static <T> T emitting(Function f, Supplier<T> emit) {
        try {
            return emit.get();
        } catch (EmitException e) {
            throw new RampException(new Diagnostic(new Source(f.name(), f.sourceText()), Span.at(1, 1),
                    e.getMessage(), "split it into smaller definitions"));
        }
    }

    private static String checkWrt(Function f, String wrt) {
        if (wrt == null || wrt.equals(f.variable()) || f.parameter(wrt) != null) return wrt == null ? f.variable() : wrt;
        List<String> names = new ArrayList<>();
        names.add(f.variable());
        for (Parameter p : f.parameters()) names.add(p.name());
        String shown = "--wrt " + wrt;
        throw new RampException(new Diagnostic(new Source(Bind.COMMAND_LINE, shown), new Span(1, 7, wrt.length()),
                "'" + f.name() + "' has no variable or parameter '" + wrt + "'",
                Hints.nearest(wrt, names).map(n -> "did you mean '" + n + "'?").orElse("it has " + String.join(", ", names))));
    }

    private static int checkOrder(int order) {
        if (order >= 0) return order;
        String shown = "--order " + order;
        throw new RampException(new Diagnostic(new Source(Bind.COMMAND_LINE, shown), new Span(1, 9, shown.length() - 8),
                "derivative order must be 0 or more, got " + order));
    }

    /** The last line of defence: the limits should keep recursion shallow, but never crash. */
    private static <T> T guard(Source source, Supplier<T> passes) {
        try {
            return passes.get();
        } catch (StackOverflowError e) {
            throw new RampException(new Diagnostic(source, Span.at(1, 1), "expression too deeply nested to compile",
                    "split it into smaller definitions"));
        }
    }

    private static RampException empty(Source source, Span end) {
        return new RampException(new Diagnostic(source, end, "empty input: expected a definition or an expression",
                "write a definition such as relu(x) = max(0, x), or an expression in x"));
    }

    /** {@code dir/my-act.ramp} → {@code my_act}; {@code expr} for names like {@code <string>}. */
    private static String fileStem(Source source) {
        String name = source.name().replaceAll(".*[/\\\\]", "").replaceFirst("\\.[^.]*$", "");
        if (name.isEmpty() || source.name().startsWith("<")) return "expr";
        String identifier = name.replaceAll("[^A-Za-z0-9_]", "_");
        return Character.isDigit(identifier.charAt(0)) ? "_" + identifier : identifier;
    }
}
