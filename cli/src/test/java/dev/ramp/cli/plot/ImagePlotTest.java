package dev.ramp.cli.plot;

import static org.junit.jupiter.api.Assertions.*;

import dev.ramp.compiler.Compiler;
import dev.ramp.stdlib.Stdlib;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class ImagePlotTest {
    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    private static Plot mish(Integer... orders) {
        return Sampler.plot(Compiler.function("mish", Stdlib.library()), Map.of(), List.of(orders), -5, 5);
    }

    private static Document parse(String svg) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void svgIsXmlWithOnePathPerCurveAndLabelledAxes() throws Exception {
        Document doc = parse(ImagePlot.svg(mish(0, 1, 2), 800, 500));
        NodeList paths = doc.getElementsByTagName("path");
        assertEquals(3, paths.getLength());
        Set<String> labels = new HashSet<>();
        for (int i = 0; i < paths.getLength(); i++) {
            Element p = (Element) paths.item(i);
            assertEquals("curve", p.getAttribute("class"));
            assertTrue(p.getAttribute("d").startsWith("M") && p.getAttribute("d").split("L").length > 100, "a drawn curve");
            labels.add(p.getAttribute("data-label"));
        }
        assertEquals(Set.of("mish(x)", "mish'(x)", "mish''(x)"), labels);
        StringBuilder text = new StringBuilder();
        NodeList texts = doc.getElementsByTagName("text");
        for (int i = 0; i < texts.getLength(); i++) text.append(texts.item(i).getTextContent()).append('|');
        String all = text.toString();
        assertTrue(all.contains("mish(x) = x * tanh(softplus(x))|"), "title: " + all);
        assertTrue(all.contains("|x|") && all.contains("|y|"), "axis names: " + all);
        assertTrue(all.contains("|-4|") && all.contains("|4|") && all.contains("|0|"), "tick labels: " + all);
        assertTrue(all.contains("|mish'(x)|"), "legend: " + all);
        assertEquals("mish(x) = x * tanh(softplus(x))", doc.getElementsByTagName("title").item(0).getTextContent());
    }

    @Test
    void svgEscapesText() throws Exception {
        Plot p = Sampler.plot(Compiler.function("where(x < 0, 0, x)", Stdlib.library()), Map.of(), List.of(0), -1, 1);
        Document doc = parse(ImagePlot.svg(p, 600, 400));
        assertTrue(doc.getElementsByTagName("title").item(0).getTextContent().contains("x < 0"));
    }

    @Test
    void pngDecodesAndShowsTheCurves(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("mish.png");
        ImagePlot.write(mish(0, 1), file);
        BufferedImage img = ImageIO.read(file.toFile());
        assertNotNull(img);
        assertEquals(ImagePlot.WIDTH, img.getWidth());
        assertEquals(ImagePlot.HEIGHT, img.getHeight());
        Set<Integer> colours = new HashSet<>();
        int blue = 0;
        int orange = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y) & 0xffffff;
                colours.add(rgb);
                if (rgb == 0x1f77b4) blue++;
                if (rgb == 0xff7f0e) orange++;
            }
        }
        assertTrue(colours.size() > 20, "not blank: " + colours.size() + " colours");
        assertTrue(blue > 200 && orange > 100, "the curves' colours: " + blue + " blue, " + orange + " orange pixels");
    }

    @Test
    void theFormatComesFromTheName(@TempDir Path dir) {
        assertEquals(ImagePlot.Format.SVG, ImagePlot.Format.of(Path.of("a.SVG")));
        assertEquals(ImagePlot.Format.PNG, ImagePlot.Format.of(Path.of("dir/a.png")));
        assertNull(ImagePlot.Format.of(Path.of("a.jpg")));
        assertThrows(IllegalArgumentException.class, () -> ImagePlot.write(mish(0), dir.resolve("a.txt")));
    }
}
