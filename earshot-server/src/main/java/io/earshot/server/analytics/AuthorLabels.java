package io.earshot.server.analytics;

import io.earshot.analytics.MentionAnalytics;
import io.earshot.archive.MentionArchive;
import io.earshot.domain.Author;
import io.earshot.domain.Network;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Who an author key ({@code network:account-id}, as {@code top?by=authors} counts them) is, for people to read: the
 * handle, display name and follower count of the account's newest stored post. Bluesky ids ({@code did:plc:…}) mean
 * nothing to a person on a dashboard.
 */
final class AuthorLabels {

    /** Only the first rows of a long list are looked up: one archive lookup each (the rest show the bare key). */
    static final int MAX_LOOKUPS = 100;

    private final MentionArchive archive;

    AuthorLabels(MentionArchive archive) {
        this.archive = archive;
    }

    /** Each value's author as last seen, in order: empty past {@link #MAX_LOOKUPS}, for a malformed key or none stored. */
    List<Optional<Author>> of(List<MentionAnalytics.RankedValue> values) {
        List<Optional<Author>> authors = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            authors.add(i < MAX_LOOKUPS ? of(values.get(i).value()) : Optional.empty());
        }
        return authors;
    }

    private Optional<Author> of(String key) {
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
}
