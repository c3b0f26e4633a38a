package dev.ramp.cli.repl;

import dev.ramp.compiler.Library;
import dev.ramp.compiler.ir.Function;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a REPL session remembers: the library calls resolve against (the stdlib plus everything
 * defined or loaded so far), the session's own definitions in the order they were made (for
 * {@code :list} and {@code :save}), and the {@code :set} options.
 */
final class Session {
    final Library stdlib;
    private Library library;
    /** The session's definitions by name; a redefinition keeps its first position. */
    private final Map<String, Function> definitions = new LinkedHashMap<>();
    final Settings settings = new Settings();

    Session(Library stdlib) {
        this.stdlib = stdlib;
        this.library = stdlib;
    }

    Library library() {
        return library;
    }

    /** The session's own definitions, oldest first. */
    List<Function> definitions() {
        return new ArrayList<>(definitions.values());
    }

    boolean isOwn(String name) {
        return definitions.containsKey(name);
    }

    /** A definition made: the new function, and the one of that name it replaced (or null). */
    record Change(Function function, Function previous) {}

    /**
     * Adopts {@code extended} (the library plus new definitions) and returns the definitions that
     * are new or changed, in library order.
     */
    List<Change> adopt(Library extended) {
        List<Change> changed = new ArrayList<>();
        for (Function f : extended.functions()) {
            Function old = library.lookup(f.name());
            if (old != f) {
                changed.add(new Change(f, old));
                definitions.put(f.name(), f);
            }
        }
        library = extended;
        return changed;
    }
}
