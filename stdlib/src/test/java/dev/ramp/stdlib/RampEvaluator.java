package dev.ramp.stdlib;

import dev.ramp.compiler.Compiler;
import dev.ramp.compiler.ir.Function;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.DoubleUnaryOperator;

/**
 * ramp's stdlib as an {@link Accuracy.Implementation}: {@link Compiler#evaluator} at order 0 (the
 * body as written) and order 1 (the simplified symbolic derivative), one pair per function and
 * parameter setting. When the compiled Activation API lands, a second implementation beside
 * this one can run the same tables through the generated code.
 */
public final class RampEvaluator implements Accuracy.Implementation {
    private record Key(String function, Map<String, Double> params) {}

    private record Pair(DoubleUnaryOperator value, DoubleUnaryOperator derivative) {}

    private final Map<Key, Pair> cache = new ConcurrentHashMap<>();

    @Override
    public double value(ReferenceRow row) {
        return pair(row.function(), row.params()).value().applyAsDouble(row.x());
    }

    @Override
    public double derivative(ReferenceRow row) {
        return pair(row.function(), row.params()).derivative().applyAsDouble(row.x());
    }

    /** The order-{@code order} evaluator of {@code function} with respect to {@code wrt} (null: x). */
    public static DoubleUnaryOperator evaluator(String function, Map<String, Double> params, String wrt, int order) {
        Function f = Stdlib.library().lookup(function);
        if (f == null) throw new IllegalArgumentException("no stdlib function " + function);
        return Compiler.evaluator(f, Compiler.parameterValues(f, params), wrt, order);
    }

    private Pair pair(String function, Map<String, Double> params) {
        return cache.computeIfAbsent(new Key(function, params),
                k -> new Pair(evaluator(function, params, null, 0), evaluator(function, params, null, 1)));
    }
}
