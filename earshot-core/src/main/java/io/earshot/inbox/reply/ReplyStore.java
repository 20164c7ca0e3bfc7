package io.earshot.inbox.reply;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Connected accounts (credentials sealed by {@link CredentialCipher}) and replies. Implementations run
 * {@code ReplyStoreContract} from the testkit.
 */
public interface ReplyStore {

    /** Stores a new account with its sealed credentials; returns it with its id. */
    ConnectedAccount addAccount(ConnectedAccount draft, String sealedCredentials);

    List<ConnectedAccount> accounts();

    Optional<ConnectedAccount> account(long id);

    /** The sealed credentials of an account (never leaves the server). */
    Optional<String> sealedCredentials(long accountId);

    boolean removeAccount(long id);

    /**
     * Records a new reply, or returns the one already recorded for this case and request key (a retried request):
     * the unique pair (case, request key) is what makes a request idempotent.
     */
    Recorded record(Reply draft);

    /** A reply as recorded; {@code created} is false when the request had been recorded before. */
    record Recorded(Reply reply, boolean created) {}

    /** Stores a reply's new state. */
    void update(Reply reply);

    Optional<Reply> reply(long id);

    /** A case's replies, oldest first. */
    List<Reply> replies(long caseId);

    /** Replies sent in {@code [from, to)}, oldest first. */
    List<Reply> sentBetween(Instant from, Instant to);
}
