package dev.ramp.cli.plot;

/**
 * One sampled curve: {@code ys[i]} is the curve at {@code xs[i]}. Points may be NaN or infinite;
 * renderers skip them, breaking the line there.
 *
 * @param label the legend text, such as {@code mish'(x)}
 * @param order which derivative this is (0 for the function); it picks the colour and line style
 */
public record Series(String label, int order, double[] xs, double[] ys) {
    public Series {
        if (xs.length != ys.length) throw new IllegalArgumentException("xs and ys differ in length");
    }
}
