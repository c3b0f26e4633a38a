package dev.ramp.cli.plot;

import dev.ramp.cli.plot.Surface.Anchor;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * A {@link Plot} as an image: title, plotting area with gridlines, ticks and tick labels on both
 * axes, axis names, reference lines at x = 0 and y = 0, one line per curve and a legend placed in
 * the emptiest corner. Laid out once against {@link Surface}; written as SVG or PNG.
 */
public final class ImagePlot {
    private ImagePlot() {}

    /** Default image size in pixels. */
    public static final int WIDTH = 800;
    public static final int HEIGHT = 500;

    /** The image formats ramp writes, by file extension. */
    public enum Format {
        SVG, PNG;

        /** The format a file name asks for, or null when it names neither. */
        public static Format of(Path file) {
            String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
            return name.endsWith(".svg") ? SVG : name.endsWith(".png") ? PNG : null;
        }
    }

    /** The plot as an SVG document. */
    public static String svg(Plot plot, int width, int height) {
        SvgSurface s = new SvgSurface(width, height, plot.title());
        draw(plot, s, width, height);
        return s.finish();
    }

    /** The plot as an RGB image. Needs no display: AWT is put in headless mode if nothing chose yet. */
    public static BufferedImage png(Plot plot, int width, int height) {
        if (System.getProperty("java.awt.headless") == null) System.setProperty("java.awt.headless", "true");
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            draw(plot, new Java2dSurface(g), width, height);
        } finally {
            g.dispose();
        }
        return image;
    }

    /**
     * Writes the plot to {@code file} in the format its extension names.
     *
     * @throws IllegalArgumentException when the extension is neither {@code .svg} nor {@code .png}
     * @throws UncheckedIOException when the file cannot be written
     */
    public static void write(Plot plot, Path file) {
        Format format = Format.of(file);
        if (format == null) throw new IllegalArgumentException("cannot tell the image format of '" + file + "': use a name ending in .svg or .png");
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            if (format == Format.SVG) {
                Files.writeString(file, svg(plot, WIDTH, HEIGHT), StandardCharsets.UTF_8);
            } else if (!ImageIO.write(rendered(plot), "png", file.toFile())) {
                throw new IOException("no PNG writer available");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The PNG raster. Java2D needs at least one font installed to draw text; a bare container
     * without fonts makes it fail deep inside AWT, which is reported as a message with a way out.
     */
    private static BufferedImage rendered(Plot plot) {
        try {
            return png(plot, WIDTH, HEIGHT);
        } catch (VirtualMachineError e) {
            throw e;
        } catch (RuntimeException | Error e) {
            throw new IllegalStateException("cannot draw the PNG (" + e + "); Java2D needs a font installed"
                    + " (e.g. fontconfig and fonts-dejavu), or write .svg instead", e);
        }
    }

    private static final String GRID = "#e6e6e6";
    private static final String AXIS = "#555555";
    private static final String ZERO = "#9a9a9a";
    private static final double TICK_FONT = 12;

    static void draw(Plot plot, Surface s, int width, int height) {
        YRange y = plot.yRange();
        double[] yTicks = Ticks.of(y.min(), y.max(), Math.max(3, height / 70));
        double yStep = Ticks.step(y.min(), y.max(), Math.max(3, height / 70));
        double labelWidth = 0;
        for (double t : yTicks) labelWidth = Math.max(labelWidth, s.textWidth(Ticks.label(t, yStep), TICK_FONT));

        double left = 34 + labelWidth;
        double top = 46;
        double right = width - 20;
        double bottom = height - 52;
        Frame f = new Frame(left, top, right, bottom, plot.xMin(), plot.xMax(), y.min(), y.max());

        s.rect(0, 0, width, height, "#ffffff", null);
        s.text(width / 2.0, 28, plot.title(), 16, Anchor.MIDDLE, false, true);

        for (double t : yTicks) {
            double py = f.py(t);
            s.line(left, py, right, py, GRID, 1, null);
            s.line(left - 5, py, left, py, AXIS, 1, null);
            s.text(left - 8, py + 4, Ticks.label(t, yStep), TICK_FONT, Anchor.END, false, false);
        }
        double[] xTicks = Ticks.of(plot.xMin(), plot.xMax(), Math.max(3, width / 90));
        double xStep = Ticks.step(plot.xMin(), plot.xMax(), Math.max(3, width / 90));
        for (double t : xTicks) {
            double px = f.px(t);
            s.line(px, top, px, bottom, GRID, 1, null);
            s.line(px, bottom, px, bottom + 5, AXIS, 1, null);
            s.text(px, bottom + 19, Ticks.label(t, xStep), TICK_FONT, Anchor.MIDDLE, false, false);
        }
        if (y.min() < 0 && y.max() > 0) s.line(left, f.py(0), right, f.py(0), ZERO, 1, null);
        if (plot.xMin() < 0 && plot.xMax() > 0) s.line(f.px(0), top, f.px(0), bottom, ZERO, 1, null);
        s.rect(left, top, right - left, bottom - top, null, AXIS);
        s.text((left + right) / 2, height - 12, "x", 13, Anchor.MIDDLE, false, false);
        s.text(16, (top + bottom) / 2, "y", 13, Anchor.MIDDLE, true, false);

        List<List<List<double[]>>> curves = new ArrayList<>();
        for (Series series : plot.series()) {
            List<List<double[]>> pixels = new ArrayList<>();
            for (List<double[]> line : Clip.polylines(series, plot.xMin(), plot.xMax(), y.min(), y.max())) {
                List<double[]> p = new ArrayList<>(line.size());
                for (double[] point : line) p.add(new double[] {f.px(point[0]), f.py(point[1])});
                pixels.add(p);
            }
            curves.add(pixels);
        }
        // Derivatives first, so the function is drawn on top.
        for (int i = plot.series().size() - 1; i >= 0; i--) {
            Series series = plot.series().get(i);
            s.curve(series.label(), curves.get(i), Palette.hex(series.order()), 2, Palette.dashArray(series.order()));
        }

        legend(plot, s, f, curves);
        if (y.clipped()) {
            s.text(right - 6, bottom - 8, "y clipped to [" + TextPlot.compact(y.min()) + ", " + TextPlot.compact(y.max()) + "]",
                    11, Anchor.END, false, false);
        }
    }

    /** A boxed legend in whichever corner of the plotting area the curves cross least. */
    private static void legend(Plot plot, Surface s, Frame f, List<List<List<double[]>>> curves) {
        double rowHeight = 20;
        double textWidth = 0;
        for (Series series : plot.series()) textWidth = Math.max(textWidth, s.textWidth(series.label(), 12));
        double w = 12 + 28 + 8 + textWidth + 12;
        double h = 8 + rowHeight * plot.series().size();
        double[][] corners = {
            {f.left() + 10, f.top() + 10}, {f.right() - 10 - w, f.top() + 10},
            {f.left() + 10, f.bottom() - 10 - h}, {f.right() - 10 - w, f.bottom() - 10 - h - 14},
        };
        double[] best = corners[0];
        int fewest = Integer.MAX_VALUE;
        for (double[] c : corners) {
            int hits = 0;
            for (List<List<double[]>> curve : curves) {
                for (List<double[]> line : curve) {
                    for (double[] p : line) {
                        if (p[0] >= c[0] && p[0] <= c[0] + w && p[1] >= c[1] && p[1] <= c[1] + h) hits++;
                    }
                }
            }
            if (hits < fewest) {
                fewest = hits;
                best = c;
            }
        }
        s.rect(best[0], best[1], w, h, "#ffffff", "#cccccc");
        for (int i = 0; i < plot.series().size(); i++) {
            Series series = plot.series().get(i);
            double cy = best[1] + 4 + rowHeight * i + rowHeight / 2;
            s.line(best[0] + 12, cy, best[0] + 40, cy, Palette.hex(series.order()), 2, Palette.dashArray(series.order()));
            s.text(best[0] + 48, cy + 4, series.label(), 12, Anchor.START, false, false);
        }
    }

    /** The plotting area in pixels and the data range it shows. */
    private record Frame(double left, double top, double right, double bottom, double x0, double x1, double y0, double y1) {
        double px(double x) {
            return left + (x - x0) / (x1 - x0) * (right - left);
        }

        double py(double y) {
            return bottom - (y - y0) / (y1 - y0) * (bottom - top);
        }
    }
}
