package dev.ramp.compiler.analysis;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything {@code ramp analyze} reports about an activation f (parameters bound).
 *
 * @param name the definition's name ({@code expr} for a bare expression)
 * @param variable the input variable
 * @param definition the body as written, in ramp syntax
 * @param parameters the parameter values used
 * @param f0 f(0)
 * @param d0 f'(0), as ramp computes it (the kink convention where 0 is a kink)
 * @param shape range, monotonicity and extrema of f
 * @param gradient range, monotonicity and extrema of f'
 * @param left f as x → -∞
 * @param right f as x → +∞
 * @param gradientLeft f' as x → -∞
 * @param gradientRight f' as x → +∞
 * @param deadBelow f' is exactly 0 for every x below this (NaN if not)
 * @param deadAbove f' is exactly 0 for every x above this (NaN if not)
 * @param saturatesBelow |f'| stays below 1% of its peak for x below this (NaN when the left-tail gradient does not vanish)
 * @param saturatesAbove the same for x above this
 * @param smoothness the branch points and how smooth f is across them
 * @param moments E[f], E[f²], sparsity, E[f'²], dead-gradient fraction under z ~ N(0, 1)
 * @param gains initialisation gains and gradient flow through depth
 * @param symmetry parity and positive homogeneity
 * @param notes warnings (a missed branch point, undefined values, slow convergence)
 */
public record Report(String name, String variable, String definition, Map<String, Double> parameters,
        double f0, double d0, Shape shape, Shape gradient, Tail left, Tail right, Tail gradientLeft, Tail gradientRight,
        double deadBelow, double deadAbove, double saturatesBelow, double saturatesAbove,
        Smoothness smoothness, Moments moments, Gains gains, Symmetry symmetry, List<String> notes) {
    public Report {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        notes = List.copyOf(notes);
    }
}
