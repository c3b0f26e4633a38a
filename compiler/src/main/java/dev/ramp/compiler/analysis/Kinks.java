package dev.ramp.compiler.analysis;

import dev.ramp.compiler.ir.Expr;
import dev.ramp.compiler.pass.Differentiate;
import dev.ramp.compiler.pass.Eval;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

/**
 * Classifies each branch point by the one-sided limits of f, f', f'' and f''' there, taken
 * exactly: each side's branch-free piece evaluated at the point. A difference counts as a jump
 * when it exceeds 10^-12 (f), 10^-10 (f'), 10^-8 (f'') or 10^-6 (f''') times max(1, |sides|),
 * which is well above the rounding of two formulas for one value and well below any real kink.
 */
final class Kinks {
    private Kinks() {}

    private static final double[] TOL = {1e-12, 1e-10, 1e-8, 1e-6};

    static Smoothness of(Pieces pieces, String var, DoubleUnaryOperator f, DoubleUnaryOperator df) {
        List<Kink> out = new ArrayList<>();
        int worst = Integer.MAX_VALUE;
        for (int i = 0; i < pieces.points().size(); i++) {
            BranchPoint b = pieces.points().get(i);
            Piece l = pieces.pieces().get(i), r = pieces.pieces().get(i + 1);
            double x = b.x();
            double[] left = new double[4], right = new double[4];
            Expr dl = l.f(), dr = r.f();
            int continuity = 3;
            for (int order = 0; order < 4; order++) {
                left[order] = Eval.eval(dl, var, x);
                right[order] = Eval.eval(dr, var, x);
                if (continuity == 3 && jumps(left[order], right[order], TOL[order])) continuity = order - 1;
                if (order < 3) {
                    dl = order == 0 ? l.df() : Differentiate.derivative(dl, var, 1);
                    dr = order == 0 ? r.df() : Differentiate.derivative(dr, var, 1);
                }
            }
            out.add(new Kink(x, b.source(), b.method(), left[0], right[0], f.applyAsDouble(x),
                    left[1], right[1], df.applyAsDouble(x), left[2], right[2], continuity));
            worst = Math.min(worst, continuity);
        }
        return new Smoothness(worst, out);
    }

    private static boolean jumps(double a, double b, double tol) {
        if (Double.isNaN(a) || Double.isNaN(b)) return !(Double.isNaN(a) && Double.isNaN(b));
        if (Double.isInfinite(a) || Double.isInfinite(b)) return a != b;
        return Math.abs(a - b) > tol * Math.max(1, Math.max(Math.abs(a), Math.abs(b)));
    }
}
