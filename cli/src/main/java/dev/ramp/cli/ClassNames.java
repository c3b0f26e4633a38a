package dev.ramp.cli;

/** How {@code ramp compile} and the REPL's {@code :bytecode} name generated classes. */
public final class ClassNames {
    private ClassNames() {}

    /** {@code gelu_tanh} -> {@code GeluTanh}; {@code Activation} for an empty name. */
    public static String of(String functionName) {
        StringBuilder b = new StringBuilder();
        boolean upper = true;
        for (char c : functionName.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                b.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return b.isEmpty() ? "Activation" : b.toString();
    }
}
