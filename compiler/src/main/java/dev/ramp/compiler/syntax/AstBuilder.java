package dev.ramp.compiler.syntax;

import dev.ramp.compiler.diag.Span;
import dev.ramp.compiler.syntax.Syntax.*;
import dev.ramp.grammar.RampBaseVisitor;
import dev.ramp.grammar.RampLexer;
import dev.ramp.grammar.RampParser.*;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.antlr.v4.runtime.BufferedTokenStream;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.Interval;

/**
 * Maps a successful parse tree to {@link Syntax}: one visit method per labelled alternative, no
 * semantics. Chains of a left-associative operator ({@code x+x+...}) are left-deep in the parse
 * tree; they are walked with a loop, so this builder recurses only as deep as {@link Nesting}
 * allows.
 */
final class AstBuilder extends RampBaseVisitor<Syntax> {
    /** The doc-comment channel, as set by the grammar's {@code DOC_COMMENT -> channel(2)}. */
    private static final int DOC_CHANNEL = 2;

    private final TokenScan scan;
    private final BufferedTokenStream tokens;

    AstBuilder(TokenScan scan, BufferedTokenStream tokens) {
        this.scan = scan;
        this.tokens = tokens;
    }

    /** The whole input. */
    Input input(InputContext ctx) {
        return ctx.accept(new RampBaseVisitor<Input>() {
            @Override
            public Input visitDefinitions(DefinitionsContext ctx) {
                return new Input.Definitions(ctx.definition().stream().map(AstBuilder.this::definition).toList());
            }

            @Override
            public Input visitBareExpression(BareExpressionContext ctx) {
                return new Input.BareExpression(AstBuilder.this.visit(ctx.expr()), text(ctx.expr()));
            }

            @Override
            public Input visitEmptyInput(EmptyInputContext ctx) {
                return new Input.Empty(scan.positions().of(ctx.EOF().getSymbol()));
            }
        });
    }

    private Definition definition(DefinitionContext ctx) {
        List<Definition.Parameter> params = new ArrayList<>();
        for (ParameterContext p : ctx.params) {
            Optional<Syntax> defaultValue = Optional.ofNullable(p.defaultValue).map(this::visit);
            params.add(new Definition.Parameter(p.name.getText(), at(p.name), defaultValue));
        }
        return new Definition(ctx.name.getText(), at(ctx.name), ctx.variable.getText(), at(ctx.variable),
                params, visit(ctx.body), doc(ctx.getStart()), text(ctx), ctx.row != null);
    }

    /** The {@code ##} lines right before {@code first}, without {@code ##} and one space. */
    private List<String> doc(Token first) {
        List<Token> comments = tokens.getHiddenTokensToLeft(first.getTokenIndex(), DOC_CHANNEL);
        if (comments == null) return List.of();
        return comments.stream().map(t -> {
            String line = t.getText().substring(2);
            return (line.startsWith(" ") ? line.substring(1) : line).stripTrailing();
        }).toList();
    }

    @Override
    public Syntax visitPower(PowerContext ctx) {
        return new Power(visit(ctx.base), visit(ctx.exponent), span(ctx));
    }

    @Override
    public Syntax visitUnary(UnaryContext ctx) {
        return new Unary(ctx.op.getType() == RampLexer.MINUS, visit(ctx.operand), span(ctx));
    }

    @Override
    public Syntax visitMultiplicative(MultiplicativeContext ctx) {
        return chain(ctx, e -> e instanceof MultiplicativeContext c ? new Link(c.left, c.op, c.right) : null);
    }

    @Override
    public Syntax visitAdditive(AdditiveContext ctx) {
        return chain(ctx, e -> e instanceof AdditiveContext c ? new Link(c.left, c.op, c.right) : null);
    }

    @Override
    public Syntax visitComparison(ComparisonContext ctx) {
        return chain(ctx, e -> e instanceof ComparisonContext c ? new Link(c.left, c.op, c.right) : null);
    }

    @Override
    public Syntax visitNot(NotContext ctx) {
        return new Not(visit(ctx.operand), span(ctx));
    }

    @Override
    public Syntax visitAnd(AndContext ctx) {
        return chain(ctx, e -> e instanceof AndContext c ? new Link(c.left, c.AND().getSymbol(), c.right) : null);
    }

    @Override
    public Syntax visitOr(OrContext ctx) {
        return chain(ctx, e -> e instanceof OrContext c ? new Link(c.left, c.OR().getSymbol(), c.right) : null);
    }

    @Override
    public Syntax visitLet(LetContext ctx) {
        List<Binding> bindings = new ArrayList<>();
        for (BindingContext b : ctx.bindings) bindings.add(new Binding(b.name.getText(), at(b.name), visit(b.value)));
        return new Let(bindings, visit(ctx.body), span(ctx));
    }

    @Override
    public Syntax visitCall(CallContext ctx) {
        // Loops rather than streams: each stream adds stack frames per level of nesting.
        List<Syntax> args = new ArrayList<>();
        for (ArgumentContext a : ctx.args) args.add(visit(a.expr()));
        List<NamedArgument> named = new ArrayList<>();
        for (NamedArgumentContext n : ctx.named) named.add(new NamedArgument(n.name.getText(), at(n.name), visit(n.value)));
        return new Call(ctx.callee.getText(), at(ctx.callee), args, named, span(ctx));
    }

    @Override
    public Syntax visitParenthesized(ParenthesizedContext ctx) {
        return visit(ctx.inner);
    }

    @Override
    public Syntax visitNumber(NumberContext ctx) {
        return new Num(ctx.NUMBER().getText(), span(ctx));
    }

    @Override
    public Syntax visitName(NameContext ctx) {
        return new Name(ctx.IDENT().getText(), span(ctx));
    }

    /** One {@code left op right} node of a left-deep chain. */
    private record Link(ExprContext left, Token op, ExprContext right) {}

    /** Walks down the left spine of same-level operators iteratively; operands are visited in order. */
    private Syntax chain(ExprContext top, Function<ExprContext, Link> sameLevel) {
        List<Link> links = new ArrayList<>();
        ExprContext leftmost = top;
        for (Link link = sameLevel.apply(leftmost); link != null; link = sameLevel.apply(leftmost)) {
            links.add(link);
            leftmost = link.left();
        }
        Collections.reverse(links);
        Syntax first = visit(leftmost);
        List<Step> steps = new ArrayList<>(links.size());
        for (Link link : links) {
            steps.add(new Step(Operator.of(link.op().getText()), at(link.op()), visit(link.right())));
        }
        return new Infix(first, steps, span(top));
    }

    private Span at(Token token) {
        return scan.positions().of(token);
    }

    private Span span(ParserRuleContext ctx) {
        return scan.positions().between(ctx.getStart(), ctx.getStop());
    }

    /** The source text of {@code ctx}, comments and spacing included (not ANTLR's recursive getText). */
    private String text(ParserRuleContext ctx) {
        return scan.chars().getText(Interval.of(ctx.getStart().getStartIndex(), ctx.getStop().getStopIndex()));
    }
}
