package dev.ramp.cli.repl;

import dev.ramp.compiler.diag.Hints;
import java.util.ArrayList;
import java.util.List;

/** {@code :help} and {@code :help COMMAND}. */
final class HelpCommand {
    private HelpCommand() {}

    static void run(Invocation inv, Context cx) {
        List<Invocation.Word> words = inv.words();
        if (words.isEmpty()) {
            overview(cx);
            return;
        }
        Invocation.Word w = words.getFirst();
        Command c = cx.commands.find(w.text());
        if (c == null) {
            List<String> names = new ArrayList<>();
            for (Command k : cx.commands.all()) names.add(k.name());
            throw inv.error(w.start(), w.end(), "no command '" + w.text() + "'",
                    Hints.nearest(w.text().replaceFirst("^:", ""), names).map(n -> "did you mean :help " + n + "?").orElse(":help lists the commands"));
        }
        cx.out.println(cx.out.styled("1", c.synopsis()) + (c.aliases().isEmpty() ? "" : "   (also :" + String.join(", :", c.aliases()) + ")"));
        cx.out.println("  " + c.summary());
        cx.out.println("");
        for (String line : c.help().split("\n")) cx.out.println("  " + line);
    }

    private static void overview(Context cx) {
        cx.out.println("Type a definition to keep it for the session, or an expression to see it simplified or evaluated:");
        cx.out.println("  f(x; a = 2) = x * sigmoid(a * x)      mish(1.5)      x * tanh(softplus(x))");
        cx.out.println("");
        cx.out.println("Commands (:help COMMAND explains one):");
        int width = 0;
        for (Command c : cx.commands.all()) width = Math.max(width, c.synopsis().length());
        width = Math.min(width, 40);
        for (Command c : cx.commands.all()) {
            String syn = c.synopsis();
            if (syn.length() > width) {
                cx.out.println("  " + cx.out.styled("1", syn));
                cx.out.println("  " + " ".repeat(width) + "  " + c.summary());
            } else {
                cx.out.println("  " + cx.out.styled("1", syn) + " ".repeat(width - syn.length()) + "  " + c.summary());
            }
        }
        cx.out.println("");
        cx.out.println("Tab completes names and commands; Up/Down and Ctrl-R search the history; Ctrl-C cancels the line;");
        cx.out.println("Ctrl-D or :quit leaves. An unfinished line (open parenthesis, trailing operator) continues.");
    }
}
