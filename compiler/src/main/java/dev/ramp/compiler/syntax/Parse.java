package dev.ramp.compiler.syntax;

import dev.ramp.compiler.RampException;
import dev.ramp.compiler.diag.Source;
import dev.ramp.grammar.RampParser;
import dev.ramp.grammar.RampParser.InputContext;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.ListTokenSource;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * Text to {@link Input}: lex and check the limits ({@link TokenScan}), parse, build the tree
 * ({@link AstBuilder}). Syntax errors come back as a {@link RampException} holding the first one.
 */
public final class Parse {
    private Parse() {}

    /**
     * Parses {@code source}: a file of definitions, a single expression, or nothing.
     *
     * {@snippet :
     * Input input = Parse.input(new Source("<string>", "mish(x) = x * tanh(softplus(x))"));
     * // input is Input.Definitions with one Definition named "mish"
     * }
     */
    public static Input input(Source source) throws RampException {
        TokenScan scan = TokenScan.of(source);
        CommonTokenStream tokens = new CommonTokenStream(new ListTokenSource(scan.tokens()));
        RampParser parser = new RampParser(tokens);
        parser.removeErrorListeners(); // no console output: errors become diagnostics
        return new AstBuilder(scan, tokens).input(parse(parser, source, scan));
    }

    /**
     * The standard two-stage parse: SLL prediction is fast and right for almost every input;
     * only when it fails is the input parsed again with full LL, which also gives the error.
     */
    private static InputContext parse(RampParser parser, Source source, TokenScan scan) {
        parser.setErrorHandler(new BailErrorStrategy());
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        try {
            return parser.input();
        } catch (ParseCancellationException sllFailed) {
            parser.reset();
            parser.setErrorHandler(new FirstError(source, scan));
            parser.getInterpreter().setPredictionMode(PredictionMode.LL);
            return parser.input();
        }
    }
}
