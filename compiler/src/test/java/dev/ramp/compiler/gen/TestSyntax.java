package dev.ramp.compiler.gen;

import static dev.ramp.compiler.ir.Exprs.*;

import dev.ramp.compiler.ir.Cond;
import dev.ramp.compiler.ir.Expr;
import dev.ramp.compiler.ir.Fn;
import dev.ramp.grammar.RampLexer;
import dev.ramp.grammar.RampParser;
import dev.ramp.grammar.RampParser.*;
import java.util.List;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;

/**
 * Reads a bare ramp expression into IR for tests, through the real grammar and the same smart
 * constructors the front end uses; it knows only primitives, {@code where} and the constants
 * {@code inf nan pi e} (no definitions, no {@code let}). Golden tests read as ramp source with it.
 */
public final class TestSyntax {
    private TestSyntax() {}

    /** The IR of {@code text}; throws {@link IllegalArgumentException} on a syntax error. */
    public static Expr parse(String text) {
        RampLexer lexer = new RampLexer(CharStreams.fromString(text));
        RampParser parser = new RampParser(new CommonTokenStream(lexer));
        BaseErrorListener fail = new BaseErrorListener() {
            @Override
            public void syntaxError(Recognizer<?, ?> r, Object symbol, int line, int col, String msg, RecognitionException e) {
                throw new IllegalArgumentException("syntax error at " + col + " in '" + text + "': " + msg);
            }
        };
        lexer.removeErrorListeners();
        lexer.addErrorListener(fail);
        parser.removeErrorListeners();
        parser.addErrorListener(fail);
        InputContext input = parser.input();
        if (!(input instanceof BareExpressionContext bare)) throw new IllegalArgumentException("not a bare expression: " + text);
        return expr(bare.expr());
    }

    private static Expr expr(ExprContext c) {
        return switch (c) {
            case PowerContext p -> pow(expr(p.base), expr(p.exponent));
            case UnaryContext u -> u.op.getText().equals("-") ? neg(expr(u.operand)) : expr(u.operand);
            case MultiplicativeContext m -> m.op.getText().equals("*") ? mul(expr(m.left), expr(m.right)) : div(expr(m.left), expr(m.right));
            case AdditiveContext a -> a.op.getText().equals("+") ? add(expr(a.left), expr(a.right)) : sub(expr(a.left), expr(a.right));
            case ParenthesizedContext p -> expr(p.inner);
            case NumberContext n -> constant(Double.parseDouble(n.getText()));
            case NameContext n -> switch (n.getText()) {
                case "inf" -> constant(Double.POSITIVE_INFINITY);
                case "nan" -> constant(Double.NaN);
                case "pi" -> constant(Math.PI);
                case "e" -> constant(Math.E);
                default -> var(n.getText());
            };
            case CallContext call -> call(call);
            default -> throw new IllegalArgumentException("not supported in tests: " + c.getText());
        };
    }

    private static Expr call(CallContext c) {
        String name = c.callee.getText();
        List<ExprContext> args = c.args.stream().map(ArgumentContext::expr).toList();
        if (name.equals("where")) return where(cond(args.get(0)), expr(args.get(1)), expr(args.get(2)));
        Fn fn = Fn.bySymbol(name);
        if (fn == null) throw new IllegalArgumentException("unknown function " + name);
        return new Expr.Call(fn, args.stream().map(TestSyntax::expr).toList());
    }

    private static Cond cond(ExprContext c) {
        return switch (c) {
            case ComparisonContext k -> {
                Cond.Op op = null;
                for (Cond.Op o : Cond.Op.values()) if (o.symbol().equals(k.op.getText())) op = o;
                yield new Cond.Compare(op, expr(k.left), expr(k.right));
            }
            case AndContext a -> new Cond.And(cond(a.left), cond(a.right));
            case OrContext o -> new Cond.Or(cond(o.left), cond(o.right));
            case NotContext n -> new Cond.Not(cond(n.operand));
            case ParenthesizedContext p -> cond(p.inner);
            default -> throw new IllegalArgumentException("not a condition: " + c.getText());
        };
    }
}
