package dev.ramp.compiler.analysis;

import dev.ramp.compiler.Compiler;
import dev.ramp.compiler.RampException;
import dev.ramp.compiler.ir.Expr;
import dev.ramp.compiler.ir.Function;
import dev.ramp.compiler.print.Printer;
import dev.ramp.runtime.Activation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.DoubleUnaryOperator;

/**
 * {@code ramp analyze}: the properties the activation-function literature argues from, computed
 * for any definition. The definition is cut at its branch points into branch-free pieces
 * ({@link Pieces}); exact results (zero sets, one-sided limits, closed-form Gaussian integrals)
 * come from the pieces, numerical ones from the compiled f, f', f'' on the open intervals
 * between them.
 *
 * {@snippet :
 * Report r = Analysis.of(Compiler.function("relu", Stdlib.library()), Map.of());
 * r.moments().sparsity().value();     // 0.5, closed form "1/2"
 * r.gains().recommended();            // 1.4142135623730951 (√2)
 * System.out.print(ReportPrinter.text(r));
 * }
 */
public final class Analysis {
    private Analysis() {}

    /** The depths at which gradient flow is reported. */
    static final int[] DEPTHS = {10, 50};

    /**
     * Analyses {@code f} with its parameters at {@code given} (or their defaults).
     *
     * @throws RampException for a missing or unknown parameter
     */
    public static Report of(Function f, Map<String, Double> given) throws RampException {
        Map<String, Double> values = Compiler.parameterValues(f, given);
        Function bound = Compiler.bind(f, values);
        String var = bound.variable();
        Expr body = bound.body();
        List<String> notes = new ArrayList<>();
        Evaluators ev = Evaluators.of(bound, notes);

        for (double x : Grid.points()) {
            if (Double.isNaN(ev.f.applyAsDouble(x))) {
                notes.add("f is NaN at x = " + Fmt.sig(x, 6) + ": it is defined on part of the real line only, and results that need all of it are undefined or partial");
                break;
            }
        }
        Pieces pieces = Pieces.of(body, var);
        if (!pieces.allVerified()) {
            notes.add("a branch point was probably missed (a piece did not match the definition): exact results exclude that piece");
        }
        Smoothness smoothness = Kinks.of(pieces, var, ev.f, ev.df);

        Tail left = Tails.classify(ev.f, ev.df, -1), right = Tails.classify(ev.f, ev.df, 1);
        Tail dLeft = Tails.classify(ev.df, ev.d2f, -1), dRight = Tails.classify(ev.df, ev.d2f, 1);
        List<double[]> flat = new ArrayList<>(), dflat = new ArrayList<>();
        for (Piece p : pieces.pieces()) {
            if (p.constant()) flat.add(new double[] {p.lo(), p.hi(), ((Expr.Const) p.f()).value()});
            if (p.constantGradient()) dflat.add(new double[] {p.lo(), p.hi(), ((Expr.Const) p.df()).value()});
        }
        List<ShapeScan.Side> sides = new ArrayList<>(), dsides = new ArrayList<>();
        for (Kink k : smoothness.kinks()) {
            sides.add(new ShapeScan.Side(k.x(), k.fLeft(), k.fRight(), k.f()));
            dsides.add(new ShapeScan.Side(k.x(), k.dLeft(), k.dRight(), k.d()));
        }
        Shape shape = ShapeScan.of(ev.f, ev.df, flat, sides, left, right);
        Shape gradient = ShapeScan.of(ev.df, ev.d2f, dflat, dsides, dLeft, dRight);

        Piece first = pieces.pieces().getFirst(), last = pieces.pieces().getLast();
        double deadBelow = pieces.points().isEmpty() || !first.deadGradient() ? Double.NaN : first.hi();
        double deadAbove = pieces.points().isEmpty() || !last.deadGradient() ? Double.NaN : last.lo();
        double peak = gradient.maxAbs();
        double satBelow = dLeft.vanishes() ? (Double.isNaN(deadBelow) ? onset(ev.df, peak, -1) : deadBelow) : Double.NaN;
        double satAbove = dRight.vanishes() ? (Double.isNaN(deadAbove) ? onset(ev.df, peak, 1) : deadAbove) : Double.NaN;

        Gaussian gauss = new Gaussian(pieces, ev.f, ev.df);
        Moments moments = moments(gauss, notes);
        Gains gains = gains(new MeanField(gauss, chiAtZero(smoothness, ev.df), chiAtInfinity(dLeft, dRight)), moments, ev.f);
        Symmetry symmetry = Symmetries.of(body, var, pieces, ev.f);

        return new Report(f.name(), var, Printer.print(f.body()), values, ev.f.applyAsDouble(0), ev.df.applyAsDouble(0),
                shape, gradient, left, right, dLeft, dRight, deadBelow, deadAbove, satBelow, satAbove,
                smoothness, moments, gains, symmetry, notes);
    }

