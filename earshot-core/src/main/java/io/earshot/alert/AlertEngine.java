package io.earshot.alert;

import io.earshot.domain.Mention;
import io.earshot.domain.PostKey;
import io.earshot.ingest.MentionListener;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches stored mentions for every active rule and fires alerts: it listens after the durable commit
 * ({@link MentionListener}), queues the mentions and returns at once, and does all its work on its own thread,
 * so alerts never slow ingestion. Rules are added, replaced and removed while it runs.
 *
 * <p>Tests drive it without its thread: {@link #process}, {@link #tick} and the clock they give it.
 */
public final class AlertEngine implements MentionListener, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AlertEngine.class);

    /** How far back a new spike or shift rule counts the archive, so its baseline is ready at once. */
    static final Duration HISTORY = Duration.ofDays(28);

    private static final int HISTORY_LIMIT = 2_000_000;
    private static final Duration LONGEST_WAIT = Duration.ofMillis(250);

    private final AlertState state;
    private final AlertSink sink;
    private final RecentMentions recent;
    private final InfluenceLookup influence;
    private final Clock clock;
    private final BlockingQueue<Runnable> work;
    private final Map<Long, RuleRuntime> rules = new LinkedHashMap<>();
    private final RuleFilters filters = new RuleFilters();
    private final LongAdder dropped = new LongAdder();
    private final Map<AlertKind, LongAdder> fired = new EnumMap<>(AlertKind.class);
    private final AtomicLong mentionsSeen = new AtomicLong();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean running;
    /** {@code rules.size()} for other threads (the map itself belongs to the engine's thread). */
    private volatile int active;

    private Thread thread;

    public AlertEngine(
            AlertState state,
            AlertSink sink,
            RecentMentions recent,
            InfluenceLookup influence,
            Clock clock,
            int queueCapacity) {
        this.state = state;
        this.sink = sink;
        this.recent = recent;
        this.influence = influence;
        this.clock = clock;
        this.work = new LinkedBlockingQueue<>(queueCapacity);
        for (AlertKind kind : AlertKind.values()) {
            fired.put(kind, new LongAdder());
        }
    }

    /**
     * Checks a rule's extra query: the topic language, without {@code sentiment:} and {@code emotion:} (the
     * rule's own filters say those).
     *
     * @throws io.earshot.query.QuerySyntaxException with the column of the problem
     */
    public static void checkFilter(String filter) {
        RuleFilters.parse(filter);
    }

    /** Starts the engine's thread. */
    public synchronized void start() {
        if (thread != null) {
            return;
        }
        running = true;
        thread = Thread.ofPlatform().daemon().name("earshot-alerts").start(this::loop);
    }

    /** Adds or replaces a rule (a paused rule is removed from the watch); applied in order on the engine's thread. */
    public void put(AlertRule rule) {
        submit(() -> apply(rule));
    }

    /** Stops watching for a rule; its stored state stays until {@link AlertState#forget}. */
    public void remove(long ruleId) {
        submit(() -> {
            rules.remove(ruleId);
            filters.remove(ruleId);
            active = rules.size();
        });
    }

    @Override
    public void mentionsStored(List<Mention> mentions) {
        if (!work.offer(() -> process(mentions))) {
            // never block ingestion: a full queue means the engine is far behind; count what it missed
            dropped.add(mentions.size());
            log.warn("alert engine queue full: {} mentions not checked by alert rules", mentions.size());
        }
    }

    /** Checks stored mentions against every active rule (the engine's thread, or a test). */
    public void process(List<Mention> mentions) {
        mentionsSeen.addAndGet(mentions.size());
        if (rules.isEmpty() || mentions.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        List<Set<Long>> filterMatches = filters.match(mentions);
        for (RuleRuntime runtime : rules.values()) {
            AlertRule rule = runtime.rule();
            List<Mention> inScope = new ArrayList<>();
            for (int i = 0; i < mentions.size(); i++) {
                Mention mention = mentions.get(i);
                if (rule.scope().admits(mention)
                        && (!filters.hasFilter(rule.id())
                                || filterMatches.get(i).contains(rule.id()))
                        && passesCondition(rule.condition(), mention)) {
                    inScope.add(mention);
                }
            }
            if (inScope.isEmpty()) {
                continue;
            }
            switch (rule.condition()) {
                case Condition.EveryMatch every -> runtime.gather(firstNotices(rule, inScope, now), now);
                case Condition.Influencer influencer -> runtime.gather(firstNotices(rule, inScope, now), now);
                case Condition.VolumeSpike spike -> inScope.forEach(mention -> runtime.count(mention, now));
                case Condition.SentimentShift shift -> inScope.forEach(mention -> runtime.count(mention, now));
                case Condition.Digest digest -> {}
            }
        }
    }

    /** Sends what is due: gathered matches, digests, spikes and shifts, held notifications. */
    public void tick() {
        Instant now = clock.instant();
        for (RuleRuntime runtime : rules.values()) {
            try {
                for (FiredAlert alert : runtime.due(now, recent, mentions -> inScope(runtime.rule(), mentions))) {
                    fired.get(alert.kind()).increment();
                    sink.fired(runtime.rule(), alert);
                }
                runtime.saveSeries();
            } catch (RuntimeException e) {
                log.error(
                        "alert rule {} ({}) failed: {}",
                        runtime.rule().id(),
                        runtime.rule().name(),
                        e.getMessage(),
                        e);
            }
        }
    }

    /** Runs every queued rule change and mention batch now (tests; the thread does this by itself). */
    public void drain() {
        Runnable next;
        while ((next = work.poll()) != null) {
            next.run();
        }
    }

    /** Mentions the queue was too full to take, since start. */
    public long dropped() {
        return dropped.sum();
    }

    /** Mentions checked, since start. */
    public long mentionsSeen() {
        return mentionsSeen.get();
    }

    /** Alerts fired (after anti-fatigue) by kind, since start. */
    public Map<AlertKind, Long> firedByKind() {
        Map<AlertKind, Long> counts = new EnumMap<>(AlertKind.class);
        fired.forEach((kind, count) -> counts.put(kind, count.sum()));
        return counts;
    }

    /** Rules being watched. */
    public int activeRules() {
        return active;
    }

    @Override
    public void close() {
        running = false;
        Thread current = thread;
        if (current != null) {
            current.interrupt();
            try {
                stopped.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        filters.close();
    }

    private void apply(AlertRule rule) {
        rules.remove(rule.id());
        filters.remove(rule.id());
        if (rule.paused()) {
            active = rules.size();
            return;
        }
        rule.scope().filter().ifPresent(filter -> filters.put(rule.id(), filter));
        Instant now = clock.instant();
        RuleRuntime runtime = new RuleRuntime(rule, state, now);
        if (runtime.needsHistory()) {
            Instant since = now.minus(HISTORY);
            List<Mention> older = new ArrayList<>();
            recent.forEach(rule.scope().topics(), since, HISTORY_LIMIT, older::add);
            runtime.countHistory(inScope(rule, older), since);
            runtime.saveSeries();
        }
        rules.put(rule.id(), runtime);
        active = rules.size();
    }

    private List<Mention> inScope(AlertRule rule, List<Mention> mentions) {
        if (mentions.isEmpty()) {
            return mentions;
        }
        List<Set<Long>> filterMatches = filters.match(mentions);
        List<Mention> admitted = new ArrayList<>();
        for (int i = 0; i < mentions.size(); i++) {
            Mention mention = mentions.get(i);
            if (rule.scope().admits(mention)
                    && (!filters.hasFilter(rule.id()) || filterMatches.get(i).contains(rule.id()))) {
                admitted.add(mention);
            }
        }
        return admitted;
    }

    private boolean passesCondition(Condition condition, Mention mention) {
        if (!(condition instanceof Condition.Influencer influencer)) {
            return true;
        }
        var author = mention.post().author();
        if (influencer.minFollowers() > 0
                && author.followers().isPresent()
                && author.followers().getAsLong() >= influencer.minFollowers()) {
            return true;
        }
        if (influencer.minScore().isPresent()) {
            var score = influence.score(author.network(), author.id());
            return score.isPresent()
                    && score.getAsDouble() >= influencer.minScore().getAsDouble();
        }
        return false;
    }

    private List<Mention> firstNotices(AlertRule rule, List<Mention> mentions, Instant now) {
        Set<PostKey> first = state.firstNotices(
                rule.id(), mentions.stream().map(Mention::key).toList(), now);
        return mentions.stream()
                .filter(mention -> first.contains(mention.key()))
                .toList();
    }

    private void submit(Runnable change) {
        try {
            work.put(change);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while handing a rule change to the alert engine", e);
        }
    }

    private void loop() {
        try {
            while (running) {
                Runnable next = work.poll(waitMillis(), TimeUnit.MILLISECONDS);
                int done = 0;
                while (next != null) {
                    runSafely(next);
                    next = ++done < 1000 ? work.poll() : null;
                }
                runSafely(this::tick);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            stopped.countDown();
        }
    }

    private long waitMillis() {
        Instant now = clock.instant();
        Instant wakeUp = now.plus(LONGEST_WAIT);
        for (RuleRuntime runtime : rules.values()) {
            Instant deadline = runtime.nextDeadline();
            if (deadline.isBefore(wakeUp)) {
                wakeUp = deadline;
            }
        }
        return wakeUp.isAfter(now) ? Duration.between(now, wakeUp).toMillis() : 0;
    }

    private static void runSafely(Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            log.error("alert engine: {}", e.getMessage(), e);
        }
    }
}
