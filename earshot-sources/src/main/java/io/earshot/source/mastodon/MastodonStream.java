package io.earshot.source.mastodon;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Which streaming timeline a {@link MastodonStreamSource} follows. Each has a REST timeline that holds the
 * same statuses, which the source reads to fill the gaps the stream cannot replay.
 *
 * <table>
 *   <caption>Streams, their endpoints and the timelines that back-fill them</caption>
 *   <tr><th>stream</th><th>streaming endpoint</th><th>back-filled from</th></tr>
 *   <tr><td>{@code public}</td><td>{@code /api/v1/streaming/public}</td><td>{@code /api/v1/timelines/public}</td></tr>
 *   <tr><td>{@code public:local}</td><td>{@code /api/v1/streaming/public/local}</td>
 *       <td>{@code /api/v1/timelines/public?local=true}</td></tr>
 *   <tr><td>{@code hashtag} (with a tag)</td><td>{@code /api/v1/streaming/hashtag?tag=…}</td>
 *       <td>{@code /api/v1/timelines/tag/…}</td></tr>
 *   <tr><td>{@code user}</td><td>{@code /api/v1/streaming/user}</td><td>{@code /api/v1/timelines/home}</td></tr>
 * </table>
 */
public sealed interface MastodonStream {

    /** The stream's name as Mastodon writes it, e.g. {@code public:local} or {@code hashtag:earshot}. */
    String id();

    /** Every public status the instance knows, its own and federated ones. */
    record Public() implements MastodonStream {
        @Override
        public String id() {
            return "public";
        }
    }

    /** Public statuses of the instance's own accounts. */
    record PublicLocal() implements MastodonStream {
        @Override
        public String id() {
            return "public:local";
        }
    }

    /** Public statuses with one hashtag, given without {@code #}. */
    record Hashtag(String tag) implements MastodonStream {
        /** Mastodon's own limit on a hashtag's length. */
        static final int MAX_TAG_CHARS = 100;

        public Hashtag {
            Objects.requireNonNull(tag, "tag");
            tag = tag.strip();
            if (tag.startsWith("#")) {
                tag = tag.substring(1);
            }
            if (tag.isEmpty()
                    || tag.length() > MAX_TAG_CHARS
                    || !tag.codePoints().allMatch(Hashtag::allowed)) {
                throw new IllegalArgumentException("mastodon: a hashtag is 1 to " + MAX_TAG_CHARS
                        + " letters, digits or underscores, without '#', e.g. 'earshot'; got '" + tag + "'");
            }
        }

        @Override
        public String id() {
            return "hashtag:" + tag;
        }

        private static boolean allowed(int c) {
            // what Mastodon's hashtag pattern accepts: word characters, the middle dot and zero-width non-joiner
            return Character.isLetterOrDigit(c)
                    || Character.getType(c) == Character.NON_SPACING_MARK
                    || Character.getType(c) == Character.COMBINING_SPACING_MARK
                    || c == '_'
                    || c == '\u00b7'
                    || c == '\u200c';
        }
    }

    /** The home timeline and notifications of the token's account (needs a token with {@code read}). */
    record User() implements MastodonStream {
        @Override
        public String id() {
            return "user";
        }
    }

    /**
     * Reads a stream as a config file names it: {@code public}, {@code public:local}, {@code user}, or
     * {@code hashtag} with {@code tag} (or {@code hashtag:<tag>} in one word).
     *
     * @throws IllegalArgumentException for anything else, with the names that work
     */
    static MastodonStream parse(String name, Optional<String> tag) {
        String word = name.strip().toLowerCase(Locale.ROOT);
        if (word.startsWith("hashtag:")) {
            if (tag.isPresent()) {
                throw new IllegalArgumentException("mastodon: give the hashtag either as 'hashtag:<tag>' or as a tag,"
                        + " not both; got '" + name + "' and tag '" + tag.get() + "'");
            }
            return new Hashtag(name.strip().substring("hashtag:".length()));
        }
        MastodonStream stream = switch (word) {
            case "public" -> new Public();
            case "public:local", "public/local", "local" -> new PublicLocal();
            case "user", "home" -> new User();
            case "hashtag" ->
                new Hashtag(tag.orElseThrow(() ->
                        new IllegalArgumentException("mastodon: the hashtag stream needs a tag, e.g. tag: earshot")));
            default ->
                throw new IllegalArgumentException("mastodon: unknown stream '" + name
                        + "'; streams are public, public:local, hashtag (with a tag) and user");
        };
        if (tag.isPresent() && !(stream instanceof Hashtag)) {
            throw new IllegalArgumentException(
                    "mastodon: a tag only goes with the hashtag stream, not with '" + name + "'");
        }
        return stream;
    }
}
