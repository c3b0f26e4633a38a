package dev.ramp.cli.repl;

import java.util.List;

/**
 * A REPL command such as {@code :d}: its name, how it is called, what it does (a summary for
 * {@code :help}, a page for {@code :help NAME}), what its arguments are (which drives completion
 * and whether an unfinished line continues), and the code that runs it.
 */
record Command(String name, List<String> aliases, String synopsis, String summary, String help, Args args, Handler handler) {

    /** What follows the command word. */
    enum Args {
        /** Nothing. */
        NONE,
        /** An expression or a definition's name, possibly spanning lines. */
        EXPRESSION,
        /** A definition's name. */
        NAME,
        /** A file path. */
        FILE,
        /** A command's name. */
        COMMAND,
        /** An option and a value. */
        OPTION
    }

    interface Handler {
        void run(Invocation invocation, Context context);
    }

    boolean answersTo(String word) {
        return name.equals(word) || aliases.contains(word);
    }
}
