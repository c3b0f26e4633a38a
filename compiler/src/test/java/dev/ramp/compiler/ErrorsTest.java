package dev.ramp.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ramp.compiler.diag.Diagnostic;
import dev.ramp.compiler.diag.Source;
import dev.ramp.compiler.diag.Sources;
import dev.ramp.compiler.ir.Function;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Every error the front end reports, as the command line prints it: {@code file:line:col:
 * message}, the source line, a caret under the culprit, and the hint. Each case is compiled
 * against the test library ({@code frontend/library.ramp}: relu, elu(alpha = 1), prelu(a),
 * swish(beta = 1), clip(lo = -1, hi = +1)).
 */
class ErrorsTest {
    private static final Library LIBRARY = FrontEndGoldenTest.LIBRARY;

    @Nested
    class Syntax {
        @Test
        void emptyInput() {
            assertError("", """
                    t.ramp:1:1: empty input: expected a definition or an expression
                     \s
                      ^
                      hint: write a definition such as relu(x) = max(0, x), or an expression in x
                    """);
        }

        @Test
        void onlyCommentsIsEmptyInputReportedWhereTheInputEnds() {
            assertError("# nothing yet\n## not even a doc comment\n", """
                    t.ramp:3:1: empty input: expected a definition or an expression
                     \s
                      ^
                      hint: write a definition such as relu(x) = max(0, x), or an expression in x
                    """);
        }

        @Test
        void unclosedParenthesis() {
            assertError("f(x) = (x + 1", """
                    t.ramp:1:14: expected ')' to close '(' opened at 1:8
                      f(x) = (x + 1
                                   ^
                    """);
        }

        @Test
        void unclosedParenthesisOfACallAtTheNextDefinition() {
            assertError("f(x) = tanh(x\ng(x) = x", """
                    t.ramp:2:1: expected ')' to close '(' opened at 1:12
                      g(x) = x
                      ^
                    """);
        }

        @Test
        void unexpectedClosingParenthesis() {
            assertError("f(x) = (x))", """
                    t.ramp:1:11: unexpected ')'
                      f(x) = (x))
                                ^
                      hint: there is no '(' for it to close
                    """);
        }

        @Test
        void missingOperand() {
            assertError("f(x) = x +", """
                    t.ramp:1:11: missing expression after '+'
                      f(x) = x +
                                ^
                    """);
        }

        @Test
        void atTheEndOfInputTheCaretFollowsTheLastToken() {
            assertError("f(x) = where(x > 0, x,\n\n", """
                    t.ramp:1:23: missing expression after ','
                      f(x) = where(x > 0, x,
                                            ^
                    """);
        }

        @Test
        void nameAfterACompleteBodyIsTakenForAMissingOperator() {
            assertError("f(x) = tanh(x) y(x)", """
                    t.ramp:1:16: unexpected 'y'
                      f(x) = tanh(x) y(x)
                                     ^
                      hint: is an operator missing before 'y'?
                    """);
        }

        @Test
        void missingOperandBetweenOperators() {
            assertError("f(x) = x ** 2", """
                    t.ramp:1:11: missing expression after '*'
                      f(x) = x ** 2
                                ^
                      hint: write powers with '^', as in x^2
                    """);
        }

        @Test
        void unexpectedEndOfInput() {
            assertError("f(x) = let a = 1", """
                    t.ramp:1:17: unexpected end of input
                      f(x) = let a = 1
                                      ^
                    """);
        }

        @Test
        void twoOperandsInARow() {
            assertError("f(x) = 2 x", """
                    t.ramp:1:10: unexpected 'x'
                      f(x) = 2 x
                               ^
                      hint: is an operator missing before 'x'?
                    """);
        }

        @Test
        void assignmentWhereAComparisonWasMeant() {
            assertError("f(x) = x = 1", """
                    t.ramp:1:10: unexpected '='
                      f(x) = x = 1
                               ^
                      hint: compare with '=='; a definition looks like f(x) = ...
                    """);
        }

        @Test
        void unexpectedCharacter() {
            assertError("f(x) = $x", """
                    t.ramp:1:8: unexpected character '$'
                      f(x) = $x
                             ^
                    """);
        }

