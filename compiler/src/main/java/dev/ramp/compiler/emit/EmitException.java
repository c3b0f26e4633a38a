package dev.ramp.compiler.emit;

/**
 * The emitter could not turn an expression into a class: it is too large for the JVM's limits
 * (64 KB of code per method, 65535 constant-pool entries per class) even after outlining, or it
 * mentions a variable that is neither the input nor a bound parameter. The message says which.
 */
public final class EmitException extends RuntimeException {
    public EmitException(String message) {
        super(message);
    }

    public EmitException(String message, Throwable cause) {
        super(message, cause);
    }
}
