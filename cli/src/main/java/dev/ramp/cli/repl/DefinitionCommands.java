package dev.ramp.cli.repl;

import dev.ramp.compiler.Compiler;
import dev.ramp.compiler.RampException;
import dev.ramp.compiler.diag.Sources;
import dev.ramp.compiler.ir.Function;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/** {@code :show}, {@code :list}, {@code :load} and {@code :save}: the session's definitions. */
final class DefinitionCommands {
    private DefinitionCommands() {}

    static void show(Invocation inv, Context cx) {
        Function f = ExprArg.resolve(inv, cx.session, inv.argsStart(), inv.input().length(), ":show NAME");
        cx.manual.print(f, cx.out.writer());
        cx.out.writer().flush();
    }

    static void list(Invocation inv, Context cx) {
        List<Function> own = cx.session.definitions();
        if (own.isEmpty()) {
            cx.out.note("No definitions of yours yet: type one, such as  f(x; a = 2) = x * sigmoid(a * x)");
        } else {
            cx.out.println("Yours:");
            for (Function f : own) {
                cx.out.println("  " + f.sourceText().strip().replaceAll("\\s*\\n\\s*", " "));
            }
        }
        cx.out.println("");
        cx.out.println("stdlib (" + cx.session.stdlib.names().size() + "; :show NAME for one):");
        StringBuilder line = new StringBuilder(" ");
        for (String name : cx.session.stdlib.names()) {
            if (line.length() + name.length() + 2 > Math.min(cx.out.width(), 100)) {
                cx.out.println(line.toString());
                line = new StringBuilder(" ");
            }
            line.append(' ').append(name);
        }
        if (line.length() > 1) cx.out.println(line.toString());
    }

    static void load(Invocation inv, Context cx) {
        Path file = path(inv, ":load FILE");
        if (!Files.isRegularFile(file)) {
            throw new Problem("no such file: " + file, Files.isDirectory(file) ? "that is a directory" : "paths are relative to " + Path.of("").toAbsolutePath());
        }
        List<Session.Change> changes;
        try {
            changes = cx.session.adopt(Compiler.define(Sources.read(file), cx.session.library()));
        } catch (IOException e) {
            throw new Problem("cannot read " + file + ": " + e.getMessage(), null);
        } catch (RampException e) {
            throw e;  // positions in the file, printed as they are
        }
        if (changes.isEmpty()) cx.out.note("loaded " + file + ": nothing new");
        for (Session.Change c : changes) Interpreter.report(c, cx);
    }

    static void save(Invocation inv, Context cx) {
        Path file = path(inv, ":save FILE");
        if (!file.getFileName().toString().contains(".")) file = file.resolveSibling(file.getFileName() + ".ramp");
        List<Function> own = cx.session.definitions();
        if (own.isEmpty()) {
            throw new Problem("nothing to save: no definitions in this session yet", "define one first, e.g. f(x) = x * sigmoid(x)");
        }
        StringBuilder text = new StringBuilder("# Activation functions defined in a ramp session. Load with :load or ramp --file.\n");
        for (Function f : own) {
            text.append('\n');
            for (String doc : f.doc()) text.append("## ").append(doc).append('\n');
            text.append(f.sourceText().strip()).append('\n');
        }
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new Problem("cannot write " + file + ": no such directory", null);
        } catch (IOException e) {
            throw new Problem("cannot write " + file + ": " + e.getMessage(), null);
        }
        cx.out.note("wrote " + file + " (" + own.size() + " definition" + (own.size() == 1 ? "" : "s") + ")");
    }

    private static Path path(Invocation inv, String usage) {
        String text = inv.args().strip();
        if (text.isEmpty()) {
            int at = inv.input().stripTrailing().length();
            throw inv.error(at, at + 1, "expected a file name", "usage: " + usage);
        }
        if (text.length() > 1 && (text.startsWith("\"") && text.endsWith("\"") || text.startsWith("'") && text.endsWith("'"))) {
            text = text.substring(1, text.length() - 1);
        }
        try {
            return Path.of(PlotArgs.expandHome(text));
        } catch (java.nio.file.InvalidPathException e) {
            throw new Problem("invalid file name '" + text + "'", null);
        }
    }
}
