package dev.ramp.runtime;

/** Argument checks shared by {@link Activation}'s defaults and {@link CompiledActivation}. */
final class Checks {
    private Checks() {}

    /** {@code a} if it equals {@code b}; otherwise an IllegalArgumentException naming both arrays. */
    static int sameLength(int a, int b, String nameA, String nameB) {
        if (a != b) {
            throw new IllegalArgumentException(nameA + " and " + nameB + " have different lengths: " + a + " != " + b);
        }
        return a;
    }
}
