package dev.ramp.compiler;

import dev.ramp.compiler.ir.Function;
import dev.ramp.compiler.rows.RowFunction;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable set of resolved definitions that calls may refer to, in definition order: the
 * stdlib, then files loaded on top of it. Adding returns a new library. Functions of a row
 * ({@code softmax(xs[])}, {@link RowFunction}) are kept apart from functions of a number: every
 * existing use of {@link #functions()} sees only the latter.
 */
public final class Library {
    /** The library with no definitions. */
    public static final Library EMPTY = new Library(Map.of(), Map.of());

    private final Map<String, Function> functions;
    private final Map<String, RowFunction> rows;

    private Library(Map<String, Function> functions, Map<String, RowFunction> rows) {
        this.functions = functions;
        this.rows = rows;
    }

    /** This library plus the row functions {@code fs}, in order; one of the same name is replaced. */
    public Library withRows(Collection<RowFunction> fs) {
        if (fs.isEmpty()) return this;
        Map<String, RowFunction> copy = new LinkedHashMap<>(rows);
        Map<String, Function> scalars = new LinkedHashMap<>(functions);
        for (RowFunction f : fs) {
            copy.remove(f.name());
            copy.put(f.name(), f);
            scalars.remove(f.name());
        }
        return new Library(Collections.unmodifiableMap(scalars), Collections.unmodifiableMap(copy));
    }

    /** The row functions without those named in {@code names} (a scalar definition replaces them). */
    private Map<String, RowFunction> withoutRows(List<String> names) {
        if (rows.isEmpty() || names.stream().noneMatch(rows::containsKey)) return rows;
        Map<String, RowFunction> copy = new LinkedHashMap<>(rows);
        names.forEach(copy::remove);
        return Collections.unmodifiableMap(copy);
    }

    /** The row function called {@code name}, or null. */
    public RowFunction lookupRow(String name) {
        return rows.get(name);
    }

    /** Every row function, in the order they were added. */
    public Collection<RowFunction> rowFunctions() {
        return rows.values();
    }

    /** This library plus {@code f}; a definition of the same name is replaced. */
    public Library with(Function f) {
        Map<String, Function> copy = new LinkedHashMap<>(functions);
        copy.remove(f.name());
        copy.put(f.name(), f);
        return new Library(Collections.unmodifiableMap(copy), withoutRows(List.of(f.name())));
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
        return new Library(Collections.unmodifiableMap(copy), withoutRows(fs.stream().map(Function::name).toList()));
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
