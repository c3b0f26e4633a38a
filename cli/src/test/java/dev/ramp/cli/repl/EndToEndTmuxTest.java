package dev.ramp.cli.repl;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runs {@code scripts/e2e/repl.sh}: the REPL in a real terminal (tmux), typed at and read back
 * from the screen. Skipped when tmux is not installed. ramp is started from this test's class
 * path rather than through {@code ./ramp}, which would start a second Maven build inside this one.
 */
class EndToEndTmuxTest {

    @Test
    void theReplInARealTerminal() throws Exception {
        assumeTrue(onPath("tmux"), "tmux not available: skipping the end-to-end REPL script");
        Path script = repositoryRoot().resolve("scripts/e2e/repl.sh");
        assertTrue(Files.isRegularFile(script), script.toString());

        List<String> classPath = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            classPath.add(Path.of(entry).toAbsolutePath().toString());
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String command = "'" + java + "' --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED -cp '" + String.join(File.pathSeparator, classPath)
                + "' dev.ramp.cli.Main";

        ProcessBuilder pb = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true);
        pb.environment().put("RAMP_CMD", command);
        Process p = pb.start();
        boolean finished = p.waitFor(90, TimeUnit.SECONDS);
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!finished) {
            p.destroyForcibly();
            fail("the end-to-end script took more than 90 s:\n" + output);
        }
        assertEquals(0, p.exitValue(), output);
        assertTrue(output.contains("e2e: REPL ok"), output);
    }

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) return true;
        }
        return false;
    }

    /** The directory holding the {@code ramp} launcher, above the module's working directory. */
    private static Path repositoryRoot() {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve("ramp")) && Files.isDirectory(d.resolve("scripts"))) return d;
        }
        throw new IllegalStateException("cannot find the repository root from " + Path.of("").toAbsolutePath());
    }
}
