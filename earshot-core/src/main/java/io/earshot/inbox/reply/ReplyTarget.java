package io.earshot.inbox.reply;

import io.earshot.domain.PostKey;
import java.util.Objects;
import java.util.Optional;

/**
 * The post a reply answers.
 *
 * @param uri the network's URI of the post (an AT-URI; a Mastodon status URI)
 * @param url its web address, when known
 * @param authorHandle its author's handle (Mastodon replies mention the author so they are notified)
 */
public record ReplyTarget(PostKey post, String uri, Optional<String> url, Optional<String> authorHandle) {
    public ReplyTarget {
        Objects.requireNonNull(post, "post");
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(authorHandle, "authorHandle");
    }
}
