package dev.ramp.cli.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.List;

/** A {@link Surface} that draws with antialiased Java2D, for PNG output. */
final class Java2dSurface implements Surface {
    private final Graphics2D g;

    Java2dSurface(Graphics2D g) {
        this.g = g;
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
    }

    @Override
    public void rect(double x, double y, double w, double h, String fill, String stroke) {
        Rectangle2D r = new Rectangle2D.Double(x, y, w, h);
        if (fill != null) {
            g.setColor(Color.decode(fill));
            g.fill(r);
        }
        if (stroke != null) {
            g.setColor(Color.decode(stroke));
            g.setStroke(new BasicStroke(1f));
            g.draw(r);
        }
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, String color, double width, String dash) {
        g.setColor(Color.decode(color));
        g.setStroke(new BasicStroke((float) width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, dashes(dash), 0f));
        g.draw(new Line2D.Double(x1, y1, x2, y2));
    }

    @Override
    public void curve(String name, List<List<double[]>> polylines, String color, double width, String dash) {
        Path2D.Double path = new Path2D.Double();
        for (List<double[]> line : polylines) {
            path.moveTo(line.getFirst()[0], line.getFirst()[1]);
            for (int i = 1; i < line.size(); i++) path.lineTo(line.get(i)[0], line.get(i)[1]);
        }
        g.setColor(Color.decode(color));
        g.setStroke(new BasicStroke((float) width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f, dashes(dash), 0f));
        g.draw(path);
    }

    private static float[] dashes(String dash) {
        if (dash == null) return null;
        String[] parts = dash.trim().split("\\s+");
        float[] a = new float[parts.length];
        for (int i = 0; i < parts.length; i++) a[i] = Float.parseFloat(parts[i]);
        return a;
    }

    @Override
    public void text(double x, double y, String text, double size, Anchor anchor, boolean vertical, boolean bold) {
        g.setColor(new Color(0x22, 0x22, 0x22));
        g.setFont(new Font(Font.SANS_SERIF, bold ? Font.BOLD : Font.PLAIN, (int) Math.round(size)));
        double w = g.getFontMetrics().getStringBounds(text, g).getWidth();
        double shift = switch (anchor) {
            case START -> 0;
            case MIDDLE -> -w / 2;
            case END -> -w;
        };
        AffineTransform saved = g.getTransform();
        g.translate(x, y);
        if (vertical) g.rotate(-Math.PI / 2);
        g.drawString(text, (float) shift, 0f);
        g.setTransform(saved);
    }
}
