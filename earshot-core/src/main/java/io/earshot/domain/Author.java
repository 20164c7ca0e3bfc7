package io.earshot.domain;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The account that wrote a post. {@code id} is the network's stable account id (a DID on Bluesky, an
 * {@code acct} URI on Mastodon, a feed URL for feeds); the handle, display name and audience are
 * optional because most wire formats do not carry them with each post.
 */
public record Author(
        Network network, String id, Optional<String> handle, Optional<String> displayName, OptionalLong followers) {

    public Author {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(handle, "handle");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(followers, "followers");
        if (id.isBlank()) {
            throw new IllegalArgumentException("an author needs a non-blank id");
        }
    }

    /** An author known only by id. */
    public static Author of(Network network, String id) {
        return new Author(network, id, Optional.empty(), Optional.empty(), OptionalLong.empty());
    }

    /** An author known by id and handle. */
    public static Author of(Network network, String id, String handle) {
        return new Author(network, id, Optional.of(handle), Optional.empty(), OptionalLong.empty());
    }

    /** The handle when known, else the id: what to show a person. */
    public String displayHandle() {
        return handle.orElse(id);
    }
}
