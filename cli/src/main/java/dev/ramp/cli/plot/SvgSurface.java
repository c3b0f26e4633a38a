package dev.ramp.cli.plot;

import java.util.List;
import java.util.Locale;

/** A {@link Surface} that writes SVG 1.1 text; every curve becomes one {@code <path class="curve">}. */
final class SvgSurface implements Surface {
    private final StringBuilder svg = new StringBuilder();
    private final int width;
    private final int height;

    SvgSurface(int width, int height, String title) {
        this.width = width;
        this.height = height;
        svg.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        svg.append(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\""
                        + " font-family=\"DejaVu Sans, Helvetica, Arial, sans-serif\">\n", width, height, width, height));
        svg.append("  <title>").append(escape(title)).append("</title>\n");
    }

    @Override
    public void rect(double x, double y, double w, double h, String fill, String stroke) {
        svg.append(String.format(Locale.ROOT, "  <rect x=\"%s\" y=\"%s\" width=\"%s\" height=\"%s\" fill=\"%s\" stroke=\"%s\"/>\n",
                n(x), n(y), n(w), n(h), fill == null ? "none" : fill, stroke == null ? "none" : stroke));
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, String color, double w, String dash) {
        svg.append(String.format(Locale.ROOT, "  <line x1=\"%s\" y1=\"%s\" x2=\"%s\" y2=\"%s\" stroke=\"%s\" stroke-width=\"%s\"%s/>\n",
                n(x1), n(y1), n(x2), n(y2), color, n(w), dash == null ? "" : " stroke-dasharray=\"" + dash + "\""));
    }

    @Override
    public void curve(String name, List<List<double[]>> polylines, String color, double w, String dash) {
        StringBuilder d = new StringBuilder();
        for (List<double[]> line : polylines) {
            for (int i = 0; i < line.size(); i++) {
                d.append(i == 0 ? 'M' : 'L').append(n(line.get(i)[0])).append(',').append(n(line.get(i)[1])).append(' ');
            }
        }
        svg.append("  <path class=\"curve\" data-label=\"").append(escape(name)).append("\" d=\"").append(d.toString().strip())
                .append("\" fill=\"none\" stroke=\"").append(color).append("\" stroke-width=\"").append(n(w))
                .append("\" stroke-linejoin=\"round\" stroke-linecap=\"round\"");
        if (dash != null) svg.append(" stroke-dasharray=\"").append(dash).append('"');
        svg.append("/>\n");
    }

    @Override
    public void text(double x, double y, String text, double size, Anchor anchor, boolean vertical, boolean bold) {
        svg.append(String.format(Locale.ROOT, "  <text x=\"%s\" y=\"%s\" font-size=\"%s\" text-anchor=\"%s\"%s%s fill=\"#222222\">%s</text>\n",
                n(x), n(y), n(size), anchor.name().toLowerCase(Locale.ROOT),
                bold ? " font-weight=\"bold\"" : "",
                vertical ? String.format(Locale.ROOT, " transform=\"rotate(-90 %s %s)\"", n(x), n(y)) : "",
                escape(text)));
    }

    /** The finished document. */
    String finish() {
        return svg + "</svg>\n";
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    private static String n(double v) {
        String s = String.format(Locale.ROOT, "%.2f", v);
        s = s.replaceAll("\\.?0+$", "");
        return s.equals("-0") ? "0" : s;
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
