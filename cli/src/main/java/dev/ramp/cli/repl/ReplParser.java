package dev.ramp.cli.repl;

import java.util.List;
import org.jline.reader.CompletingParsedLine;
import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;

/**
 * Tells JLine two things about the line being edited. When Enter is pressed: whether the input
 * is finished or continues on another line (an open parenthesis, a trailing {@code =} or
 * operator: a multi-line definition). When Tab is pressed: which word is being completed, cut at
 * the language's punctuation so that {@code tanh(so} completes {@code so}.
 */
final class ReplParser implements Parser {
    private final Commands commands;

    ReplParser(Commands commands) {
        this.commands = commands;
    }

    @Override
    public ParsedLine parse(String line, int cursor, ParseContext context) {
        if (context == ParseContext.ACCEPT_LINE && continues(line)) {
            throw new EOFError(-1, cursor, "input continues", "more");
        }
        return new Line(line, cursor, wholeWords(line, cursor));
    }

    /** Whether pressing Enter after {@code text} should ask for another line. */
    boolean continues(String text) {
        // An empty line ends the input, finished or not, so a stray "(" never traps anyone.
        if (text.isBlank() || text.contains("\n") && text.substring(text.lastIndexOf('\n') + 1).isBlank()) return false;
        String s = text.stripLeading();
        // A doc comment belongs to the definition on the next line.
        if (text.substring(text.lastIndexOf('\n') + 1).strip().startsWith("##")) return true;
        if (!s.startsWith(":")) return Lexing.incomplete(text);
        Invocation inv = Invocation.parse(text);
        Command c = commands.find(inv.name());
        if (c == null || c.args() != Command.Args.EXPRESSION) return false;
        String args = inv.args();
        int option = args.indexOf(" -");  // options (--order, --out FILE) are never continued
        return Lexing.incomplete(option >= 0 && !Lexing.incomplete(args.substring(0, option)) ? args.substring(0, option) : args);
    }

    /**
     * Whether words at the cursor run to white space rather than to punctuation: file names
     * (after :load, :save, --out), option names such as plot-style, anything but an expression.
     */
    private boolean wholeWords(String line, int cursor) {
        String before = line.substring(0, cursor);
        String s = before.stripLeading();
        if (s.startsWith(":")) {
            Invocation inv = Invocation.parse(before);
            Command c = commands.find(inv.name());
            if (c != null && c.args() != Command.Args.EXPRESSION && inv.argsStart() < before.length()) return true;
        }
        String[] words = before.split("\\s+", -1);
        return words.length >= 2 && (words[words.length - 2].equals("--out") || words[words.length - 2].equals("-o"));
    }

    static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    /** The line with the word under the cursor found. */
    static final class Line implements CompletingParsedLine {
        private final String line;
        private final int cursor;
        private final int start;
        private final int end;

        Line(String line, int cursor, boolean wholeWords) {
            this.line = line;
            this.cursor = cursor;
            int s = cursor;
            int e = cursor;
            if (wholeWords) {
                while (s > 0 && !Character.isWhitespace(line.charAt(s - 1))) s--;
                while (e < line.length() && !Character.isWhitespace(line.charAt(e))) e++;
            } else {
                while (s > 0 && isWordChar(line.charAt(s - 1))) s--;
                while (e < line.length() && isWordChar(line.charAt(e))) e++;
                if (s > 0 && line.charAt(s - 1) == ':' && line.substring(0, s - 1).isBlank()) s--;
                else if (s >= 2 && line.startsWith("--", s - 2)) s -= 2;
                else if (s >= 1 && line.charAt(s - 1) == '-' && (s == 1 || Character.isWhitespace(line.charAt(s - 2))) && isOptionStart(line, s)) s--;
            }
            this.start = s;
            this.end = e;
        }

        /** A lone "-" begins an option only before a letter, as in -o; otherwise it is a minus. */
        private static boolean isOptionStart(String line, int s) {
            return s < line.length() && Character.isLetter(line.charAt(s)) && line.startsWith(":");
        }

        @Override
        public String word() {
            return line.substring(start, end);
        }

        @Override
        public int wordCursor() {
            return cursor - start;
        }

        @Override
        public int wordIndex() {
            return 0;
        }

        @Override
        public List<String> words() {
            return List.of(word());
        }

        @Override
        public String line() {
            return line;
        }

        @Override
        public int cursor() {
            return cursor;
        }

        @Override
        public CharSequence escape(CharSequence candidate, boolean complete) {
            return candidate;
        }

        @Override
        public int rawWordCursor() {
            return wordCursor();
        }

        @Override
        public int rawWordLength() {
            return end - start;
        }
    }
}
