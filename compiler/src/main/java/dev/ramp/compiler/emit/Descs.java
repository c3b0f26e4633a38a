package dev.ramp.compiler.emit;

import static java.lang.constant.ConstantDescs.*;

import java.lang.constant.ClassDesc;
import java.lang.constant.MethodTypeDesc;

/** Nominal descriptors of every type and method signature the emitted classes mention. */
final class Descs {
    private Descs() {}

    static final ClassDesc CD_CompiledActivation = ClassDesc.of("dev.ramp.runtime.CompiledActivation");
    static final ClassDesc CD_Math = ClassDesc.of("java.lang.Math");
    static final ClassDesc CD_double_array = CD_double.arrayType();
    static final ClassDesc CD_float_array = CD_float.arrayType();

    static final ClassDesc CD_ArrayKernels = ClassDesc.of("dev.ramp.runtime.ArrayKernels");
    static final ClassDesc CD_HiddenClasses = ClassDesc.of("dev.ramp.compiler.emit.HiddenClasses");
    static final ClassDesc CD_Supplier = ClassDesc.of("java.util.function.Supplier");
    /** {@code HiddenClasses.handoff(Object)}. */
    static final MethodTypeDesc MTD_HANDOFF = MethodTypeDesc.of(CD_void, CD_Object);
    /** {@code ArrayKernels createKernels()}. */
    static final MethodTypeDesc MTD_CREATE_KERNELS = MethodTypeDesc.of(CD_ArrayKernels);
    /** {@code Object Supplier.get()}. */
    static final MethodTypeDesc MTD_GET = MethodTypeDesc.of(CD_Object);

    /** {@code double f(double)}: scalar methods and outlined helpers. */
    static final MethodTypeDesc MTD_D_D = MethodTypeDesc.of(CD_double, CD_double);
    /** {@code double f(double, double)}: max, min, pow. */
    static final MethodTypeDesc MTD_D_DD = MethodTypeDesc.of(CD_double, CD_double, CD_double);
    /** {@code double higherDerivative(int order, double x)}. */
    static final MethodTypeDesc MTD_D_ID = MethodTypeDesc.of(CD_double, CD_int, CD_double);
    /** {@code CompiledActivation(String, List, double[], int)}. */
    static final MethodTypeDesc MTD_SUPER_INIT = MethodTypeDesc.of(CD_void, CD_String, CD_List, CD_double_array, CD_int);
    /** {@code List.of(Object[])}. */
    static final MethodTypeDesc MTD_LIST_OF = MethodTypeDesc.of(CD_List, CD_Object.arrayType());

    /** The descriptor of a kernel taking the given element type's arrays (see {@link Kernel}). */
    static MethodTypeDesc kernel(Kernel k, ClassDesc array) {
        return switch (k) {
            case FORWARD -> MethodTypeDesc.of(CD_void, array, CD_int, array, CD_int, CD_int);
            case BACKWARD -> MethodTypeDesc.of(CD_void, array, CD_int, array, CD_int, array, CD_int, CD_int);
            case FORWARD_BACKWARD -> MethodTypeDesc.of(CD_void, array, CD_int, array, CD_int, array, CD_int, array, CD_int, CD_int);
            case PARAMETER_GRADIENT -> MethodTypeDesc.of(CD_void, array, CD_int, array, CD_int, CD_int, CD_double_array);
        };
    }
}
