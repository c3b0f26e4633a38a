package dev.ramp.compiler.emit;

import static org.junit.jupiter.api.Assertions.*;

import dev.ramp.runtime.Activation;
import org.junit.jupiter.api.Test;

/** The same class as a named class file, loadable on its own (for {@code ramp compile -o DIR}). */
class ClassBytesTest {

    @Test
    void namedClassLoadsWithAnyLoaderAndBehavesTheSame() throws Exception {
        byte[] bytes = Emitter.classBytes("com.example.Elu", Activations.elu(0.5));
        EmitTesting.assertVerifies(bytes);
        ClassLoader loader = new ClassLoader(getClass().getClassLoader()) {
            @Override
            protected Class<?> findClass(String name) throws ClassNotFoundException {
                if (name.equals("com.example.Elu")) return defineClass(name, bytes, 0, bytes.length);
                throw new ClassNotFoundException(name);
            }
        };
        Class<?> k = loader.loadClass("com.example.Elu");
        assertEquals("com.example.Elu", k.getName());
        Activation named = (Activation) k.getConstructor().newInstance();
        Activation hidden = Emitter.compile(Activations.elu(0.5));
        assertTrue(hidden.getClass().isHidden());
        assertFalse(k.isHidden());
        assertEquals("elu", named.name());
        assertArrayEquals(new double[] {0.5}, named.parameterValues());
        for (double x : RefEval.SPECIAL) {
            assertEquals(hidden.applyAsDouble(x), named.applyAsDouble(x));
            assertEquals(hidden.derivative(2, x), named.derivative(2, x));
        }
        CompiledMatchesReferenceTest.check(Activations.elu(0.5), named);
    }

    /** Named classes carry their kernels: every entry point of every test activation. */
    @Test
    void namedClassesPassTheReferenceChecks() throws Exception {
        int i = 0;
        for (Emitter.Spec spec : Activations.all()) {
            String name = "com.example.A" + i++;
            byte[] bytes = Emitter.classBytes(name, spec);
            EmitTesting.assertVerifies(bytes);
            ClassLoader loader = new ClassLoader(getClass().getClassLoader()) {
                @Override
                protected Class<?> findClass(String n) throws ClassNotFoundException {
                    if (n.equals(name)) return defineClass(n, bytes, 0, bytes.length);
                    throw new ClassNotFoundException(n);
                }
            };
            CompiledMatchesReferenceTest.check(spec, (Activation) loader.loadClass(name).getConstructor().newInstance());
        }
    }
}
