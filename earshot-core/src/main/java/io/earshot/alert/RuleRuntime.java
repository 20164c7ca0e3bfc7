package io.earshot.alert;

import io.earshot.alert.MinuteSeries.Counts;
import io.earshot.domain.Engagement;
import io.earshot.domain.Mention;
import io.earshot.domain.PostKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * One rule at work: its gathered matches, its minute counts and ongoing spike, its digest schedule and its
 * anti-fatigue gate. The engine's thread owns it.
 */
final class RuleRuntime {

    private static final int RECENTLY_COUNTED = 100_000;
    private static final int DIGEST_SCAN_LIMIT = 100_000;

    private final AlertRule rule;
    private final AlertState state;
    private final FatigueGate gate = new FatigueGate();
    private final List<Mention> gathered = new ArrayList<>();
    private Instant gatheringSince = Instant.MAX;
    private long gatheredTotal;
    private final Optional<MinuteSeries> series;
    private final Map<PostKey, Boolean> counted = new LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<PostKey, Boolean> eldest) {
            return size() > RECENTLY_COUNTED;
        }
    };
    private long lastReadMinute = Long.MIN_VALUE;
    private Optional<Episode> episode;
    private Instant nextDigest;

    /** An anomaly in progress: when it started, when people were last told. */
    record Episode(Instant started, Instant lastNotified, Instant lastSeen) {}

    RuleRuntime(AlertRule rule, AlertState state, Instant now) {
        this.rule = rule;
        this.state = state;
        long nowMinute = minute(now);
        if (watchesRates()) {
            long coveredFrom =
                    state.value(rule.id(), "covered_from").map(Long::parseLong).orElse(nowMinute);
            MinuteSeries loaded = new MinuteSeries(coveredFrom);
            state.series(rule.id(), nowMinute - MinuteSeries.DAYS * 1440L).forEach(loaded::load);
            state.putValue(rule.id(), "covered_from", Long.toString(loaded.coveredFrom()));
            this.series = Optional.of(loaded);
        } else {
            this.series = Optional.empty();
        }
        this.episode = state.value(rule.id(), "episode")
                .filter(stored -> !stored.isEmpty())
                .map(RuleRuntime::parseEpisode);
        this.nextDigest = rule.condition() instanceof Condition.Digest digest
                ? DigestSchedule.nextAfter(digest, lastDigest(digest, now))
                : Instant.MAX;
    }

    AlertRule rule() {
        return rule;
    }

    boolean watchesRates() {
        return rule.condition() instanceof Condition.VolumeSpike
                || rule.condition() instanceof Condition.SentimentShift;
    }

    /** Whether the series has never been filled from the archive (a new rule, or one that never counted). */
    boolean needsHistory() {
        return series.isPresent() && state.value(rule.id(), "history_loaded").isEmpty();
    }

    /**
     * Counts mentions created before the rule watched (from the archive), once. The series then covers from the
     * oldest of them on, not from {@code since}: a topic created last week has no mentions older than its
     * backfill, and weeks it never watched must not read as quiet ones.
     */
    void countHistory(List<Mention> older, Instant since) {
        series.ifPresent(minutes -> {
            older.forEach(mention -> count(mention, Instant.MAX));
            older.stream()
                    .map(mention -> mention.post().createdAt())
                    .min(Comparator.naturalOrder())
                    .map(oldest -> oldest.isBefore(since) ? since : oldest)
                    .ifPresent(oldest -> minutes.coverFrom(minute(oldest)));
            state.putValue(rule.id(), "covered_from", Long.toString(minutes.coveredFrom()));
            state.putValue(rule.id(), "history_loaded", "true");
        });
    }

    /** Counts a new mention in its minute (a post's new version is not counted again). */
    void count(Mention mention, Instant now) {
        series.ifPresent(minutes -> {
            if (counted.put(mention.key(), Boolean.TRUE) == null) {
                Instant at = mention.post().createdAt().isAfter(now)
                        ? now
                        : mention.post().createdAt();
                minutes.add(minute(at), mention.sentiment());
            }
        });
    }

    /** Gathers mentions to notify (already checked once per rule). */
    void gather(List<Mention> firsts, Instant now) {
        if (firsts.isEmpty()) {
            return;
        }
        if (gathered.isEmpty()) {
            gatheringSince = now;
        }
        gatheredTotal += firsts.size();
        for (Mention mention : firsts) {
            if (gathered.size() < Fatigue.MAX_MENTIONS_PER_NOTIFICATION) {
                gathered.add(mention);
            }
        }
    }

    /** When this rule next needs the engine's attention, at the latest. */
    Instant nextDeadline() {
        return gathered.isEmpty()
                ? nextDigest
                : minInstant(gatheringSince.plus(rule.fatigue().groupWindow()), nextDigest);
    }

    /** The alerts due at {@code now}, after anti-fatigue. */
    List<FiredAlert> due(Instant now, RecentMentions recent, UnaryOperator<List<Mention>> inScope) {
        List<FiredAlert> due = new ArrayList<>();
        gate.release(rule, now).ifPresent(due::add);
        Optional<FiredAlert> candidate = switch (rule.condition()) {
            case Condition.EveryMatch every -> flushGathered(now, "new mention");
            case Condition.Influencer influencer -> flushGathered(now, "mention by an influential author");
            case Condition.Digest digest -> digest(digest, now, recent, inScope);
            case Condition.VolumeSpike spike ->
                read(
                        now,
                        spike.window(),
                        spike.cooldown(),
                        minutes -> Detectors.volume(
                                minutes,
                                minute(now),
                                (int) spike.window().toMinutes(),
                                spike.sensitivity(),
                                spike.minVolume()));
            case Condition.SentimentShift shift ->
                read(
                        now,
                        shift.window(),
                        shift.cooldown(),
                        minutes -> Detectors.share(
                                minutes,
                                minute(now),
                                (int) shift.window().toMinutes(),
                                shift.direction(),
                                shift.sensitivity(),
                                shift.minVolume(),
                                shift.minShift()));
        };
        candidate.ifPresent(alert -> due.addAll(gate.offer(rule, alert, now)));
        return due;
    }

    /** Minute counts changed since the last call, for the store. */
    void saveSeries() {
        series.ifPresent(minutes -> {
            Map<Long, Counts> changed = minutes.drainChanged();
            if (!changed.isEmpty()) {
                state.saveSeries(rule.id(), changed);
            }
        });
    }

    private Optional<FiredAlert> flushGathered(Instant now, String what) {
        boolean full = gatheredTotal >= Fatigue.MAX_MENTIONS_PER_NOTIFICATION;
        if (gathered.isEmpty()
                || (!full && now.isBefore(gatheringSince.plus(rule.fatigue().groupWindow())))) {
            return Optional.empty();
        }
        long total = gatheredTotal;
        String reason = total == 1 ? "1 " + what : total + " " + what + "s";
        FiredAlert alert = alert(now, reason, Optional.empty(), List.copyOf(gathered), Map.of("mentions_total", total));
        gathered.clear();
        gatheredTotal = 0;
        gatheringSince = Instant.MAX;
        return Optional.of(alert);
    }

    private Optional<FiredAlert> digest(
            Condition.Digest digest, Instant now, RecentMentions recent, UnaryOperator<List<Mention>> inScope) {
        if (now.isBefore(nextDigest)) {
            return Optional.empty();
        }
        Instant since = lastDigest(digest, now);
        List<Mention> candidates = new ArrayList<>();
        recent.forEach(rule.scope().topics(), since, DIGEST_SCAN_LIMIT, mention -> {
            if (mention.post().createdAt().isBefore(now)) {
                candidates.add(mention);
            }
        });
        List<Mention> admitted = inScope.apply(candidates);
        state.putValue(rule.id(), "last_digest", now.toString());
        nextDigest = DigestSchedule.nextAfter(digest, now);
        if (admitted.isEmpty()) {
            return Optional.empty();
        }
        List<Mention> top = admitted.stream()
                .sorted(Comparator.comparingDouble(RuleRuntime::weight).reversed())
                .limit(digest.top())
                .toList();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("mentions_total", (long) admitted.size());
        summary.put("from", since.toString());
        summary.put("to", now.toString());
        summary.put("frequency", digest.frequency().name().toLowerCase(java.util.Locale.ROOT));
        String reason = admitted.size() + " mention" + (admitted.size() == 1 ? "" : "s") + " since " + since + "; top "
                + top.size() + " by engagement";
        return Optional.of(alert(now, reason, Optional.empty(), top, summary));
    }

    /** Engagement first, then audience: what a digest reader should see first. */
    static double weight(Mention mention) {
        Engagement e = mention.engagement();
        double followers = mention.post().author().followers().orElse(0);
        return 2.0 * e.reposts() + 2.0 * e.quotes() + e.replies() + 0.5 * e.likes() + Math.log10(1 + followers);
    }

    private Optional<FiredAlert> read(
            Instant now,
            Duration window,
            Duration cooldown,
            java.util.function.Function<MinuteSeries, Reading> detector) {
        long nowMinute = minute(now);
        if (series.isEmpty() || nowMinute <= lastReadMinute) {
            return Optional.empty();
        }
        lastReadMinute = nowMinute;
        Reading reading = detector.apply(series.get());
        if (!reading.anomalous()) {
            // an episode ends when a whole window has passed without the anomaly
            episode.filter(e -> !now.isBefore(e.lastSeen().plus(window))).ifPresent(e -> endEpisode());
            return Optional.empty();
        }
        Map<String, Object> summary = new LinkedHashMap<>(reading.summary());
        if (episode.isEmpty()) {
            Optional<Instant> lastEnded =
                    state.value(rule.id(), "last_episode_end").map(Instant::parse);
            if (lastEnded.isPresent() && now.isBefore(lastEnded.get().plus(cooldown))) {
                return Optional.empty();
            }
            saveEpisode(new Episode(now, now, now));
            summary.put("phase", "started");
            return Optional.of(
                    alert(now, describe(reading, window, "started"), reading.severity(), List.of(), summary));
        }
        Episode ongoing = episode.get();
        if (now.isBefore(ongoing.lastNotified().plus(cooldown))) {
            saveEpisode(new Episode(ongoing.started(), ongoing.lastNotified(), now));
            return Optional.empty();
        }
        saveEpisode(new Episode(ongoing.started(), now, now));
        summary.put("phase", "still_going");
        summary.put("since", ongoing.started().toString());
        return Optional.of(alert(
                now,
                describe(reading, window, "still going since " + ongoing.started()),
                reading.severity(),
                List.of(),
                summary));
    }

    private String describe(Reading reading, Duration window, String phase) {
        String figures = rule.condition() instanceof Condition.SentimentShift shift
                ? String.format(
                        java.util.Locale.ROOT,
                        "%s share %.0f%% in the last %d min against %.0f%% (z %.1f, p %.2g)",
                        shift.direction().id(),
                        reading.observed() * 100,
                        window.toMinutes(),
                        reading.expected() * 100,
                        reading.z(),
                        reading.pValue())
                : String.format(
                        java.util.Locale.ROOT,
                        "%d mentions in the last %d min, %.1fx the usual %.1f (z %.1f)",
                        reading.windowCount(),
                        window.toMinutes(),
                        reading.observed() / Math.max(reading.expected(), 0.5),
                        reading.expected(),
                        reading.z());
        return figures + ": " + phase;
    }

    private void saveEpisode(Episode next) {
        episode = Optional.of(next);
        state.putValue(rule.id(), "episode", next.started() + "," + next.lastNotified() + "," + next.lastSeen());
    }

    private void endEpisode() {
        state.putValue(
                rule.id(), "last_episode_end", episode.orElseThrow().lastSeen().toString());
        state.putValue(rule.id(), "episode", "");
        episode = Optional.empty();
    }

    private static Episode parseEpisode(String stored) {
        String[] parts = stored.split(",");
        return new Episode(Instant.parse(parts[0]), Instant.parse(parts[1]), Instant.parse(parts[2]));
    }

    private Instant lastDigest(Condition.Digest digest, Instant now) {
        return state.value(rule.id(), "last_digest").map(Instant::parse).orElseGet(() -> {
            Instant first = now.minus(DigestSchedule.period(digest));
            return first.isBefore(rule.created()) ? rule.created() : first;
        });
    }

    private FiredAlert alert(
            Instant now,
            String reason,
            Optional<Severity> severity,
            List<Mention> mentions,
            Map<String, Object> summary) {
        return new FiredAlert(0, rule.id(), rule.name(), rule.kind(), now, reason, severity, mentions, summary);
    }

    static long minute(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), 60);
    }

    private static Instant minInstant(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
