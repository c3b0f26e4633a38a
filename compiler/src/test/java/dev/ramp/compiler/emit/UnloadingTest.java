package dev.ramp.compiler.emit;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Compiled classes are hidden classes without STRONG, and the compile cache holds them weakly, so
 * compiling 200,000 throwaway activations fits in a 64 MB metaspace. Runs {@link UnloadingMain}
 * in a separate JVM so the limit and the class counts are its own.
 */
class UnloadingTest {

    @Test
    void twoHundredThousandActivationsFitIn64MbOfMetaspace() throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-XX:MaxMetaspaceSize=64m", "-Xmx256m",
                "-cp", classPath(), UnloadingMain.class.getName(), "200000")
                .redirectErrorStream(true).start();
        boolean finished = p.waitFor(120, TimeUnit.SECONDS);
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!finished) p.destroyForcibly();
        assertTrue(finished, "timed out: " + out);
        System.out.println(out);
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("compiled=200000"), out);
    }

    /** Everything this test JVM sees, as a plain class path (tests may run on the module path). */
    private static String classPath() {
        return java.util.stream.Stream.of(System.getProperty("jdk.module.path"), System.getProperty("java.class.path"))
                .filter(p -> p != null && !p.isEmpty())
                .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
    }
}
