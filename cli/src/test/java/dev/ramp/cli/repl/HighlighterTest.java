package dev.ramp.cli.repl;

import static org.junit.jupiter.api.Assertions.*;

import dev.ramp.stdlib.Stdlib;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import org.junit.jupiter.api.Test;

/** Syntax highlighting of the input line. */
class HighlighterTest {
    private final Session session = new Session(Stdlib.library());
    private final ReplHighlighter h = new ReplHighlighter(session, new Commands());

    private AttributedStyle styleAt(AttributedString s, String text, String of) {
        return s.styleAt(text.indexOf(of));
    }

    @Test
    void tokensGetTheirColours() {
        String text = "f(x; a = 2.5) = let c = a in where(x > 0, x, c * tanh(mish(x))) # note";
        AttributedString s = h.highlight(text);
        assertEquals(text, s.toString(), "highlighting never changes the text");
        assertEquals(ReplHighlighter.NUMBER, styleAt(s, text, "2.5"));
        assertEquals(ReplHighlighter.KEYWORD, styleAt(s, text, "let"));
        assertEquals(ReplHighlighter.KEYWORD, styleAt(s, text, "where"));
        assertEquals(ReplHighlighter.BUILTIN, styleAt(s, text, "tanh"));
        assertEquals(ReplHighlighter.LIBRARY, styleAt(s, text, "mish"));
        assertEquals(ReplHighlighter.COMMENT, styleAt(s, text, "# note"));
    }

    @Test
    void mistakesShowInRed() {
        String text = "x $ 1.2.3";
        AttributedString s = h.highlight(text);
        assertEquals(ReplHighlighter.ERROR, styleAt(s, text, "$"));
        assertEquals(ReplHighlighter.ERROR, styleAt(s, text, "1.2.3"));
        assertEquals(ReplHighlighter.ERROR, h.highlight(":plto mish").styleAt(1));
    }

    @Test
    void commandsAndTheirExpressions() {
        String text = ":plot mish -3 3 --order 0,1";
        AttributedString s = h.highlight(text);
        assertEquals(text, s.toString());
        assertEquals(ReplHighlighter.COMMAND, s.styleAt(0));
        assertEquals(ReplHighlighter.LIBRARY, styleAt(s, text, "mish"));
        assertEquals(ReplHighlighter.OPTION, styleAt(s, text, "--order"));
        assertEquals(ReplHighlighter.OPTION, styleAt(s, text, "order"));
        assertEquals(AttributedStyle.DEFAULT, styleAt(s, text, "-3"), "a minus sign is no option");
        assertEquals(ReplHighlighter.COMMAND, h.highlight(":save out.ramp").styleAt(2));
    }

    @Test
    void theSessionsDefinitionsStandOut() {
        session.adopt(session.library().with(dev.ramp.compiler.Compiler.parseExpression(
                new dev.ramp.compiler.diag.Source("<t>", "mine(x) = x"), session.library())));
        assertEquals(ReplHighlighter.OWN, h.highlight("mine(2)").styleAt(0));
    }
}
