package io.earshot.inbox;

import io.earshot.domain.Mention;
import io.earshot.domain.Post;
import io.earshot.domain.PostKey;
import io.earshot.enrich.sentiment.SentimentLabel;
import io.earshot.ingest.MentionListener;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns stored mentions into cases: a mention whose thread already has a case joins it (and reopens it when it
 * was pending or resolved); any other mention is routed and opens a new case. Listens after the durable commit,
 * queues the work and returns at once: the inbox never slows ingestion.
 *
 * <p>Tests call {@link #process} directly.
 */
public final class CaseIntake implements MentionListener, AutoCloseable {

    /**
     * Mentions taken in per commit: enough that commits stop mattering, few enough that the state database
     * (shared with ingest, the alert engine and the API, each waiting its turn) is never held for long: ~200 µs a
     * mention, so ~5 ms. With 100 (~20 ms) ingest, asking the database four times per batch, fell behind at
     * 3,000 mentions/s.
     */
    static final int PER_COMMIT = 25;

    private static final Logger log = LoggerFactory.getLogger(CaseIntake.class);

    /** Told about every inbound message once the inbox has taken it (contacts listen here). */
    @FunctionalInterface
    public interface Heard {
        void heard(Mention mention, Optional<Case> inCase);

        /** Posts deleted on their network: forget them. */
        default void forget(List<PostKey> posts) {}
    }

    /**
     * @param maxAge mentions older than this (a backfill) join existing threads but open no case
     * @param outbound whether a post was written by one of the team's connected accounts ({@code network:id})
     */
    public record Settings(Duration maxAge, int queueCapacity) {
        public static final Settings DEFAULT = new Settings(Duration.ofDays(7), 10_000);
    }

    private final CaseStore cases;
    private final Router router;
    private final Assigner assigner;
    private final Function<String, Optional<Team>> teams;
    private final Predicate<String> ownAccount;
    private final Heard heard;
    private final Clock clock;
    private final Settings settings;
    private final CaseLocks locks;
    private final ThreadPoolExecutor worker;
    private final LongAdder dropped = new LongAdder();
    private final LongAdder opened = new LongAdder();
    private final LongAdder reopened = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final Commits commits;

    public CaseIntake(
            CaseStore cases,
            Router router,
            Assigner assigner,
            Function<String, Optional<Team>> teams,
            Predicate<String> ownAccount,
            Heard heard,
            Clock clock,
            Settings settings,
            CaseLocks locks,
            Commits commits) {
        this.cases = cases;
        this.router = router;
        this.assigner = assigner;
        this.teams = teams;
        this.ownAccount = ownAccount;
        this.heard = heard;
        this.clock = clock;
        this.settings = settings;
        this.locks = locks;
        this.commits = commits;
        this.worker = new ThreadPoolExecutor(
                1,
                1,
                0,
                TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(settings.queueCapacity()),
                runnable -> Thread.ofPlatform().daemon().name("earshot-inbox").unstarted(runnable),
                (runnable, executor) -> dropped.increment());
    }

    @Override
    public void mentionsStored(List<Mention> mentions) {
        submit(() -> process(mentions, true));
    }

    @Override
    public void repliesStored(List<Mention> replies) {
        submit(() -> process(replies, false));
    }

    /** Deleted posts are forgotten by the inbox and by contacts, in order with the rest of the inbox's work. */
    @Override
    public void postsDeleted(List<PostKey> keys) {
        submit(() -> {
            cases.forget(keys);
            heard.forget(keys);
        });
    }

    /** Runs {@code work} on the inbox's thread (rule changes use it too, so they apply between batches). */
    public void submit(Runnable work) {
        worker.execute(() -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                log.error("inbox: {}", e.getMessage(), e);
            }
        });
    }

    /**
     * Takes a batch: joins threads, reopens, routes and opens cases, {@value #PER_COMMIT} mentions per commit.
     * When the store refuses a group, its mentions are taken again one by one, so one bad mention costs only
     * its own case (logged, and counted by {@link #failed}).
     *
     * @param mayOpen whether these mentions may open new cases (replies that matched no topic only join threads)
     */
    public void process(List<Mention> mentions, boolean mayOpen) {
        List<Router.Decision> decisions = mayOpen ? router.decide(mentions) : List.of();
        Instant now = clock.instant();
        for (int from = 0; from < mentions.size(); from += PER_COMMIT) {
            if (Thread.currentThread().isInterrupted()) {
                // shutting down (the store closes next): the rest stays in the archive, without a case
                log.warn("inbox: stopped with {} mentions not taken in", mentions.size() - from);
                return;
            }
            int start = from;
            int end = Math.min(mentions.size(), from + PER_COMMIT);
            try {
                takeTogether(start, end, mentions, decisions, mayOpen, now);
            } catch (RuntimeException e) {
                log.warn(
                        "inbox: {} mentions could not be taken in together ({}); taking them in one by one",
                        end - start,
                        e.getMessage());
                for (int i = start; i < end && !Thread.currentThread().isInterrupted(); i++) {
                    try {
                        takeTogether(i, i + 1, mentions, decisions, mayOpen, now);
                    } catch (RuntimeException refused) {
                        failed.increment();
                        log.error(
                                "inbox: mention {} has no case: {}",
                                mentions.get(i).key().id(),
                                refused.getMessage(),
                                refused);
                    }
                }
            }
        }
    }

    /** Takes in mentions {@code [start, end)} in one commit; counts what happened only once it is stored. */
    private void takeTogether(
            int start, int end, List<Mention> mentions, List<Router.Decision> decisions, boolean mayOpen, Instant now) {
        List<Outcome> outcomes = new ArrayList<>(end - start);
        locks.withEvery(() -> {
            commits.together(() -> {
                for (int i = start; i < end; i++) {
                    outcomes.add(
                            take(mentions.get(i), mayOpen ? Optional.of(decisions.get(i)) : Optional.empty(), now));
                }
            });
            return null;
        });
        for (Outcome outcome : outcomes) {
            switch (outcome) {
                case OPENED -> opened.increment();
                case REOPENED -> reopened.increment();
                case JOINED, NO_CASE -> {}
            }
        }
    }

    /** What taking in one mention did. */
    private enum Outcome {
        OPENED,
        REOPENED,
        JOINED,
        NO_CASE
    }

    /** @param decision where routing sends the mention; empty when it may not open a case */
    private Outcome take(Mention mention, Optional<Router.Decision> decision, Instant now) {
        Post post = mention.post();
        String author = post.network().id() + ":" + post.author().id();
        boolean outbound = ownAccount.test(author);
        Instant at = post.createdAt().isAfter(now) ? now : post.createdAt();
        Optional<Case> existing = cases.caseOfThread(threadKeys(post));
        CaseMessage message = message(existing.map(Case::id).orElse(0L), mention, author, at, outbound);
        boolean mayOpen = decision.isPresent();
        if (existing.isPresent()) {
            long id = existing.get().id();
            // every case's lock is held for the group (takeTogether): read, change and write back in one piece
            boolean reopenedNow = cases.get(id)
                    .map(current -> join(current, message, outbound, at))
                    .orElse(false);
            if (!outbound) {
                heard.heard(mention, cases.get(id));
            }
            return reopenedNow ? Outcome.REOPENED : Outcome.JOINED;
        }
        if (mayOpen && !outbound && !at.isBefore(now.minus(settings.maxAge()))) {
            Case created = open(mention, message, author, at, decision.get(), now);
            heard.heard(mention, Optional.of(created));
            return Outcome.OPENED;
        }
        if (!outbound && mayOpen) {
            heard.heard(mention, Optional.empty());
        }
        return Outcome.NO_CASE;
    }

    /** Adds the message to the case; returns whether that reopened it. */
    private boolean join(Case current, CaseMessage message, boolean outbound, Instant at) {
        if (!cases.addMessage(message)) {
            return false; // a replay or an edit of a message the case has
        }
        if (outbound) {
            return false; // our own reply, seen again through ingest: the reply recorded it already
        }
        Case changed = current.withInbound(at);
        List<CaseEvent> events = new ArrayList<>();
        events.add(CaseEvent.of(
                current.id(),
                at,
                CaseEvent.SYSTEM,
                CaseEvent.Type.MESSAGE,
                Optional.empty(),
                Optional.of(message.post().id()),
                Optional.of(message.text())));
        boolean reopens = changed.status() != current.status();
        if (reopens) {
            events.add(CaseEvent.of(
                    current.id(),
                    at,
                    CaseEvent.SYSTEM,
                    CaseEvent.Type.REOPENED,
                    Optional.of(current.status().id()),
                    Optional.of(changed.status().id()),
                    Optional.of("a new message in the thread")));
        }
        cases.update(changed, events);
        return reopens;
    }

    private Case open(
            Mention mention, CaseMessage message, String author, Instant at, Router.Decision decision, Instant now) {
        RoutingAction action = decision.action();
        Optional<Team> team = action.team().flatMap(teams);
        Optional<String> assignee = action.assign().flatMap(assign -> assigner.pick(assign, team, now));
        Post post = mention.post();
        return cases.create(
                CaseOpening.draft(post, author, at, action, assignee, now),
                message,
                CaseOpening.history(post, at, decision, assignee, now));
    }

    static Set<PostKey> threadKeys(Post post) {
        Set<PostKey> keys = new LinkedHashSet<>();
        keys.add(post.key());
        post.replyParent().ifPresent(keys::add);
        post.replyRoot().ifPresent(keys::add);
        return keys;
    }

    static CaseMessage message(long caseId, Mention mention, String author, Instant at, boolean outbound) {
        Post post = mention.post();
        Optional<Integer> sentiment = mention.sentiment().map(CaseIntake::score);
        return new CaseMessage(
                caseId,
                post.key(),
                author,
                post.author().handle(),
                post.uri(),
                post.url(),
                post.text(),
                at,
                sentiment,
                outbound);
    }

    /** Sentiment as a number: -1, 0, +1. */
    public static int score(SentimentLabel label) {
        return switch (label) {
            case NEGATIVE -> -1;
            case NEUTRAL -> 0;
            case POSITIVE -> 1;
        };
    }

    /** Batches the queue could not take (the inbox is far behind), since start. */
    public long dropped() {
        return dropped.sum();
    }

    public long opened() {
        return opened.sum();
    }

    public long reopened() {
        return reopened.sum();
    }

    /** Mentions the store refused even on their own (they are in the archive, without a case), since start. */
    public long failed() {
        return failed.sum();
    }

    /** Waits until the queued work is done (tests, shutdown). */
    public void awaitIdle(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while ((worker.getActiveCount() > 0 || !worker.getQueue().isEmpty()) && System.nanoTime() < deadline) {
            Thread.onSpinWait();
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void close() {
        worker.shutdown();
        try {
            if (!worker.awaitTermination(5, TimeUnit.SECONDS)) {
                // storage closes next: stop rather than fail on it; the mentions stay in the archive
                int left = worker.shutdownNow().size();
                log.warn(
                        "inbox: stopped with {} batches of mentions not yet taken in (they are stored, without a case)",
                        left);
                // the running batch stops at its next group of mentions; let it, before the store closes
                worker.awaitTermination(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            worker.shutdownNow();
        }
    }
}
