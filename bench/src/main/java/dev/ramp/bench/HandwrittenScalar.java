package dev.ramp.bench;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Optional;

/**
 * The handwritten scalar kernels of the stdlib ({@code dev.ramp.stdlib.handwritten.Handwritten},
 * published in the stdlib's test jar), reached by reflection so that this suite builds and runs
 * without them (their column is then empty). Each pass is one method-handle call per array, a
 * few nanoseconds, nothing per element: the loops are the handwritten classes' own. Fused is
 * forward then backward, since the handwritten kernels have no fused loop.
 */
final class HandwrittenScalar implements Baseline {
    private static final String REGISTRY = "dev.ramp.stdlib.handwritten.Handwritten";

    private final MethodHandle forwardD, forwardF, backwardD, backwardF;

    private HandwrittenScalar(Object kernel) throws ReflectiveOperationException {
        MethodHandles.Lookup lookup = MethodHandles.publicLookup();
        Class<?> type = Class.forName("dev.ramp.stdlib.handwritten.Kernel");
        forwardD = handle(lookup, type, kernel, "forward", double[].class, double[].class);
        forwardF = handle(lookup, type, kernel, "forward", float[].class, float[].class);
        backwardD = handle(lookup, type, kernel, "backward", double[].class, double[].class, double[].class);
        backwardF = handle(lookup, type, kernel, "backward", float[].class, float[].class, float[].class);
    }

    private static MethodHandle handle(MethodHandles.Lookup lookup, Class<?> type, Object kernel, String name, Class<?>... params)
            throws ReflectiveOperationException {
        return lookup.findVirtual(type, name, MethodType.methodType(void.class, params)).bindTo(kernel);
    }

    /** The handwritten kernel for a stdlib name, if the handwritten kernels are on the class path and have one. */
    static Optional<Baseline> find(String name) {
        try {
            Class<?> registry = Class.forName(REGISTRY);
            Optional<?> kernel = (Optional<?>) registry.getMethod("find", String.class).invoke(null, name);
            if (kernel.isEmpty()) return Optional.empty();
            return Optional.of(new HandwrittenScalar(kernel.get()));
        } catch (ClassNotFoundException e) {
            return Optional.empty();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("unexpected shape of " + REGISTRY, e);
        }
    }

    /** Whether the handwritten kernels are on the class path at all. */
    static boolean available() {
        try {
            Class.forName(REGISTRY);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    @Override
    public void forward(double[] x, double[] y) {
        try {
            forwardD.invokeExact(x, y);
        } catch (Throwable t) {
            throw sneaky(t);
        }
    }

    @Override
    public void forward(float[] x, float[] y) {
        try {
            forwardF.invokeExact(x, y);
        } catch (Throwable t) {
            throw sneaky(t);
        }
    }

    @Override
    public void backward(double[] x, double[] g, double[] gi) {
        try {
            backwardD.invokeExact(x, g, gi);
        } catch (Throwable t) {
            throw sneaky(t);
        }
    }

    @Override
    public void backward(float[] x, float[] g, float[] gi) {
        try {
            backwardF.invokeExact(x, g, gi);
        } catch (Throwable t) {
            throw sneaky(t);
        }
    }

    @Override
    public void fused(double[] x, double[] y, double[] g, double[] gi) {
        forward(x, y);
        backward(x, g, gi);
    }

    @Override
    public void fused(float[] x, float[] y, float[] g, float[] gi) {
        forward(x, y);
        backward(x, g, gi);
    }

    private static RuntimeException sneaky(Throwable t) {
        if (t instanceof RuntimeException r) return r;
        if (t instanceof Error e) throw e;
        return new IllegalStateException(t);
    }
}
