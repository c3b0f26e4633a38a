package dev.ramp.compiler;

import dev.ramp.compiler.ir.Function;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An immutable set of resolved definitions that calls may refer to, in definition order: the
 * stdlib, then files loaded on top of it. Adding returns a new library.
 */
public final class Library {
    /** The library with no definitions. */
    public static final Library EMPTY = new Library(Map.of());

    private final Map<String, Function> functions;

    private Library(Map<String, Function> functions) {
        this.functions = functions;
    }

    /** This library plus {@code f}; a definition of the same name is replaced. */
    public Library with(Function f) {
        Map<String, Function> copy = new LinkedHashMap<>(functions);
        copy.remove(f.name());
        copy.put(f.name(), f);
        return new Library(Collections.unmodifiableMap(copy));
    }

    /**
     * This library plus {@code fs}, in order, as by {@link #with} for each but copying once
     * (adding n definitions one by one copies the library n times).
     */
    public Library withAll(Collection<Function> fs) {
        Map<String, Function> copy = new LinkedHashMap<>(functions);
        for (Function f : fs) {
            copy.remove(f.name());
            copy.put(f.name(), f);
        }
        return new Library(Collections.unmodifiableMap(copy));
    }

    /** The definition called {@code name}, or null. */
    public Function lookup(String name) {
        return functions.get(name);
    }

    /** Every definition, in the order they were added. */
    public Collection<Function> functions() {
        return functions.values();
    }

    /** Every definition's name, in the order they were added. */
    public Collection<String> names() {
        return functions.keySet();
    }
}