        @Test
        void unexpectedCharacterOutsideTheBasicPlaneKeepsTheCaretAligned() {
            assertError("f(x) = x \uD83D\uDE00 1", """
                    t.ramp:1:10: unexpected character '\uD83D\uDE00'
                      f(x) = x \uD83D\uDE00 1
                               ^^
                    """);
        }

        @Test
        void invalidCharacterIsReportedBeforeALaterSyntaxError() {
            assertError("f(x) = [x] +", """
                    t.ramp:1:8: unexpected character '['
                      f(x) = [x] +
                             ^
                      hint: group with parentheses ( )
                    """);
        }
    }

    @Nested
    class Numbers {
        @Test
        void twoDecimalPoints() {
            assertError("f(x) = 1.2.3 * x", """
                    t.ramp:1:8: invalid number '1.2.3'
                      f(x) = 1.2.3 * x
                             ^^^^^
                      hint: a number has at most one '.'
                    """);
        }

        @Test
        void exponentWithoutDigits() {
            assertError("f(x) = 1e + x", """
                    t.ramp:1:8: invalid number '1e'
                      f(x) = 1e + x
                             ^^
                      hint: an exponent needs digits, as in 1e-6
                    """);
        }

        @Test
        void numberDirectlyFollowedByAName() {
            assertError("f(x) = 2x + 1", """
                    t.ramp:1:8: invalid number '2x'
                      f(x) = 2x + 1
                             ^^
                      hint: did you mean '2 * x'?
                    """);
        }

        @Test
        void numberOutOfRange() {
            assertError("f(x) = x * 1e999", """
                    t.ramp:1:12: number out of range
                      f(x) = x * 1e999
                                 ^^^^^
                      hint: '1e999' is beyond the largest double, about 1.8e308
                    """);
        }

        @Test
        void parameterDefaultOutOfRange() {
            assertError("f(x; a = -1e999) = a * x", """
                    t.ramp:1:11: number out of range
                      f(x; a = -1e999) = a * x
                                ^^^^^
                      hint: '1e999' is beyond the largest double, about 1.8e308
                    """);
        }

        @Test
        void parameterDefaultThatIsNotANumber() {
            assertError("f(x; a = 1/3) = a * x", """
                    t.ramp:1:10: the default of parameter 'a' must be a number
                      f(x; a = 1/3) = a * x
                               ^^^
                      hint: write its value, as in a = 0.5
                    """);
        }
    }

    @Nested
    class Names {
        @Test
        void unknownFunctionSuggestsThePrimitive() {
            assertError("mish(x) = x * tanhh(softplus(x))", """
                    t.ramp:1:15: unknown function 'tanhh'
                      mish(x) = x * tanhh(softplus(x))
                                    ^^^^^
                      hint: did you mean 'tanh'?
                    """);
        }

        @Test
        void unknownFunctionSuggestsALibraryDefinition() {
            assertError("f(x) = swiss(x)", """
                    t.ramp:1:8: unknown function 'swiss'
                      f(x) = swiss(x)
                             ^^^^^
                      hint: did you mean 'swish'?
                    """);
        }

        @Test
        void unknownFunctionSuggestsWhere() {
            assertError("f(x) = wher(x > 0, x, 0)", """
                    t.ramp:1:8: unknown function 'wher'
                      f(x) = wher(x > 0, x, 0)
                             ^^^^
                      hint: did you mean 'where'?
                    """);
        }

        @Test
        void unknownNameListsTheNamesInScope() {
            assertError("f(x; a) = a * y", """
                    t.ramp:1:15: unknown name 'y'
                      f(x; a) = a * y
                                    ^
                      hint: names in scope: x, a
                    """);
        }

        @Test
        void unknownNameSuggestsAParameter() {
            assertError("f(x; alpha = 1) = alpah * x", """
                    t.ramp:1:19: unknown name 'alpah'
                      f(x; alpha = 1) = alpah * x
                                        ^^^^^
                      hint: did you mean 'alpha'?
                    """);
        }

        @Test
        void bareExpressionUsesOnlyX() {
            assertError("x * sigmoid(beta * x)", """
                    t.ramp:1:13: unknown name 'beta'
                      x * sigmoid(beta * x)
                                  ^^^^
                      hint: an expression is a function of x alone; for a parameter, write a definition such as f(x; beta = 1) = ...
                    """);
        }

