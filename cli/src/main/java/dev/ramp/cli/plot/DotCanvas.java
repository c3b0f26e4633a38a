package dev.ramp.cli.plot;

/**
 * A grid of character cells addressed by dot, for terminal plots. Each cell remembers which
 * layer drew into it last, so each cell can take one curve's colour: curves drawn later sit on top.
 */
final class DotCanvas {
    /** The owner of a cell nothing has drawn into. */
    static final int NONE = -2;
    /** The owner for reference lines (y = 0, x = 0), drawn dim under the curves. */
    static final int GRID = -1;

    final Glyphs glyphs;
    final int columns;
    final int rows;
    private final int[] bits;
    private final int[] owner;

    DotCanvas(Glyphs glyphs, int columns, int rows) {
        this.glyphs = glyphs;
        this.columns = columns;
        this.rows = rows;
        this.bits = new int[columns * rows];
        this.owner = new int[columns * rows];
        java.util.Arrays.fill(owner, NONE);
    }

    int width() {
        return columns * glyphs.across;
    }

    int height() {
        return rows * glyphs.down;
    }

    void set(int px, int py, int layer) {
        if (px < 0 || py < 0 || px >= width() || py >= height()) return;
        int cell = (py / glyphs.down) * columns + px / glyphs.across;
        bits[cell] |= glyphs.bit(px % glyphs.across, py % glyphs.down);
        if (layer >= owner[cell]) owner[cell] = layer;
    }

    /**
     * A line of dots (Bresenham) from one dot to another. {@code dash} says which dots to draw
     * as the line goes (true: draw), continuing from {@code phase[0]} and advancing it, so a
     * dashed curve made of many segments keeps its rhythm.
     */
    void line(int x0, int y0, int x1, int y1, int layer, boolean[] dash, int[] phase) {
        int dx = Math.abs(x1 - x0);
        int dy = -Math.abs(y1 - y0);
        int sx = x0 < x1 ? 1 : -1;
        int sy = y0 < y1 ? 1 : -1;
        int err = dx + dy;
        while (true) {
            if (dash[phase[0]++ % dash.length]) set(x0, y0, layer);
            if (x0 == x1 && y0 == y1) return;
            int e2 = 2 * err;
            if (e2 >= dy) {
                err += dy;
                x0 += sx;
            }
            if (e2 <= dx) {
                err += dx;
                y0 += sy;
            }
        }
    }

    char glyph(int column, int row) {
        return glyphs.glyph(bits[row * columns + column]);
    }

    int owner(int column, int row) {
        return owner[row * columns + column];
    }
}
