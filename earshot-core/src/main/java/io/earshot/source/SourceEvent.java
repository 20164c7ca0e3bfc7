package io.earshot.source;

import io.earshot.domain.Interaction;
import io.earshot.domain.InteractionKey;
import io.earshot.domain.Network;
import io.earshot.domain.Post;
import io.earshot.domain.PostKey;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** What a source can tell us: a post was created, edited or deleted; an interaction happened or was undone; an account changed. */
public sealed interface SourceEvent {

    /** A new post. Replays of the same post are harmless: writes are idempotent on its key. */
    record PostCreated(Post post) implements SourceEvent {
        public PostCreated {
            Objects.requireNonNull(post, "post");
        }
    }

    /** A post's new version; it replaces what was stored and is matched again. */
    record PostEdited(Post post) implements SourceEvent {
        public PostEdited {
            Objects.requireNonNull(post, "post");
        }
    }

    /** The author deleted the post: it is removed from everything stored and never comes back. */
    record PostDeleted(PostKey key, Instant at) implements SourceEvent {
        public PostDeleted {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(at, "at");
        }
    }

    /** A like, repost, reply, quote, mention, follow or block. */
    record InteractionAdded(Interaction interaction) implements SourceEvent {
        public InteractionAdded {
            Objects.requireNonNull(interaction, "interaction");
        }
    }

    /** An interaction record was deleted (unlike, un-repost, unfollow). */
    record InteractionRemoved(InteractionKey key, Instant at) implements SourceEvent {
        public InteractionRemoved {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(at, "at");
        }
    }

    /**
     * An account's identity or status changed: a new handle, or the account was deactivated, suspended,
     * taken down or deleted ({@code active == false} with the network's status word).
     */
    record AccountChanged(
            Network network,
            String accountId,
            Optional<String> handle,
            boolean active,
            Optional<String> status,
            Instant at)
            implements SourceEvent {
        public AccountChanged {
            Objects.requireNonNull(network, "network");
            Objects.requireNonNull(accountId, "accountId");
            Objects.requireNonNull(handle, "handle");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(at, "at");
        }
    }
}
