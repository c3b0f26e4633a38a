package dev.ramp.cli.plot;

import java.util.List;

/**
 * The few drawing operations {@link ImagePlot} needs, so one layout serves both SVG text
 * ({@link SvgSurface}) and a Java2D raster for PNG ({@link Java2dSurface}). Coordinates are
 * pixels from the top left; colours are {@code #rrggbb}.
 */
interface Surface {
    enum Anchor { START, MIDDLE, END }

    void rect(double x, double y, double w, double h, String fill, String stroke);

    /** A straight line; {@code dash} as for {@link #curve}. */
    void line(double x1, double y1, double x2, double y2, String color, double width, String dash);

    /**
     * One curve: all its polylines as a single path, so a curve is one element whatever its
     * gaps. {@code dash} is an SVG dash array ({@code "7 4"}), or null for a solid line.
     */
    void curve(String name, List<List<double[]>> polylines, String color, double width, String dash);

    /** Text whose baseline starts, is centred or ends at (x, y); {@code vertical} reads bottom to top. */
    void text(double x, double y, String text, double size, Anchor anchor, boolean vertical, boolean bold);

    /** Approximate width of {@code text} at {@code size}, for layout. */
    default double textWidth(String text, double size) {
        return text.length() * size * 0.6;
    }
}
