package io.earshot.inbox.reply;

import io.earshot.domain.PostKey;
import java.util.Objects;
import java.util.Optional;

/** A reply as the network stored it: its key (as ingestion would key it), URI and web address. */
public record Posted(PostKey key, String uri, Optional<String> url) {
    public Posted {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(url, "url");
    }
}
