package io.earshot.ingest;

import io.earshot.domain.PostKey;
import java.time.Instant;
import java.util.Collection;
import java.util.Set;

/**
 * Remembers deleted posts (their keys and when, never their content), so that a late, re-delivered or
 * replayed copy of a deleted post never brings it back.
 */
public interface TombstoneStore {

    /** Records that the post was deleted; idempotent. */
    void bury(Collection<PostKey> keys, Instant at);

    /** Which of {@code keys} were deleted. */
    Set<PostKey> buried(Collection<PostKey> keys);
}
