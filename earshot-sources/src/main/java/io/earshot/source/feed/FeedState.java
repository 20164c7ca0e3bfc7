package io.earshot.source.feed;

import io.earshot.domain.Post;
import io.earshot.source.SourceEvent;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the run loop knows about one feed: when it is due, how often it failed in a row, the validators to send,
 * and the entries of its last delivered version. Used by the run thread only.
 *
 * <p>Remembering the last version is what keeps a feed without validators (it answers 200 with the same 50
 * entries every time) from sending 50 posts downstream every 15 minutes: an entry seen unchanged is skipped, a
 * changed one goes out as {@link SourceEvent.PostEdited}, a new one as {@link SourceEvent.PostCreated}. The
 * memory is the last version only, so it is as large as the feed; after a restart it is empty and the feed's
 * entries go out once more as {@code PostCreated}, which idempotent writes absorb.
 */
final class FeedState {

    /** An entry as last delivered: a fingerprint of what a person sees, and the date it was given. */
    record Seen(long fingerprint, Instant createdAt) {}

    /** What a new version of the feed means downstream, and what to remember once it is delivered. */
    record Changes(List<SourceEvent> events, int unchanged, Map<String, Seen> memory) {}

    final FeedSubscription subscription;
    final URI url;
    final Duration interval;
    Validators validators;
    int failures;
    long dueNanos;
    private Map<String, Seen> seen = Map.of();

    FeedState(FeedSubscription subscription, Duration interval, Validators validators, long dueNanos) {
        this.subscription = subscription;
        this.url = subscription.url();
        this.interval = interval;
        this.validators = validators;
        this.dueNanos = dueNanos;
    }

    /** Compares a new version of the feed with the last delivered one. */
    Changes changes(List<EntryMapper.Entry> entries) {
        List<SourceEvent> events = new ArrayList<>();
        Map<String, Seen> memory = new HashMap<>();
        int unchanged = 0;
        for (EntryMapper.Entry entry : entries) {
            Post post = entry.post();
            String id = post.key().nativeId();
            long fingerprint = fingerprint(post);
            Seen before = seen.get(id);
            if (before == null) {
                events.add(new SourceEvent.PostCreated(post));
                memory.put(id, new Seen(fingerprint, post.createdAt()));
            } else if (before.fingerprint() != fingerprint) {
                // an undated entry keeps the date it was first seen with, not the time of this fetch
                Post edited = entry.dated() ? post : redate(post, before.createdAt());
                events.add(new SourceEvent.PostEdited(edited));
                memory.put(id, new Seen(fingerprint, edited.createdAt()));
            } else {
                unchanged++;
                memory.put(id, before);
            }
        }
        return new Changes(events, unchanged, memory);
    }

    /** Makes {@code changes} the last delivered version. */
    void remember(Changes changes) {
        seen = Map.copyOf(changes.memory());
    }

    private static Post redate(Post post, Instant createdAt) {
        return new Post(
                post.key(),
                post.uri(),
                post.url(),
                post.author(),
                post.text(),
                createdAt,
                post.langs(),
                post.replyParent(),
                post.replyRoot(),
                post.quoted(),
                post.hashtags(),
                post.mentions(),
                post.links(),
                post.title());
    }

    /** 64 bits of SHA-256 over what a person sees of the entry; its date is left out, as it may be the fetch time. */
    static long fingerprint(Post post) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : List.of(
                    post.title().orElse(""),
                    post.text(),
                    post.url().orElse(""),
                    String.join(" ", post.links()),
                    post.author().id(),
                    post.author().handle().orElse(""))) {
                sha.update(part.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return ByteBuffer.wrap(sha.digest()).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
