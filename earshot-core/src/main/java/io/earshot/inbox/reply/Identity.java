package io.earshot.inbox.reply;

import java.util.Objects;

/** Who a set of credentials turned out to be, when checked on connect. */
public record Identity(String accountId, String handle) {
    public Identity {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(handle, "handle");
    }
}
