package io.earshot.server.source;

import io.earshot.domain.Author;
import io.earshot.domain.Network;
import io.earshot.ingest.AuthorProfiles;
import io.earshot.source.bluesky.profile.BlueskyProfiles;
import io.earshot.source.bluesky.profile.Profile;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Bluesky authors completed from {@code app.bsky.actor.getProfile}: the ingest thread only ever reads the
 * cache; profiles not yet known are queued (bounded; duplicates and overflow dropped) and fetched by one
 * background thread at the configured rate, so they show on the author's later posts.
 */
public final class ProfileLookups implements AuthorProfiles, AutoCloseable {

    private static final int QUEUE = 10_000;

    private final BlueskyProfiles profiles;
    private final long pauseMillis;
    private final BlockingQueue<String> wanted = new ArrayBlockingQueue<>(QUEUE);
    private final Set<String> queued = ConcurrentHashMap.newKeySet();
    private final Thread fetcher;
    private volatile boolean running = true;

    public ProfileLookups(BlueskyProfiles profiles, double requestsPerSecond) {
        this.profiles = profiles;
        this.pauseMillis = (long) Math.ceil(1000 / Math.max(0.1, requestsPerSecond));
        this.fetcher =
                Thread.ofPlatform().daemon().name("earshot-bluesky-profiles").start(this::fetch);
    }

    @Override
    public Author complete(Author author) {
        if (author.network() != Network.BLUESKY) {
            return author;
        }
        Optional<Profile> known = profiles.cached(author.id());
        if (known.isEmpty()) {
            if (queued.add(author.id()) && !wanted.offer(author.id())) {
                queued.remove(author.id());
            }
            return author;
        }
        Profile profile = known.get();
        return new Author(
                author.network(),
                author.id(),
                author.handle().or(() -> Optional.of(profile.handle())),
                profile.displayName().or(author::displayName),
                OptionalLong.of(profile.followers()));
    }

    private void fetch() {
        while (running) {
            try {
                String did = wanted.poll(1, TimeUnit.SECONDS);
                if (did == null) {
                    continue;
                }
                profiles.profile(did);
                queued.remove(did);
                Thread.sleep(pauseMillis);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // BlueskyProfiles counts and logs its own failures; a lookup never stops the fetcher
            }
        }
    }

    @Override
    public void close() {
        running = false;
        fetcher.interrupt();
        profiles.close();
    }
}
