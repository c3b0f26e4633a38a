package dev.ramp.compiler.rows;

import dev.ramp.compiler.ir.Parameter;
import java.util.List;
import java.util.Objects;

/**
 * A resolved definition of a function of a row, {@code softmax(xs[]) = ...}: every call inlined,
 * the body as a {@link RowProgram}.
 *
 * @param name the definition's name
 * @param variable the row variable's name, {@code xs}
 * @param parameters the parameters in declaration order (numbers, as for scalar definitions)
 * @param program the body
 * @param doc the {@code ##} doc comment lines
 * @param sourceText the definition as written
 */
public record RowFunction(String name, String variable, List<Parameter> parameters, RowProgram program,
                          List<String> doc, String sourceText) {
    public RowFunction {
        Objects.requireNonNull(name);
        Objects.requireNonNull(variable);
        parameters = List.copyOf(parameters);
        Objects.requireNonNull(program);
        doc = List.copyOf(doc);
        Objects.requireNonNull(sourceText);
    }

    /** Whether it returns one number per row (logsumexp) rather than a row (softmax). */
    public boolean scalarValued() {
        return program.output() instanceof RowProgram.Scalar;
    }

    /** The parameter named {@code name}, or null. */
    public Parameter parameter(String name) {
        for (Parameter p : parameters) {
            if (p.name().equals(name)) return p;
        }
        return null;
    }

    /** How it is called: {@code softmax(xs[])}, {@code f(xs[]; a = 1)}. */
    public String signature() {
        StringBuilder s = new StringBuilder(name).append('(').append(variable).append("[]");
        for (int i = 0; i < parameters.size(); i++) {
            Parameter p = parameters.get(i);
            s.append(i == 0 ? "; " : ", ").append(p.name());
            if (p.defaultValue().isPresent()) s.append(" = ").append(dev.ramp.compiler.print.Printer.number(p.defaultValue().getAsDouble()));
        }
        return s.append(')').toString();
    }
}
