package io.earshot.domain;

import java.util.Objects;

/**
 * The identity of an interaction record on its network (e.g. a Bluesky like record
 * {@code did:plc:abc/app.bsky.feed.like/3kxyz}), so that a replay never counts it twice and an undo
 * (unlike, unfollow) finds what to take back.
 */
public record InteractionKey(Network network, String nativeId) {
    public InteractionKey {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(nativeId, "nativeId");
        if (nativeId.isBlank()) {
            throw new IllegalArgumentException("an interaction's native id cannot be blank");
        }
    }

    public String id() {
        return network.id() + ":" + nativeId;
    }
}
