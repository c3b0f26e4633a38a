/**
 * The ramp compiler: text to IR ({@code dev.ramp.compiler}, {@code ir}, {@code diag}), symbolic
 * passes ({@code pass}), printers ({@code print}). The parse-tree mapping ({@code syntax}) and the
 * code generator ({@code emit}) are internal: reach them through {@link dev.ramp.compiler.Compiler}.
 */
module dev.ramp.compiler {
    requires transitive dev.ramp.runtime;
    requires dev.ramp.grammar;

    exports dev.ramp.compiler;
    exports dev.ramp.compiler.check;
    exports dev.ramp.compiler.diag;
    exports dev.ramp.compiler.ir;
    exports dev.ramp.compiler.pass;
    exports dev.ramp.compiler.print;
    exports dev.ramp.compiler.reference;
}
