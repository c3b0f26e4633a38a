package dev.ramp.compiler.emit;

/** The array kernels a compiled class implements (the abstract methods of CompiledActivation). */
enum Kernel {
    FORWARD("forwardKernel"),
    BACKWARD("backwardKernel"),
    FORWARD_BACKWARD("forwardBackwardKernel"),
    PARAMETER_GRADIENT("parameterGradientKernel");

    final String methodName;

    Kernel(String methodName) {
        this.methodName = methodName;
    }
}