        @Test
        void functionUsedAsAValue() {
            assertError("f(x) = x * tanh", """
                    t.ramp:1:12: unknown name 'tanh'
                      f(x) = x * tanh
                                 ^^^^
                      hint: 'tanh' is a function: call it, as in tanh(x)
                    """);
        }

        @Test
        void variableCalledAsAFunction() {
            assertError("f(x) = x(x + 1)", """
                    t.ramp:1:8: 'x' is not a function
                      f(x) = x(x + 1)
                             ^
                      hint: to multiply, write x * (...)
                    """);
        }

        @Test
        void letBindsANameTwice() {
            assertError("f(x) = let t = 1, t = 2 in t", """
                    t.ramp:1:19: 't' is bound twice in this let
                      f(x) = let t = 1, t = 2 in t
                                        ^
                      hint: use another name
                    """);
        }
    }

    @Nested
    class Calls {
        @Test
        void wrongArityOfAPrimitive() {
            assertError("f(x) = tanh(x, 2)", """
                    t.ramp:1:8: 'tanh' takes 1 argument, got 2
                      f(x) = tanh(x, 2)
                             ^^^^
                    """);
        }

        @Test
        void wrongArityOfATwoArgumentPrimitive() {
            assertError("f(x) = max(x)", """
                    t.ramp:1:8: 'max' takes 2 arguments, got 1
                      f(x) = max(x)
                             ^^^
                    """);
        }

        @Test
        void wrongArityOfADefinition() {
            assertError("f(x) = elu(x, 1, 2)", """
                    t.ramp:1:8: 'elu' takes 1 to 2 arguments, got 3
                      f(x) = elu(x, 1, 2)
                             ^^^
                      hint: usage: elu(x; alpha = 1)
                    """);
        }

        @Test
        void unknownParameterInACall() {
            assertError("f(x) = swish(x; bet = 2)", """
                    t.ramp:1:17: unknown parameter 'bet' of 'swish'
                      f(x) = swish(x; bet = 2)
                                      ^^^
                      hint: did you mean 'beta'?
                    """);
        }

        @Test
        void namedArgumentForAPrimitive() {
            assertError("f(x) = tanh(x; a = 2)", """
                    t.ramp:1:16: unknown parameter 'a' of 'tanh'
                      f(x) = tanh(x; a = 2)
                                     ^
                      hint: 'tanh' has no parameters
                    """);
        }

        @Test
        void missingParameterInACall() {
            assertError("f(x) = prelu(x)", """
                    t.ramp:1:8: missing parameter 'a' of 'prelu'
                      f(x) = prelu(x)
                             ^^^^^
                      hint: give it by name, as in prelu(x; a = 1)
                    """);
        }

        @Test
        void parameterGivenPositionallyAndByName() {
            assertError("f(x) = elu(x, 1; alpha = 2)", """
                    t.ramp:1:18: parameter 'alpha' of 'elu' is given twice
                      f(x) = elu(x, 1; alpha = 2)
                                       ^^^^^
                      hint: it is already given at 1:15
                    """);
        }

        @Test
        void parameterGivenTwiceByName() {
            assertError("f(x) = clip(x; hi = 1, hi = 2)", """
                    t.ramp:1:24: parameter 'hi' of 'clip' is given twice
                      f(x) = clip(x; hi = 1, hi = 2)
                                             ^^
                      hint: it is already given at 1:16
                    """);
        }
    }

    @Nested
    class Definitions {
        @Test
        void duplicateParameter() {
            assertError("f(x; a, b, a) = a * x", """
                    t.ramp:1:12: parameter 'a' is declared twice
                      f(x; a, b, a) = a * x
                                 ^
                      hint: first declared at 1:6
                    """);
        }

        @Test
        void parameterNamedLikeTheVariable() {
            assertError("f(x; x = 1) = x", """
                    t.ramp:1:6: parameter 'x' has the same name as the variable
                      f(x; x = 1) = x
                           ^
                      hint: first declared at 1:3
                    """);
        }

