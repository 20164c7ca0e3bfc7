package io.earshot.inbox.reply;

import io.earshot.domain.PostKey;
import io.earshot.inbox.CaseStatus;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A reply to a case, from request to network: recorded (with the key every attempt will send) before anything
 * is sent, so that no request, retry or restart ever posts twice.
 *
 * @param requestKey the client's {@code Idempotency-Key}, or one made for the request
 * @param networkKey what the network dedupes on: Mastodon's {@code Idempotency-Key}, Bluesky's record key
 * @param then the case's status once the reply is sent
 */
public record Reply(
        long id,
        long caseId,
        long accountId,
        String text,
        PostKey inReplyTo,
        String requestKey,
        String networkKey,
        State state,
        String requestedBy,
        Optional<String> reviewedBy,
        Optional<String> uri,
        Optional<String> url,
        Optional<String> error,
        int attempts,
        CaseStatus then,
        Instant requestedAt,
        Optional<Instant> sentAt) {

    public Reply {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(inReplyTo, "inReplyTo");
        Objects.requireNonNull(requestKey, "requestKey");
        Objects.requireNonNull(networkKey, "networkKey");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(requestedBy, "requestedBy");
        Objects.requireNonNull(reviewedBy, "reviewedBy");
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(then, "then");
        Objects.requireNonNull(requestedAt, "requestedAt");
        Objects.requireNonNull(sentAt, "sentAt");
    }

    /** Where a reply is. */
    public enum State {
        AWAITING_APPROVAL,
        SENDING,
        SENT,
        FAILED,
        REJECTED;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static State fromId(String id) {
            return valueOf(id.toUpperCase(Locale.ROOT));
        }
    }

    public Reply sending(Optional<String> reviewer) {
        return new Reply(
                id,
                caseId,
                accountId,
                text,
                inReplyTo,
                requestKey,
                networkKey,
                State.SENDING,
                requestedBy,
                reviewer.or(() -> reviewedBy),
                uri,
                url,
                Optional.empty(),
                attempts + 1,
                then,
                requestedAt,
                sentAt);
    }

    public Reply sent(Posted posted, Instant at) {
        return new Reply(
                id,
                caseId,
                accountId,
                text,
                inReplyTo,
                requestKey,
                networkKey,
                State.SENT,
                requestedBy,
                reviewedBy,
                Optional.of(posted.uri()),
                posted.url(),
                Optional.empty(),
                attempts,
                then,
                requestedAt,
                Optional.of(at));
    }

    public Reply failed(String why) {
        return new Reply(
                id,
                caseId,
                accountId,
                text,
                inReplyTo,
                requestKey,
                networkKey,
                State.FAILED,
                requestedBy,
                reviewedBy,
                uri,
                url,
                Optional.of(why),
                attempts,
                then,
                requestedAt,
                sentAt);
    }

    public Reply rejected(String reviewer, Optional<String> why) {
        return new Reply(
                id,
                caseId,
                accountId,
                text,
                inReplyTo,
                requestKey,
                networkKey,
                State.REJECTED,
                requestedBy,
                Optional.of(reviewer),
                uri,
                url,
                why,
                attempts,
                then,
                requestedAt,
                sentAt);
    }
}