    private static Moments moments(Gaussian gauss, List<String> notes) {
        Estimate mean = gauss.expect(Gaussian.Moment.F, 1);
        Estimate second = gauss.expect(Gaussian.Moment.F2, 1);
        Estimate dmean = gauss.expect(Gaussian.Moment.DF, 1);
        Estimate dsecond = gauss.expect(Gaussian.Moment.DF2, 1);
        for (Estimate e : List.of(mean, second, dmean, dsecond)) {
            if (Double.isNaN(e.value())) {
                notes.add("f or f' is not finite somewhere under the normal density: expectations are undefined");
                break;
            }
            if (e.error() > 1e-9 * Math.max(1, Math.abs(e.value()))) {
                notes.add("quadrature reached its interval budget with error estimate " + Fmt.sig(e.error(), 2));
                break;
            }
        }
        double variance = second.value() - mean.value() * mean.value();
        boolean centred = Math.abs(mean.value()) <= 1e-9 * Math.sqrt(second.value());
        return new Moments(mean, second, variance, centred,
                gauss.probability(Piece::zero), dmean, dsecond, gauss.probability(Piece::deadGradient));
    }

    /** lim E[f'(√q z)²] as q → 0: the mean of the squared one-sided derivatives at 0. */
    private static double chiAtZero(Smoothness s, DoubleUnaryOperator df) {
        for (Kink k : s.kinks()) if (k.x() == 0) return 0.5 * (k.dLeft() * k.dLeft() + k.dRight() * k.dRight());
        double d = df.applyAsDouble(0);
        return d * d;
    }

    /** lim E[f'(√q z)²] as q → ∞: the mean of the squared limits of f' at ±∞ (NaN unless both exist). */
    private static double chiAtInfinity(Tail left, Tail right) {
        if (left.kind() != Tail.Kind.CONSTANT || right.kind() != Tail.Kind.CONSTANT) return Double.NaN;
        return 0.5 * (left.limit() * left.limit() + right.limit() * right.limit());
    }

    private static Gains gains(MeanField mf, Moments m, DoubleUnaryOperator f) {
        double g = 1 / Math.sqrt(m.secondMoment().value());
        double backward = 1 / Math.sqrt(m.gradientSecondMoment().value());
        if (!Double.isFinite(g) || !(g > 0)) {
            return new Gains(Double.NaN, null, backward, Double.NaN, Double.NaN, DEPTHS.clone(), new double[] {Double.NaN, Double.NaN},
                    Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Optional.empty());
        }
        double chi = g * g * m.gradientSecondMoment().value();
        double[] products = new double[DEPTHS.length];
        for (int i = 0; i < DEPTHS.length; i++) products[i] = Math.pow(chi, DEPTHS[i]);
        double slope = mf.slope(g, 1);
        MeanField.Critical c = mf.critical(g);
        String exact = m.secondMoment().exact() != null && m.secondMoment().exact().isConstant()
                ? Fmt.sqrtRational(g).orElse(null) : null;
        Optional<Gains.PyTorch> pytorch = PyTorchGain.match(f).map(p -> {
            MeanField.FixedPoint fp = mf.fixedPoint(p.gain());
            return new Gains.PyTorch(p, p.gain() - g, fp.q(), mf.chi(p.gain(), fp.q()), mf.gradientProducts(p.gain(), DEPTHS));
        });
        return new Gains(g, exact, backward, slope, chi, DEPTHS.clone(), products, c.gain(), c.q(), c.jump(), c.chiBelow(), c.chiAbove(),
                c.qBelow(), c.qAbove(), pytorch);
    }

    /** Scanning the grid from the tail inwards: the first x where |f'| reaches 1% of its peak. */
    private static double onset(DoubleUnaryOperator df, double peak, int side) {
        if (!(peak > 0) || !Double.isFinite(peak)) return Double.NaN;
        double[] xs = Grid.points();
        for (int k = 0; k < xs.length; k++) {
            double x = side < 0 ? xs[k] : xs[xs.length - 1 - k];
            if (Math.abs(df.applyAsDouble(x)) >= 0.01 * peak) return x;
        }
        return Double.NaN;
    }

    /** f, f', f'': compiled, or interpreted when the definition is too large to compile. */
    private record Evaluators(DoubleUnaryOperator f, DoubleUnaryOperator df, DoubleUnaryOperator d2f) {
        static Evaluators of(Function bound, List<String> notes) {
            try {
                Activation a = Compiler.compile(bound, Map.of());
                return new Evaluators(a, a::derivative, x -> a.derivative(2, x));
            } catch (RampException tooLarge) {
                notes.add("evaluated with the interpreter: " + tooLarge.getMessage().lines().findFirst().orElse(""));
                return new Evaluators(Compiler.evaluator(bound, Map.of(), null, 0),
                        Compiler.evaluator(bound, Map.of(), null, 1), Compiler.evaluator(bound, Map.of(), null, 2));
            }
        }
    }
}
