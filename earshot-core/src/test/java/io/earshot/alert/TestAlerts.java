package io.earshot.alert;

import io.earshot.alert.MinuteSeries.Counts;
import io.earshot.domain.Author;
import io.earshot.domain.Engagement;
import io.earshot.domain.Mention;
import io.earshot.domain.Network;
import io.earshot.domain.Post;
import io.earshot.domain.PostKey;
import io.earshot.domain.Span;
import io.earshot.domain.TopicMatch;
import io.earshot.enrich.Enrichment;
import io.earshot.enrich.entity.Entities;
import io.earshot.enrich.sentiment.Sentiment;
import io.earshot.enrich.sentiment.SentimentLabel;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/** Mentions, a settable clock, an in-memory engine memory and a recording sink for the alert tests. */
final class TestAlerts {

    private static final AtomicLong IDS = new AtomicLong();

    private TestAlerts() {}

    static Mention mention(long topic, String text, Instant at) {
        return mention(topic, text, at, SentimentLabel.NEUTRAL, OptionalLong.empty());
    }

    static Mention mention(long topic, String text, Instant at, SentimentLabel sentiment, OptionalLong followers) {
        Author author = new Author(
                Network.BLUESKY,
                "did:plc:author" + IDS.incrementAndGet(),
                Optional.empty(),
                Optional.empty(),
                followers);
        Post post = Post.builder(new PostKey(Network.BLUESKY, "p" + IDS.incrementAndGet()), author, at)
                .text(text)
                .lang("en")
                .build();
        Enrichment heard = new Enrichment(new Sentiment(sentiment, 0.9), Optional.empty(), "en", Entities.NONE);
        return new Mention(post, List.of(new TopicMatch(topic, List.<Span>of())), Engagement.NONE)
                .withEnrichment(heard);
    }

    static AlertRule rule(long id, Condition condition, Fatigue fatigue, RuleScope scope, Instant created) {
        return new AlertRule(id, "rule " + id, scope, condition, List.of(), fatigue, false, created, created);
    }

    /** A clock tests move by hand. */
    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        void set(Instant at) {
            now = at;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** The engine's memory kept in maps (the SQLite one runs the contract in earshot-embedded). */
    static final class MemoryState implements AlertState {
        private final Map<Long, Set<PostKey>> notices = new HashMap<>();
        private final Map<Long, Map<Long, Counts>> minutes = new HashMap<>();
        private final Map<String, String> values = new HashMap<>();

        @Override
        public Set<PostKey> firstNotices(long ruleId, Collection<PostKey> keys, Instant at) {
            Set<PostKey> seen = notices.computeIfAbsent(ruleId, id -> new HashSet<>());
            Set<PostKey> first = new LinkedHashSet<>();
            for (PostKey key : keys) {
                if (seen.add(key)) {
                    first.add(key);
                }
            }
            return first;
        }

        @Override
        public Map<Long, Counts> series(long ruleId, long fromMinute) {
            Map<Long, Counts> result = new HashMap<>();
            minutes.getOrDefault(ruleId, Map.of()).forEach((minute, counts) -> {
                if (minute >= fromMinute) {
                    result.put(minute, counts);
                }
            });
            return result;
        }

        @Override
        public void saveSeries(long ruleId, Map<Long, Counts> changed) {
            minutes.computeIfAbsent(ruleId, id -> new HashMap<>()).putAll(changed);
        }

        @Override
        public Optional<String> value(long ruleId, String key) {
            return Optional.ofNullable(values.get(ruleId + "/" + key));
        }

        @Override
        public void putValue(long ruleId, String key, String value) {
            values.put(ruleId + "/" + key, value);
        }

        @Override
        public void forget(long ruleId) {
            notices.remove(ruleId);
            minutes.remove(ruleId);
            values.keySet().removeIf(key -> key.startsWith(ruleId + "/"));
        }

        @Override
        public long expireBefore(Instant cutoff) {
            return 0;
        }
    }

    /** Keeps what the engine fired. */
    static final class Recorder implements AlertSink {
        final List<FiredAlert> alerts = new ArrayList<>();

        @Override
        public void fired(AlertRule rule, FiredAlert alert) {
            alerts.add(alert);
        }
    }
}
