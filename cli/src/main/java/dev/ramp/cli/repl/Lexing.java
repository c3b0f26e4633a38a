package dev.ramp.cli.repl;

import dev.ramp.grammar.RampLexer;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;

/**
 * The REPL's view of a line through the language's own lexer: for highlighting, for telling a
 * definition from an expression, and for noticing input that is not finished yet.
 */
final class Lexing {
    private Lexing() {}

    /** A token: its lexer type and where it is in the text ({@code end} exclusive, in chars). */
    record Tok(int type, int start, int end, String text) {}

    /** Every token, comments included (white space is skipped). Never throws. */
    static List<Tok> tokens(String text) {
        List<Tok> out = new ArrayList<>();
        // ANTLR counts code points; the REPL counts chars. They agree unless the text has
        // characters outside the BMP, which no ramp token contains: cut the text before the first.
        int cut = firstSupplementary(text);
        RampLexer lexer = new RampLexer(CharStreams.fromString(text.substring(0, cut)));
        lexer.removeErrorListeners();
        for (Token t : lexer.getAllTokens()) {
            out.add(new Tok(t.getType(), t.getStartIndex(), t.getStopIndex() + 1, t.getText()));
        }
        return out;
    }

    /** Tokens the parser sees (no comments). */
    static List<Tok> code(String text) {
        List<Tok> out = new ArrayList<>();
        for (Tok t : tokens(text)) {
            if (t.type() != RampLexer.COMMENT && t.type() != RampLexer.DOC_COMMENT) out.add(t);
        }
        return out;
    }

    /**
     * Whether the text starts like a definition, {@code name(...) =}, as opposed to an
     * expression such as {@code mish(1.5)} or {@code f(x) == 0}.
     */
    static boolean isDefinition(String text) {
        List<Tok> t = code(text);
        if (t.size() < 4 || t.get(0).type() != RampLexer.IDENT || t.get(1).type() != RampLexer.LPAREN) return false;
        int depth = 0;
        for (int i = 1; i < t.size(); i++) {
            int type = t.get(i).type();
            if (type == RampLexer.LPAREN) depth++;
            if (type == RampLexer.RPAREN && --depth == 0) {
                return i + 1 < t.size() && t.get(i + 1).type() == RampLexer.ASSIGN;
            }
        }
        return false;
    }

    /**
     * Whether the text cannot be complete yet and the REPL should ask for another line: a
     * parenthesis is open, or the last token needs something after it ({@code =}, an operator,
     * a comma, {@code let}, {@code in}, ...).
     */
    static boolean incomplete(String text) {
        List<Tok> t = code(text);
        if (t.isEmpty()) return false;
        int depth = 0;
        for (Tok tok : t) {
            if (tok.type() == RampLexer.LPAREN) depth++;
            if (tok.type() == RampLexer.RPAREN) depth--;
        }
        return depth > 0 || expectsMore(t.getLast().type());
    }

    /** Whether a line ending in this token needs a continuation. */
    static boolean expectsMore(int type) {
        return switch (type) {
            case RampLexer.LPAREN, RampLexer.COMMA, RampLexer.SEMI, RampLexer.ASSIGN, RampLexer.CARET,
                 RampLexer.PLUS, RampLexer.MINUS, RampLexer.STAR, RampLexer.SLASH, RampLexer.LT, RampLexer.LE,
                 RampLexer.GT, RampLexer.GE, RampLexer.EQ, RampLexer.NE, RampLexer.LET, RampLexer.IN,
                 RampLexer.AND, RampLexer.OR, RampLexer.NOT -> true;
            default -> false;
        };
    }

    /** Whether the text is one identifier and nothing else. */
    static boolean isName(String text) {
        List<Tok> t = code(text);
        return t.size() == 1 && t.getFirst().type() == RampLexer.IDENT;
    }

    private static int firstSupplementary(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isSurrogate(text.charAt(i))) return i;
        }
        return text.length();
    }
}
