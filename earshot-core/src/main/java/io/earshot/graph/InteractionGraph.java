package io.earshot.graph;

import io.earshot.domain.Interaction;
import io.earshot.domain.InteractionKey;
import io.earshot.domain.InteractionKind;
import io.earshot.domain.Network;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Who interacted with whom: every repost, reply, quote, mention, follow and block between accounts, kept as
 * an {@link Edge} for influence scoring, whether or not Earshot keeps the post it was about.
 *
 * <p>Writes are idempotent on {@link InteractionKey}: adding an interaction again (a replay) changes nothing,
 * and removing a key that is not there changes nothing. A key {@code R#part} is a <em>part</em> of the record
 * {@code R}: removing {@code R} removes its parts too (a deleted Bluesky post {@code did/app.bsky.feed.post/rkey}
 * takes its reply, its quote {@code …#quote} and its mentions {@code …#mention:did} with it).
 *
 * <p>Edges <em>to</em> a deleted post stay: the reposts and replies it received happened, and their own
 * records still exist on the network until their authors delete them (which removes them here too).
 *
 * <p>The graph is bounded by time: {@link #removeBefore} drops edges older than a cutoff, and the
 * application calls it with {@code now - retention} ({@link #DEFAULT_RETENTION} unless configured).
 * Implementations run {@code InteractionGraphContract} from the testkit.
 */
public interface InteractionGraph {

    /** How long edges are kept unless the configuration says otherwise. */
    Duration DEFAULT_RETENTION = Duration.ofDays(90);

    /** The most edges one page may hold. */
    int MAX_PAGE = 10_000;

    /**
     * Adds the edges these interactions make ({@link Edge#of}: likes and self-interactions make none), all or
     * none; returns how many were new.
     */
    int add(Collection<Interaction> interactions);

    /** Removes the edges with these keys, and their parts; returns how many were removed. */
    int remove(Collection<InteractionKey> keys);

    /** Removes every edge from or to an account (the account was deleted, or asked to be forgotten). */
    long removeAccount(Network network, String accountId);

    /** Removes edges that happened before {@code cutoff} (retention); returns how many were removed. */
    long removeBefore(Instant cutoff);

    /**
     * Edges that happened at or after {@code since}, oldest first, at most {@code limit} (1 to
     * {@link #MAX_PAGE}); pass the previous page's {@link EdgePage#next()} as {@code cursor} to go on.
     *
     * @throws IllegalArgumentException for a cursor this graph did not produce
     */
    EdgePage edgesSince(Instant since, Optional<String> cursor, int limit);

    /** The newest edges from ({@link Direction#OUT}) or to ({@link Direction#IN}) an account, newest first. */
    List<Edge> edgesOf(Network network, String accountId, Direction direction, int limit);

    /** How many edges there are. */
    long count();

    /** How many edges of each kind there are; every kind but {@code LIKE} is present, zero or not. */
    Map<InteractionKind, Long> countsByKind();

    /** Calls {@code visitor} for every edge that happened at or after {@code since}, oldest first, page by page. */
    default void forEachSince(Instant since, Consumer<? super Edge> visitor) {
        Optional<String> cursor = Optional.empty();
        do {
            EdgePage page = edgesSince(since, cursor, MAX_PAGE);
            page.edges().forEach(visitor);
            cursor = page.next();
        } while (cursor.isPresent());
    }

    /** Which side of an edge an account is on. */
    enum Direction {
        /** Edges the account made: whom it reposted, replied to, quoted, mentioned, followed. */
        OUT,
        /** Edges made to the account: who reposted, replied to, quoted, mentioned, followed it. */
        IN
    }
}
