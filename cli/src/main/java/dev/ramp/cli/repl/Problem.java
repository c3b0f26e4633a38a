package dev.ramp.cli.repl;

/**
 * A mistake that has no column to point at (a file that does not exist, nothing to save), with a
 * hint. The REPL prints it and carries on.
 */
final class Problem extends RuntimeException {
    final String hint;

    Problem(String message, String hint) {
        super(message, null, false, false);
        this.hint = hint;
    }
}
