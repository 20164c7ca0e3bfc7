package io.earshot.embedded.archive;

import io.earshot.archive.InvalidCursorException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.CRC32;

/**
 * Where a page of search results ended: the last hit's sort values (creation millisecond, key). The next page
 * starts strictly after it, so posts that arrive in between (newer, hence sorted before it) never shift the
 * pages that follow.
 *
 * <p>On the wire it is URL-safe base64 of {@code version, millis, key, crc32}; the checksum is there so that a
 * cursor damaged in transit (or made up) is rejected instead of silently starting somewhere else.
 */
record PageCursor(long createdMillis, String key) {

    private static final byte VERSION = 1;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    String encode() {
        byte[] key = this.key.getBytes(StandardCharsets.UTF_8);
        ByteBuffer buffer = ByteBuffer.allocate(1 + Long.BYTES + key.length + Integer.BYTES);
        buffer.put(VERSION).putLong(createdMillis).put(key);
        buffer.putInt(checksum(buffer.array(), buffer.position()));
        return ENCODER.encodeToString(buffer.array());
    }

    static PageCursor decode(String cursor) {
        byte[] bytes;
        try {
            bytes = DECODER.decode(cursor);
        } catch (IllegalArgumentException e) {
            throw new InvalidCursorException(cursor);
        }
        int keyLength = bytes.length - 1 - Long.BYTES - Integer.BYTES;
        if (keyLength < 1 || bytes[0] != VERSION) {
            throw new InvalidCursorException(cursor);
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        if (buffer.getInt(bytes.length - Integer.BYTES) != checksum(bytes, bytes.length - Integer.BYTES)) {
            throw new InvalidCursorException(cursor);
        }
        long millis = buffer.getLong(1);
        try {
            String key = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, 1 + Long.BYTES, keyLength))
                    .toString();
            return new PageCursor(millis, key);
        } catch (CharacterCodingException e) {
            throw new InvalidCursorException(cursor);
        }
    }

    private static int checksum(byte[] bytes, int length) {
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, length);
        return (int) crc.getValue();
    }
}
