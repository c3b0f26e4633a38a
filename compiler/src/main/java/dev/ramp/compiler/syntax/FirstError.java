package dev.ramp.compiler.syntax;

import dev.ramp.compiler.diag.Source;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.NoViableAltException;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Token;

/**
 * Stops the parse at its first error with a {@link dev.ramp.compiler.RampException}. ANTLR's
 * recovery would go on to report a cascade of follow-on errors that mostly confuse; one error,
 * explained well, is more useful. Every path by which ANTLR reports an error ends here.
 */
final class FirstError extends DefaultErrorStrategy {
    private final Source source;
    private final TokenScan scan;

    FirstError(Source source, TokenScan scan) {
        this.source = source;
        this.scan = scan;
    }

    @Override
    public void reportError(Parser parser, RecognitionException e) {
        Token offending = e instanceof NoViableAltException noViable ? SyntaxErrors.blame(noViable, scan) : e.getOffendingToken();
        throw SyntaxErrors.at(source, scan, offending, e.getExpectedTokens());
    }

    @Override
    protected void reportUnwantedToken(Parser parser) {
        throw SyntaxErrors.at(source, scan, parser.getCurrentToken(), getExpectedTokens(parser));
    }

    @Override
    protected void reportMissingToken(Parser parser) {
        throw SyntaxErrors.at(source, scan, parser.getCurrentToken(), getExpectedTokens(parser));
    }
}
