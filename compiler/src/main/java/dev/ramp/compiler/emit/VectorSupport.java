package dev.ramp.compiler.emit;

import java.util.Optional;

/**
 * Whether generated kernels may use the Vector API ({@code jdk.incubator.vector}) in this JVM,
 * and the vector width they are built for.
 *
 * <p>The module is an incubator module: the JVM resolves it only when asked
 * ({@code --add-modules jdk.incubator.vector}), and the compiler module requires it
 * {@code static}, so the compiler runs without it. Kernel classes are hidden classes of this
 * package, so they can link against the Vector API exactly when this module reads it; when the
 * compiler is on the class path (the unnamed module) it reads every resolved module anyway. When
 * the module is missing, every kernel is the scalar loop and one line says so, the first time a
 * kernel class is built (never for point-by-point use).
 *
 * <p>Nothing here touches a {@code jdk.incubator.vector} class unless the module is present:
 * {@link Width} is loaded only after the check.
 */
final class VectorSupport {
    private VectorSupport() {}

    static final String MODULE = "jdk.incubator.vector";

    /** Whether vector kernels can be generated and run here (computed once). */
    static boolean available() {
        return Holder.AVAILABLE;
    }

    /**
     * The width of a vector register in bits (128, 256 or 512: {@code VectorShape.preferredShape()}),
     * which fixes the lane counts: 512 bits hold 8 doubles or 16 floats.
     */
    static int bits() {
        if (!available()) throw new IllegalStateException(MODULE + " is not available");
        return Width.BITS;
    }

    private static final class Holder {
        static final boolean AVAILABLE = detect();
    }

    private static boolean detect() {
        Module self = VectorSupport.class.getModule();
        ModuleLayer layer = self.getLayer() != null ? self.getLayer() : ModuleLayer.boot();
        Optional<Module> vector = layer.findModule(MODULE);
        if (vector.isEmpty()) {
            log("jdk.incubator.vector is not in the module graph: array kernels use scalar loops "
                    + "(add --add-modules jdk.incubator.vector to the java command line for SIMD kernels)");
            return false;
        }
        // A named module that requires it statically reads it once it is resolved; make sure.
        if (self.isNamed() && !self.canRead(vector.get())) self.addReads(vector.get());
        int bits;
        try {
            bits = Width.BITS;
        } catch (LinkageError e) {
            log("the Vector API could not be initialised (" + e + "): array kernels use scalar loops");
            return false;
        }
        if (bits != 128 && bits != 256 && bits != 512) {
            log("no supported vector width (preferred shape " + bits + " bits): array kernels use scalar loops");
            return false;
        }
        return true;
    }

    private static void log(String message) {
        System.getLogger("dev.ramp.compiler").log(System.Logger.Level.INFO, "ramp: " + message);
    }

    /** Loaded only once the module is known to be present. */
    private static final class Width {
        static final int BITS = jdk.incubator.vector.VectorShape.preferredShape().vectorBitSize();
    }
}
