package dev.ramp.cli.plot;

import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

/**
 * A {@link Plot} drawn with characters for a terminal: the curves as braille or block dots, a
 * y axis with tick values on the left, an x axis with tick values below, dim reference lines at
 * x = 0 and y = 0, a title and a legend. With colour, each curve has its own ANSI colour; without
 * (a pipe, a dumb terminal, {@code NO_COLOR}), each has its own dash pattern instead.
 */
public final class TextPlot {
    private TextPlot() {}

    /**
     * How to draw.
     *
     * @param width total width in columns, labels included
     * @param height rows of the plotting area (the title, axis and legend add five)
     * @param glyphs braille or block dots
     * @param color whether to emit ANSI colour codes
     */
    public record Options(int width, int height, Glyphs glyphs, boolean color) {
        public Options {
            width = Math.max(30, width);
            height = Math.max(5, height);
        }

        /** 80 × 20 braille, without colour. */
        public static Options plain() {
            return new Options(80, 20, Glyphs.BRAILLE, false);
        }
    }

    private static final String RESET = "\u001b[0m";
    private static final String DIM = "90";

    /** The plot as lines of text, each ending in a newline. */
    public static String render(Plot plot, Options o) {
        YRange y = plot.yRange();
        double yStep = Ticks.step(y.min(), y.max(), Math.max(2, o.height() / 4));
        double[] yTicks = Ticks.of(y.min(), y.max(), Math.max(2, o.height() / 4));
        int labelWidth = 1;
        for (double t : yTicks) labelWidth = Math.max(labelWidth, Ticks.label(t, yStep).length());
        int left = labelWidth + 1;                   // labels, a space, then the axis column
        int columns = Math.max(10, o.width() - left - 1 - 2);  // room on the right for " x"
        DotCanvas canvas = new DotCanvas(o.glyphs(), columns, o.height());
        Mapping map = new Mapping(plot.xMin(), plot.xMax(), y.min(), y.max(), canvas.width(), canvas.height());

        boolean[] dotted = {true, false, false, false};  // sparse, so curves crossing it stay legible
        int[] phase = {0};
        if (y.min() < 0 && y.max() > 0) canvas.line(0, map.py(0), canvas.width() - 1, map.py(0), DotCanvas.GRID, dotted, phase);
        if (plot.xMin() < 0 && plot.xMax() > 0) canvas.line(map.px(0), 0, map.px(0), canvas.height() - 1, DotCanvas.GRID, dotted, phase);

        List<Series> series = plot.series();
        // Drawn last to first so that the function itself ends up on top of its derivatives.
        for (int i = series.size() - 1; i >= 0; i--) {
            Series s = series.get(i);
            int layer = series.size() - 1 - i;
            boolean[] dash = o.color() ? new boolean[] {true} : Palette.dash(s.order());
            int[] along = {0};
            for (List<double[]> line : Clip.polylines(s, plot.xMin(), plot.xMax(), y.min(), y.max())) {
                for (int k = 0; k + 1 < line.size(); k++) {
                    double[] a = line.get(k);
                    double[] b = line.get(k + 1);
                    canvas.line(map.px(a[0]), map.py(a[1]), map.px(b[0]), map.py(b[1]), layer, dash, along);
                }
            }
        }

        StringBuilder out = new StringBuilder();
        String pad = " ".repeat(left);
        out.append(pad).append(' ').append(center(plot.title(), columns)).append('\n');
        out.append(pad).append("y\n");
        TreeMap<Integer, String> rowLabels = new TreeMap<>();
        for (double t : yTicks) rowLabels.putIfAbsent(map.py(t) / o.glyphs().down, Ticks.label(t, yStep));
        for (int row = 0; row < canvas.rows; row++) {
            String label = rowLabels.get(row);
            out.append(" ".repeat(labelWidth - (label == null ? 0 : label.length()))).append(label == null ? "" : label);
            out.append(' ').append(label == null ? '│' : '┤');
            appendCells(out, canvas, row, series, o.color());
            out.append('\n');
        }

        double xStep = Ticks.step(plot.xMin(), plot.xMax(), Math.max(2, columns / 12));
        double[] xTicks = Ticks.of(plot.xMin(), plot.xMax(), Math.max(2, columns / 12));
        char[] axis = ("─".repeat(columns)).toCharArray();
        char[] labels = " ".repeat(left + 1 + columns + 2).toCharArray();
        int free = 0;  // first position the next label may use
        for (double t : xTicks) {
            int column = map.px(t) / o.glyphs().across;
            axis[column] = '┬';
            String label = Ticks.label(t, xStep);
            int start = Math.max(0, Math.min(labels.length - label.length(), left + 1 + column - label.length() / 2));
            if (start < free) continue;
            label.getChars(0, label.length(), labels, start);
            free = start + label.length() + 1;
        }
        out.append(pad).append('└').append(axis).append(" x\n");
        out.append(new String(labels).stripTrailing()).append('\n');

        out.append(pad).append(' ');
        for (Series s : series) {
            DotCanvas sample = new DotCanvas(o.glyphs(), 4, 1);
            boolean[] dash = o.color() ? new boolean[] {true} : Palette.dash(s.order());
            sample.line(0, o.glyphs().down / 2, sample.width() - 1, o.glyphs().down / 2, 0, dash, new int[] {0});
            String line = "" + sample.glyph(0, 0) + sample.glyph(1, 0) + sample.glyph(2, 0) + sample.glyph(3, 0);
            out.append(o.color() ? sgr(Palette.ansi(s.order())) + line + RESET : line).append(' ').append(s.label()).append("   ");
        }
        if (y.clipped()) {
            out.append(String.format(Locale.ROOT, "(y clipped to [%s, %s])", compact(y.min()), compact(y.max())));
        }
        out.setLength(out.length() - (out.toString().endsWith("   ") ? 3 : 0));
        out.append('\n');
        return out.toString();
    }

    private static void appendCells(StringBuilder out, DotCanvas canvas, int row, List<Series> series, boolean color) {
        String current = null;
        for (int c = 0; c < canvas.columns; c++) {
            char g = canvas.glyph(c, row);
            if (color) {
                int owner = canvas.owner(c, row);
                String want = g == ' ' || owner == DotCanvas.NONE ? null
                        : owner == DotCanvas.GRID ? DIM
                        : Palette.ansi(series.get(series.size() - 1 - owner).order());
                if (want != null && !want.equals(current)) {
                    out.append(sgr(want));
                    current = want;
                } else if (want == null && current != null && g != ' ') {
                    out.append(RESET);
                    current = null;
                }
            }
            out.append(g);
        }
        if (current != null) out.append(RESET);
    }

    private static String sgr(String code) {
        return "\u001b[" + code + "m";
    }

    private static String center(String text, int width) {
        if (text.length() > width) return text.substring(0, width - 1) + "…";
        return " ".repeat((width - text.length()) / 2) + text;
    }

    /** A short form of a range end for the clipping note. */
    static String compact(double v) {
        return String.format(Locale.ROOT, "%.3g", v).replaceAll("(\\.\\d*?)0+(e|$)", "$1$2").replaceAll("\\.(e|$)", "$1");
    }

    /** Data coordinates to dots. */
    private record Mapping(double x0, double x1, double y0, double y1, int width, int height) {
        int px(double x) {
            return (int) Math.round((x - x0) / (x1 - x0) * (width - 1));
        }

        int py(double y) {
            return (int) Math.round((y1 - y) / (y1 - y0) * (height - 1));
        }
    }
}
