package dev.ramp.compiler.emit;

import static dev.ramp.compiler.emit.Descs.*;
import static java.lang.constant.ConstantDescs.*;

import dev.ramp.compiler.emit.Kernels.Elem;
import dev.ramp.compiler.ir.Expr;
import java.lang.classfile.ClassBuilder;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassHierarchyResolver;
import java.lang.classfile.CodeBuilder;
import java.lang.constant.ClassDesc;
import java.util.List;
import java.util.function.Consumer;

/**
 * Assembles one class from a {@link Plan}: a final subclass of
 * {@code dev.ramp.runtime.CompiledActivation} with the scalar methods, eight array kernels (four
 * with parameters... see {@code package-info}) and the outlined helpers.
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

    /**
     * @param hidden whether the class will be a hidden class of this package: its static
     *     initializer then hands a fresh instance to {@link HiddenClasses}, which is cheaper than
     *     looking up and invoking the constructor reflectively (a method handle per class)
     */
    static byte[] build(ClassDesc self, Plan plan, boolean hidden) {
        Outlining outlining = plan.outlining();
        Kernels.Context ctx = new Kernels.Context(outlining, self, plan.tuning.methodLimit());
        return CLASS_FILE.build(self, cb -> {
            cb.withFlags(ClassFile.ACC_PUBLIC | ClassFile.ACC_FINAL | ClassFile.ACC_SUPER)
                    .withSuperclass(CD_CompiledActivation);
            cb.withMethodBody(INIT_NAME, MTD_void, ClassFile.ACC_PUBLIC, constructor(plan));
            if (hidden) cb.withMethodBody(CLASS_INIT_NAME, MTD_void, ClassFile.ACC_STATIC, handoff(self));
            int flags = ClassFile.ACC_PUBLIC | ClassFile.ACC_FINAL;
            cb.withMethodBody("applyAsDouble", MTD_D_D, flags, ScalarMethods.returning(plan.value, ctx));
            cb.withMethodBody("derivative", MTD_D_D, flags, ScalarMethods.returning(plan.derivatives.getFirst(), ctx));
            List<Expr> higher = plan.derivatives.subList(1, plan.derivatives.size());
            cb.withMethodBody("derivative", MTD_D_ID, flags, ScalarMethods.derivativeOfOrder(higher, plan.derivatives.size(), ctx));
            for (Elem elem : Elem.values()) kernels(cb, elem, plan, ctx);
            for (Expr h : outlining.helpers()) {
                cb.withMethodBody(outlining.helperName(h), MTD_D_D, ClassFile.ACC_PRIVATE | ClassFile.ACC_STATIC, ScalarMethods.helper(h, ctx));
            }
        });
    }

    private static void kernels(ClassBuilder cb, Elem elem, Plan plan, Kernels.Context ctx) {
        Kernels.add(cb, Kernel.FORWARD, elem, Kernels.forward(elem, plan.value, ctx));
        Kernels.add(cb, Kernel.BACKWARD, elem, Kernels.backward(elem, plan.gTimesDf, ctx));
        Kernels.add(cb, Kernel.FORWARD_BACKWARD, elem, Kernels.forwardBackward(elem, plan.value, plan.gTimesDf, ctx));
        if (!plan.gTimesDp.isEmpty()) {
            Kernels.add(cb, Kernel.PARAMETER_GRADIENT, elem, Kernels.parameterGradient(elem, plan.gTimesDp, ctx));
        }
    }

    // static { HiddenClasses.handoff(new Compiled$name()); }
    private static Consumer<CodeBuilder> handoff(ClassDesc self) {
        return c -> c.new_(self).dup().invokespecial(self, INIT_NAME, MTD_void)
                .invokestatic(CD_HiddenClasses, "handoff", MTD_HANDOFF).return_();
    }

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
            c.loadConstant(values.size()).newarray(java.lang.classfile.TypeKind.DOUBLE);
            for (int i = 0; i < values.size(); i++) c.dup().loadConstant(i).loadConstant(values.get(i)).dastore();
            c.loadConstant(plan.derivatives.size());
            c.invokespecial(CD_CompiledActivation, INIT_NAME, MTD_SUPER_INIT).return_();
        };
    }
}
