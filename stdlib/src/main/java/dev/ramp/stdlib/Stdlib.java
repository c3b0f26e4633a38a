package dev.ramp.stdlib;

import dev.ramp.compiler.Compiler;
import dev.ramp.compiler.Library;
import dev.ramp.compiler.diag.Source;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * ramp's standard library: every documented activation, defined in ramp's own language in the
 * {@code .ramp} files beside this class (one file per family, listed in {@code index.txt}), and
 * resolved once, on first use.
 *
 * {@snippet :
 * Library lib = Stdlib.library();
 * Function mish = lib.lookup("mish");   // mish(x) = x * tanh(softplus(x)), with its doc comment
 * }
 */
public final class Stdlib {
    private Stdlib() {}

    /** The family files, in load order (later files may call earlier ones). */
    public static List<String> files() {
        return read("index.txt").lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** The standard library's definitions (PyTorch's kink values), parsed and resolved on first use. */
    public static Library library() {
        return Holder.LIBRARY;
    }

    /** The standard library with the given convention for derivatives at kinks. */
    public static Library library(KinkConvention convention) {
        return switch (convention) {
            case PYTORCH -> Holder.LIBRARY;
            case JAX -> JaxHolder.LIBRARY;
        };
    }

    /** The text of one family file, e.g. {@code sigmoidal.ramp}. */
    public static String text(String file) {
        return read(file);
    }

    private static final class Holder {
        static final Library LIBRARY = load();

        private static Library load() {
            Library lib = Library.EMPTY;
            for (String file : files()) {
                lib = Compiler.define(new Source("stdlib/" + file, read(file)), lib);
            }
            return lib;
        }
    }

    /** PyTorch's library with JAX's definitions replacing those whose kink values differ (no stdlib definition calls them). */
    private static final class JaxHolder {
        static final Library LIBRARY = Compiler.define(new Source("stdlib/jax-kinks.ramp", read("jax-kinks.ramp")), Holder.LIBRARY);
    }

    private static String read(String resource) {
        try (InputStream in = Stdlib.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("stdlib resource missing: " + resource);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
