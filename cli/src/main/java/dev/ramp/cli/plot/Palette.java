package dev.ramp.cli.plot;

/**
 * Colours and line styles per curve, by derivative order, shared by the terminal and the
 * images so that f, f' and f'' look alike everywhere: blue, orange, green, then red and purple.
 */
final class Palette {
    private Palette() {}

    private static final String[] HEX = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd"};
    // The nearest ANSI colours that read on both dark and light backgrounds.
    private static final String[] ANSI = {"94", "33", "32", "31", "35"};
    // Without colour, curves differ by dash pattern: solid, dotted, dashed, dash-dot.
    private static final boolean[][] DASH = {
        {true},
        {true, false, false},
        {true, true, true, true, false, false, false},
        {true, true, true, true, false, false, true, false, false},
    };

    static String hex(int order) {
        return HEX[Math.floorMod(order, HEX.length)];
    }

    static String ansi(int order) {
        return ANSI[Math.floorMod(order, ANSI.length)];
    }

    static boolean[] dash(int order) {
        return DASH[Math.floorMod(order, DASH.length)];
    }

    /** SVG {@code stroke-dasharray} for the image line style (solid for f, dashed beyond). */
    static String dashArray(int order) {
        return switch (Math.floorMod(order, 4)) {
            case 0 -> null;
            case 1 -> "7 4";
            case 2 -> "2 3";
            default -> "8 3 2 3";
        };
    }
}
