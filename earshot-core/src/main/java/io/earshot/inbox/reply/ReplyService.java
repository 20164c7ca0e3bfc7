package io.earshot.inbox.reply;

import io.earshot.domain.PostKey;
import io.earshot.inbox.Case;
import io.earshot.inbox.CaseEvent;
import io.earshot.inbox.CaseMessage;
import io.earshot.inbox.CaseService;
import io.earshot.inbox.CaseStatus;
import io.earshot.inbox.Team;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Replies from the inbox to the networks. Each request is recorded, with the key every attempt will send, before
 * anything goes out; a request repeated with the same key returns what the first did. Teams may require a second
 * person's approval: then the reply waits until someone else approves it.
 */
public final class ReplyService {

    /** What someone asked for. */
    public record Request(
            long caseId,
            long accountId,
            String text,
            Optional<PostKey> inReplyTo,
            Optional<String> requestKey,
            CaseStatus then,
            String actor) {
        public Request {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(inReplyTo, "inReplyTo");
            Objects.requireNonNull(requestKey, "requestKey");
            Objects.requireNonNull(then, "then");
            Objects.requireNonNull(actor, "actor");
            if (text.isBlank()) {
                throw new IllegalArgumentException("a reply needs some \"text\" (or a \"canned\" reply's id)");
            }
        }
    }

    /** What a request did: the reply, and whether this was a repeat of an earlier request (nothing was sent). */
    public record Requested(Reply reply, boolean repeated) {}

    /** The reply cannot move that way (approve your own, approve a sent one …): 409. */
    public static final class ReplyStateException extends RuntimeException {
        public ReplyStateException(String message) {
            super(message);
        }
    }

    private final ReplyStore store;
    private final AccountService accounts;
    private final CaseService cases;
    private final Function<String, Optional<Team>> teams;
    private final Clock clock;

    public ReplyService(
            ReplyStore store,
            AccountService accounts,
            CaseService cases,
            Function<String, Optional<Team>> teams,
            Clock clock) {
        this.store = store;
        this.accounts = accounts;
        this.cases = cases;
        this.teams = teams;
        this.clock = clock;
    }

