package dev.ramp.compiler.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ramp.runtime.Activation;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.MethodModel;
import java.util.List;

/** The one way emit tests compile: every class is checked by the Class-File API's verifier first. */
final class EmitTesting {
    private EmitTesting() {}

    /** Scalar kernels only: the loops whose results equal the scalar methods bit for bit. */
    static final Emitter.Options SCALAR = new Emitter.Options(Emitter.Options.Backend.SCALAR, Emitter.Options.Accuracy.ACCURATE);

    /**
     * Compiles, verifies and defines (uncached), with scalar kernels. The kernel companion is
     * verified here too, from a plan of its own: the activation builds its companion lazily with
     * the same code.
     */
    static Activation compile(Emitter.Spec spec) {
        return compile(spec, Emitter.Tuning.DEFAULT);
    }

    static Activation compile(Emitter.Spec spec, Emitter.Tuning tuning) {
        return compile(spec, tuning, SCALAR);
    }

    static Activation compile(Emitter.Spec spec, Emitter.Options options) {
        return compile(spec, Emitter.Tuning.DEFAULT, options);
    }

    static Activation compile(Emitter.Spec spec, Emitter.Tuning tuning, Emitter.Options options) {
        byte[] bytes = Emitter.activationBytes(new Plan(spec, tuning, options));
        assertVerifies(bytes);
        verifiedKernelBytes(spec, tuning, options);
        return HiddenClasses.defineActivation(bytes, new LazyKernels(spec, tuning, options));
    }

    /** The kernel companion class for the given options, verified. */
    static byte[] verifiedKernelBytes(Emitter.Spec spec, Emitter.Tuning tuning, Emitter.Options options) {
        byte[] bytes = Emitter.kernelBytes(new Plan(spec, tuning, options));
        assertVerifies(bytes);
        return bytes;
    }

    /** The hidden activation class, verified. */
    static byte[] verifiedBytes(Emitter.Spec spec, Emitter.Tuning tuning) {
        byte[] bytes = Emitter.activationBytes(new Plan(spec, tuning, SCALAR));
        assertVerifies(bytes);
        return bytes;
    }

    /** Its kernel companion class, verified. */
    static byte[] verifiedKernelBytes(Emitter.Spec spec, Emitter.Tuning tuning) {
        return verifiedKernelBytes(spec, tuning, SCALAR);
    }

    static void assertVerifies(byte[] bytes) {
        List<VerifyError> errors = ClassFile.of().verify(bytes);
        assertEquals(List.of(), errors.stream().map(Throwable::getMessage).toList(), () -> disassemble(bytes));
    }

    /** A readable listing, for failure messages. */
    static String disassemble(byte[] bytes) {
        ClassModel cm = ClassFile.of().parse(bytes);
        StringBuilder b = new StringBuilder(cm.thisClass().asInternalName()).append('\n');
        for (MethodModel m : cm.methods()) {
            b.append(m.methodName().stringValue()).append(m.methodType().stringValue()).append('\n');
            m.code().ifPresent(code -> code.forEach(e -> b.append("    ").append(e).append('\n')));
        }
        return b.toString();
    }

    /** The size in bytes of each method's code. */
    static java.util.Map<String, Integer> codeSizes(byte[] bytes) {
        java.util.Map<String, Integer> out = new java.util.TreeMap<>();
        for (MethodModel m : ClassFile.of().parse(bytes).methods()) {
            m.code().ifPresent(code -> out.merge(m.methodName().stringValue() + m.methodType().stringValue(),
                    ((java.lang.classfile.attribute.CodeAttribute) code).codeLength(), Integer::sum));
        }
        return out;
    }

    /**
     * One method's code as short strings: {@code "call exp"} for an invokestatic, {@code "if"}
     * for a conditional jump, {@code "goto"}, {@code "dcmp"}, {@code "label"}; other
     * instructions by opcode name in lower case.
     */
    static List<String> instructions(byte[] bytes, String method, String descriptor) {
        for (MethodModel m : ClassFile.of().parse(bytes).methods()) {
            if (!m.methodName().equalsString(method) || !m.methodType().equalsString(descriptor)) continue;
            List<String> out = new java.util.ArrayList<>();
            m.code().orElseThrow().forEach(e -> {
                switch (e) {
                    case java.lang.classfile.instruction.InvokeInstruction i -> out.add("call " + i.name().stringValue());
                    case java.lang.classfile.instruction.BranchInstruction b ->
                            out.add(b.opcode() == java.lang.classfile.Opcode.GOTO ? "goto" : "if");
                    case java.lang.classfile.instruction.LabelTarget l -> out.add("label");
                    case java.lang.classfile.Instruction i -> out.add(switch (i.opcode()) {
                        case DCMPG, DCMPL -> "dcmp";
                        default -> i.opcode().name().toLowerCase(java.util.Locale.ROOT);
                    });
                    default -> {}
                }
            });
            return out;
        }
        throw new IllegalArgumentException("no method " + method + descriptor);
    }

    static long count(List<String> code, String instruction) {
        return code.stream().filter(instruction::equals).count();
    }
}
