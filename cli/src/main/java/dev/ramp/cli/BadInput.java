package dev.ramp.cli;

/** A command-line mistake that has no source position (a missing file, say): exit code 2. */
final class BadInput extends RuntimeException {
    BadInput(String message) {
        super(message, null, false, false);
    }
}
