/**
 * The ramp compiler: text to IR ({@code dev.ramp.compiler}, {@code ir}, {@code diag}), symbolic
 * passes ({@code pass}), printers ({@code print}). The parse-tree mapping ({@code syntax}) and the
 * code generator ({@code emit}) are internal: reach them through {@link dev.ramp.compiler.Compiler}.
 */
module dev.ramp.compiler {
    requires transitive dev.ramp.runtime;
    requires dev.ramp.grammar;
    // Optional: SIMD array kernels when the application adds the module
    // (--add-modules jdk.incubator.vector); scalar kernels otherwise. Generated kernel classes
    // live in this module, so this edge is what lets them link against the Vector API.
    requires static jdk.incubator.vector;

    exports dev.ramp.compiler;
    exports dev.ramp.compiler.analysis;
    exports dev.ramp.compiler.check;
    exports dev.ramp.compiler.diag;
    exports dev.ramp.compiler.ir;
    exports dev.ramp.compiler.pass;
    exports dev.ramp.compiler.print;
    exports dev.ramp.compiler.reference;
    exports dev.ramp.compiler.rows;
}
