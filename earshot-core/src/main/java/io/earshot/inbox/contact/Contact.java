package io.earshot.inbox.contact;

import io.earshot.domain.Network;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A person as the team knows them, across networks.
 *
 * @param name what the team calls them (a display name until someone renames them)
 * @param statusSince when the status last changed
 * @param wonBackAt the last time they turned positive after being answered as a detractor
 */
public record Contact(
        long id,
        String name,
        boolean vip,
        ContactStatus status,
        Instant statusSince,
        List<Account> accounts,
        Instant firstSeen,
        Instant lastSeen,
        Optional<Instant> wonBackAt) {

    public Contact {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(statusSince, "statusSince");
        accounts = List.copyOf(accounts);
        Objects.requireNonNull(firstSeen, "firstSeen");
        Objects.requireNonNull(lastSeen, "lastSeen");
        Objects.requireNonNull(wonBackAt, "wonBackAt");
    }

    /** One of a person's accounts, with what is known of it. */
    public record Account(
            Network network,
            String accountId,
            Optional<String> handle,
            Optional<String> displayName,
            OptionalLong followers) {
        public Account {
            Objects.requireNonNull(network, "network");
            Objects.requireNonNull(accountId, "accountId");
            Objects.requireNonNull(handle, "handle");
            Objects.requireNonNull(displayName, "displayName");
            Objects.requireNonNull(followers, "followers");
        }

        /** {@code network:accountId}, as cases name their authors. */
        public String key() {
            return network.id() + ":" + accountId;
        }
    }

    /** The largest audience among their accounts. */
    public OptionalLong followers() {
        return accounts.stream()
                .filter(account -> account.followers().isPresent())
                .mapToLong(account -> account.followers().getAsLong())
                .max();
    }
}
