package dev.ramp.compiler.emit;

import static dev.ramp.compiler.emit.Descs.*;
import static java.lang.constant.ConstantDescs.*;

import dev.ramp.compiler.emit.Kernels.Elem;
import dev.ramp.compiler.ir.Expr;
import java.lang.classfile.ClassBuilder;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassHierarchyResolver;
import java.lang.classfile.CodeBuilder;
import java.lang.classfile.TypeKind;
import java.lang.constant.ClassDesc;
import java.lang.constant.DynamicConstantDesc;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Assembles the classes of one activation from a {@link Plan} (layout: see {@code package-info}).
 * A hidden activation class gets its array kernels from a companion class built on first use;
 * a named class (for {@code .class} files) contains its kernels itself.
 */
final class ClassGen {
    private ClassGen() {}

    /**
     * Frames are computed by the Class-File API; merging reference types needs the class
     * hierarchy, which the default resolver reads through the system class loader. Falling back
     * to the compiler's own loader makes that work when ramp itself is loaded by another loader.
     */
    private static final ClassFile CLASS_FILE = ClassFile.of(ClassFile.ClassHierarchyResolverOption.of(
            ClassHierarchyResolver.defaultResolver().orElse(ClassHierarchyResolver.ofResourceParsing(ClassGen.class.getClassLoader()))));

    private static final int PUBLIC_FINAL = ClassFile.ACC_PUBLIC | ClassFile.ACC_FINAL;

    /**
     * The activation class: a final subclass of {@code CompiledActivation}.
     *
     * @param hidden whether it will be a hidden class of this package, defined with a kernel
     *     supplier as class data. Its static initializer then hands a fresh instance to
     *     {@link HiddenClasses} (cheaper than looking up the constructor reflectively, a method
     *     handle per class), and {@code createKernels()} asks the supplier. Otherwise the kernels
     *     are methods of the class itself, which then needs nothing from the compiler to run.
     */
    static byte[] activation(ClassDesc self, Plan plan, boolean hidden) {
        Outlining outlining = plan.outlining();
        Kernels.Context ctx = new Kernels.Context(outlining, self, plan.tuning.methodLimit());
        return CLASS_FILE.build(self, cb -> {
            cb.withFlags(PUBLIC_FINAL | ClassFile.ACC_SUPER).withSuperclass(CD_CompiledActivation);
            cb.withMethodBody(INIT_NAME, MTD_void, ClassFile.ACC_PUBLIC, constructor(plan));
            cb.withMethodBody("applyAsDouble", MTD_D_D, PUBLIC_FINAL, ScalarMethods.returning(plan.value, ctx));
            cb.withMethodBody("derivative", MTD_D_D, PUBLIC_FINAL, ScalarMethods.returning(plan.derivatives.getFirst(), ctx));
            List<Expr> higher = plan.derivatives.subList(1, plan.derivatives.size());
            if (!higher.isEmpty()) {
                cb.withMethodBody("higherDerivative", MTD_D_ID, ClassFile.ACC_PROTECTED | ClassFile.ACC_FINAL, ScalarMethods.higherDerivative(higher, ctx));
            }
            List<Expr> roots = new ArrayList<>(plan.derivatives);
            roots.add(plan.value);
            if (hidden) {
                cb.withMethodBody(CLASS_INIT_NAME, MTD_void, ClassFile.ACC_STATIC, handoff(self));
                cb.withMethodBody("createKernels", MTD_CREATE_KERNELS, ClassFile.ACC_PROTECTED | ClassFile.ACC_FINAL, CREATE_KERNELS);
            } else {
                for (Elem elem : Elem.values()) kernels(cb, elem, plan, ctx, false);
                roots.addAll(kernelRoots(plan));
            }
            helpers(cb, ctx, roots);
        });
    }

    /** The companion of a hidden activation class: a final subclass of {@code ArrayKernels}. */
    static byte[] kernels(ClassDesc self, Plan plan) {
        Outlining outlining = plan.outlining();
        Kernels.Context ctx = new Kernels.Context(outlining, self, plan.tuning.methodLimit());
        return CLASS_FILE.build(self, cb -> {
            cb.withFlags(PUBLIC_FINAL | ClassFile.ACC_SUPER).withSuperclass(CD_ArrayKernels);
            cb.withMethodBody(INIT_NAME, MTD_void, ClassFile.ACC_PUBLIC,
                    c -> c.aload(0).invokespecial(CD_ArrayKernels, INIT_NAME, MTD_void).return_());
            cb.withMethodBody(CLASS_INIT_NAME, MTD_void, ClassFile.ACC_STATIC, handoff(self));
            for (Elem elem : Elem.values()) kernels(cb, elem, plan, ctx, true);
            helpers(cb, ctx, kernelRoots(plan));
        });
    }

