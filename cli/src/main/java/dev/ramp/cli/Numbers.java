package dev.ramp.cli;

/** Reading and writing the numbers ramp's commands take and print. */
final class Numbers {
    private Numbers() {}

    /**
     * A double from command-line text: any Java double literal ({@code -800}, {@code 1e-300},
     * {@code Infinity}, {@code NaN}), also {@code inf} and {@code nan}; null if it is none.
     */
    static Double parse(String text) {
        String s = text.strip();
        switch (s.toLowerCase(java.util.Locale.ROOT)) {
            case "inf", "+inf", "infinity", "+infinity" -> { return Double.POSITIVE_INFINITY; }
            case "-inf", "-infinity" -> { return Double.NEGATIVE_INFINITY; }
            case "nan" -> { return Double.NaN; }
            default -> { }
        }
        // Java also accepts type suffixes (1d, 2f), which are no numbers to a ramp user: refuse them.
        if (s.isEmpty() || "dDfF".indexOf(s.charAt(s.length() - 1)) >= 0) return null;
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Java's shortest round-trip form: {@code Infinity}, {@code NaN}, {@code -0.0}, {@code 1.0E-300}. */
    static String format(double value) {
        return Double.toString(value);
    }
}
