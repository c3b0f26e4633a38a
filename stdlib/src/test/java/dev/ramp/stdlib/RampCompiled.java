package dev.ramp.stdlib;

import dev.ramp.Ramp;
import dev.ramp.runtime.Activation;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * ramp's stdlib compiled to bytecode ({@link Ramp#compile}) as an {@link Accuracy.Implementation}:
 * {@link Activation#applyAsDouble} and {@link Activation#derivative(double)}, one activation per
 * function and parameter setting. The code users actually run, next to {@link RampEvaluator}.
 */
public final class RampCompiled implements Accuracy.Implementation {
    private record Key(String function, Map<String, Double> params) {}

    private final Map<Key, Activation> cache = new ConcurrentHashMap<>();

    @Override
    public double value(ReferenceRow row) {
        return activation(row).applyAsDouble(row.x());
    }

    @Override
    public double derivative(ReferenceRow row) {
        return activation(row).derivative(row.x());
    }

    private Activation activation(ReferenceRow row) {
        return cache.computeIfAbsent(new Key(row.function(), row.params()), k -> Ramp.compile(k.function(), k.params()));
    }
}
