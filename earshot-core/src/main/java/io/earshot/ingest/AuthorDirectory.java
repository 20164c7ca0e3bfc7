package io.earshot.ingest;

import io.earshot.domain.Network;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** What Earshot has learned about accounts that wire formats do not repeat with each post (handles). */
public interface AuthorDirectory {

    void rememberHandle(Network network, String accountId, String handle);

    Optional<String> handle(Network network, String accountId);

    /**
     * The handles known for these accounts of one network, by account id; accounts without one are absent.
     * One call for a whole batch of posts, instead of one per post.
     */
    Map<String, String> handles(Network network, Collection<String> accountIds);
}
