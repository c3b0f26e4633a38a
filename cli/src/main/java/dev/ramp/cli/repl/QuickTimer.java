package dev.ramp.cli.repl;

import dev.ramp.runtime.Activation;

/**
 * A deliberately simple timer for {@code :bench}: warm up, then the best of a few short rounds.
 * It has none of JMH's protections (forks, dead-code checks beyond a sink, calibrated
 * iterations), which is why everything it prints says so.
 */
final class QuickTimer {
    static final String METHOD = "0.1 s warm-up, best of 5 rounds of 0.05 s";

    private static final long WARMUP_NS = 100_000_000L;
    private static final long ROUND_NS = 50_000_000L;
    private static final int ROUNDS = 5;

    /** Keeps results observable so the JIT cannot drop the work. */
    static volatile double sink;

    private final double[] xs;
    private final double[] ys;
    private final double[] gradOut;
    private final double[] gradIn;

    QuickTimer(int n) {
        xs = new double[n];
        ys = new double[n];
        gradOut = new double[n];
        gradIn = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = -5 + 10.0 * i / (n - 1);
            gradOut[i] = 1;
        }
    }

    int size() {
        return xs.length;
    }

    double scalar(Activation a) {
        return time(() -> {
            double s = 0;
            for (double x : xs) s += a.applyAsDouble(x);
            sink = s;
        });
    }

    double forward(Activation a) {
        return time(() -> {
            a.forward(xs, ys);
            sink = ys[ys.length / 2];
        });
    }

    double backward(Activation a) {
        return time(() -> {
            a.backward(xs, gradOut, gradIn);
            sink = gradIn[gradIn.length / 2];
        });
    }

    double forwardBackward(Activation a) {
        return time(() -> {
            a.forwardBackward(xs, ys, gradOut, gradIn);
            sink = ys[1] + gradIn[1];
        });
    }

    /** Nanoseconds per element of one pass of {@code pass} over the inputs. */
    private double time(Runnable pass) {
        run(pass, WARMUP_NS);
        double best = Double.MAX_VALUE;
        for (int r = 0; r < ROUNDS; r++) best = Math.min(best, run(pass, ROUND_NS));
        return best;
    }

    private double run(Runnable pass, long budget) {
        long start = System.nanoTime();
        long passes = 0;
        long now;
        do {
            pass.run();
            passes++;
            now = System.nanoTime();
            // Ctrl-C during a timing interrupts this thread: stop instead of finishing the round.
            if (Thread.interrupted()) throw new Problem("timing interrupted", null);
        } while (now - start < budget);
        return (now - start) / (double) (passes * xs.length);
    }
}
