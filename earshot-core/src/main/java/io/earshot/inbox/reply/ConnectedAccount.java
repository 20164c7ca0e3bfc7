package io.earshot.inbox.reply;

import io.earshot.domain.Network;
import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/**
 * An account the team replies from, as shown to people (never with its credentials).
 *
 * @param accountId the network's id of the account (a DID; an {@code acct} such as {@code acme@mastodon.social}),
 *     as ingested posts name their authors, so the team's own posts are recognised in threads
 * @param handle what to show
 * @param server the Mastodon instance or Bluesky PDS
 */
public record ConnectedAccount(
        long id,
        Network network,
        String accountId,
        String handle,
        URI server,
        String connectedBy,
        Instant connectedAt) {

    public ConnectedAccount {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(handle, "handle");
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(connectedBy, "connectedBy");
        Objects.requireNonNull(connectedAt, "connectedAt");
    }

    /** {@code network:accountId}: how ingested posts name this account as their author. */
    public String authorKey() {
        return network.id() + ":" + accountId;
    }
}
