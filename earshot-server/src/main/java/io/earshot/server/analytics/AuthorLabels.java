package io.earshot.server.analytics;

import io.earshot.archive.MentionArchive;
import io.earshot.domain.Author;
import io.earshot.domain.Network;
import java.util.Map;
import java.util.Optional;

/**
 * Who an author key ({@code network:account-id}, as {@code top?by=authors} counts them) is, for people to read: the
 * handle, display name and follower count of the account's newest stored post. Bluesky ids ({@code did:plc:…}) mean
 * nothing to a person on a dashboard.
 */
final class AuthorLabels {

    /** Only the first rows of a long list are looked up: one archive lookup each. */
    static final int MAX_LOOKUPS = 100;

    private final MentionArchive archive;

    AuthorLabels(MentionArchive archive) {
        this.archive = archive;
    }

    /** The author as last seen, when the key is well formed and a post of theirs is stored. */
    Optional<Author> of(String key) {
        int colon = key.indexOf(':');
        if (colon <= 0 || colon == key.length() - 1) {
            return Optional.empty();
        }
        Network network;
        try {
            network = Network.fromId(key.substring(0, colon));
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // a key from an older build's network names: shown as it is
        }
        return archive.newestBy(network, key.substring(colon + 1))
                .map(mention -> mention.post().author());
    }

    /** Adds {@code handle}, {@code name} and {@code followers} (null when unknown) to a row of top authors. */
    void label(String key, Map<String, Object> item) {
        Optional<Author> author = of(key);
        item.put("handle", author.flatMap(Author::handle).orElse(null));
        item.put("name", author.flatMap(Author::displayName).orElse(null));
        item.put(
                "followers",
                author.filter(a -> a.followers().isPresent())
                        .map(a -> a.followers().getAsLong())
                        .orElse(null));
    }
}
