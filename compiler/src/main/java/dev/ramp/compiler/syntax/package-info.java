/**
 * The front end's first half: ramp text to a {@link dev.ramp.compiler.syntax.Syntax} tree with
 * source spans. {@link dev.ramp.compiler.syntax.Parse#input} runs, in order:
 * <ol>
 *   <li>{@link dev.ramp.compiler.syntax.TokenScan}: lexes iteratively and enforces
 *       {@link dev.ramp.compiler.syntax.Limits} (nesting depth, token count) before anything
 *       recursive runs, so 100,000 nested parentheses or a 10 MB line are a diagnostic, not a
 *       {@code StackOverflowError} or a long wait;
 *   <li>the ANTLR parser, SLL first and full LL only if that fails, stopping at the first error
 *       ({@link dev.ramp.compiler.syntax.FirstError}), which
 *       {@link dev.ramp.compiler.syntax.SyntaxErrors} words in the user's terms;
 *   <li>{@link dev.ramp.compiler.syntax.AstBuilder}: parse tree to syntax tree, mapping only.
 * </ol>
 * Names, arities and types are checked afterwards, by {@link dev.ramp.compiler.pass.Resolve}.
 */
package dev.ramp.compiler.syntax;