    /**
     * Records and (unless the case's team requires approval) sends a reply. A request key seen before for this case
     * returns that reply as it stands, sending nothing again.
     */
    public Requested request(Request request) {
        Case c = cases.get(request.caseId());
        ConnectedAccount account = accounts.get(request.accountId())
                .orElseThrow(() -> new IllegalArgumentException(
                        "no connected account " + request.accountId() + "; GET /api/v1/accounts lists them"));
        if (account.network() != c.network()) {
            throw new IllegalArgumentException(
                    "case " + c.id() + " is a " + c.network().id() + " conversation; reply from a "
                            + c.network().id() + " account, not " + account.handle());
        }
        CaseMessage target = target(c, request.inReplyTo());
        boolean approval = c.team().flatMap(teams).map(Team::approvalRequired).orElse(false);
        Instant now = clock.instant();
        Reply draft = new Reply(
                0,
                c.id(),
                account.id(),
                request.text().strip(),
                target.post(),
                request.requestKey().orElseGet(() -> UUID.randomUUID().toString()),
                networkKey(account, now),
                approval ? Reply.State.AWAITING_APPROVAL : Reply.State.SENDING,
                request.actor(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                0,
                request.then(),
                now,
                Optional.empty());
        ReplyStore.Recorded recorded = store.record(draft);
        if (!recorded.created()) {
            return new Requested(recorded.reply(), true); // the same request again: what it did, as it stands
        }
        if (approval) {
            cases.log(
                    c.id(),
                    request.actor(),
                    CaseEvent.Type.REPLY_REQUESTED,
                    Optional.of("awaiting approval"),
                    Optional.of(recorded.reply().text()));
            return new Requested(recorded.reply(), false);
        }
        return new Requested(send(recorded.reply(), Optional.empty()), false);
    }

    /**
     * Approves a waiting reply and sends it.
     *
     * @throws ReplyStateException when it does not wait, or the approver wrote it
     */
    public Reply approve(long replyId, String actor) {
        Reply reply = find(replyId);
        if (reply.state() != Reply.State.AWAITING_APPROVAL) {
            throw new ReplyStateException(
                    "reply " + replyId + " is " + reply.state().id() + ", not awaiting approval");
        }
        if (reply.requestedBy().equals(actor)) {
            throw new ReplyStateException("a reply needs someone other than its author (" + actor + ") to approve it");
        }
        cases.log(reply.caseId(), actor, CaseEvent.Type.REPLY_APPROVED, Optional.empty(), Optional.of(reply.text()));
        return send(reply, Optional.of(actor));
    }

    /** Rejects a waiting reply; nothing is sent. */
    public Reply reject(long replyId, String actor, Optional<String> why) {
        Reply reply = find(replyId);
        if (reply.state() != Reply.State.AWAITING_APPROVAL) {
            throw new ReplyStateException(
                    "reply " + replyId + " is " + reply.state().id() + ", not awaiting approval");
        }
        Reply rejected = reply.rejected(actor, why);
        store.update(rejected);
        cases.log(reply.caseId(), actor, CaseEvent.Type.REPLY_REJECTED, Optional.empty(), why);
        return rejected;
    }

    /**
     * Sends a failed reply again, with the same network key (a post that did reach the network is not made twice).
     */
    public Reply retry(long replyId, String actor) {
        Reply reply = find(replyId);
        if (reply.state() != Reply.State.FAILED && reply.state() != Reply.State.SENDING) {
            throw new ReplyStateException("reply " + replyId + " is "
                    + reply.state().id() + "; only failed replies" + " (or ones a restart interrupted) are sent again");
        }
        return send(reply, Optional.empty());
    }

    public Optional<Reply> get(long replyId) {
        return store.reply(replyId);
    }

    public List<Reply> ofCase(long caseId) {
        return store.replies(cases.get(caseId).id());
    }

    private Reply send(Reply reply, Optional<String> reviewer) {
        Reply sending = reply.sending(reviewer);
        store.update(sending);
        ConnectedAccount account = accounts.get(reply.accountId())
                .orElseThrow(() -> new IllegalArgumentException(
                        "connected account " + reply.accountId() + " was removed; reply from another"));
        CaseMessage target = target(cases.get(reply.caseId()), Optional.of(reply.inReplyTo()));
        // the author as the network names them: a DID, or an absolute acct (alice@example.org) Mastodon can mention
        String authorId = target.author().substring(target.author().indexOf(':') + 1);
        ReplyTarget where = new ReplyTarget(target.post(), target.uri(), target.url(), Optional.of(authorId));
        try {
            Posted posted = accounts.network(account.network())
                    .reply(accounts.open(account), where, reply.text(), reply.networkKey());
            Reply sent = sending.sent(posted, clock.instant());
            store.update(sent);
            cases.replied(
                    reply.caseId(),
                    reply.requestedBy(),
                    posted.key(),
                    posted.uri(),
                    posted.url(),
                    reply.text(),
                    account.authorKey(),
                    reply.then());
            return sent;
        } catch (NetworkRefusedException | NetworkUnavailableException e) {
            Reply failed = sending.failed(e.getMessage());
            store.update(failed);
            cases.log(
                    reply.caseId(),
                    reply.requestedBy(),
                    CaseEvent.Type.REPLY_FAILED,
                    Optional.empty(),
                    Optional.of(e.getMessage()));
            return failed;
        }
    }

    private CaseMessage target(Case c, Optional<PostKey> inReplyTo) {
        List<CaseMessage> thread = cases.thread(c.id());
        if (inReplyTo.isPresent()) {
            return thread.stream()
                    .filter(message -> message.post().equals(inReplyTo.get()))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(
                            "post " + inReplyTo.get() + " is not in case " + c.id() + "'s thread"));
        }
        return thread.stream()
                .filter(message -> !message.outbound())
                .reduce((first, second) -> second)
                .orElseThrow(() -> new IllegalArgumentException("case " + c.id() + " has no message to reply to"));
    }

    private Reply find(long replyId) {
        return store.reply(replyId).orElseThrow(() -> new IllegalArgumentException("no reply " + replyId));
    }

    /** Bluesky dedupes on the record key (a TID, made now); Mastodon on an Idempotency-Key. */
    private static String networkKey(ConnectedAccount account, Instant now) {
        return switch (account.network()) {
            case BLUESKY -> Tid.at(now);
            default -> UUID.randomUUID().toString();
        };
    }
}
