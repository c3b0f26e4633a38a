package dev.ramp.compiler.syntax;

import static dev.ramp.grammar.RampLexer.*;

import java.util.ArrayDeque;
import java.util.Deque;
import org.antlr.v4.runtime.Token;

/**
 * Tracks, token by token and without recursion, how deeply the parser will recurse, so that
 * input nested beyond {@link Limits#MAX_NESTING} is rejected before the (recursive) parser sees
 * it. A level opens at {@code (}, at a prefix {@code -}/{@code +}, at {@code ^} (right-assoc), at
 * {@code not} and at {@code let}; it closes where the grammar ends that construct's operand:
 * <ul>
 *   <li>{@code -a} and {@code a ^ b}: at any binary operator other than {@code ^};
 *   <li>{@code not a}: at {@code and} / {@code or};
 *   <li>{@code let ... in body}: only at {@code ,} {@code ;} {@code )} after its {@code in};
 *   <li>all of them at {@code ,} {@code ;} {@code =} {@code )}.
 * </ul>
 * Chains of left-associative operators ({@code x+x+...}) are loops in the parser, not
 * recursion, so they do not nest.
 */
final class Nesting {
    private enum Level { GROUP, PREFIX, NOT, LET_BINDINGS, LET_BODY }

    private final Deque<Level> open = new ArrayDeque<>();
    private int previousType = -1;

    /** Accounts for the next default-channel token; false if it opens one level too many. */
    boolean accept(Token token) {
        int type = token.getType();
        boolean prefixPosition = !endsOperand(previousType);
        previousType = type;
        switch (type) {
            case LPAREN -> open.push(Level.GROUP);
            case RPAREN -> {
                while (!open.isEmpty() && open.pop() != Level.GROUP) { /* close the group's levels */ }
            }
            case PLUS, MINUS -> {
                if (prefixPosition) open.push(Level.PREFIX);
                else closeWhile(Level.PREFIX);
            }
            case CARET -> open.push(Level.PREFIX);
            case NOT -> open.push(Level.NOT);
            case LET -> open.push(Level.LET_BINDINGS);
            case STAR, SLASH, LT, LE, GT, GE, EQ, NE -> closeWhile(Level.PREFIX);
            case AND, OR -> closeWhile(Level.PREFIX, Level.NOT);
            case COMMA, SEMI, ASSIGN -> closeWhile(Level.PREFIX, Level.NOT, Level.LET_BODY);
            case IN -> {
                closeWhile(Level.PREFIX, Level.NOT, Level.LET_BODY);
                if (open.peek() == Level.LET_BINDINGS) {
                    open.pop();
                    open.push(Level.LET_BODY);
                }
            }
            default -> { /* operands do not change the nesting */ }
        }
        return open.size() <= Limits.MAX_NESTING;
    }

    private void closeWhile(Level... closable) {
        while (!open.isEmpty() && contains(closable, open.peek())) open.pop();
    }

    private static boolean contains(Level[] levels, Level level) {
        for (Level l : levels) {
            if (l == level) return true;
        }
        return false;
    }

    /** After these tokens a {@code -} is binary; after anything else it is a prefix minus. */
    private static boolean endsOperand(int type) {
        return type == IDENT || type == NUMBER || type == INVALID_NUMBER || type == RPAREN;
    }
}