        @Test
        void definitionCallingItself() {
            assertError("f(x) = x * f(x - 1)", """
                    t.ramp:1:12: 'f' calls itself
                      f(x) = x * f(x - 1)
                                 ^
                      hint: ramp inlines every call, so a definition cannot call itself
                    """);
        }

        @Test
        void mutualRecursionIsACallOfALaterDefinition() {
            assertError("f(x) = g(x)\ng(x) = f(x)\n", """
                    t.ramp:1:8: 'g' is defined later in the file
                      f(x) = g(x)
                             ^
                      hint: a definition can call only the library and the definitions above it; move 'g' up
                    """);
        }

        @Test
        void definingWhere() {
            assertError("where(x) = x", """
                    t.ramp:1:1: 'where' is built in and cannot be defined
                      where(x) = x
                      ^^^^^
                      hint: choose another name
                    """);
        }

        @Test
        void parametersOfALibraryDefinitionNamedLikeAPrimitive() {
            // In formulas softplus is the built-in; the library's softplus is for commands.
            assertError("f(x) = softplus(x; beta = 2)", """
                    t.ramp:1:20: unknown parameter 'beta' of 'softplus'
                      f(x) = softplus(x; beta = 2)
                                         ^^^^
                      hint: in a formula 'softplus' is the built-in, which has no parameters; the library's softplus(x; beta = 1, threshold = 20) is what commands mean by the bare name
                    """);
        }

        @Test
        void duplicateDefinitionInOneFile() {
            // g calls the first f: the duplicate below it is the only error.
            assertError("f(x) = x\ng(x) = f(x)\nf(x) = 2 * x\n", """
                    t.ramp:3:1: 'f' is defined twice
                      f(x) = 2 * x
                      ^
                      hint: it is first defined at 1:1
                    """);
        }

        @Test
        void eachDefinitionReportsItsFirstErrorWithoutCascading() {
            RampException e = assertThrows(RampException.class, () -> Compiler.define(new Source("t.ramp", """
                    f(x) = x * tanhh(x)
                    g(x) = f(x) + 1
                    h(x) = zz(x)
                    """), LIBRARY));
            assertEquals(2, e.diagnostics().size()); // g calls the broken f: not reported again
            assertEquals("unknown function 'tanhh'", e.diagnostics().get(0).message());
            assertEquals("unknown function 'zz'", e.diagnostics().get(1).message());
            assertEquals(3, e.diagnostics().get(1).span().line());
        }

        @Test
        void aFileReportsAtMostTenErrors() {
            StringBuilder distinct = new StringBuilder();
            for (int i = 0; i < 2_000; i++) distinct.append("f").append(i).append("(x) = y\n");
            RampException e = assertThrows(RampException.class, () -> Compiler.define(new Source("t.ramp", distinct.toString()), LIBRARY));
            assertEquals(10, e.diagnostics().size());
            assertEquals(10, e.diagnostics().getLast().span().line());
        }

        @Test
        void oneDefinitionExpectedOnTheCommandLine() {
            RampException e = assertThrows(RampException.class,
                    () -> Compiler.parseExpression(new Source("<repl>", "f(x) = x  g(x) = x"), LIBRARY));
            assertEquals("""
                    <repl>:1:11: expected one definition, found 2
                      f(x) = x  g(x) = x
                                ^
                      hint: put several definitions in a file and load it
                    """, e.diagnostics().getFirst().format());
        }
    }

    @Nested
    class Types {
        @Test
        void whereNeedsACondition() {
            assertError("f(x) = where(x, 1, 2)", """
                    t.ramp:1:14: expected a condition (a comparison) as the first argument of where
                      f(x) = where(x, 1, 2)
                                   ^
                      hint: compare it with something, as in x > 0
                    """);
        }

        @Test
        void comparisonUsedAsANumber() {
            assertError("f(x) = x * (x > 0)", """
                    t.ramp:1:13: a comparison cannot be used as a number
                      f(x) = x * (x > 0)
                                  ^^^^^
                      hint: use where(condition, a, b) to choose between two numbers
                    """);
        }

        @Test
        void andOnNumbers() {
            assertError("f(x) = where(x > 0 and x, 1, 2)", """
                    t.ramp:1:24: expected a condition (a comparison) on the right of 'and'
                      f(x) = where(x > 0 and x, 1, 2)
                                             ^
                      hint: compare it with something, as in x > 0
                    """);
        }

