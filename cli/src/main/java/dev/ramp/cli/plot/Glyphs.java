package dev.ramp.cli.plot;

/**
 * How a terminal plot turns dots into characters: each character cell holds a small grid of
 * dots, 2 × 4 with Unicode braille (finest), 2 × 2 with quadrant block characters (bolder, and
 * present in more fonts).
 */
public enum Glyphs {
    /** U+2800 braille patterns: 2 dots across, 4 down. */
    BRAILLE(2, 4),
    /** Quadrant blocks (▘▝▀▖▌▞▛▗▚▐▜▄▙▟█): 2 dots across, 2 down. */
    BLOCK(2, 2);

    /** Dots per cell across and down. */
    final int across;
    final int down;

    Glyphs(int across, int down) {
        this.across = across;
        this.down = down;
    }

    private static final String QUADRANTS = " ▘▝▀▖▌▞▛▗▚▐▜▄▙▟█";

    /** The bit for the dot at ({@code dx}, {@code dy}) within a cell. */
    int bit(int dx, int dy) {
        if (this == BLOCK) return 1 << (dy * 2 + dx);
        // Braille numbers dots 1-2-3 down the left column, 4-5-6 down the right, then 7 and 8 below.
        return dy < 3 ? 1 << (dx * 3 + dy) : 1 << (6 + dx);
    }

    /** The character for a cell whose dots are {@code bits}. */
    char glyph(int bits) {
        if (bits == 0) return ' ';
        return this == BLOCK ? QUADRANTS.charAt(bits) : (char) (0x2800 + bits);
    }
}
