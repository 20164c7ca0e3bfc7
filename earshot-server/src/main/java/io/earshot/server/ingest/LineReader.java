package io.earshot.server.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads newline-delimited records from a stream without ever holding more than one line: a line over
 * {@code maxLineBytes} is skipped to its end and reported as oversized, and the whole body is capped at
 * {@code maxBodyBytes}. Lines are decoded as strict UTF-8, so invalid bytes are reported, not replaced.
 */
final class LineReader {

    /** One line: its 1-based number and either its text or why it could not be read. */
    record Line(int number, String text, String error) {
        boolean ok() {
            return error == null;
        }
    }

    private final InputStream in;
    private final int maxLineBytes;
    private final long maxBodyBytes;
    private final byte[] buffer = new byte[64 * 1024];
    private final ByteArrayOutputStream current = new ByteArrayOutputStream();
    private int position;
    private int limit;
    private long consumed;
    private int lineNumber;
    private boolean bodyTooLarge;

    LineReader(InputStream in, int maxLineBytes, long maxBodyBytes) {
        this.in = in;
        this.maxLineBytes = maxLineBytes;
        this.maxBodyBytes = maxBodyBytes;
    }

    /** The next non-blank line, or {@code null} at the end of the body (or when the body limit was hit). */
    Line next() throws IOException {
        while (true) {
            current.reset();
            boolean oversized = false;
            boolean sawAny = false;
            while (true) {
                if (position == limit) {
                    if (consumed >= maxBodyBytes) {
                        bodyTooLarge = in.read() >= 0;
                        limit = position = 0;
                        if (bodyTooLarge || !sawAny) {
                            return null;
                        }
                        break;
                    }
                    int read = in.read(buffer, 0, (int) Math.min(buffer.length, maxBodyBytes - consumed));
                    if (read < 0) {
                        if (!sawAny) {
                            return null;
                        }
                        break;
                    }
                    consumed += read;
                    position = 0;
                    limit = read;
                }
                int start = position;
                while (position < limit && buffer[position] != '\n') {
                    position++;
                }
                int length = position - start;
                sawAny = true;
                if (!oversized) {
                    if (current.size() + length > maxLineBytes) {
                        oversized = true;
                        current.reset();
                    } else {
                        current.write(buffer, start, length);
                    }
                }
                if (position < limit) {
                    position++; // the newline
                    break;
                }
            }
            lineNumber++;
            if (oversized) {
                return new Line(
                        lineNumber,
                        "",
                        "line is longer than the limit of " + maxLineBytes
                                + " bytes; split the record or raise ingest.max-line-bytes");
            }
            byte[] bytes = current.toByteArray();
            int end = bytes.length;
            if (end > 0 && bytes[end - 1] == '\r') {
                end--;
            }
            String text;
            try {
                text = StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes, 0, end))
                        .toString();
            } catch (CharacterCodingException e) {
                return new Line(
                        lineNumber, "", "line is not valid UTF-8 (" + e.getMessage() + "); send UTF-8 encoded JSON");
            }
            if (!text.isBlank()) {
                return new Line(lineNumber, text, null);
            }
        }
    }

    boolean bodyTooLarge() {
        return bodyTooLarge;
    }
}
