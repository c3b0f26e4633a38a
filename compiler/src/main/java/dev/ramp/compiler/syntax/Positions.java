package dev.ramp.compiler.syntax;

import dev.ramp.compiler.diag.Span;
import org.antlr.v4.runtime.Token;

/**
 * Token positions as {@link Span}s. ANTLR counts code points, diagnostics count UTF-16 chars (as
 * {@link String} does); they differ only after a character outside the Basic Multilingual Plane,
 * so the conversion table is built only for texts that have one.
 */
final class Positions {
    /** UTF-16 offset of each code point index, or null when the two agree. */
    private final int[] utf16;

    Positions(String text) {
        if (text.codePointCount(0, text.length()) == text.length()) {
            utf16 = null;
        } else {
            utf16 = new int[text.codePointCount(0, text.length()) + 1];
            int cp = 0;
            for (int i = 0; i < text.length(); i = text.offsetByCodePoints(i, 1)) utf16[cp++] = i;
            utf16[cp] = text.length();
        }
    }

    /** The span of one token. */
    Span of(Token token) {
        return between(token, token);
    }

    /** From the start of {@code first} to the end of {@code last}; the printer cuts it at the line end. */
    Span between(Token first, Token last) {
        int start = first.getStartIndex();
        int lineStart = start - first.getCharPositionInLine();
        int end = Math.max(start, last.getStopIndex() + 1);
        return new Span(first.getLine(), offset(start) - offset(lineStart) + 1, offset(end) - offset(start));
    }

    private int offset(int codePointIndex) {
        if (utf16 == null) return codePointIndex;
        return utf16[Math.min(codePointIndex, utf16.length - 1)];
    }
}
