package dev.ramp.compiler.emit;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Without {@code jdk.incubator.vector} in the module graph, kernels are the scalar loops (exact)
 * and one log line says why, once per JVM however many kernels are built; with the module but
 * {@code -Dramp.backend=scalar}, there is no line either. Each case runs {@link FallbackMain} in
 * a JVM of its own, on the class path.
 */
class VectorFallbackTest {
    static final String LINE = "jdk.incubator.vector is not in the module graph: array kernels use scalar loops";

    record Run(int code, String out, String err) {}

    static Run run(String... jvmOptions) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(List.of(jvmOptions));
        cmd.addAll(List.of("-cp", classPath(), FallbackMain.class.getName()));
        Process p = new ProcessBuilder(cmd).start();
        byte[] out = p.getInputStream().readAllBytes(), err = p.getErrorStream().readAllBytes();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "timed out");
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    @Test
    void withoutTheModuleKernelsAreScalarAndOneLineSaysSo() throws Exception {
        Run r = run();
        assertEquals(0, r.code(), r.err());
        assertEquals("ok", r.out().strip());
        assertEquals(1, r.err().lines().filter(l -> l.contains(LINE)).count(), r.err());
        assertTrue(r.err().contains("--add-modules jdk.incubator.vector"), r.err());
    }

    @Test
    void forcedScalarKernelsSayNothing() throws Exception {
        Run r = run("--add-modules", "jdk.incubator.vector", "-Dramp.backend=scalar");
        assertEquals(0, r.code(), r.err());
        assertEquals("ok", r.out().strip());
        assertFalse(r.err().contains("ramp:"), r.err());
    }

    private static String classPath() {
        return java.util.stream.Stream.of(System.getProperty("jdk.module.path"), System.getProperty("java.class.path"))
                .filter(p -> p != null && !p.isEmpty())
                .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
    }
}
