package dev.ramp.compiler.analysis;

import java.util.List;

/**
 * How smooth a definition is: the worst {@link Kink#continuity()} over its branch points.
 *
 * @param order -1 (discontinuous), 0 (C0), 1 (C1), 2 (C2), 3 (C3 or better at every branch point),
 *     or {@link Integer#MAX_VALUE} when there are no branch points (smooth wherever defined)
 * @param kinks every branch point, including those where the pieces join smoothly
 */
public record Smoothness(int order, List<Kink> kinks) {
    public Smoothness {
        kinks = List.copyOf(kinks);
    }

    /** {@code discontinuous}, {@code C0}, {@code C1}, {@code C2}, {@code C3+} or {@code smooth}. */
    public String label() {
        return switch (order) {
            case -1 -> "discontinuous";
            case 0 -> "C0";
            case 1 -> "C1";
            case 2 -> "C2";
            case 3 -> "C3+";
            default -> "smooth";
        };
    }

    /** The branch points where f is not differentiable. */
    public List<Kink> corners() {
        return kinks.stream().filter(Kink::corner).toList();
    }
}
