package dev.ramp.compiler.emit;

import static dev.ramp.compiler.ir.Exprs.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.ramp.compiler.ir.Expr;
import dev.ramp.compiler.ir.Fn;
import dev.ramp.runtime.Activation;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class CompileCacheTest {

    /** f_c(x) = x * tanh(c x), a family of distinct tiny activations. */
    static Emitter.Spec family(double c) {
        Expr x = var("x");
        Expr f = mul(x, call(Fn.TANH, mul(constant(c), x)));
        return new Emitter.Spec("fam", "x", List.of(), List.of(), f, List.of(f), List.of());
    }

    @Test
    void equalSpecsGiveTheSameInstance() {
        Activation a = Emitter.compile(Activations.elu(0.5));
        assertSame(a, Emitter.compile(Activations.elu(0.5)));       // equal, not identical, spec objects
        assertNotSame(a, Emitter.compile(Activations.elu(0.25)));   // another parameter value
        Emitter.Spec s = Activations.elu(0.5);
        Emitter.Spec renamed = new Emitter.Spec("elu2", s.variable(), s.parameterNames(), s.parameterValues(), s.value(), s.derivatives(), s.parameterDerivatives());
        assertNotSame(a, Emitter.compile(renamed));                 // metadata differs
        assertNotSame(a, Emitter.define(Activations.elu(0.5)));     // define never caches
        assertEquals("elu", a.name());
        assertEquals(List.of("alpha"), a.parameterNames());
        assertArrayEquals(new double[] {0.5}, a.parameterValues());
        assertEquals(2, a.maxOrder());
        assertEquals("elu(alpha=0.5)", a.toString());
    }

    @Test
    void anUnusedActivationLeavesTheCache() throws InterruptedException {
        WeakReference<Activation> ref = new WeakReference<>(Emitter.compile(family(123.25)));
        for (int i = 0; i < 100 && ref.get() != null; i++) {
            System.gc();
            Thread.sleep(20);
        }
        assertNull(ref.get(), "the cache must not keep an unused activation alive");
        Activation again = Emitter.compile(family(123.25));
        assertEquals(0.5 * Math.tanh(123.25 * 0.5), again.applyAsDouble(0.5));
    }

    @Test
    void concurrentCompilesOfDistinctAndIdenticalSpecs() throws Exception {
        int threads = 8, perThread = 150, distinct = 24;
        Map<Double, Set<Activation>> instances = new ConcurrentHashMap<>();
        List<Activation> keepAlive = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int seed = t;
                futures.add(pool.submit(() -> {
                    start.await();
                    java.util.Random r = new java.util.Random(seed);
                    for (int i = 0; i < perThread; i++) {
                        double c = 0.5 + r.nextInt(distinct);
                        Activation a = Emitter.compile(family(c));
                        keepAlive.add(a);
                        instances.computeIfAbsent(c, k -> Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()))).add(a);
                        double x = r.nextGaussian() * 3;
                        assertEquals(x * Math.tanh(c * x), a.applyAsDouble(x));
                        double[] xs = {x, -x, 2 * x}, ys = new double[3];
                        a.forward(xs, ys);
                        for (int k = 0; k < 3; k++) assertEquals(xs[k] * Math.tanh(c * xs[k]), ys[k]);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : futures) f.get();
        } finally {
            pool.shutdownNow();
        }
        for (Map.Entry<Double, Set<Activation>> e : instances.entrySet()) {
            assertEquals(1, e.getValue().size(), "one instance for c = " + e.getKey());
        }
        assertEquals(instances.size(), instances.values().stream().map(s -> s.iterator().next()).distinct().count());
    }
}
