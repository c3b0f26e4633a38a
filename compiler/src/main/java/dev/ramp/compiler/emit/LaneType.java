package dev.ramp.compiler.emit;

import static dev.ramp.compiler.emit.VectorDescs.*;

import java.lang.classfile.CodeBuilder;
import java.lang.constant.ClassDesc;

/**
 * How a vector kernel holds its values: which vector class its lanes are, and how array
 * elements get into and out of them. Lane counts follow the register width
 * ({@link VectorSupport#bits()}): with 512 bits, 8 doubles or 16 floats.
 *
 * <pre>{@code
 * DOUBLE:        double[]  <->  DoubleVector (8 lanes)
 * FLOAT:         float[]   <->  FloatVector (16 lanes)                      computed in float
 * WIDENED_FLOAT: float[]   ->   FloatVector (8 lanes, half width) -> F2D -> DoubleVector (8 lanes)
 *                              computed in double, narrowed once on the way out (D2F), as the scalar kernel
 * }</pre>
 */
enum LaneType {
    DOUBLE, FLOAT, WIDENED_FLOAT;

    /** The vector class the computation runs in. */
    VectorDescs.Methods compute() {
        return this == FLOAT ? FLOATS : DOUBLES;
    }

    /** Whether lanes hold floats (the constants are then rounded to float). */
    boolean floatLanes() {
        return this == FLOAT;
    }

    /** Elements per vector iteration. */
    int lanes() {
        int bits = VectorSupport.bits();
        return this == FLOAT ? bits / 32 : bits / 64;
    }

    /** Pushes the species of the computing vector class ({@code getstatic DoubleVector.SPECIES_512}). */
    void species(CodeBuilder c) {
        species(c, compute().vector(), VectorSupport.bits());
    }

    private static void species(CodeBuilder c, ClassDesc vector, int bits) {
        c.getstatic(vector, "SPECIES_" + bits, CD_VectorSpecies);
    }

    /** Pushes the vector of {@code array[off + i ...]}, in the computing class. */
    void load(CodeBuilder c, int array, int off, int i) {
        switch (this) {
            case DOUBLE, FLOAT -> {
                species(c);
                c.aload(array).iload(off).iload(i).iadd();
                c.invokestatic(compute().vector(), "fromArray", compute().fromArray());
            }
            case WIDENED_FLOAT -> {
                // FloatVector.fromArray(FloatVector.SPECIES_<bits/2>, xs, off + i)
                //     .convertShape(VectorOperators.F2D, DoubleVector.SPECIES_<bits>, 0)
                species(c, CD_FloatVector, VectorSupport.bits() / 2);
                c.aload(array).iload(off).iload(i).iadd();
                c.invokestatic(CD_FloatVector, "fromArray", FLOATS.fromArray());
                c.getstatic(CD_VectorOperators, "F2D", CD_Conversion);
                species(c, CD_DoubleVector, VectorSupport.bits());
                c.iconst_0();
                c.invokevirtual(CD_FloatVector, "convertShape", MTD_CONVERT_SHAPE);
                c.checkcast(CD_DoubleVector);
            }
        }
    }

    /** Stores the vector on the stack at {@code array[off + i ...]}, narrowed for WIDENED_FLOAT. */
    void store(CodeBuilder c, int array, int off, int i) {
        if (this == WIDENED_FLOAT) {
            // v.convertShape(VectorOperators.D2F, FloatVector.SPECIES_<bits/2>, 0)
            c.getstatic(CD_VectorOperators, "D2F", CD_Conversion);
            species(c, CD_FloatVector, VectorSupport.bits() / 2);
            c.iconst_0();
            c.invokevirtual(CD_DoubleVector, "convertShape", MTD_CONVERT_SHAPE);
            c.checkcast(CD_FloatVector);
        }
        VectorDescs.Methods stored = this == DOUBLE ? DOUBLES : FLOATS;
        c.aload(array).iload(off).iload(i).iadd();
        c.invokevirtual(stored.vector(), "intoArray", stored.intoArray());
    }

    /** Pushes a vector with every lane {@code v} (rounded to float in float lanes). */
    void broadcast(CodeBuilder c, double v) {
        species(c);
        // ldc unless the constant is +0 or 1 exactly: the const instructions never give -0.0.
        if (floatLanes()) {
            float f = (float) v;
            if (Float.floatToRawIntBits(f) == 0) c.fconst_0();
            else if (f == 1.0f) c.fconst_1();
            else c.ldc(f);
        } else {
            if (Double.doubleToRawLongBits(v) == 0L) c.dconst_0();
            else if (v == 1.0) c.dconst_1();
            else c.ldc(v);
        }
        c.invokestatic(compute().vector(), "broadcast", compute().broadcast());
    }
}
