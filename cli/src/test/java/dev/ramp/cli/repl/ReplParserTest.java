package dev.ramp.cli.repl;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/** When Enter finishes the input and when it continues it on another line. */
class ReplParserTest {
    private final ReplParser parser = new ReplParser(new Commands());

    @Test
    void unfinishedDefinitionsContinue() {
        assertTrue(parser.continues("f(x) ="));
        assertTrue(parser.continues("f(x) = x * (1 +"));
        assertTrue(parser.continues("f(x) = where(x > 0,"));
        assertTrue(parser.continues("f(x) = let c = 2 in"));
        assertTrue(parser.continues("## A doc comment goes with the next line"));
        assertTrue(parser.continues(":d (x +"));
    }

    @Test
    void finishedInputDoesNot() {
        assertFalse(parser.continues("f(x) = x * sigmoid(x)"));
        assertFalse(parser.continues("mish(1.5)"));
        assertFalse(parser.continues(""));
        assertFalse(parser.continues("# just a comment"));
        assertFalse(parser.continues(":plot mish --out plots/"), "a path is not an operator");
        assertFalse(parser.continues(":save out/"));
        assertFalse(parser.continues(":help"));
        assertFalse(parser.continues("x )"), "too many closing parentheses is an error to report, not to wait on");
    }

    @Test
    void anEmptyLineEndsTheInputEvenIfUnfinished() {
        assertTrue(parser.continues("f(x) =\n  x * (1 +"));
        assertFalse(parser.continues("f(x) =\n  x * (1 +\n"));
        assertFalse(parser.continues("f(x) =\n   "));
    }

    @Test
    void theWordUnderTheCursorStopsAtPunctuation() {
        var line = parser.parse("x * tanh(sof", 12, org.jline.reader.Parser.ParseContext.COMPLETE);
        assertEquals("sof", line.word());
        assertEquals(":pl", parser.parse(":pl", 3, org.jline.reader.Parser.ParseContext.COMPLETE).word());
        assertEquals("--or", parser.parse(":plot mish --or", 15, org.jline.reader.Parser.ParseContext.COMPLETE).word());
        assertEquals("dir/a.ra", parser.parse(":load dir/a.ra", 14, org.jline.reader.Parser.ParseContext.COMPLETE).word());
    }
}
