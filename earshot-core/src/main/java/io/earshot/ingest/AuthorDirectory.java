package io.earshot.ingest;

import io.earshot.domain.Network;
import java.util.Optional;

/** What Earshot has learned about accounts that wire formats do not repeat with each post (handles). */
public interface AuthorDirectory {

    void rememberHandle(Network network, String accountId, String handle);

    Optional<String> handle(Network network, String accountId);
}
