package dev.ramp.cli.repl;

import dev.ramp.compiler.ir.Function;
import dev.ramp.stdlib.Stdlib;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;

/** Runs a REPL on a dumb JLine terminal fed with scripted keystrokes, and returns what it printed. */
final class ReplHarness {
    private ReplHarness() {}

    /** A stand-in for ramp show's pages: enough to see that :show and completion use them. */
    static final ManualPages PAGES = new ManualPages() {
        @Override
        public void print(Function f, PrintWriter out) {
            out.println("PAGE " + f.name());
            out.println(f.sourceText());
        }

        @Override
        public String summary(Function f) {
            return f.doc().isEmpty() ? "(no description)" : f.doc().getFirst();
        }
    };

    static String run(String keys) {
        return run(keys, null);
    }

    /** Types {@code keys} (Enter is a newline), then the input ends (as Ctrl-D would). */
    static String run(String keys, Path history) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Terminal t = terminal(keys, out)) {
            new Repl(t, Stdlib.library(), PAGES, history).run(null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    static Terminal terminal(String keys, ByteArrayOutputStream out) throws IOException {
        Terminal t = new DumbTerminal("test", Terminal.TYPE_DUMB, new ByteArrayInputStream(keys.getBytes(StandardCharsets.UTF_8)), out, StandardCharsets.UTF_8);
        // As a real terminal does: Ctrl-C (ETX) raises SIGINT, which JLine turns into a cancelled line.
        // The other signal characters need real values too: unset, they equal end of input (-1),
        // and the terminal would raise a signal instead of ending.
        Attributes a = t.getAttributes();
        a.setLocalFlag(Attributes.LocalFlag.ISIG, true);
        a.setControlChar(Attributes.ControlChar.VINTR, 3);
        a.setControlChar(Attributes.ControlChar.VQUIT, 28);
        a.setControlChar(Attributes.ControlChar.VSUSP, 26);
        a.setControlChar(Attributes.ControlChar.VSTATUS, 20);
        t.setAttributes(a);
        return t;
    }

    /** A REPL whose completer and session a test can reach, on a terminal with no input. */
    static Repl repl() {
        try {
            return new Repl(terminal("", new ByteArrayOutputStream()), Stdlib.library(), PAGES, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
