package io.earshot.source.feed;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndPerson;
import io.earshot.domain.Author;
import io.earshot.domain.Network;
import io.earshot.domain.Post;
import io.earshot.domain.PostKey;
import io.earshot.lucene.Links;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * One feed entry to one {@link Post}: identity from {@link FeedIds}, the link (Google Alerts redirects
 * unwrapped), the title and the text as plain text, the date, the author, the feed's language.
 */
final class EntryMapper {

    /** An entry stamped further ahead than this is taken to have a wrong clock, and dated when it was fetched. */
    static final Duration MAX_FUTURE = Duration.ofDays(1);

    /** A title is a line, not an article. */
    static final int MAX_TITLE_CHARS = 1_000;

    /** What the whole feed tells every entry: where it is from, who publishes it, in which language. */
    record FeedContext(URI url, String key, Author publisher, List<String> langs) {}

    /** A post, and whether its date came from the feed (else it is the time it was fetched). */
    record Entry(Post post, boolean dated) {}

    private EntryMapper() {}

    /**
     * What identifies the entry in its feed, before any repeats are looked at: its GUID, else its link, else its
     * title and date, else its text; empty when it has none of these.
     */
    static Optional<String> identity(SyndEntry entry, Instant fetchedAt) {
        Optional<String> title = title(entry);
        Optional<Instant> date = date(entry, fetchedAt);
        return nonBlank(entry.getUri())
                .or(() -> rawLink(entry))
                .or(() -> title.map(t -> t + date.map(d -> "\n" + d).orElse("")))
                .or(() -> nonBlank(body(entry).text()));
    }

    /**
     * The entry as a post; empty when nothing identifies it. {@code shared} holds the identities that several
     * entries of this document have: feeds exist that give every item the channel's address as its GUID, and
     * collapsing those items into one would lose all but one of them, so such an entry is told apart by its
     * title and date as well.
     */
    static Optional<Entry> map(FeedContext feed, SyndEntry entry, Instant fetchedAt, Set<String> shared) {
        Optional<String> rawLink = rawLink(entry);
        Optional<String> url = rawLink.map(link -> resolve(feed.url(), link))
                .map(FeedIds::unwrapRedirect)
                .filter(FeedText::isWebLink);
        Optional<String> title = title(entry);
        FeedText.Extracted body = body(entry);
        Optional<Instant> date = date(entry, fetchedAt);

        Optional<String> identity = identity(entry, fetchedAt);
        if (identity.isEmpty()) {
            return Optional.empty();
        }
        if (shared.contains(identity.get())) {
            identity = Optional.of(identity.get() + "\n" + title.orElse("") + "\n"
                    + date.map(Instant::toString).orElse(""));
        }
        PostKey key = new PostKey(Network.FEED, FeedIds.nativeId(feed.key(), identity.get()));
        Post.Builder post = Post.builder(key, author(feed, entry), date.orElse(fetchedAt))
                .text(body.text())
                .langs(feed.langs());
        url.ifPresent(post::url);
        url.or(() -> nonBlank(entry.getUri())).ifPresent(post::uri);
        title.ifPresent(post::title);
        Set<String> links = new LinkedHashSet<>();
        url.ifPresent(links::add);
        body.links().stream().map(FeedIds::unwrapRedirect).forEach(links::add);
        links.stream().limit(FeedText.MAX_LINKS).forEach(post::link);
        return Optional.of(new Entry(post.build(), date.isPresent()));
    }

    /** The feed's language as a BCP-47 tag ({@code en-us} and {@code en_US} become {@code en-US}). */
    static List<String> langs(String language) {
        Optional<String> tag = nonBlank(language)
                .map(value ->
                        Locale.forLanguageTag(value.strip().replace('_', '-')).toLanguageTag())
                .filter(value -> !value.equals("und"));
        return tag.map(List::of).orElse(List.of());
    }

