package dev.ramp.cli.repl;

import dev.ramp.compiler.ir.Fn;
import dev.ramp.compiler.ir.Function;
import dev.ramp.compiler.ir.Parameter;
import dev.ramp.grammar.RampLexer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jline.builtins.Completers.FileNameCompleter;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * Tab completion, by what the cursor is on: a command after {@code :}; a command's options
 * ({@code --order}); file names after {@code :load}, {@code :save} and {@code --out}; option
 * names and values after {@code :set}; and in expressions and definitions the built-in
 * functions, the stdlib, the session's definitions, the parameters of the definition being
 * typed and of the functions it calls, constants and keywords.
 */
final class ReplCompleter implements Completer {
    private final Session session;
    private final Commands commands;
    private final ManualPages manual;
    private final FileNameCompleter files = new FileNameCompleter();

    ReplCompleter(Session session, Commands commands, ManualPages manual) {
        this.session = session;
        this.commands = commands;
        this.manual = manual;
    }

    static final List<String> KEYWORDS = List.of("where", "let", "in", "and", "or", "not");
    static final List<String> CONSTANTS = List.of("pi", "e", "inf", "nan");

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        String before = line.line().substring(0, line.cursor());
        String s = before.stripLeading();
        if (s.startsWith(":")) {
            Invocation inv = Invocation.parse(before);
            if (inv.argsStart() >= before.length() && !before.endsWith(" ")) {
                for (Command c : commands.all()) candidates.add(new Candidate(":" + c.name(), ":" + c.name(), "commands", c.summary(), null, null, true));
                return;
            }
            Command c = commands.find(inv.name());
            if (c == null) return;
            List<Invocation.Word> words = inv.words();
            boolean newWord = before.endsWith(" ") || before.endsWith("\t");
            int index = newWord ? words.size() : words.size() - 1;  // which argument the cursor is on
            String previous = index >= 1 ? words.get(index - 1).text() : "";
            switch (c.args()) {
                case NONE -> { }
                case COMMAND -> {
                    if (index == 0) for (Command k : commands.all()) candidates.add(new Candidate(k.name(), k.name(), "commands", k.summary(), null, null, true));
                }
                case NAME -> {
                    if (index == 0) names(candidates);
                }
                case FILE -> files.complete(reader, line, candidates);
                case OPTION -> {
                    if (index == 0) {
                        for (Settings.Option o : session.settings.options()) candidates.add(new Candidate(o.name(), o.name(), "options", o.description(), null, null, true));
                    } else if (index == 1) {
                        Settings.Option o = session.settings.option(words.getFirst().text());
                        if (o != null) for (String v : o.values()) candidates.add(new Candidate(v, v, "values", null, null, null, true));
                    }
                }
                case EXPRESSION -> {
                    if (previous.equals("--out") || previous.equals("-o")) {
                        files.complete(reader, line, candidates);
                    } else if (line.word().startsWith("-")) {
                        for (String o : options(c)) candidates.add(new Candidate(o, o, "options", null, null, null, true));
                    } else if (previous.equals("--wrt")) {
                        expression(before, candidates);
                    } else {
                        expression(before.substring(inv.argsStart()), candidates);
                    }
                }
            }
            return;
        }
        expression(line.line(), candidates);
    }

    private static List<String> options(Command c) {
        return switch (c.name()) {
            case "d" -> List.of("--wrt");
            case "plot" -> List.of("--order", "--out");
            default -> List.of();
        };
    }

    /** Every definition's name: the session's first, then the stdlib. */
    private void names(List<Candidate> out) {
        for (Function f : session.library().functions()) {
            String group = session.isOwn(f.name()) ? "yours" : "stdlib";
            out.add(new Candidate(f.name(), f.name(), group, manual.summary(f), null, null, true));
        }
    }

    private void expression(String text, List<Candidate> out) {
        Map<String, Candidate> all = new LinkedHashMap<>();
        for (Function f : session.library().functions()) {
            String group = session.isOwn(f.name()) ? "yours" : "stdlib";
            all.put(f.name(), new Candidate(f.name(), f.name(), group, manual.summary(f), null, null, false));
        }
        for (Fn fn : Fn.values()) {
            all.putIfAbsent(fn.symbol(), new Candidate(fn.symbol(), fn.symbol(), "built-in", "primitive, " + fn.arity() + " argument" + (fn.arity() == 1 ? "" : "s"), null, null, false));
        }
        for (String k : KEYWORDS) all.putIfAbsent(k, new Candidate(k, k, "keywords", null, null, null, true));
        for (String k : CONSTANTS) all.putIfAbsent(k, new Candidate(k, k, "constants", null, null, null, false));
        for (String p : parameters(text)) all.putIfAbsent(p, new Candidate(p, p, "parameters", null, null, null, false));
        out.addAll(all.values());
    }

    /**
     * Names worth offering as parameters: those the definition being typed declares
     * ({@code f(x; a = 2) = ...}), names bound by its {@code let}s, and the parameters of every
     * function it calls (for named arguments, {@code elu(x; alpha = 0.5)}).
     */
    static List<String> parameters(String text, Session session) {
        List<String> out = new ArrayList<>();
        List<Lexing.Tok> t = Lexing.code(text);
        if (Lexing.isDefinition(text)) {
            for (int i = 2; i < t.size() && t.get(i).type() != RampLexer.ASSIGN; i++) {
                if (t.get(i).type() == RampLexer.IDENT && !out.contains(t.get(i).text())) out.add(t.get(i).text());
            }
        }
        for (int i = 0; i + 1 < t.size(); i++) {
            Lexing.Tok tok = t.get(i);
            if (tok.type() == RampLexer.LET || tok.type() == RampLexer.COMMA) {
                if (t.get(i + 1).type() == RampLexer.IDENT && i + 2 < t.size() && t.get(i + 2).type() == RampLexer.ASSIGN) {
                    if (!out.contains(t.get(i + 1).text())) out.add(t.get(i + 1).text());
                }
            }
            if (tok.type() == RampLexer.IDENT && t.get(i + 1).type() == RampLexer.LPAREN) {
                Function f = session.library().lookup(tok.text());
                if (f != null) for (Parameter p : f.parameters()) if (!out.contains(p.name())) out.add(p.name());
            }
        }
        return out;
    }

    private List<String> parameters(String text) {
        return parameters(text, session);
    }
}
