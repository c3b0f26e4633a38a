package dev.ramp.runtime;

/** Placeholder: to be replaced by an accurate implementation. */
final class Erf {
    private Erf() {}

    static double erf(double x) {
        throw new UnsupportedOperationException("erf not implemented yet");
    }

    static double erfc(double x) {
        throw new UnsupportedOperationException("erfc not implemented yet");
    }
}
