package dev.ramp.compiler.analysis;

/**
 * A branch point and how smoothly the definition passes through it: one-sided limits of f, f'
 * and f'' from the branch-free pieces on either side, and the values ramp computes there (the
 * derivative's value is the kink convention, PyTorch's by default).
 *
 * @param x the location
 * @param source the switching expression that puts it there
 * @param method how the location was found (see {@link BranchPoint})
 * @param fLeft f(x-)
 * @param fRight f(x+)
 * @param f f(x) as computed
 * @param dLeft f'(x-)
 * @param dRight f'(x+)
 * @param d f'(x) as computed
 * @param d2Left f''(x-)
 * @param d2Right f''(x+)
 * @param continuity -1 if f jumps, 0 if f is continuous but f' jumps (a corner), 1 if f' is continuous
 *     but f'' jumps, 2 if f'' is continuous but f''' jumps, 3 if f..f''' are all continuous (a
 *     branch between formulas that join smoothly)
 */
public record Kink(double x, String source, String method, double fLeft, double fRight, double f,
        double dLeft, double dRight, double d, double d2Left, double d2Right, int continuity) {

    /** Whether f is not differentiable here (it jumps or has a corner). */
    public boolean corner() {
        return continuity <= 0;
    }
}
