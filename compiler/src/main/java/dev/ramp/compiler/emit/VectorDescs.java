package dev.ramp.compiler.emit;

import static java.lang.constant.ConstantDescs.*;

import java.lang.constant.ClassDesc;
import java.lang.constant.MethodTypeDesc;

/**
 * Nominal descriptors of the Vector API types and methods vector kernels call. Descriptors only:
 * building them loads no {@code jdk.incubator.vector} class.
 */
final class VectorDescs {
    private VectorDescs() {}

    private static final String PKG = "jdk.incubator.vector.";

    static final ClassDesc CD_Vector = ClassDesc.of(PKG + "Vector");
    static final ClassDesc CD_DoubleVector = ClassDesc.of(PKG + "DoubleVector");
    static final ClassDesc CD_FloatVector = ClassDesc.of(PKG + "FloatVector");
    static final ClassDesc CD_VectorSpecies = ClassDesc.of(PKG + "VectorSpecies");
    static final ClassDesc CD_VectorMask = ClassDesc.of(PKG + "VectorMask");
    static final ClassDesc CD_VectorOperators = ClassDesc.of(PKG + "VectorOperators");
    static final ClassDesc CD_Unary = CD_VectorOperators.nested("Unary");
    static final ClassDesc CD_Binary = CD_VectorOperators.nested("Binary");
    static final ClassDesc CD_Comparison = CD_VectorOperators.nested("Comparison");
    static final ClassDesc CD_Conversion = CD_VectorOperators.nested("Conversion");

    /** {@code VectorMask and(VectorMask)}, {@code or(VectorMask)}. */
    static final MethodTypeDesc MTD_MASK_MASK = MethodTypeDesc.of(CD_VectorMask, CD_VectorMask);
    /** {@code boolean allTrue()}, {@code anyTrue()}. */
    static final MethodTypeDesc MTD_BOOLEAN = MethodTypeDesc.of(CD_boolean);
    /** {@code VectorMask not()}. */
    static final MethodTypeDesc MTD_MASK = MethodTypeDesc.of(CD_VectorMask);
    /** {@code Vector convertShape(Conversion, VectorSpecies, int part)}. */
    static final MethodTypeDesc MTD_CONVERT_SHAPE = MethodTypeDesc.of(CD_Vector, CD_Conversion, CD_VectorSpecies, CD_int);

    /** The method types of one vector class ({@code DoubleVector} or {@code FloatVector}). */
    record Methods(ClassDesc vector, ClassDesc element, ClassDesc array) {
        /** {@code static V fromArray(VectorSpecies, E[], int)}. */
        MethodTypeDesc fromArray() {
            return MethodTypeDesc.of(vector, CD_VectorSpecies, array, CD_int);
        }

        /** {@code void intoArray(E[], int)}. */
        MethodTypeDesc intoArray() {
            return MethodTypeDesc.of(CD_void, array, CD_int);
        }

        /** {@code static V broadcast(VectorSpecies, E)}. */
        MethodTypeDesc broadcast() {
            return MethodTypeDesc.of(vector, CD_VectorSpecies, element);
        }

        /** {@code V add(Vector)} and the other lane-wise binary arithmetic. */
        MethodTypeDesc binary() {
            return MethodTypeDesc.of(vector, CD_Vector);
        }

        /** {@code V neg()}, {@code V abs()}. */
        MethodTypeDesc unary() {
            return MethodTypeDesc.of(vector);
        }

        /** {@code V lanewise(Unary)}. */
        MethodTypeDesc lanewiseUnary() {
            return MethodTypeDesc.of(vector, CD_Unary);
        }

        /** {@code V lanewise(Binary, Vector)}. */
        MethodTypeDesc lanewiseBinary() {
            return MethodTypeDesc.of(vector, CD_Binary, CD_Vector);
        }

        /** {@code VectorMask compare(Comparison, Vector)}. */
        MethodTypeDesc compare() {
            return MethodTypeDesc.of(CD_VectorMask, CD_Comparison, CD_Vector);
        }

        /** {@code V blend(Vector, VectorMask)}: lanes where the mask is set come from the argument. */
        MethodTypeDesc blend() {
            return MethodTypeDesc.of(vector, CD_Vector, CD_VectorMask);
        }
    }

    static final Methods DOUBLES = new Methods(CD_DoubleVector, CD_double, CD_double.arrayType());
    static final Methods FLOATS = new Methods(CD_FloatVector, CD_float, CD_float.arrayType());
}
