package dev.ramp.compiler.analysis;

import static org.junit.jupiter.api.Assertions.*;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The JSON writer: escaping, numbers, structure. (The command-line tests parse whole reports back.) */
class JsonTest {

    @Test
    void escapesStringsAndKeepsOutputAscii() {
        StringBuilder out = new StringBuilder();
        Json.string("a\"b\\c\nd\te\u0001 φ(0) √2", out);
        assertEquals("\"a\\\"b\\\\c\\nd\\te\\u0001 \\u03c6(0) \\u221a2\"", out.toString());
    }

    @Test
    void writesNumbersAsJsonAllowsThem() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("int", 2.0);
        m.put("frac", 0.1);
        m.put("tiny", 1e-300);
        m.put("nan", Double.NaN);
        m.put("inf", Double.NEGATIVE_INFINITY);
        m.put("arr", new double[] {1, Double.POSITIVE_INFINITY});
        m.put("list", List.of());
        m.put("none", null);
        m.put("yes", true);
        assertEquals("""
                {
                  "int": 2,
                  "frac": 0.1,
                  "tiny": 1.0E-300,
                  "nan": null,
                  "inf": null,
                  "arr": [1, null],
                  "list": [],
                  "none": null,
                  "yes": true
                }
                """, Json.write(m));
    }

    @Test
    void aReportIsPureAsciiJsonWithItsSections() {
        String json = ReportPrinter.json(Fixtures.analyse(Fixtures.RELU));
        assertTrue(json.chars().allMatch(c -> c < 0x80));
        for (String key : List.of("\"shape\"", "\"tails\"", "\"smoothness\"", "\"normalInput\"", "\"initialisation\"", "\"symmetry\"")) {
            assertTrue(json.contains(key), key);
        }
        assertTrue(json.contains("\"closedForm\": \"1/\\u221a(2\\u03c0)\""));
    }
}
