package dev.ramp.cli.plot;

import static org.junit.jupiter.api.Assertions.*;

import dev.ramp.cli.Main;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ramp plot} end to end through {@link Main#run}: files, terminal output and exit codes. */
class PlotCommandTest {
    record Result(int code, String out, String err) {}

    static Result ramp(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void writesAnSvgWithTheRequestedCurves(@TempDir Path dir) throws Exception {
        Path svg = dir.resolve("mish.svg");
        Result r = ramp("plot", "mish", "--order", "0,1", "--out", svg.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("wrote " + svg), r.out());
        var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(svg.toFile());
        assertEquals(2, doc.getElementsByTagName("path").getLength());
    }

    @Test
    void writesAPng(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("out/silu.png");
        Result r = ramp("plot", "x * sigmoid(x)", "-8", "8", "--out", png.toString());
        assertEquals(0, r.code(), r.err());
        BufferedImage img = ImageIO.read(png.toFile());
        assertNotNull(img);
        assertTrue(Files.size(png) > 5000);
    }

    @Test
    void drawsInTheTerminalWithoutOut() {
        Result r = ramp("plot", "elu", "-3", "3", "--param", "alpha=0.5", "--order", "0", "--width", "70", "--height", "12", "--color", "never");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("elu(x)"), r.out());
        assertTrue(r.out().chars().anyMatch(c -> c > 0x2800 && c <= 0x28FF), r.out());
        assertFalse(r.out().contains("\u001b"), r.out());
    }

    @Test
    void aParameterWithoutAValueIsBadInput(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("p.ramp");
        Files.writeString(file, "scaled(x; k) = k * x\n");
        assertEquals(2, ramp("plot", "--file", file.toString(), "scaled").code());
        assertEquals(0, ramp("plot", "--file", file.toString(), "scaled", "--param", "k=2", "--color", "never").code());
    }

    @Test
    void badInputExitsWithTwo() {
        assertEquals(2, ramp("plot", "mish", "--out", "plot.jpg").code());
        assertEquals(2, ramp("plot", "mish", "3", "-3").code());
        assertEquals(2, ramp("plot", "mish", "1").code());
        assertEquals(2, ramp("plot", "mish", "--order", "0,0").code());
        assertEquals(2, ramp("plot", "mish", "--style", "dots").code());
        Result r = ramp("plot", "x * tanhh(x)");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("unknown function 'tanhh'") && r.err().contains("^^^^^"), r.err());
    }

    @Test
    void helpAndTheReplSubcommandExist() {
        Result r = ramp("plot", "--help");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("--order") && r.out().contains("--out"), r.out());
        assertEquals(0, ramp("repl", "--help").code());
        assertTrue(ramp("--help").out().contains("repl"));
    }
}
