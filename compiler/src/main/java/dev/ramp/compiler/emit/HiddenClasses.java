package dev.ramp.compiler.emit;

import dev.ramp.runtime.Activation;
import dev.ramp.runtime.ArrayKernels;
import java.lang.invoke.MethodHandles;
import java.util.function.Supplier;

/**
 * Defines compiled classes as hidden classes of this package. Deliberately without
 * {@code ClassOption.STRONG}: a hidden class is then unloaded as soon as it and its instances
 * are unreachable, so compiling many throwaway expressions does not fill metaspace (measured:
 * 200,000 definitions leave about 2 MB; with STRONG, 32 MB overflow before 20,000).
 *
 * <p>Instances come out through {@link #handoff}: each class's static initializer creates its
 * one instance and passes it here, on the defining thread, while {@code defineHiddenClass(bytes,
 * true)} runs. That avoids a reflective constructor lookup (a method handle per class).
 */
final class HiddenClasses {
    private HiddenClasses() {}

    private static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();

    private static final ThreadLocal<Object> HANDOFF = new ThreadLocal<>();

    /** Called by the static initializer of every hidden class {@link ClassGen} builds. */
    static void handoff(Object fresh) {
        HANDOFF.set(fresh);
    }

    /** Defines an activation class; {@code kernels} (its class data) builds its array kernels on demand. */
    static Activation defineActivation(byte[] bytes, Supplier<ArrayKernels> kernels) {
        return (Activation) define(bytes, kernels);
    }

    /** Defines a kernel companion class. */
    static ArrayKernels defineKernels(byte[] bytes) {
        return (ArrayKernels) define(bytes, null);
    }

    /** Defines a row activation class ({@link RowEmitter}). */
    static dev.ramp.runtime.RowActivation defineRows(byte[] bytes) {
        return (dev.ramp.runtime.RowActivation) define(bytes, null);
    }

    private static Object define(byte[] bytes, Object classData) {
        try {
            if (classData == null) LOOKUP.defineHiddenClass(bytes, true);
            else LOOKUP.defineHiddenClassWithClassData(bytes, classData, true);
            Object instance = HANDOFF.get();
            if (instance == null) throw new IllegalStateException("compiled class did not hand over an instance");
            return instance;
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("could not define a compiled class", e);
        } finally {
            HANDOFF.remove();
        }
    }
}
