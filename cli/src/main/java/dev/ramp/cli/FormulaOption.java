package dev.ramp.cli;

import dev.ramp.compiler.Compiler;
import picocli.CommandLine.Option;

/** {@code --exact-formula}: compile the expression as written, without the stabilisation pass. */
final class FormulaOption {
    @Option(names = "--exact-formula",
            description = "Compile the formula as written: no stabilising rewrites (log(1 + exp(x)) is then Infinity at x = 800).")
    boolean exactFormula;

    /** The compiler options the flag selects. */
    Compiler.Options options() {
        return exactFormula ? Compiler.Options.EXACT_FORMULA : Compiler.Options.DEFAULT;
    }
}
