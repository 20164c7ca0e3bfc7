package io.earshot.archive;

import io.earshot.domain.Engagement;
import io.earshot.domain.Mention;
import io.earshot.domain.Network;
import io.earshot.domain.PostKey;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The mention archive: every post Earshot keeps (mentions of topics, and recent unmatched posts kept
 * for backfill), searchable by the topic query language, newest first.
 *
 * <p>Writes are idempotent on {@link PostKey}. They become visible to {@link #search} after
 * {@link #refresh()} and survive a crash after {@link #commit()}. Implementations run
 * {@code MentionArchiveContract} from the testkit.
 */
public interface MentionArchive extends AutoCloseable {

    /** Adds or replaces mentions (by key). */
    void upsert(Collection<Mention> mentions);

    /** Removes posts; keys not stored are ignored. */
    void delete(Collection<PostKey> keys);

    /** Removes every post by an account (the account was deleted); returns how many were removed. */
    long deleteByAuthor(Network network, String authorId);

    /** Replaces a stored post's engagement counters; false when the post is not stored. */
    boolean updateEngagement(PostKey key, Engagement engagement);

    Optional<Mention> get(PostKey key);

    /**
     * The newest stored post of an account, matched or not (to show who the account is: handle, name, followers as
     * last seen); empty when none is stored.
     */
    Optional<Mention> newestBy(Network network, String authorId);

    /**
     * Whether the post is stored, counting writes not yet made searchable by {@link #refresh()} (ingest asks this
     * for every like and repost, and must not refresh for it).
     */
    boolean contains(PostKey key);

    /** Searches mentions, newest first. */
    MentionPage search(MentionSearch search);

    /** Calls {@code visitor} for every stored post created at or after {@code since} (for backfill). */
    void forEachSince(Instant since, Consumer<Mention> visitor);

    /** Removes stored posts that matched no topic and were created before {@code cutoff}; returns how many. */
    long purgeUnmatchedBefore(Instant cutoff);

    /**
     * Makes all writes so far visible to searches. Not free: each refresh flushes what was written since the last
     * into a new segment, so ingest refreshes about once a second, not after every batch.
     */
    void refresh();

    /** Makes all writes so far durable (fsync); cursors may be committed after this returns. */
    void commit();

    /** How many posts are stored, matched or not. */
    long size();

    @Override
    void close();

    /** A page of results. {@code next} is the cursor for the following page, absent on the last one. */
    record MentionPage(List<Mention> items, long total, Optional<String> next) {
        public MentionPage {
            items = List.copyOf(items);
        }
    }
}
