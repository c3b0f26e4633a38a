package dev.ramp.compiler.analysis;

import static dev.ramp.compiler.ir.Exprs.*;

import dev.ramp.compiler.ir.Expr;
import dev.ramp.compiler.ir.Substitute;
import dev.ramp.compiler.pass.Simplify;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;

/** Computes {@link Symmetry}: symbolically where the simplifier can show it, numerically otherwise. */
final class Symmetries {
    private Symmetries() {}

    private static final double REL = 1e-12;

    static Symmetry of(Expr body, String var, Pieces pieces, DoubleUnaryOperator f) {
        // Parity, symbolically: simplify f(-x) and compare with f(x) and -f(x).
        Expr self = Simplify.simplify(body);
        Expr mirrored = Simplify.simplify(Substitute.apply(body, Map.of(var, neg(var(var)))));
        Expr negated = Simplify.simplify(neg(body));
        boolean even = mirrored.equals(self), odd = mirrored.equals(negated);
        String parity, parityMethod = "symbolic";
        double[] parityWitness = new double[0];
        if (even || odd) {
            parity = even && odd ? "odd and even" : even ? "even" : "odd";
        } else {
            parityMethod = "numeric";
            boolean e = true, o = true;
            for (double x : points()) {
                double a = f.applyAsDouble(x), b = f.applyAsDouble(-x);
                if (!same(b, a)) e = false;
                if (!same(b, -a)) o = false;
                if (!e && !o && parityWitness.length == 0) parityWitness = new double[] {x, b, a};
            }
            parity = e && o ? "odd and even" : e ? "even" : o ? "odd" : "neither";
        }

        // Positive homogeneity, symbolically from the pieces, else numerically.
        if (linearThroughOrigin(pieces, f)) return new Symmetry(parity, parityMethod, parityWitness, true, "symbolic", new double[0]);
        for (double a : new double[] {2, 0.5, 10}) {
            for (double x : points()) {
                for (double sx : new double[] {x, -x}) {
                    double lhs = f.applyAsDouble(a * sx), rhs = a * f.applyAsDouble(sx);
                    if (!same(lhs, rhs)) return new Symmetry(parity, parityMethod, parityWitness, false, "numeric", new double[] {a, sx, lhs, rhs});
                }
            }
        }
        return new Symmetry(parity, parityMethod, parityWitness, true, "numeric", new double[0]);
    }

    /** Every piece verified and of the form c·x, branch points only at 0, and f(0) = 0. */
    private static boolean linearThroughOrigin(Pieces pieces, DoubleUnaryOperator f) {
        if (!pieces.points().stream().allMatch(p -> p.x() == 0)) return false;
        for (Piece p : pieces.pieces()) {
            if (!p.verified() || p.poly().isEmpty()) return false;
            ExpPoly poly = p.poly().get();
            if (!poly.isPolynomial() || poly.degree() > 1 || poly.coefficient(0) != 0) return false;
        }
        return f.applyAsDouble(0) == 0;
    }

    /** 1 first (the most readable witness), then the grid's positive points up to 10^3. */
    private static double[] points() {
        double[] g = Grid.points();
        return java.util.stream.DoubleStream.concat(java.util.stream.DoubleStream.of(1),
                java.util.Arrays.stream(g).filter(x -> x > 0 && x <= 1e3)).toArray();
    }

    private static boolean same(double a, double b) {
        if (Double.isNaN(a) || Double.isNaN(b)) return Double.isNaN(a) && Double.isNaN(b);
        if (Double.isInfinite(a) || Double.isInfinite(b)) return a == b;
        return Math.abs(a - b) <= REL * (Math.abs(a) + Math.abs(b)) + 1e-300;
    }
}
