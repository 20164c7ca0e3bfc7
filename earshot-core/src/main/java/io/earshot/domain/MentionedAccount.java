package io.earshot.domain;

import java.util.Objects;

/**
 * An account mentioned in a post's text: {@code handle} as written (without the {@code @}), and the
 * network's account id when the wire format resolves it (Bluesky facets carry the DID), else the handle.
 */
public record MentionedAccount(String id, String handle) {
    public MentionedAccount {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(handle, "handle");
    }
}
