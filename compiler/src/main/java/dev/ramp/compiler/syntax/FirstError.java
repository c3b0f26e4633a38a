package dev.ramp.compiler.syntax;

import dev.ramp.compiler.diag.Source;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;

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
        throw SyntaxErrors.at(source, scan, e.getOffendingToken(), e.getExpectedTokens(), parser.getContext());
    }

    @Override
    protected void reportUnwantedToken(Parser parser) {
        throw SyntaxErrors.at(source, scan, parser.getCurrentToken(), getExpectedTokens(parser), parser.getContext());
    }

    @Override
    protected void reportMissingToken(Parser parser) {
        throw SyntaxErrors.at(source, scan, parser.getCurrentToken(), getExpectedTokens(parser), parser.getContext());
    }
}
