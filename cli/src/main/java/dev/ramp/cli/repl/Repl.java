package dev.ramp.cli.repl;

import dev.ramp.compiler.Library;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import org.jline.utils.InfoCmp;

/**
 * The interactive ramp session on a JLine {@link Terminal}: line editing, persistent history,
 * completion, highlighting and multi-line input around an {@link Interpreter}. Ctrl-C cancels the
 * line being typed (or interrupts a running {@code :bench}); Ctrl-D on an empty line or
 * {@code :quit} ends the session. Tests build one on a dumb terminal over scripted streams.
 */
public final class Repl {
    /** System property naming the history file; empty or {@code none} keeps history in memory only. */
    public static final String HISTORY_PROPERTY = "ramp.history";
    /** Environment variable doing the same, for the launcher and scripts (the property wins). */
    public static final String HISTORY_ENV = "RAMP_HISTORY";

    private final Terminal terminal;
    private final Session session;
    private final Commands commands = new Commands();
    private final Interpreter interpreter;
    private final LineReader reader;
    private final ReplCompleter completer;

    /**
     * @param stdlib the library the session starts with
     * @param manual how {@code :show} and completion describe a definition
     * @param history the history file, or null for none
     */
    public Repl(Terminal terminal, Library stdlib, ManualPages manual, Path history) {
        this.terminal = terminal;
        this.session = new Session(stdlib);
        PrintWriter out = terminal.writer();
        Output output = new Output(out, this::colour, terminal::getWidth);
        this.interpreter = new Interpreter(new Context(session, output, manual, commands));
        this.completer = new ReplCompleter(session, commands, manual);
        LineReaderBuilder builder = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("ramp")
                .parser(new ReplParser(commands))
                .completer(completer)
                .highlighter(new ReplHighlighter(session, commands))
                .variable(LineReader.SECONDARY_PROMPT_PATTERN, " ...> ")
                .variable(LineReader.INDENTATION, 2)
                .variable(LineReader.HISTORY_SIZE, 1000)
                .variable(LineReader.HISTORY_FILE_SIZE, 5000)
                // `!` is the language's "not equal" (x != 0), never a history reference.
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .option(LineReader.Option.INSERT_TAB, false)
                .option(LineReader.Option.AUTO_GROUP, true)
                .option(LineReader.Option.HISTORY_IGNORE_DUPS, true);
        if (history != null) builder.variable(LineReader.HISTORY_FILE, history);
        this.reader = builder.build();
    }

    /**
     * The history file: {@code -Dramp.history=FILE}, else {@code $RAMP_HISTORY}, else
     * {@code ~/.ramp_history}; null for none.
     */
    public static Path defaultHistory() {
        String p = System.getProperty(HISTORY_PROPERTY);
        if (p == null) p = System.getenv(HISTORY_ENV);
        if (p != null) return p.isBlank() || p.equals("none") ? null : Path.of(p);
        return Path.of(System.getProperty("user.home"), ".ramp_history");
    }

    /** Runs one input as if typed (for {@code ramp repl --file}); false if it asked to quit. */
    public boolean execute(String input) {
        return interpreter.execute(input);
    }

    /** Reads and runs lines until Ctrl-D or {@code :quit}. */
    public void run(String banner) {
        PrintWriter out = terminal.writer();
        if (banner != null) {
            out.println(banner);
            out.flush();
        }
        Thread main = Thread.currentThread();
        // Outside readLine, Ctrl-C interrupts what is running instead of killing the JVM.
        Terminal.SignalHandler previous = terminal.handle(Terminal.Signal.INT, signal -> main.interrupt());
        String prompt = colour() ? new AttributedString("ramp> ", AttributedStyle.BOLD.foreground(AttributedStyle.BLUE)).toAnsi(terminal) : "ramp> ";
        try {
            while (true) {
                String line;
                try {
                    line = reader.readLine(prompt);
                } catch (UserInterruptException e) {
                    continue;  // Ctrl-C: the line is dropped, the session goes on
                } catch (EndOfFileException e) {
                    break;
                }
                boolean goOn = interpreter.execute(line);
                Thread.interrupted();  // a Ctrl-C that arrived after the work finished
                if (!goOn) break;
            }
        } finally {
            terminal.handle(Terminal.Signal.INT, previous);
            try {
                reader.getHistory().save();
            } catch (IOException e) {
                out.println("ramp: could not save the history: " + e.getMessage());
            }
            out.flush();
        }
    }

    /** Whether output may use ANSI colour: {@code :set color}, else what the terminal says it has. */
    private boolean colour() {
        Boolean set = session.settings.color();
        if (set != null) return set;
        if (System.getenv("NO_COLOR") != null || terminal.getType() == null || terminal.getType().startsWith(Terminal.TYPE_DUMB)) return false;
        Integer colours = terminal.getNumericCapability(InfoCmp.Capability.max_colors);
        return colours != null && colours >= 8;
    }

    LineReader reader() {
        return reader;
    }

    ReplCompleter completer() {
        return completer;
    }

    Session session() {
        return session;
    }
}