    /** The text of a title that may be HTML (RSS titles often are; Google Alerts bolds the words it matched). */
    static Optional<String> plainTitle(String value, Optional<String> type) {
        String text = type.map(t -> t.toLowerCase(Locale.ROOT))
                        .filter(t -> t.equals("text") || t.equals("text/plain"))
                        .isPresent()
                ? FeedText.fromPlain(value)
                : FeedText.fromHtml(value).text();
        text = text.replace('\n', ' ');
        return nonBlank(text.length() > MAX_TITLE_CHARS ? text.substring(0, MAX_TITLE_CHARS) : text);
    }

    private static Optional<String> title(SyndEntry entry) {
        SyndContent title = entry.getTitleEx();
        if (title != null && title.getValue() != null) {
            return plainTitle(title.getValue(), Optional.ofNullable(title.getType()));
        }
        return nonBlank(entry.getTitle()).flatMap(value -> plainTitle(value, Optional.empty()));
    }

    /** The full content when the feed has it ({@code content:encoded}, Atom content), else the description. */
    private static FeedText.Extracted body(SyndEntry entry) {
        List<SyndContent> candidates = new ArrayList<>(entry.getContents());
        if (entry.getDescription() != null) {
            candidates.add(entry.getDescription());
        }
        for (SyndContent content : candidates) {
            if (content == null
                    || content.getValue() == null
                    || content.getValue().isBlank()) {
                continue;
            }
            String type = content.getType() == null ? "" : content.getType().toLowerCase(Locale.ROOT);
            if (type.equals("text") || type.equals("text/plain")) {
                return new FeedText.Extracted(FeedText.fromPlain(content.getValue()), List.of());
            }
            return FeedText.fromHtml(content.getValue());
        }
        return new FeedText.Extracted("", List.of());
    }

    private static Optional<Instant> date(SyndEntry entry, Instant fetchedAt) {
        Date date = entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate();
        if (date == null) {
            return Optional.empty();
        }
        Instant instant = date.toInstant();
        return instant.isAfter(fetchedAt.plus(MAX_FUTURE)) ? Optional.empty() : Optional.of(instant);
    }

    /**
     * The entry's own author when the feed names one, else the feed. A named author is known by their web
     * address when the feed gives one (Atom {@code author/uri}), else by their name within this feed.
     */
    private static Author author(FeedContext feed, SyndEntry entry) {
        Optional<String> name = Optional.empty();
        Optional<String> uri = Optional.empty();
        for (SyndPerson person : entry.getAuthors()) {
            name = nonBlank(person.getName()).or(() -> nonBlank(person.getEmail()));
            uri = nonBlank(person.getUri()).filter(FeedText::isWebLink).flatMap(Links::canonical);
            if (name.isPresent()) {
                break;
            }
        }
        if (name.isEmpty()) {
            name = nonBlank(entry.getAuthor());
        }
        if (name.isEmpty()) {
            return feed.publisher();
        }
        String handle = Printable.clip(name.get().strip(), 200);
        String id = uri.orElse(feed.key() + "#" + handle);
        return new Author(Network.FEED, id, Optional.of(handle), Optional.of(handle), OptionalLong.empty());
    }

    private static Optional<String> rawLink(SyndEntry entry) {
        return nonBlank(entry.getLink()).or(() -> alternateLink(entry));
    }

    private static Optional<String> alternateLink(SyndEntry entry) {
        for (SyndLink link : entry.getLinks()) {
            if ((link.getRel() == null || link.getRel().equals("alternate"))
                    && nonBlank(link.getHref()).isPresent()) {
                return Optional.of(link.getHref().strip());
            }
        }
        return Optional.empty();
    }

    /** A relative link resolved against the feed's address; an address that does not parse stays as it is. */
    private static String resolve(URI feedUrl, String link) {
        try {
            return feedUrl.resolve(link.strip()).toString();
        } catch (IllegalArgumentException e) {
            return link.strip();
        }
    }

    static Optional<String> nonBlank(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }
}
