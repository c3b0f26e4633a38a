package dev.ramp.stdlib;

import static org.junit.jupiter.api.Assertions.*;

import dev.ramp.Ramp;
import dev.ramp.runtime.Activation;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The JAX convention changes derivatives at the kinks where JAX differs from PyTorch, and nothing else. */
class KinkConventionTest {

    static void assertKink(String name, double x, double pytorch, double jax) {
        Activation pt = Ramp.compile(name, Map.of(), KinkConvention.PYTORCH);
        Activation jx = Ramp.compile(name, Map.of(), KinkConvention.JAX);
        assertEquals(pytorch, pt.derivative(x), name + "'(" + x + ") under PyTorch's convention");
        assertEquals(jax, jx.derivative(x), name + "'(" + x + ") under JAX's convention");
        for (double t = -4; t <= 4; t += 1.0 / 64) {
            assertEquals(pt.applyAsDouble(t), jx.applyAsDouble(t), name + "(" + t + ")");
            if (t != x && Math.abs(t) != Math.abs(x)) assertEquals(pt.derivative(t), jx.derivative(t), name + "'(" + t + ")");
        }
    }

    @Test
    void leakyReluAtZero() {
        assertKink("leaky_relu", 0, 0.01, 1);
    }

    @Test
    void hardtanhAtItsBounds() {
        assertKink("hardtanh", 1, 0, 1);
        assertKink("hardtanh", -1, 0, 1);
    }

    @Test
    void sparseSigmoidAtPlusMinusOne() {
        assertKink("sparse_sigmoid", 1, 0, 0.25);
        assertKink("sparse_sigmoid", -1, 0, 0.25);
    }

    @Test
    void everyOtherDefinitionIsShared() {
        var pt = Stdlib.library(KinkConvention.PYTORCH);
        var jax = Stdlib.library(KinkConvention.JAX);
        assertEquals(new java.util.TreeSet<>(pt.names()), new java.util.TreeSet<>(jax.names()));
        for (var f : pt.functions()) {
            if (!java.util.Set.of("leaky_relu", "hardtanh", "sparse_sigmoid").contains(f.name())) {
                assertSame(f, jax.lookup(f.name()), f.name());
            }
        }
    }
}