    /** Everything the kernels evaluate. */
    private static List<Expr> kernelRoots(Plan plan) {
        List<Expr> roots = new ArrayList<>(plan.gTimesDp);
        roots.add(plan.value);
        roots.add(plan.gTimesDf);
        return roots;
    }

    /**
     * The kernels for one element type. With {@code simd}, each of forward, backward and fused
     * gets a vector main loop in front of its scalar loop when {@link Backends} says so; a named
     * class never does (it would need jdk.incubator.vector wherever it is loaded).
     */
    private static void kernels(ClassBuilder cb, Elem elem, Plan plan, Kernels.Context ctx, boolean simd) {
        VectorKernels.Program f = simd ? Backends.choose(plan, Kernel.FORWARD, elem) : null;
        VectorKernels.Program b = simd ? Backends.choose(plan, Kernel.BACKWARD, elem) : null;
        VectorKernels.Program fb = simd ? Backends.choose(plan, Kernel.FORWARD_BACKWARD, elem) : null;
        Kernels.add(cb, Kernel.FORWARD, elem, Kernels.forward(elem, plan.value, ctx, f == null ? null : VectorKernels.forward(f)));
        Kernels.add(cb, Kernel.BACKWARD, elem, Kernels.backward(elem, plan.gTimesDf, ctx, b == null ? null : VectorKernels.backward(b)));
        Kernels.add(cb, Kernel.FORWARD_BACKWARD, elem, Kernels.forwardBackward(elem, plan.value, plan.gTimesDf, ctx,
                fb == null ? null : VectorKernels.forwardBackward(fb)));
        if (!plan.gTimesDp.isEmpty()) {
            Kernels.add(cb, Kernel.PARAMETER_GRADIENT, elem, Kernels.parameterGradient(elem, plan.gTimesDp, ctx));
        }
    }

    // private static double h<id>(double x) { ... }   one per outlined subexpression
    private static void helpers(ClassBuilder cb, Kernels.Context ctx, List<Expr> roots) {
        for (Expr h : ctx.outlining().helpersFor(roots)) {
            cb.withMethodBody(ctx.outlining().helperName(h), MTD_D_D, ClassFile.ACC_PRIVATE | ClassFile.ACC_STATIC, ScalarMethods.helper(h, ctx));
        }
    }

    // static { HiddenClasses.handoff(new Self()); }
    private static Consumer<CodeBuilder> handoff(ClassDesc self) {
        return c -> c.new_(self).dup().invokespecial(self, INIT_NAME, MTD_void)
                .invokestatic(CD_HiddenClasses, "handoff", MTD_HANDOFF).return_();
    }

    // protected ArrayKernels createKernels() {
    //     return (ArrayKernels) ((Supplier) MethodHandles.classData(lookup, "_", Supplier.class)).get();
    // }
    // The class data is a constant: ldc of a dynamic constant bootstrapped by classData.
    private static final Consumer<CodeBuilder> CREATE_KERNELS = c -> c
            .ldc(DynamicConstantDesc.ofNamed(BSM_CLASS_DATA, DEFAULT_NAME, CD_Supplier))
            .invokeinterface(CD_Supplier, "get", MTD_GET)
            .checkcast(CD_ArrayKernels)
            .areturn();

    // public Compiled$name() {
    //     super("name", List.of("p0", ...), new double[] {v0, ...}, maxOrder);
    // }
    // The metadata is baked in, so a class written to a .class file is usable on its own.
    private static Consumer<CodeBuilder> constructor(Plan plan) {
        Emitter.Spec spec = plan.spec;
        return c -> {
            c.aload(0).ldc(spec.name());
            List<String> names = spec.parameterNames();
            c.loadConstant(names.size()).anewarray(CD_Object);
            for (int i = 0; i < names.size(); i++) c.dup().loadConstant(i).ldc(names.get(i)).aastore();
            c.invokestatic(CD_List, "of", MTD_LIST_OF, true);
            List<Double> values = spec.parameterValues();
            c.loadConstant(values.size()).newarray(TypeKind.DOUBLE);
            for (int i = 0; i < values.size(); i++) c.dup().loadConstant(i).loadConstant(values.get(i)).dastore();
            c.loadConstant(plan.derivatives.size());
            c.invokespecial(CD_CompiledActivation, INIT_NAME, MTD_SUPER_INIT).return_();
        };
    }
}
