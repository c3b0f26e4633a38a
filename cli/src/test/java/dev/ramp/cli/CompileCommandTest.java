package dev.ramp.cli;

import static org.junit.jupiter.api.Assertions.*;

import dev.ramp.Ramp;
import dev.ramp.runtime.Activation;
import java.lang.classfile.ClassFile;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ramp compile}: class files that verify, load anywhere the runtime is, and compute what Ramp.compile computes. */
class CompileCommandTest {

    @Test
    void writesVerifiedClassFilesThatMatchTheCompiledActivation(@TempDir Path dir) throws Exception {
        RampRunner r = RampRunner.run("compile", "-o", dir.toString(), "--param", "alpha=0.5", "mish", "elu");
        assertEquals(0, r.code(), r.err());
        Path mish = dir.resolve("ramp/generated/Mish.class");
        Path elu = dir.resolve("ramp/generated/Elu.class");
        for (Path p : new Path[] {mish, elu}) {
            assertEquals(java.util.List.of(), ClassFile.of().verify(Files.readAllBytes(p)), p.toString());
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, Activation.class.getClassLoader())) {
            Activation m = (Activation) loader.loadClass("ramp.generated.Mish").getConstructor().newInstance();
            Activation e = (Activation) loader.loadClass("ramp.generated.Elu").getConstructor().newInstance();
            Activation mRef = Ramp.compile("mish");
            Activation eRef = Ramp.compile("elu", Map.of("alpha", 0.5));
            for (double x : new double[] {-3, -0.5, 0, 0.7, 4}) {
                assertEquals(mRef.applyAsDouble(x), m.applyAsDouble(x));
                assertEquals(mRef.derivative(x), m.derivative(x));
                assertEquals(mRef.derivative(2, x), m.derivative(2, x));
                assertEquals(eRef.applyAsDouble(x), e.applyAsDouble(x));
                assertEquals(eRef.derivative(x), e.derivative(x));
            }
            assertArrayEquals(new double[] {0.5}, e.parameterValues());
            double[] xs = {-1, 2}, ys = new double[2];
            m.forward(xs, ys);
            assertEquals(mRef.applyAsDouble(-1), ys[0]);
        }
    }

    @Test
    void writesAJar(@TempDir Path dir) throws Exception {
        Path jar = dir.resolve("acts.jar");
        RampRunner r = RampRunner.run("compile", "-o", jar.toString(), "--package", "com.example.acts", "gelu_tanh");
        assertEquals(0, r.code(), r.err());
        try (var zip = new java.util.zip.ZipFile(jar.toFile())) {
            assertNotNull(zip.getEntry("com/example/acts/GeluTanh.class"));
        }
    }

    @Test
    void badPackageNameIsBadInput(@TempDir Path dir) {
        RampRunner r = RampRunner.run("compile", "-o", dir.toString(), "--package", "9bad", "mish");
        assertEquals(Main.BAD_INPUT, r.code());
        assertTrue(r.err().contains("invalid package name"), r.err());
    }
}
