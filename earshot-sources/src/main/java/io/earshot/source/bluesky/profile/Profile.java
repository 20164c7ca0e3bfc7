package io.earshot.source.bluesky.profile;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code app.bsky.actor.getProfile} says about an account, as of {@code fetchedAt}.
 *
 * @param did the account's DID, e.g. {@code did:plc:z72i7hdynmk6r22z27h6tvur}
 * @param handle the account's handle, e.g. {@code bsky.app}
 * @param displayName the name the account shows, when it set one
 * @param followers accounts following it
 * @param follows accounts it follows
 * @param posts posts it has made
 * @param fetchedAt when the profile was fetched
 */
public record Profile(
        String did,
        String handle,
        Optional<String> displayName,
        long followers,
        long follows,
        long posts,
        Instant fetchedAt) {

    public Profile {
        Objects.requireNonNull(did, "did");
        Objects.requireNonNull(handle, "handle");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(fetchedAt, "fetchedAt");
        if (followers < 0 || follows < 0 || posts < 0) {
            throw new IllegalArgumentException("bluesky profile " + did + ": counts cannot be negative, got followers="
                    + followers + " follows=" + follows + " posts=" + posts);
        }
    }
}
