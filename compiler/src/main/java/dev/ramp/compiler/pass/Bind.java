package dev.ramp.compiler.pass;

import static dev.ramp.compiler.ir.Exprs.constant;

import dev.ramp.compiler.RampException;
import dev.ramp.compiler.diag.Diagnostic;
import dev.ramp.compiler.diag.Source;
import dev.ramp.compiler.diag.Span;
import dev.ramp.compiler.ir.Expr;
import dev.ramp.compiler.ir.Function;
import dev.ramp.compiler.ir.Parameter;
import dev.ramp.compiler.ir.Substitute;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parameter values given from outside the source, as on the command line ({@code alpha=0.5}).
 * Their diagnostics name the source {@code <command line>} and show {@code name=value}.
 */
public final class Bind {
    private Bind() {}

    /** The source name of diagnostics about the command line. */
    public static final String COMMAND_LINE = "<command line>";

    /** {@code f} with the given parameters replaced by constants and dropped from its parameter list. */
    public static Function bind(Function f, Map<String, Double> values) throws RampException {
        checkKnown(f, values);
        Map<String, Expr> constants = new HashMap<>();
        values.forEach((name, value) -> constants.put(name, constant(value)));
        List<Parameter> unbound = new ArrayList<>();
        for (Parameter p : f.parameters()) {
            if (!values.containsKey(p.name())) unbound.add(p);
        }
        return new Function(f.name(), f.variable(), unbound, Substitute.apply(f.body(), constants), f.doc(), f.sourceText());
    }

    /** Every parameter's value, in declaration order: given, else its default; one with neither is an error. */
    public static Map<String, Double> parameterValues(Function f, Map<String, Double> given) throws RampException {
        checkKnown(f, given);
        Map<String, Double> values = new LinkedHashMap<>();
        for (Parameter p : f.parameters()) {
            Double value = given.get(p.name());
            if (value == null && p.defaultValue().isPresent()) value = p.defaultValue().getAsDouble();
            if (value == null) {
                Source shown = new Source(COMMAND_LINE, f.name());
                throw new RampException(new Diagnostic(shown, new Span(1, 1, f.name().length()),
                        "missing parameter '" + p.name() + "' of '" + f.name() + "'",
                        "give it a value, as in " + p.name() + "=1"));
            }
            values.put(p.name(), value);
        }
        return values;
    }

    private static void checkKnown(Function f, Map<String, Double> values) {
        for (Map.Entry<String, Double> e : values.entrySet()) {
            if (f.parameter(e.getKey()) == null) {
                Source shown = new Source(COMMAND_LINE, e.getKey() + "=" + Calls.number(e.getValue()));
                throw Calls.unknownParameter(shown, f, e.getKey(), new Span(1, 1, e.getKey().length()));
            }
        }
    }
}
