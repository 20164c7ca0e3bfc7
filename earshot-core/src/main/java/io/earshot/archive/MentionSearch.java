package io.earshot.archive;

import io.earshot.query.QueryNode;
import java.util.Objects;
import java.util.Optional;

/**
 * What to look for in the archive.
 *
 * @param topicId only mentions of this topic
 * @param query only posts matching this query (the topic query language, parsed)
 * @param matchedOnly only posts that matched at least one topic (mentions), not posts kept for backfill
 * @param limit page size, 1 to {@link #MAX_LIMIT}
 * @param cursor where the previous page ended ({@link MentionArchive.MentionPage#next()})
 */
public record MentionSearch(
        Optional<Long> topicId, Optional<QueryNode> query, boolean matchedOnly, int limit, Optional<String> cursor) {

    public static final int MAX_LIMIT = 1000;

    public MentionSearch {
        Objects.requireNonNull(topicId, "topicId");
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(cursor, "cursor");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
        }
    }

    /** The newest mentions of any topic. */
    public static MentionSearch mentions(int limit) {
        return new MentionSearch(Optional.empty(), Optional.empty(), true, limit, Optional.empty());
    }
}
