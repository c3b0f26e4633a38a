package dev.ramp.cli.repl;

/** What a command works with: the session, the output, the reference pages and the other commands. */
final class Context {
    final Session session;
    final Output out;
    final ManualPages manual;
    final Commands commands;
    private boolean quit;

    Context(Session session, Output out, ManualPages manual, Commands commands) {
        this.session = session;
        this.out = out;
        this.manual = manual;
        this.commands = commands;
    }

    void quit() {
        quit = true;
    }

    boolean quitting() {
        return quit;
    }
}
