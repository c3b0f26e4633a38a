package dev.ramp.cli.repl;

import dev.ramp.compiler.ir.Fn;
import dev.ramp.grammar.RampLexer;
import org.jline.reader.Highlighter;
import org.jline.reader.LineReader;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/**
 * Colours the input as it is typed, token by token with the language's own lexer: the command
 * word, numbers, keywords, built-in functions, stdlib and session definitions, comments, and in
 * red whatever cannot be a token (a stray character, a malformed number) or a command that does
 * not exist. JLine drops the colours on terminals without them.
 */
final class ReplHighlighter implements Highlighter {
    private final Session session;
    private final Commands commands;

    static final AttributedStyle COMMAND = AttributedStyle.BOLD.foreground(AttributedStyle.BLUE);
    static final AttributedStyle NUMBER = AttributedStyle.DEFAULT.foreground(AttributedStyle.YELLOW);
    static final AttributedStyle KEYWORD = AttributedStyle.BOLD.foreground(AttributedStyle.MAGENTA);
    static final AttributedStyle BUILTIN = AttributedStyle.DEFAULT.foreground(AttributedStyle.BLUE);
    static final AttributedStyle LIBRARY = AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN);
    static final AttributedStyle OWN = AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN);
    static final AttributedStyle COMMENT = AttributedStyle.DEFAULT.foreground(AttributedStyle.BRIGHT).faint();
    static final AttributedStyle ERROR = AttributedStyle.DEFAULT.foreground(AttributedStyle.RED).underline();
    static final AttributedStyle OPTION = AttributedStyle.DEFAULT.foreground(AttributedStyle.MAGENTA);

    ReplHighlighter(Session session, Commands commands) {
        this.session = session;
        this.commands = commands;
    }

    @Override
    public AttributedString highlight(LineReader reader, String buffer) {
        return highlight(buffer);
    }

    AttributedString highlight(String buffer) {
        AttributedStringBuilder b = new AttributedStringBuilder();
        int from = 0;
        if (buffer.stripLeading().startsWith(":")) {
            Invocation inv = Invocation.parse(buffer);
            Command c = commands.find(inv.name());
            b.append(buffer.substring(0, inv.nameStart()));
            b.styled(c == null && !inv.name().isEmpty() ? ERROR : COMMAND, buffer.substring(inv.nameStart(), inv.argsStart()));
            if (c == null || c.args() != Command.Args.EXPRESSION) {
                b.append(buffer.substring(inv.argsStart()));
                return b.toAttributedString();
            }
            from = inv.argsStart();
        }
        code(b, buffer, from);
        return b.toAttributedString();
    }

    private void code(AttributedStringBuilder b, String buffer, int from) {
        String text = buffer.substring(from);
        int at = 0;
        java.util.List<Lexing.Tok> tokens = Lexing.tokens(text);
        for (int i = 0; i < tokens.size(); i++) {
            Lexing.Tok t = tokens.get(i);
            gap(b, text.substring(at, t.start()));
            int options = from > 0 ? optionLength(tokens, i, text) : 0;
            if (options > 0) {
                // A command's option (--order, -o) lexes as minus signs and a name: colour it as one word.
                Lexing.Tok last = tokens.get(i + options - 1);
                b.styled(OPTION, text.substring(t.start(), last.end()));
                at = last.end();
                i += options - 1;
                continue;
            }
            b.styled(style(t), text.substring(t.start(), t.end()));
            at = t.end();
        }
        gap(b, text.substring(at));
    }

    /** How many tokens from {@code i} spell an option ({@code --name} or {@code -o} after a blank), or 0. */
    private static int optionLength(java.util.List<Lexing.Tok> t, int i, String text) {
        if (t.get(i).type() != RampLexer.MINUS || t.get(i).start() > 0 && !Character.isWhitespace(text.charAt(t.get(i).start() - 1))) return 0;
        int j = i + 1;
        if (j < t.size() && t.get(j).type() == RampLexer.MINUS && t.get(j).start() == t.get(j - 1).end()) j++;
        if (j < t.size() && t.get(j).type() == RampLexer.IDENT && t.get(j).start() == t.get(j - 1).end()) {
            boolean dashDash = j == i + 2;
            return dashDash || t.get(j).text().equals("o") ? j - i + 1 : 0;
        }
        return 0;
    }

    /** Text between tokens: white space, and comments (which the lexer skips) from # to the line's end. */
    private static void gap(AttributedStringBuilder b, String gap) {
        int i = 0;
        while (i < gap.length()) {
            int hash = gap.indexOf('#', i);
            if (hash < 0) {
                b.append(gap.substring(i));
                return;
            }
            b.append(gap.substring(i, hash));
            int end = gap.indexOf('\n', hash);
            if (end < 0) end = gap.length();
            b.styled(COMMENT, gap.substring(hash, end));
            i = end;
        }
    }

    private AttributedStyle style(Lexing.Tok t) {
        return switch (t.type()) {
            case RampLexer.NUMBER -> NUMBER;
            case RampLexer.LET, RampLexer.IN, RampLexer.AND, RampLexer.OR, RampLexer.NOT -> KEYWORD;
            case RampLexer.COMMENT, RampLexer.DOC_COMMENT -> COMMENT;
            case RampLexer.INVALID_NUMBER, RampLexer.UNEXPECTED_CHAR -> ERROR;
            case RampLexer.IDENT -> {
                String name = t.text();
                if (name.equals("where")) yield KEYWORD;
                if (session.isOwn(name)) yield OWN;
                if (Fn.bySymbol(name) != null) yield BUILTIN;
                if (session.library().lookup(name) != null) yield LIBRARY;
                yield AttributedStyle.DEFAULT;
            }
            default -> AttributedStyle.DEFAULT;
        };
    }
}
