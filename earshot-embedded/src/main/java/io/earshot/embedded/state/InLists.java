package io.earshot.embedded.state;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * {@code IN (?, ?, …)} over any number of values, in chunks of one fixed size: the last chunk is padded with a
 * repeat of its first value (harmless in {@code IN}), so every call uses the same SQL and one reused prepared
 * statement ({@link StatementCache}) serves them all.
 */
final class InLists {

    static final int SIZE = 100;

    /** {@code ?, ?, …} for one chunk. */
    static final String PLACEHOLDERS = String.join(", ", Collections.nCopies(SIZE, "?"));

    private InLists() {}

    /** The distinct values, in chunks of exactly {@link #SIZE}. */
    static List<List<String>> chunks(List<String> values) {
        List<String> distinct = values.stream().distinct().toList();
        List<List<String>> chunks = new ArrayList<>();
        for (int from = 0; from < distinct.size(); from += SIZE) {
            List<String> chunk = new ArrayList<>(distinct.subList(from, Math.min(distinct.size(), from + SIZE)));
            while (chunk.size() < SIZE) {
                chunk.add(chunk.getFirst());
            }
            chunks.add(chunk);
        }
        return chunks;
    }
}
