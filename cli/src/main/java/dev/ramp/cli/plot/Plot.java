package dev.ramp.cli.plot;

import java.util.List;

/**
 * What a plot shows, independent of how it is drawn: a title, an x range and the curves. The
 * terminal ({@link TextPlot}) and the image renderers ({@link ImagePlot}) all draw this model,
 * so a plot looks the same wherever it goes.
 */
public record Plot(String title, double xMin, double xMax, List<Series> series) {
    public Plot {
        series = List.copyOf(series);
        if (!(xMin < xMax)) throw new IllegalArgumentException("empty x range");
    }

    /** The automatic y range over every curve (see {@link YRange#of}). */
    public YRange yRange() {
        return YRange.of(series);
    }
}
