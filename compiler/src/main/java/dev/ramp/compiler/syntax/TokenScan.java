package dev.ramp.compiler.syntax;

import dev.ramp.compiler.RampException;
import dev.ramp.compiler.diag.Diagnostic;
import dev.ramp.compiler.diag.Source;
import dev.ramp.grammar.RampLexer;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;

/**
 * The lexing stage: one iterative pass over the tokens that enforces {@link Limits} before the
 * recursive parser runs, and notes the first token no parser rule accepts (an invalid number or
 * an unexpected character) so that the syntax error can name it.
 *
 * @param chars the text as ANTLR reads it (for definition source texts)
 * @param tokens every token the lexer emits, doc comments included, ending with EOF
 * @param firstBad the first INVALID_NUMBER or UNEXPECTED_CHAR token, or null
 * @param positions token-to-span conversion for this text
 */
record TokenScan(CharStream chars, List<Token> tokens, Token firstBad, Positions positions) {

    static TokenScan of(Source source) throws RampException {
        CharStream chars = CharStreams.fromString(source.text(), source.name());
        RampLexer lexer = new RampLexer(chars);
        lexer.removeErrorListeners(); // the lexer cannot fail: UNEXPECTED_CHAR catches the rest
        Positions positions = new Positions(source.text());
        Nesting nesting = new Nesting();
        List<Token> tokens = new ArrayList<>();
        Token firstBad = null;
        for (Token t = lexer.nextToken(); ; t = lexer.nextToken()) {
            tokens.add(t);
            if (t.getType() == Token.EOF) break;
            // Past a limit, an earlier invalid token is still the better report.
            if (tokens.size() > Limits.MAX_TOKENS) {
                if (firstBad != null) throw SyntaxErrors.invalidToken(source, firstBad, positions);
                throw new RampException(new Diagnostic(source, positions.of(t),
                        "expression too large: more than " + Limits.MAX_TOKENS + " tokens",
                        "ramp reads at most " + Limits.MAX_TOKENS + " tokens per input; split it into several definitions"));
            }
            if (t.getChannel() != Token.DEFAULT_CHANNEL) continue;
            int type = t.getType();
            if (firstBad == null && (type == RampLexer.INVALID_NUMBER || type == RampLexer.UNEXPECTED_CHAR)) firstBad = t;
            if (firstBad == null && misplacedBracket(tokens)) firstBad = t;
            if (!nesting.accept(t)) {
                if (firstBad != null) throw SyntaxErrors.invalidToken(source, firstBad, positions);
                throw new RampException(new Diagnostic(source, positions.of(t),
                        "expression nested too deeply (more than " + Limits.MAX_NESTING + " levels)",
                        "name parts of it with let, or move them into definitions of their own"));
            }
        }
        return new TokenScan(chars, List.copyOf(tokens), firstBad, positions);
    }

    /**
     * Brackets belong only to a row variable, {@code f(xs[]) = ...}: an identifier, {@code [},
     * {@code ]}. Anywhere else they are reported as the unexpected characters they used to be,
     * with the hint to group with parentheses.
     */
    private static boolean misplacedBracket(List<Token> tokens) {
        int last = tokens.size() - 1;
        int type = tokens.get(last).getType();
        if (type == RampLexer.LBRACK) return last == 0 || tokens.get(last - 1).getType() != RampLexer.IDENT;
        if (type == RampLexer.RBRACK) return last == 0 || tokens.get(last - 1).getType() != RampLexer.LBRACK;
        return false;
    }
}
