package dev.ramp.compiler.analysis;

import dev.ramp.compiler.ir.Expr;
import dev.ramp.compiler.pass.Differentiate;
import dev.ramp.compiler.pass.Eval;
import java.util.ArrayList;
import java.util.List;

/**
 * A definition cut at its branch points into branch-free {@link Piece}s. Each piece is checked
 * against the definition at sample points across its interval (out to 10^6 on unbounded ones);
 * a mismatch means a branch point was missed, and the piece is marked unverified, which keeps it
 * out of every exact result.
 *
 * @param points the branch points, increasing
 * @param pieces one piece per interval between them (points.size() + 1 of them)
 */
record Pieces(List<BranchPoint> points, List<Piece> pieces) {
    Pieces {
        points = List.copyOf(points);
        pieces = List.copyOf(pieces);
    }

    /**
     * The pieces of {@code body}. A branch point whose two sides reduce to the same expression
     * (the zero of {@code abs(x)} inside {@code where(abs(x) > 0.5, x, 0)}, where both sides are 0)
     * changes nothing and is dropped, its pieces merged.
     */
    static Pieces of(Expr body, String var) {
        List<BranchPoint> found = BranchPoints.find(body, var);
        List<Piece> cut = new ArrayList<>();
        for (int i = 0; i <= found.size(); i++) {
            double lo = i == 0 ? Double.NEGATIVE_INFINITY : found.get(i - 1).x();
            double hi = i == found.size() ? Double.POSITIVE_INFINITY : found.get(i).x();
            cut.add(piece(body, var, lo, hi));
        }
        List<BranchPoint> points = new ArrayList<>();
        List<Piece> pieces = new ArrayList<>();
        pieces.add(cut.getFirst());
        for (int i = 0; i < found.size(); i++) {
            Piece last = pieces.getLast(), next = cut.get(i + 1);
            if (last.verified() && next.verified() && last.f().equals(next.f())) {
                pieces.set(pieces.size() - 1, piece(body, var, last.lo(), next.hi()));
            } else {
                points.add(found.get(i));
                pieces.add(next);
            }
        }
        return new Pieces(points, pieces);
    }

    /** Whether every piece is verified and an exponential polynomial: then all Gaussian moments are exact. */
    boolean allExpPoly() {
        return pieces.stream().allMatch(p -> p.verified() && p.poly().isPresent());
    }

    boolean allVerified() {
        return pieces.stream().allMatch(Piece::verified);
    }

    private static Piece piece(Expr body, String var, double lo, double hi) {
        double at = Piece.interior(lo, hi);
        Expr f = Specialise.at(body, var, at);
        Expr df = Differentiate.derivative(f, var, 1);
        double[] xs = samples(lo, hi);
        double[] want = new double[xs.length], got = new double[xs.length];
        double scale = 0;
        for (int i = 0; i < xs.length; i++) {
            want[i] = Eval.eval(body, var, xs[i]);
            got[i] = Eval.eval(f, var, xs[i]);
            if (Double.isFinite(want[i])) scale = Math.max(scale, Math.abs(want[i]));
        }
        boolean verified = true;
        for (int i = 0; i < xs.length && verified; i++) verified = close(want[i], got[i], 1e-13 * scale);
        return new Piece(lo, hi, f, df, ExpPoly.of(f, var), ExpPoly.of(df, var), verified);
    }

    /** Two evaluations of the same function by differently arranged formulas agree to rounding. */
    static boolean close(double a, double b, double absolute) {
        if (Double.isNaN(a) || Double.isNaN(b)) return Double.isNaN(a) && Double.isNaN(b);
        if (Double.isInfinite(a) || Double.isInfinite(b)) return a == b;
        return Math.abs(a - b) <= 1e-9 * (Math.abs(a) + Math.abs(b)) + absolute;
    }

    /** Interior points: 15 across a finite interval, and out to 10^6 from the end of an unbounded one. */
    private static double[] samples(double lo, double hi) {
        boolean loInf = lo == Double.NEGATIVE_INFINITY, hiInf = hi == Double.POSITIVE_INFINITY;
        double[] out;
        if (!loInf && !hiInf) {
            out = new double[15];
            for (int k = 1; k <= 15; k++) out[k - 1] = lo + (hi - lo) * k / 16.0;
            return out;
        }
        double[] offsets = {1e-3, 0.01, 0.1, 0.3, 0.7, 1, 1.5, 2.5, 4, 7, 12, 30, 100, 1e3, 1e4, 1e6};
        if (loInf && hiInf) {
            out = new double[2 * offsets.length + 1];
            int i = 0;
            for (double o : offsets) { out[i++] = -o; out[i++] = o; }
            out[i] = 0;
            return out;
        }
        out = new double[offsets.length];
        double end = loInf ? hi : lo, scale = Math.max(1, Math.abs(end));
        for (int k = 0; k < offsets.length; k++) out[k] = loInf ? end - offsets[k] * scale : end + offsets[k] * scale;
        return out;
    }
}
