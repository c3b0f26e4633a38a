/**
 * What compiled activations need at run time: the {@link dev.ramp.runtime.Activation} interface
 * and ramp's own math ({@link dev.ramp.runtime.RampMath}). No dependency on the compiler.
 */
module dev.ramp.runtime {
    exports dev.ramp.runtime;
}
