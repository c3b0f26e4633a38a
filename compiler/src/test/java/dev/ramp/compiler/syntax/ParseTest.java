package dev.ramp.compiler.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.ramp.compiler.diag.Source;
import dev.ramp.compiler.diag.Span;
import dev.ramp.compiler.syntax.Syntax.*;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The syntax tree mirrors what was written, with spans; it holds no semantics. */
class ParseTest {
    private static Syntax expr(String text) {
        return assertInstanceOf(Input.BareExpression.class, Parse.input(new Source("<t>", text))).expr();
    }

    @Test
    void numbersKeepTheirTextAndNamesAreNotResolved() {
        assertEquals(new Num("1.0E-300", new Span(1, 1, 8)), expr("1.0E-300"));
        assertEquals(new Name("nope", new Span(1, 3, 4)), expr("  nope"));
    }

    @Test
    void aChainOfOneOperatorLevelIsOneFlatNode() {
        Infix sum = assertInstanceOf(Infix.class, expr("a - b + c * d"));
        assertEquals(new Name("a", new Span(1, 1, 1)), sum.first());
        assertEquals(List.of(Operator.SUB, Operator.ADD), sum.steps().stream().map(Step::op).toList());
        assertEquals(new Span(1, 3, 1), sum.steps().getFirst().at());
        Infix product = assertInstanceOf(Infix.class, sum.steps().get(1).operand());
        assertEquals(List.of(Operator.MUL), product.steps().stream().map(Step::op).toList());
        assertEquals(new Span(1, 1, 13), sum.span());
    }

    @Test
    void parenthesesAreDroppedButGroupingIsKept() {
        Infix outer = assertInstanceOf(Infix.class, expr("(a - b) - c"));
        assertInstanceOf(Infix.class, outer.first());
        assertEquals(1, outer.steps().size());
    }

    @Test
    void unaryMinusIsKeptAsWritten() {
        assertEquals(new Unary(true, new Num("2", new Span(1, 2, 1)), new Span(1, 1, 2)), expr("-2"));
        Unary negatedPower = assertInstanceOf(Unary.class, expr("-x^2"));
        assertInstanceOf(Power.class, negatedPower.operand());
    }

    @Test
    void callsHavePositionalThenNamedArguments() {
        Call call = assertInstanceOf(Call.class, expr("elu(x, 2; alpha = 0.5, beta = x)"));
        assertEquals("elu", call.callee());
        assertEquals(new Span(1, 1, 3), call.at());
        assertEquals(2, call.args().size());
        assertEquals(List.of("alpha", "beta"), call.named().stream().map(NamedArgument::name).toList());
        assertEquals(new Span(1, 24, 4), call.named().get(1).at());
    }

    @Test
    void letHasOneOrMoreBindings() {
        Let let = assertInstanceOf(Let.class, expr("let a = 1, b = a in a + b"));
        assertEquals(List.of("a", "b"), let.bindings().stream().map(Binding::name).toList());
        assertInstanceOf(Infix.class, let.body());
    }

    @Test
    void conditionsParseAnywhereAsSyntax() {
        Infix or = assertInstanceOf(Infix.class, expr("not a < b and c or d"));
        assertEquals(Operator.OR, or.steps().getFirst().op());
        Infix and = assertInstanceOf(Infix.class, or.first());
        assertInstanceOf(Not.class, and.first());
    }

    @Test
    void definitionsKeepNamesSpansParametersDocAndText() {
        Input.Definitions file = assertInstanceOf(Input.Definitions.class, Parse.input(new Source("<t>", """
                ## first line
                ##second line
                elu(x; alpha = -0.5, beta) =
                  where(x > 0, x, alpha * expm1(x))
                """)));
        Definition elu = file.definitions().getFirst();
        assertEquals("elu", elu.name());
        assertEquals(new Span(3, 1, 3), elu.at());
        assertEquals("x", elu.variable());
        assertEquals(new Span(3, 5, 1), elu.variableAt());
        assertEquals(List.of("alpha", "beta"), elu.parameters().stream().map(Definition.Parameter::name).toList());
        assertEquals(Optional.of(new Unary(true, new Num("0.5", new Span(3, 17, 3)), new Span(3, 16, 4))), elu.parameters().getFirst().defaultValue());
        assertEquals(Optional.empty(), elu.parameters().get(1).defaultValue());
        assertEquals(List.of("first line", "second line"), elu.doc());
        assertEquals("elu(x; alpha = -0.5, beta) =\n  where(x > 0, x, alpha * expm1(x))", elu.sourceText());
        assertEquals(new Span(4, 3, 33), elu.body().span());
    }

    @Test
    void emptyInputKnowsWhereItEnds() {
        assertEquals(new Input.Empty(new Span(2, 1, 1)), Parse.input(new Source("<t>", "# nothing\n")));
    }

    @Test
    void spansCountUtf16CharactersAsStringDoes() {
        // A character outside the Basic Multilingual Plane is one code point to ANTLR, two chars
        // to String; only the latter lines a caret up under Source.line(n).
        Input.Definitions file = assertInstanceOf(Input.Definitions.class,
                Parse.input(new Source("<t>", "## \uD83D\uDE00\nf(x) = x # \uD83D\uDE00 \uD83D\uDE00\ng(x) = x")));
        assertEquals(new Span(3, 1, 1), file.definitions().get(1).at());
        assertEquals(new Span(3, 8, 1), file.definitions().get(1).body().span());
    }
}
