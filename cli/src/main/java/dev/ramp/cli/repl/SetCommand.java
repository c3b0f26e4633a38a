package dev.ramp.cli.repl;

import dev.ramp.compiler.diag.Hints;
import java.util.List;

/** {@code :set}: lists, shows and changes the session's options. */
final class SetCommand {
    private SetCommand() {}

    static void run(Invocation inv, Context cx) {
        Settings settings = cx.session.settings;
        List<Invocation.Word> words = inv.words();
        if (words.isEmpty()) {
            int width = 0;
            for (Settings.Option o : settings.options()) width = Math.max(width, o.name().length() + settings.get(o.name()).length() + 3);
            for (Settings.Option o : settings.options()) {
                String assignment = o.name() + " = " + settings.get(o.name());
                cx.out.println("  " + assignment + " ".repeat(width - assignment.length() + 2) + o.description()
                        + (o.values().isEmpty() ? "" : " [" + String.join("|", o.values()) + "]")
                        + (o.readOnly() == null ? "" : " (read-only: -D" + o.readOnly() + ")"));
            }
            cx.out.note("  Not in this build yet: " + String.join(", ", Settings.PLANNED) + " (the convention for derivatives at kinks).");
            return;
        }
        Invocation.Word name = words.getFirst();
        Settings.Option o = settings.option(name.text());
        if (o == null) {
            if (Settings.PLANNED.contains(name.text())) {
                throw inv.error(name.start(), name.end(), "option '" + name.text() + "' is not available in this build yet",
                        ":set lists the options there are");
            }
            List<String> names = settings.options().stream().map(Settings.Option::name).toList();
            throw inv.error(name.start(), name.end(), "unknown option '" + name.text() + "'",
                    Hints.nearest(name.text(), names).map(n -> "did you mean '" + n + "'?").orElse("the options are " + String.join(", ", names)));
        }
        if (words.size() == 1) {
            cx.out.println(o.name() + " = " + settings.get(o.name()) + "   (" + o.description() + ")");
            return;
        }
        int valueStart = words.get(1).start();
        String value = inv.input().substring(valueStart).strip();
        String problem = settings.set(o.name(), value);
        if (problem != null && o.readOnly() != null) throw inv.error(name.start(), name.end(), "cannot change " + o.name() + " here", problem);
        if (problem != null) throw inv.error(valueStart, inv.input().stripTrailing().length(), "invalid value '" + value + "' for " + o.name(), problem);
        cx.out.note(o.name() + " = " + settings.get(o.name()));
    }
}
