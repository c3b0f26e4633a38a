package dev.ramp.stdlib;

import java.math.BigDecimal;

/**
 * One reference number from {@code reference.csv}: 25 significant digits, or {@code inf},
 * {@code -inf}, {@code nan}. Kept as text so that the error of a double against it can be
 * measured beyond the double's own precision.
 */
public record Reference(String text) {
    /** The exact decimal, or null for inf, -inf and nan. */
    public BigDecimal decimal() {
        return switch (text) {
            case "inf", "-inf", "nan" -> null;
            default -> new BigDecimal(text);
        };
    }

    /** The nearest double (the decimal may overflow to an infinity or underflow to zero). */
    public double toDouble() {
        return switch (text) {
            case "inf" -> Double.POSITIVE_INFINITY;
            case "-inf" -> Double.NEGATIVE_INFINITY;
            case "nan" -> Double.NaN;
            default -> Double.parseDouble(text);
        };
    }

    @Override
    public String toString() {
        return text;
    }
}
