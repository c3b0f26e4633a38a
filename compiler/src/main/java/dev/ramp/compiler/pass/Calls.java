package dev.ramp.compiler.pass;

import static dev.ramp.compiler.ir.Exprs.constant;

import dev.ramp.compiler.RampException;
import dev.ramp.compiler.diag.Diagnostic;
import dev.ramp.compiler.diag.Hints;
import dev.ramp.compiler.diag.Source;
import dev.ramp.compiler.diag.Span;
import dev.ramp.compiler.ir.Cond;
import dev.ramp.compiler.ir.Expr;
import dev.ramp.compiler.ir.Exprs;
import dev.ramp.compiler.ir.Fn;
import dev.ramp.compiler.ir.Function;
import dev.ramp.compiler.ir.Parameter;
import dev.ramp.compiler.ir.Substitute;
import dev.ramp.compiler.syntax.Syntax;
import dev.ramp.compiler.syntax.Syntax.Call;
import dev.ramp.compiler.syntax.Syntax.NamedArgument;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * Resolves calls, once {@link Resolve} has found what the name means: {@code where}, a
 * primitive, or a definition, which is inlined. Inlining matches the arguments to the callee's
 * variable and parameters (the first argument is the variable, further positional ones are
 * parameters in order, named ones follow {@code ;}), fills in defaults, and substitutes them all
 * into the callee's body.
 */
final class Calls {
    private final Source source;
    private final java.util.function.Function<Syntax, Expr> number;
    private final BiFunction<Syntax, String, Cond> condition;

    Calls(Source source, java.util.function.Function<Syntax, Expr> number, BiFunction<Syntax, String, Cond> condition) {
        this.source = source;
        this.number = number;
        this.condition = condition;
    }

    /** {@code where(condition, ifTrue, ifFalse)}: a branch, not a primitive. */
    Expr where(Call c) {
        if (!c.named().isEmpty()) throw noParameters("where", c.named().getFirst());
        if (c.args().size() != 3) {
            throw error(c.at(), "'where' takes 3 arguments, got " + c.args().size(), "where(condition, value if true, value if false)");
        }
        Cond cond = condition.apply(c.args().getFirst(), "as the first argument of where");
        return Exprs.where(cond, number.apply(c.args().get(1)), number.apply(c.args().get(2)));
    }

    /** A primitive; {@code shadowing} is a library definition of the same name, or null. */
    Expr primitive(Fn fn, Call c, Function shadowing) {
        if (!c.named().isEmpty() && shadowing != null && !shadowing.parameters().isEmpty()) {
            NamedArgument n = c.named().getFirst();
            throw new RampException(new Diagnostic(source, n.at(), "unknown parameter '" + n.name() + "' of '" + fn.symbol() + "'",
                    "in a formula '" + fn.symbol() + "' is the built-in, which has no parameters; the library's "
                            + signature(shadowing) + " is what commands mean by the bare name"));
        }
        if (!c.named().isEmpty()) throw noParameters(fn.symbol(), c.named().getFirst());
        if (c.args().size() != fn.arity()) {
            throw error(c.at(), "'" + fn.symbol() + "' takes " + arguments(fn.arity()) + ", got " + c.args().size(), null);
        }
        List<Expr> args = new ArrayList<>(fn.arity());
        for (Syntax arg : c.args()) args.add(number.apply(arg)); // a loop: streams cost stack depth per nesting level
        return new Expr.Call(fn, args);
    }

    /** A call of a definition, inlined. */
    Expr inline(Function f, Call c) {
        int most = 1 + f.parameters().size();
        if (c.args().isEmpty() || c.args().size() > most) {
            String takes = most == 1 ? arguments(1) : "1 to " + most + " arguments";
            throw error(c.at(), "'" + f.name() + "' takes " + takes + ", got " + c.args().size(), "usage: " + signature(f));
        }
        Map<String, Expr> values = new HashMap<>();
        Map<String, Span> givenAt = new HashMap<>();
        values.put(f.variable(), number.apply(c.args().getFirst()));
        for (int i = 1; i < c.args().size(); i++) {
            String name = f.parameters().get(i - 1).name();
            values.put(name, number.apply(c.args().get(i)));
            givenAt.put(name, c.args().get(i).span());
        }
        for (NamedArgument n : c.named()) {
            if (f.parameter(n.name()) == null) throw unknownParameter(source, f, n.name(), n.at());
            Span earlier = givenAt.putIfAbsent(n.name(), n.at());
            if (earlier != null) {
                throw error(n.at(), "parameter '" + n.name() + "' of '" + f.name() + "' is given twice",
                        "it is already given at " + Resolve.position(earlier));
            }
            values.put(n.name(), number.apply(n.value()));
        }
        for (Parameter p : f.parameters()) {
            if (values.containsKey(p.name())) continue;
            if (p.defaultValue().isEmpty()) {
                throw error(c.at(), "missing parameter '" + p.name() + "' of '" + f.name() + "'",
                        "give it by name, as in " + f.name() + "(x; " + p.name() + " = 1)");
            }
            values.put(p.name(), constant(p.defaultValue().getAsDouble()));
        }
        return Substitute.apply(f.body(), values);
    }

    /** For {@code name} given where {@code f} has no such parameter. */
    static RampException unknownParameter(Source source, Function f, String name, Span at) {
        List<String> names = f.parameters().stream().map(Parameter::name).toList();
        String hint;
        if (name.equals(f.variable())) {
            hint = "'" + name + "' is the input of '" + f.name() + "': pass it as the first argument";
        } else if (names.isEmpty()) {
            hint = "'" + f.name() + "' has no parameters";
        } else {
            hint = Hints.nearest(name, names).map(near -> "did you mean '" + near + "'?")
                    .orElse("the parameters of '" + f.name() + "' are " + String.join(", ", names));
        }
        return new RampException(new Diagnostic(source, at, "unknown parameter '" + name + "' of '" + f.name() + "'", hint));
    }

    /** For a named argument given to {@code where} or a primitive. */
    private RampException noParameters(String callee, NamedArgument n) {
        return new RampException(new Diagnostic(source, n.at(), "unknown parameter '" + n.name() + "' of '" + callee + "'",
                "'" + callee + "' has no parameters"));
    }

    /** "1 argument", "2 arguments". */
    private static String arguments(int n) {
        return n + (n == 1 ? " argument" : " arguments");
    }

    /** How {@code f} is called, defaults included: {@code elu(x; alpha = 1)}. */
    private static String signature(Function f) {
        if (f.parameters().isEmpty()) return f.name() + "(" + f.variable() + ")";
        return f.name() + "(" + f.variable() + "; " + f.parameters().stream()
                .map(p -> p.name() + (p.defaultValue().isPresent() ? " = " + number(p.defaultValue().getAsDouble()) : ""))
                .collect(Collectors.joining(", ")) + ")";
    }

    /** A double as a person writes it: 1 rather than 1.0. */
    static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 && !(v == 0 && 1 / v < 0) ? Long.toString((long) v) : Double.toString(v);
    }

    private RampException error(Span span, String message, String hint) {
        return new RampException(new Diagnostic(source, span, message, hint));
    }
}
