package io.earshot.inbox;

import io.earshot.domain.PostKey;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A post of a case's thread as the inbox keeps it (so the thread shows without the archive, and a reply knows
 * where to go).
 *
 * @param author {@code network:id} of who wrote it
 * @param handle the author's handle when known
 * @param uri the network's URI (an AT-URI, a Mastodon status URI)
 * @param url a web link, when the network has one
 * @param sentiment -1, 0 or +1 when known
 * @param outbound written by one of the team's connected accounts
 */
public record CaseMessage(
        long caseId,
        PostKey post,
        String author,
        Optional<String> handle,
        String uri,
        Optional<String> url,
        String text,
        Instant at,
        Optional<Integer> sentiment,
        boolean outbound) {

    public CaseMessage {
        Objects.requireNonNull(post, "post");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(handle, "handle");
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(sentiment, "sentiment");
    }
}
