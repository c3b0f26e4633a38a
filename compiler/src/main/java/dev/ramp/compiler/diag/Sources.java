package dev.ramp.compiler.diag;

import dev.ramp.compiler.RampException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads ramp source files: strict UTF-8, with the position of the first bad byte on failure. */
public final class Sources {
    private Sources() {}

    /** Reads the file at {@code path}; its name in diagnostics is the path as given. */
    public static Source read(Path path) throws IOException, RampException {
        return fromBytes(path.toString(), Files.readAllBytes(path));
    }

    /**
     * Decodes {@code bytes} as UTF-8 (a leading byte-order mark is dropped). Malformed input is an
     * error at the line and column where the bad byte sits, never a silent replacement character.
     *
     * {@snippet :
     * Sources.fromBytes("a.ramp", new byte[] {'x', '+', (byte) 0xC3});
     * // throws RampException: a.ramp:1:3: invalid UTF-8 byte 0xC3
     * }
     */
    public static Source fromBytes(String name, byte[] bytes) throws RampException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isUnderflow()) result = decoder.flush(out);
        if (result.isError()) throw invalidByte(name, bytes, in.position(), out.flip().toString());
        return new Source(name, withoutByteOrderMark(out.flip().toString()));
    }

    private static String withoutByteOrderMark(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static RampException invalidByte(String name, byte[] bytes, int at, String decoded) {
        String before = withoutByteOrderMark(decoded);
        int line = 1 + (int) before.chars().filter(c -> c == '\n').count();
        int column = before.length() - (before.lastIndexOf('\n') + 1) + 1;
        // The whole text, with bad bytes replaced, so that the diagnostic can show the line.
        Source shown = new Source(name, withoutByteOrderMark(new String(bytes, StandardCharsets.UTF_8)));
        String message = String.format("invalid UTF-8 byte 0x%02X", bytes[at] & 0xFF);
        return new RampException(new Diagnostic(shown, Span.at(line, column), message,
                "ramp source files must be UTF-8; re-save the file as UTF-8"));
    }
}
