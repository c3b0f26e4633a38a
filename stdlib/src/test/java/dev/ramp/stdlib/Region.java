package dev.ramp.stdlib;

/**
 * Where on the real line an input lies, coarse enough that an accuracy exception names a
 * numerical cause (cancellation near 0, a far tail) rather than a single point.
 */
public enum Region {
    /** x < -10: left tails, where exponentials underflow and 1 - s style cancellations bite. */
    FAR_LEFT,
    /** -10 <= x <= -0.01. */
    LEFT,
    /** |x| < 0.01: cancellations such as x - tanh(x). */
    NEAR_ZERO,
    /** 0.01 <= x <= 10. */
    RIGHT,
    /** x > 10: right tails and saturation. */
    FAR_RIGHT;

    public static Region of(double x) {
        if (x < -10) return FAR_LEFT;
        if (x <= -0.01) return LEFT;
        if (x < 0.01) return NEAR_ZERO;
        if (x <= 10) return RIGHT;
        return FAR_RIGHT;
    }
}
