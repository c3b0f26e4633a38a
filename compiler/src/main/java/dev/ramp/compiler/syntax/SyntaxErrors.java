package dev.ramp.compiler.syntax;

import static dev.ramp.grammar.RampLexer.*;

import dev.ramp.compiler.RampException;
import dev.ramp.compiler.diag.Diagnostic;
import dev.ramp.compiler.diag.Source;
import dev.ramp.compiler.diag.Span;
import dev.ramp.grammar.RampParser.DefinitionContext;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.antlr.v4.runtime.RuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.IntervalSet;

/**
 * Turns the parser's first error into one diagnostic that says what is wrong in the user's
 * terms ({@code missing expression after '+'}, {@code expected ')' to close '(' opened at 1:5})
 * instead of ANTLR's {@code mismatched input ... expecting {...}}.
 */
final class SyntaxErrors {
    private SyntaxErrors() {}

    /** A number directly followed by a name, as in {@code 2x} or {@code 1e5x}. */
    private static final Pattern NUMBER_THEN_NAME =
            Pattern.compile("((?:[0-9]+\\.?[0-9]*|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?)([A-Za-z_][A-Za-z_0-9]*)");

    /**
     * The diagnostic for a parse that failed at {@code offending}, in rule {@code context}, where
     * the parser would have accepted {@code expected}.
     */
    static RampException at(Source source, TokenScan scan, Token offending, IntervalSet expected, RuleContext context) {
        // The parser stops at an invalid token at the latest, sometimes a little before it.
        Token bad = scan.firstBad();
        if (bad != null && bad.getStartIndex() <= offending.getStartIndex()) return invalidToken(source, bad, scan.positions());
        List<Token> tokens = scan.tokens();
        Token previous = previous(tokens, offending);
        Token open = unclosedParenthesis(tokens, offending);
        // In `f(x) = x y` or `f(x) = 2 * x g(x)` the parser takes `y` (or `g`) for the name of a
        // next definition and fails in its header; the mistake is the name itself.
        DefinitionContext header = unfinishedHeader(context);
        if (header != null && adjacentOnOneLine(previous(tokens, header.getStart()), header.getStart())) {
            Token name = header.getStart();
            return new RampException(new Diagnostic(source, scan.positions().of(name), "unexpected " + quote(name),
                    "is an operator missing before " + quote(name) + "?"));
        }
        String message;
        String hint = null;
        if (expected.contains(NUMBER) && expected.contains(LET) && previous != null && !endsOperand(previous)) {
            message = "missing expression after " + quote(previous);
            if (previous.getType() == STAR && offending.getType() == STAR) hint = "write powers with '^', as in x^2";
        } else if (offending.getType() == RPAREN && open == null) {
            message = "unexpected ')'";
            hint = "there is no '(' for it to close";
        } else if ((expected.contains(RPAREN) || offending.getType() == Token.EOF) && open != null) {
            message = "expected ')' to close '(' opened at " + open.getLine() + ":" + (scan.positions().of(open).column());
            if (adjacentOnOneLine(previous, offending)) hint = "is a ',' or an operator missing before " + quote(offending) + "?";
        } else if (offending.getType() == Token.EOF) {
            message = "unexpected end of input";
        } else {
            message = "unexpected " + quote(offending);
            if (adjacentOnOneLine(previous, offending)) {
                hint = "is an operator missing before " + quote(offending) + "?";
            } else if (offending.getType() == ASSIGN && open != null) {
                hint = "compare with '=='; parameters and named arguments follow ';', as in elu(x; alpha = 0.5)";
            } else if (offending.getType() == ASSIGN) {
                hint = "compare with '=='; a definition looks like f(x) = ...";
            }
        }
        // At the end of input, point just past the last token, on its line, not at an empty last line.
        Span where = scan.positions().of(offending);
        if (offending.getType() == Token.EOF && previous != null) {
            Span last = scan.positions().of(previous);
            where = Span.at(last.line(), last.column() + last.length());
        }
        return new RampException(new Diagnostic(source, where, message, hint));
    }

    /** The diagnostic for a token no parser rule accepts. */
    static RampException invalidToken(Source source, Token token, Positions positions) {
        String text = token.getText();
        String message;
        String hint = null;
        if (token.getType() == INVALID_NUMBER) {
            message = "invalid number '" + text + "'";
            Matcher m = NUMBER_THEN_NAME.matcher(text);
            if (m.matches() && m.group(2).equalsIgnoreCase("e")) {
                hint = "an exponent needs digits, as in 1e-6";
            } else if (m.matches()) {
                hint = "did you mean '" + m.group(1) + " * " + m.group(2) + "'?";
            } else if (text.indexOf('.') != text.lastIndexOf('.')) {
                hint = "a number has at most one '.'";
            }
        } else {
            message = "unexpected character " + describeCharacter(text);
            hint = switch (text) {
                case "[", "]", "{", "}" -> "group with parentheses ( )";
                case "'" -> "names cannot contain quotes";
                case "!" -> "write 'not', or '!=' for 'is not equal'";
                case "&", "|" -> "write 'and' / 'or'";
                default -> null;
            };
        }
        return new RampException(new Diagnostic(source, positions.of(token), message, hint));
    }

    private static String describeCharacter(String text) {
        int cp = text.codePointAt(0);
        boolean visible = !Character.isISOControl(cp) && !Character.isWhitespace(cp) && !Character.isSpaceChar(cp)
                && Character.getType(cp) != Character.FORMAT;
        return visible ? "'" + text + "'" : String.format("U+%04X", cp);
    }

    private static String quote(Token token) {
        if (token.getType() == Token.EOF) return "end of input";
        String text = token.getText();
        return "'" + (text.length() > 24 ? text.substring(0, 21) + "..." : text) + "'";
    }

    /** The default-channel token before {@code token}, or null. */
    private static Token previous(List<Token> tokens, Token token) {
        for (int i = token.getTokenIndex() - 1; i >= 0; i--) {
            if (tokens.get(i).getChannel() == Token.DEFAULT_CHANNEL) return tokens.get(i);
        }
        return null;
    }

    /** The innermost '(' left open before {@code token}, or null. */
    private static Token unclosedParenthesis(List<Token> tokens, Token token) {
        Deque<Token> open = new ArrayDeque<>();
        for (int i = 0; i < token.getTokenIndex() && i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.getType() == LPAREN) open.push(t);
            else if (t.getType() == RPAREN && !open.isEmpty()) open.pop();
        }
        return open.peek();
    }

    /** The definition whose header (up to its '=') the parser is in, or null. */
    private static DefinitionContext unfinishedHeader(RuleContext context) {
        for (RuleContext c = context; c != null; c = c.parent) {
            if (c instanceof DefinitionContext d) return d.ASSIGN() == null ? d : null;
        }
        return null;
    }

    /** Two operands in a row on one line, as in {@code x y}: probably a missing operator. */
    private static boolean adjacentOnOneLine(Token previous, Token next) {
        return previous != null && endsOperand(previous) && startsOperand(next) && previous.getLine() == next.getLine();
    }

    private static boolean endsOperand(Token t) {
        int type = t.getType();
        return type == IDENT || type == NUMBER || type == RPAREN;
    }

    private static boolean startsOperand(Token t) {
        int type = t.getType();
        return type == IDENT || type == NUMBER || type == LPAREN;
    }
}
