package dev.ramp.compiler.ir;

import java.util.Objects;
import java.util.OptionalDouble;

/** A parameter of a definition ({@code alpha} in {@code elu(x; alpha = 1.0)}), with its default if any. */
public record Parameter(String name, OptionalDouble defaultValue) {
    public Parameter {
        Objects.requireNonNull(name);
        Objects.requireNonNull(defaultValue);
    }
}
