package dev.ramp.cli.plot;

import java.util.ArrayList;
import java.util.List;

/**
 * A sampled curve cut into the polylines that lie inside a view rectangle (in data
 * coordinates). A NaN or infinite sample breaks the curve; a segment leaving the view is cut at
 * its edge (Liang–Barsky), so a renderer never meets a coordinate it cannot draw. A segment that
 * jumps from above the view to below it (or back) between two neighbouring samples is a pole,
 * as in {@code 1/x} at 0, and is left out rather than drawn as a vertical line.
 */
public final class Clip {
    private Clip() {}

    /** Each polyline is a list of {x, y} points, at least two. */
    public static List<List<double[]>> polylines(Series s, double x0, double x1, double y0, double y1) {
        List<List<double[]>> lines = new ArrayList<>();
        List<double[]> current = new ArrayList<>();
        double[] xs = s.xs();
        double[] ys = s.ys();
        for (int i = 0; i + 1 < xs.length; i++) {
            boolean pole = ys[i] > y1 && ys[i + 1] < y0 || ys[i] < y0 && ys[i + 1] > y1;
            double[] seg = pole ? null : segment(xs[i], ys[i], xs[i + 1], ys[i + 1], x0, x1, y0, y1);
            if (seg == null) {
                flush(lines, current);
                current = new ArrayList<>();
                continue;
            }
            boolean startCut = seg[0] != xs[i] || seg[1] != ys[i];
            if (startCut || current.isEmpty()) {
                flush(lines, current);
                current = new ArrayList<>();
                current.add(new double[] {seg[0], seg[1]});
            }
            current.add(new double[] {seg[2], seg[3]});
            if (seg[2] != xs[i + 1] || seg[3] != ys[i + 1]) {
                flush(lines, current);
                current = new ArrayList<>();
            }
        }
        flush(lines, current);
        return lines;
    }

    private static void flush(List<List<double[]>> lines, List<double[]> line) {
        if (line.size() >= 2) lines.add(line);
    }

    /** The part of segment (ax, ay)–(bx, by) inside the view as {x, y, x, y}, or null. */
    static double[] segment(double ax, double ay, double bx, double by, double x0, double x1, double y0, double y1) {
        if (!(Double.isFinite(ax) && Double.isFinite(ay) && Double.isFinite(bx) && Double.isFinite(by))) return null;
        double dx = bx - ax;
        double dy = by - ay;
        if (!Double.isFinite(dx) || !Double.isFinite(dy)) return null;
        double[] t = {0, 1};
        if (!clipT(-dx, ax - x0, t) || !clipT(dx, x1 - ax, t) || !clipT(-dy, ay - y0, t) || !clipT(dy, y1 - ay, t)) return null;
        double sx = t[0] == 0 ? ax : ax + t[0] * dx;
        double sy = t[0] == 0 ? ay : ay + t[0] * dy;
        double ex = t[1] == 1 ? bx : ax + t[1] * dx;
        double ey = t[1] == 1 ? by : ay + t[1] * dy;
        return new double[] {sx, sy, ex, ey};
    }

    private static boolean clipT(double p, double q, double[] t) {
        if (p == 0) return q >= 0;
        double r = q / p;
        if (p < 0) {
            if (r > t[1]) return false;
            if (r > t[0]) t[0] = r;
        } else {
            if (r < t[0]) return false;
            if (r < t[1]) t[1] = r;
        }
        return true;
    }
}
