package io.earshot.server;

import io.earshot.archive.MentionArchive;
import io.earshot.embedded.state.SqliteStateStore;
import io.earshot.graph.InteractionGraph;
import io.earshot.influence.InfluenceService;
import io.earshot.ingest.IngestPipeline;
import io.earshot.server.alert.AlertService;
import io.earshot.topic.TopicService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a running Earshot does on a timer, on the housekeeping thread: pick up topics, sources and alert rules changed
 * by another process (the command line), apply retention (unmatched posts, old graph edges, old alert history), and
 * keep influence scores current. Deletions run as tasks on the ingest thread, like every other write to the archive
 * and the graph. A failing round is logged and the next one runs as planned.
 */
final class Upkeep {

    private static final Logger log = LoggerFactory.getLogger(Upkeep.class);

    /** How long fired alerts stay in rules' histories, and posts in their once-per-rule memory. */
    static final Duration ALERT_MEMORY = Duration.ofDays(180);

    private final Clock clock;
    private final Duration unmatchedRetention;
    private final IngestPipeline pipeline;
    private final MentionArchive archive;
    private final SqliteStateStore state;
    private final TopicService topics;
    private final SourceRunner sources;
    private final InfluenceService influence;

    Upkeep(
            Clock clock,
            Duration unmatchedRetention,
            IngestPipeline pipeline,
            MentionArchive archive,
            SqliteStateStore state,
            TopicService topics,
            SourceRunner sources,
            InfluenceService influence) {
        this.clock = clock;
        this.unmatchedRetention = unmatchedRetention;
        this.pipeline = pipeline;
        this.archive = archive;
        this.state = state;
        this.topics = topics;
        this.sources = sources;
        this.influence = influence;
    }

    /** Schedules every round on {@code scheduler}; {@code alerts} when alert rules are live in this process. */
    void scheduleOn(ScheduledExecutorService scheduler, Optional<AlertService> alerts) {
        every(scheduler, 2, 2, TimeUnit.SECONDS, "topics", () -> changes("topic", topics::syncFromStore));
        every(scheduler, 2, 2, TimeUnit.SECONDS, "sources", sources::syncStoredQuietly);
        every(scheduler, 1, 60, TimeUnit.MINUTES, "retention", this::purgeUnmatched);
        alerts.ifPresent(service -> {
            every(
                    scheduler,
                    2,
                    2,
                    TimeUnit.SECONDS,
                    "alert rules",
                    () -> changes("alert rule", service::syncFromStore));
            every(scheduler, 15, 24 * 60, TimeUnit.MINUTES, "retention", this::expireAlertMemory);
        });
        every(scheduler, 10, 24 * 60, TimeUnit.MINUTES, "retention", this::expireEdges);
        every(scheduler, 1, 1, TimeUnit.SECONDS, "influence", influence::takeInNewEdges);
        every(scheduler, 0, 6 * 60, TimeUnit.MINUTES, "influence", influence::recompute);
        every(scheduler, 15, 15, TimeUnit.MINUTES, "influence", influence::rescore);
        every(scheduler, 1, 24 * 60, TimeUnit.MINUTES, "influence", influence::recordToday);
    }

    private static void every(
            ScheduledExecutorService scheduler, long first, long period, TimeUnit unit, String what, Runnable work) {
        scheduler.scheduleWithFixedDelay(
                () -> {
                    try {
                        work.run();
                    } catch (RuntimeException e) {
                        // a scheduled task that throws is never run again: log, and let the next round try
                        log.warn("{}: {}", what, e.getMessage(), e);
                    }
                },
                first,
                period,
                unit);
    }

    private static void changes(String what, IntSupplier sync) {
        int changed = sync.getAsInt();
        if (changed > 0) {
            log.info("picked up {} {} change(s) made outside this process", changed, what);
        }
    }

    private void expireAlertMemory() {
        Instant cutoff = clock.instant().minus(ALERT_MEMORY);
        long removed = state.alertRules().expireHistoryBefore(cutoff)
                + state.alertState().expireBefore(cutoff);
        retained(removed, "alert history rows and notices", ALERT_MEMORY);
    }

    private void expireEdges() {
        onIngestThread(
                () -> state.graph().removeBefore(clock.instant().minus(InteractionGraph.DEFAULT_RETENTION)),
                "interaction edges",
                InteractionGraph.DEFAULT_RETENTION);
    }

    private void purgeUnmatched() {
        onIngestThread(
                () -> archive.purgeUnmatchedBefore(clock.instant().minus(unmatchedRetention)),
                "posts that matched no topic and are",
                unmatchedRetention);
    }

    private void onIngestThread(LongSupplier removal, String what, Duration age) {
        pipeline.submitTask(() -> retained(removal.getAsLong(), what, age));
    }

    private static void retained(long removed, String what, Duration age) {
        if (removed > 0) {
            log.info("retention: removed {} {} older than {}", removed, what, age);
        }
    }
}
