package io.earshot.source.feed;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import io.earshot.domain.Author;
import io.earshot.domain.Network;
import io.earshot.domain.PostKey;
import io.earshot.source.Mapping;
import io.earshot.source.SourceEvent;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Turns one fetched RSS or Atom document into {@link SourceEvent.PostCreated} events, one per entry. A pure
 * function: no I/O, no state, safe from many threads, and it never throws on bad input: a document that is not
 * a feed we can read (an HTML page, broken XML, an XML bomb, JSON) becomes {@link Mapping.Rejected} with the
 * reason a person reads, e.g. {@code not a feed: got an HTML page}.
 *
 * <p>It takes bytes, not a {@code String} as an {@link io.earshot.source.EventMapper} does, because a feed's
 * encoding is in its bytes (a byte-order mark, the XML declaration) and in the HTTP {@code Content-Type}.
 *
 * <p>An entry that repeats within one document (same GUID, title and date) gives one event. Entries that share
 * a GUID or link but differ in title or date are different items of a feed that reuses its GUIDs, and each
 * gives its own event. Entries with nothing to identify them (no GUID, link, title or text) give none.
 */
public final class FeedMapper {

    /** A parsed document: the feed's title, how many entries it had, and the posts made of them. */
    record Parsed(
            Optional<String> title, int entries, List<EntryMapper.Entry> posts, int duplicates, int unidentified) {
        Parsed {
            Objects.requireNonNull(title, "title");
            posts = List.copyOf(posts);
        }
    }

    /**
     * The entries of {@code body} as events; {@code feedUrl} is where it came from (it goes into every entry's
     * key), {@code contentType} the HTTP {@code Content-Type} when there was one, {@code fetchedAt} the date of
     * entries that carry none.
     */
    public Mapping map(URI feedUrl, byte[] body, Optional<String> contentType, Instant fetchedAt) {
        Objects.requireNonNull(feedUrl, "feedUrl");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(fetchedAt, "fetchedAt");
        try {
            Parsed parsed = parse(feedUrl, body, contentType, fetchedAt);
            List<SourceEvent> events = new ArrayList<>(parsed.posts().size());
            parsed.posts().forEach(entry -> events.add(new SourceEvent.PostCreated(entry.post())));
            return new Mapping.Events(events, Optional.empty());
        } catch (UnreadableFeedException e) {
            return new Mapping.Rejected(e.getMessage());
        }
    }

    /** Like {@link #map}, keeping what the source and the checker also want to know; throws when unreadable. */
    Parsed parse(URI feedUrl, byte[] body, Optional<String> contentType, Instant fetchedAt) {
        SyndFeed feed;
        try {
            feed = FeedDocument.read(body, contentType);
        } catch (UnreadableFeedException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            // a parser bug on odd input must cost this document, never the source that reads it
            throw new UnreadableFeedException("cannot read the feed: " + e);
        }
        String key = FeedIds.feedKey(feedUrl);
        Optional<String> title =
                EntryMapper.nonBlank(feed.getTitle()).flatMap(value -> EntryMapper.plainTitle(value, Optional.empty()));
        Author publisher = new Author(Network.FEED, key, title, title, OptionalLong.empty());
        EntryMapper.FeedContext context =
                new EntryMapper.FeedContext(feedUrl, key, publisher, EntryMapper.langs(feed.getLanguage()));
        List<SyndEntry> entries = feed.getEntries();
        List<EntryMapper.Entry> posts = new ArrayList<>(entries.size());
        Set<PostKey> seen = new HashSet<>();
        int duplicates = 0;
        int unidentified = 0;
        Set<String> shared;
        try {
            shared = sharedIdentities(entries, fetchedAt);
        } catch (RuntimeException | StackOverflowError e) {
            throw new UnreadableFeedException("cannot read an entry of the feed: " + e);
        }
        for (SyndEntry entry : entries) {
            Optional<EntryMapper.Entry> mapped;
            try {
                mapped = EntryMapper.map(context, entry, fetchedAt, shared);
            } catch (RuntimeException | StackOverflowError e) {
                throw new UnreadableFeedException("cannot read an entry of the feed: " + e);
            }
            if (mapped.isEmpty()) {
                unidentified++;
            } else if (!seen.add(mapped.get().post().key())) {
                duplicates++;
            } else {
                posts.add(mapped.get());
            }
        }
        return new Parsed(title, entries.size(), posts, duplicates, unidentified);
    }

    /** Identities that more than one entry has: a GUID or link the feed reuses for different items. */
    private static Set<String> sharedIdentities(List<SyndEntry> entries, Instant fetchedAt) {
        Set<String> once = new HashSet<>();
        Set<String> shared = new HashSet<>();
        for (SyndEntry entry : entries) {
            EntryMapper.identity(entry, fetchedAt)
                    .filter(identity -> !once.add(identity))
                    .ifPresent(shared::add);
        }
        return shared;
    }
}
