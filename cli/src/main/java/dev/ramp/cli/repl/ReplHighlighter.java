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
        Lexing.Tok previous = null;
        for (Lexing.Tok t : Lexing.tokens(text)) {
            b.append(text, at, t.start());
            b.styled(style(t, previous, text), text.substring(t.start(), t.end()));
            at = t.end();
            previous = t;
        }
        b.append(text.substring(at));
    }

    private AttributedStyle style(Lexing.Tok t, Lexing.Tok previous, String text) {
        return switch (t.type()) {
            case RampLexer.NUMBER -> NUMBER;
            case RampLexer.LET, RampLexer.IN, RampLexer.AND, RampLexer.OR, RampLexer.NOT -> KEYWORD;
            case RampLexer.COMMENT, RampLexer.DOC_COMMENT -> COMMENT;
            case RampLexer.INVALID_NUMBER, RampLexer.UNEXPECTED_CHAR -> ERROR;
            case RampLexer.MINUS -> previous != null && previous.type() == RampLexer.MINUS && previous.end() == t.start() ? OPTION : AttributedStyle.DEFAULT;
            case RampLexer.IDENT -> {
                if (previous != null && previous.type() == RampLexer.MINUS && previous.end() == t.start()
                        && previous.start() > 0 && text.charAt(previous.start() - 1) == '-') yield OPTION;
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