        @Test
        void conditionUsedAsANumber() {
            assertError("f(x) = not x > 0", """
                    t.ramp:1:8: a condition cannot be used as a number
                      f(x) = not x > 0
                             ^^^^^^^^^
                      hint: use where(condition, a, b) to choose between two numbers
                    """);
        }

        @Test
        void chainedComparison() {
            assertError("f(x) = where(0 < x < 1, x, 0)", """
                    t.ramp:1:20: comparisons cannot be chained
                      f(x) = where(0 < x < 1, x, 0)
                                         ^
                      hint: write a < b and b < c
                    """);
        }

        @Test
        void whereWithWrongArity() {
            assertError("f(x) = where(x > 0, x)", """
                    t.ramp:1:8: 'where' takes 3 arguments, got 2
                      f(x) = where(x > 0, x)
                             ^^^^^
                      hint: where(condition, value if true, value if false)
                    """);
        }
    }

    @Nested
    class CommandLine {
        private final Function elu = LIBRARY.lookup("elu");

        @Test
        void unknownParameterWhenBinding() {
            assertCommandLineError(() -> Compiler.bind(elu, Map.of("alpah", 0.5)), """
                    <command line>:1:1: unknown parameter 'alpah' of 'elu'
                      alpah=0.5
                      ^^^^^
                      hint: did you mean 'alpha'?
                    """);
        }

        @Test
        void unknownParameterForParameterValues() {
            assertCommandLineError(() -> Compiler.parameterValues(LIBRARY.lookup("relu"), Map.of("a", 2.0)), """
                    <command line>:1:1: unknown parameter 'a' of 'relu'
                      a=2
                      ^
                      hint: 'relu' has no parameters
                    """);
        }

        @Test
        void missingParameterWithoutDefault() {
            assertCommandLineError(() -> Compiler.parameterValues(LIBRARY.lookup("prelu"), Map.of()), """
                    <command line>:1:1: missing parameter 'a' of 'prelu'
                      prelu
                      ^^^^^
                      hint: give it a value, as in a=1
                    """);
        }

        @Test
        void expressionOnTheCommandLine() {
            assertCommandLineError(() -> Compiler.function("tanh(x", LIBRARY), """
                    <command line>:1:7: expected ')' to close '(' opened at 1:5
                      tanh(x
                            ^
                    """);
        }
    }

    @Nested
    class Encoding {
        @Test
        void invalidUtf8ByteIsReportedWhereItIs() {
            byte[] bytes = "f(x) = x\ng(x) = x + \u00e9".getBytes(StandardCharsets.UTF_8);
            bytes[bytes.length - 1] = 'x'; // 0xC3 0x78: a lead byte without its continuation
            RampException e = assertThrows(RampException.class, () -> Sources.fromBytes("bad.ramp", bytes));
            assertEquals("""
                    bad.ramp:2:12: invalid UTF-8 byte 0xC3
                      g(x) = x + \uFFFDx
                                 ^
                      hint: ramp source files must be UTF-8; re-save the file as UTF-8
                    """, e.diagnostics().getFirst().format());
        }

        @Test
        void invalidUtf8ByteAfterMultiByteCharacters() {
            byte[] bytes = {'#', ' ', (byte) 0xCF, (byte) 0x80, '\n', 'x', ' ', (byte) 0xFF};
            Diagnostic d = assertThrows(RampException.class, () -> Sources.fromBytes("bad.ramp", bytes)).diagnostics().getFirst();
            assertEquals("invalid UTF-8 byte 0xFF", d.message());
            assertEquals(2, d.span().line());
            assertEquals(3, d.span().column());
        }
    }

    private static void assertError(String input, String expected) {
        RampException e = assertThrows(RampException.class, () -> Compiler.define(new Source("t.ramp", input), LIBRARY));
        assertEquals(expected, e.diagnostics().getFirst().format());
        assertEquals(1, e.diagnostics().size(), "one error, not a cascade");
    }

    private static void assertCommandLineError(Executable run, String expected) {
        RampException e = assertThrows(RampException.class, run);
        assertEquals(expected, e.diagnostics().getFirst().format());
    }
}
