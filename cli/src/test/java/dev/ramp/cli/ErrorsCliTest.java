package dev.ramp.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input gives exit code 2 and a positioned diagnostic on standard error, never a stack trace. */
class ErrorsCliTest {

    static void assertBadInput(RampRunner r, String... fragments) {
        assertEquals(Main.BAD_INPUT, r.code(), () -> "stdout: " + r.out() + "\nstderr: " + r.err());
        for (String f : fragments) assertTrue(r.err().contains(f), () -> "missing '" + f + "' in:\n" + r.err());
        assertFalse(r.err().contains("\tat "), () -> "stack trace in:\n" + r.err());
        assertFalse(r.err().contains("Exception"), () -> "exception name in:\n" + r.err());
    }

    @Test
    void unknownFunctionWithHint() {
        assertBadInput(RampRunner.run("eval", "x * tanhh(x)", "1"),
                "<command line>:1:5: unknown function 'tanhh'", "x * tanhh(x)\n      ^", "did you mean 'tanh'?");
    }

    @Test
    void invalidInputNumber() {
        assertBadInput(RampRunner.run("eval", "mish", "1.5x"), "invalid number '1.5x'");
    }

    @Test
    void invalidNumberOnStandardInputNamesTheLine() {
        assertBadInput(RampRunner.runWithInput("1\nabc\n", "eval", "mish"), "<stdin>:2:1: invalid number 'abc'");
    }

    @Test
    void unknownParameter() {
        assertBadInput(RampRunner.run("eval", "elu", "--param", "alpah=2", "1"), "alpah", "alpha");
    }

    @Test
    void malformedParameter() {
        assertBadInput(RampRunner.run("eval", "elu", "--param", "alpha", "1"), "expected NAME=VALUE");
    }

    @Test
    void unknownWrt() {
        assertBadInput(RampRunner.run("eval", "elu", "--wrt", "alhpa", "--order", "1", "1"), "alhpa");
    }

    @Test
    void unbalancedParentheses() {
        assertBadInput(RampRunner.run("eval", "tanh((x)", "1"), "<command line>:1:");
        assertBadInput(RampRunner.run("eval", "tanh(x))", "1"), "<command line>:1:8");
    }

    @Test
    void emptyExpression() {
        assertBadInput(RampRunner.run("eval", "", "1"), "empty");
    }

    @Test
    void missingFile() {
        assertBadInput(RampRunner.run("eval", "--file", "/nonexistent/acts.ramp", "mish", "1"), "no such file");
    }

    @Test
    void errorInAFileNamesFileLineAndColumn(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("bad.ramp");
        Files.writeString(f, "ok(x) = x\nbad(x) = x * sigmoidd(x)\n");
        assertBadInput(RampRunner.run("eval", "--file", f.toString(), "ok", "1"), f + ":2:14: unknown function 'sigmoidd'");
    }

    @Test
    void nonUtf8File(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("latin1.ramp");
        Files.write(f, "f(x) = x # caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        assertBadInput(RampRunner.run("eval", "--file", f.toString(), "f", "1"), f + ":1:", "UTF-8");
    }

    @Test
    void deeplyNestedParentheses(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("deep.ramp");
        Files.writeString(f, "deep(x) = " + "(".repeat(100_000) + "x" + ")".repeat(100_000) + "\n");
        assertBadInput(RampRunner.run("eval", "--file", f.toString(), "deep", "1"), f + ":1:", "nested");
    }

    @Test
    void tenMegabyteExpression(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("huge.ramp");
        Files.writeString(f, "huge(x) = x" + "+x".repeat(5_000_000) + "\n");
        assertBadInput(RampRunner.run("eval", "--file", f.toString(), "huge", "1"), f + ":1:", "too large");
    }

    @Test
    void unknownSubcommandAndOption() {
        assertBadInput(RampRunner.run("evall", "mish"));
        assertBadInput(RampRunner.run("diff", "--orderr", "2", "mish"));
    }
}
