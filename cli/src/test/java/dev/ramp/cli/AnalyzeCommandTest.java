package dev.ramp.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ramp analyze}: the report, its JSON form, and the plot series. */
class AnalyzeCommandTest {

    @Test
    void reluReportAnswersTheLiteraturesQuestions() {
        RampRunner r = RampRunner.run("analyze", "--ascii", "relu");
        assertEquals(0, r.code(), r.err());
        String t = r.out();
        assertTrue(t.startsWith("relu(x) = max(0, x)"), t);
        assertTrue(t.contains("P(f(z) = 0)    0.5"), t);
        assertTrue(t.contains("sparsity: 50% of units exactly 0"), t);
        assertTrue(t.contains("E[f(z)^2]      0.5               exact     = 1/2"), t);
        assertTrue(t.contains("dead gradient for 50% of inputs"), t);
        assertTrue(t.contains("calculate_gain('relu'): derived the same way; agrees"), t);
        assertTrue(t.contains("corner: f'(0-) = 0, f'(0+) = 1"), t);
        assertTrue(t.chars().allMatch(c -> c < 0x80), "--ascii output is ASCII");
    }

    @Test
    void mishReportGivesItsMinimumAndNumericalMoments() {
        RampRunner r = RampRunner.run("analyze", "--ascii", "x * tanh(softplus(x))");
        assertEquals(0, r.code(), r.err());
        String t = r.out();
        assertTrue(t.contains("minimum f = -0.308843 at x = -1.19243"), t);
        assertTrue(t.contains("E[f(z)^2]      0.4523421923759"), t);
        assertTrue(t.contains("Gauss-Kronrod"), t);
        assertTrue(t.contains("no entry: calculate_gain raises ValueError"), t);
        assertTrue(t.contains("smooth (no branch points"), t);
    }

    @Test
    void tanhShowsPyTorchsFiveThirdsAndTheDerivedGain() {
        RampRunner r = RampRunner.run("analyze", "--ascii", "tanh");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("1.666666667 = 5/3   calculate_gain('tanh'): empirical"), r.out());
        assertTrue(r.out().contains("gain           1.59253742"), r.out());
    }

    @Test
    void jsonParsesBackWithTheNumbers() {
        RampRunner r = RampRunner.run("analyze", "--json", "relu");
        assertEquals(0, r.code(), r.err());
        Object doc = MiniJson.parse(r.out());
        assertEquals("relu", MiniJson.get(doc, "name"));
        assertEquals(0.5, (Double) MiniJson.get(doc, "normalInput", "sparsity", "value"), 1e-15);
        assertEquals("1/2", MiniJson.get(doc, "normalInput", "sparsity", "closedForm"));
        assertEquals("1/\u221a(2\u03c0)", MiniJson.get(doc, "normalInput", "mean", "closedForm"));
        assertEquals(Math.sqrt(2), (Double) MiniJson.get(doc, "initialisation", "gain"), 1e-12);
        assertEquals(Math.sqrt(2), (Double) MiniJson.get(doc, "initialisation", "pytorch", "gain"), 0);
        assertEquals("C0", MiniJson.get(doc, "smoothness", "class"));
        assertEquals(Boolean.TRUE, MiniJson.get(doc, "symmetry", "positivelyHomogeneous"));
        assertNull(MiniJson.get(doc, "shape", "upper", "value"), "an infinite bound is null");
        assertEquals(Boolean.FALSE, MiniJson.get(doc, "shape", "upper", "bounded"));
    }

    @Test
    void parametersReachTheAnalysis() {
        RampRunner r = RampRunner.run("analyze", "--json", "leaky_relu", "--param", "negative_slope=0.2");
        assertEquals(0, r.code(), r.err());
        Object doc = MiniJson.parse(r.out());
        assertEquals(0.2, (Double) MiniJson.get(doc, "parameters", "negative_slope"), 0);
        assertEquals(Math.sqrt(2 / 1.04), (Double) MiniJson.get(doc, "initialisation", "gain"), 1e-12);
        assertEquals("leaky_relu", MiniJson.get(doc, "initialisation", "pytorch", "nonlinearity"));
    }

    @Test
    void everyStdlibActivationAnalysesToValidJson() {
        RampRunner list = RampRunner.run("list");
        assertEquals(0, list.code(), list.err());
        List<String> names = list.out().lines().filter(l -> l.matches("[a-z_0-9]+  .*")).map(l -> l.split("\\s+")[0]).toList();
        assertTrue(names.size() > 20, list.out());
        for (String name : names) {
            RampRunner r = RampRunner.run("analyze", "--json", name);
            assertEquals(0, r.code(), name + ": " + r.err());
            Object doc = MiniJson.parse(r.out());
            assertEquals(name, MiniJson.get(doc, "name"));
        }
    }

    @Test
    void plotDataHasXFDerivativeAndDensity(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("gelu.csv");
        RampRunner r = RampRunner.run("analyze", "gelu", "--plot-data", csv.toString(), "--points", "13");
        assertEquals(0, r.code(), r.err());
        List<String> lines = Files.readAllLines(csv);
        assertEquals("x,f,df,density", lines.getFirst());
        assertEquals(14, lines.size());
        String[] mid = lines.get(7).split(",");
        assertEquals(0, Double.parseDouble(mid[0]), 0);
        assertEquals(0.5, Double.parseDouble(mid[2]), 1e-15);
        assertEquals(1 / Math.sqrt(2 * Math.PI), Double.parseDouble(mid[3]), 1e-16);
        Path json = dir.resolve("gelu.json");
        assertEquals(0, RampRunner.run("analyze", "gelu", "--plot-data", json.toString(), "--points", "5").code());
        Object doc = MiniJson.parse(Files.readString(json));
        assertEquals(5, ((List<?>) MiniJson.get(doc, "density")).size());
    }

    @Test
    void plotsOverlayTheFunctionItsDerivativeAndTheInputDensity(@TempDir Path dir) throws Exception {
        RampRunner r = RampRunner.run("analyze", "--ascii", "elu", "--param", "alpha=0.5", "--plot");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("elu: f, f' and the input density   [alpha = 0.5]"), r.out());
        assertTrue(r.out().contains("elu'(x)") && r.out().contains("N(0, 1) input density"), r.out());
        Path svg = dir.resolve("elu.svg");
        assertEquals(0, RampRunner.run("analyze", "elu", "--plot-out", svg.toString()).code());
        String image = Files.readString(svg);
        assertTrue(image.startsWith("<?xml") || image.startsWith("<svg"), image.substring(0, 40));
        assertEquals(Main.BAD_INPUT, RampRunner.run("analyze", "elu", "--plot-out", dir.resolve("elu.txt").toString()).code());
    }

    @Test
    void badInputIsReportedNotThrown() {
        RampRunner unknown = RampRunner.run("analyze", "no_such_activation(x)");
        assertEquals(Main.BAD_INPUT, unknown.code());
        assertFalse(unknown.err().contains("Exception"), unknown.err());
        RampRunner param = RampRunner.run("analyze", "elu", "--param", "beta=2");
        assertEquals(Main.BAD_INPUT, param.code());
        RampRunner points = RampRunner.run("analyze", "relu", "--plot-data", "-", "--points", "1");
        assertEquals(Main.BAD_INPUT, points.code());
    }
}
