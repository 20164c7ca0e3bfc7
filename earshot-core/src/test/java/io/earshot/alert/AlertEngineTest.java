package io.earshot.alert;

import static io.earshot.alert.TestAlerts.mention;
import static io.earshot.alert.TestAlerts.rule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.earshot.alert.TestAlerts.MemoryState;
import io.earshot.alert.TestAlerts.MutableClock;
import io.earshot.alert.TestAlerts.Recorder;
import io.earshot.domain.Mention;
import io.earshot.domain.Network;
import io.earshot.enrich.sentiment.SentimentLabel;
import io.earshot.query.QuerySyntaxException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class AlertEngineTest {

    private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");

    private final MutableClock clock = new MutableClock(T0);
    private final MemoryState state = new MemoryState();
    private final Recorder sink = new Recorder();
    private final List<Mention> archive = new ArrayList<>();
    private final AlertEngine engine = new AlertEngine(
            state,
            sink,
            (topics, since, limit, visitor) -> archive.stream()
                    .filter(m -> m.topicIds().stream().anyMatch(topics::contains))
                    .filter(m -> !m.post().createdAt().isBefore(since))
                    .limit(limit)
                    .forEach(visitor),
            (network, author) -> author.equals("did:plc:famous") ? OptionalDouble.of(91) : OptionalDouble.empty(),
            clock,
            100);

    private void put(AlertRule rule) {
        engine.put(rule);
        engine.drain();
    }

    @Test
    void everyMatchGathersMentionsForItsGroupWindowAndNotifiesEachOnce() {
        put(rule(1, new Condition.EveryMatch(), Fatigue.DEFAULT, RuleScope.ofTopics(List.of(7L)), T0));
        Mention first = mention(7, "outage again", T0);
        Mention second = mention(7, "still down", T0);
        Mention otherTopic = mention(8, "unrelated", T0);
        engine.process(List.of(first, otherTopic));
        engine.tick();
        assertThat(sink.alerts).as("gathered for the group window").isEmpty();
        clock.advance(Duration.ofMillis(500));
        engine.process(List.of(second, first.withEngagement(first.engagement())));
        clock.advance(Duration.ofMillis(600));
        engine.tick();
        assertThat(sink.alerts).singleElement().satisfies(alert -> {
            assertThat(alert.kind()).isEqualTo(AlertKind.EVERY_MATCH);
            assertThat(alert.mentions()).containsExactly(first, second);
            assertThat(alert.reason()).isEqualTo("2 new mentions");
            assertThat(alert.summary()).containsEntry("mentions_total", 2L);
        });
        engine.process(List.of(first, second));
        clock.advance(Duration.ofSeconds(5));
        engine.tick();
        assertThat(sink.alerts)
                .as("a mention is notified once per rule, even when stored again")
                .hasSize(1);
    }

    @Test
    void aFloodIsSentInNotificationsOfFiftyWithTheTotal() {
        put(rule(1, new Condition.EveryMatch(), Fatigue.DEFAULT, RuleScope.ofTopics(List.of(7L)), T0));
        engine.process(IntStream.range(0, 120)
                .mapToObj(i -> mention(7, "post " + i, T0))
                .toList());
        engine.tick();
        assertThat(sink.alerts).singleElement().satisfies(alert -> {
            assertThat(alert.mentions()).hasSize(Fatigue.MAX_MENTIONS_PER_NOTIFICATION);
            assertThat(alert.summary()).containsEntry("mentions_total", 120L);
        });
    }

    @Test
    void scopeFiltersAndTheExtraQueryNarrowWhatARuleSees() {
        RuleScope scope = new RuleScope(
                List.of(7L),
                Optional.of("NOT giveaway"),
                Set.of(SentimentLabel.NEGATIVE),
                Set.of(),
                Set.of("en"),
                Set.of(Network.BLUESKY),
                OptionalLong.empty());
        put(rule(1, new Condition.EveryMatch(), Fatigue.DEFAULT, scope, T0));
        Mention negative = mention(7, "the app is broken", T0, SentimentLabel.NEGATIVE, OptionalLong.empty());
        Mention positive = mention(7, "love the app", T0, SentimentLabel.POSITIVE, OptionalLong.empty());
        Mention giveaway = mention(7, "giveaway is broken", T0, SentimentLabel.NEGATIVE, OptionalLong.empty());
        engine.process(List.of(negative, positive, giveaway));
        clock.advance(Duration.ofSeconds(2));
        engine.tick();
        assertThat(sink.alerts)
                .singleElement()
                .satisfies(alert -> assertThat(alert.mentions()).containsExactly(negative));
    }

    @Test
    void filtersWithHeardFieldsAreRefusedWithTheirColumn() {
        assertThatThrownBy(() -> RuleFilters.parse("outage sentiment:negative"))
                .isInstanceOf(QuerySyntaxException.class)
                .hasMessageContaining("use the rule's \"sentiment\" filter")
                .satisfies(e -> assertThat(((QuerySyntaxException) e).column()).isEqualTo(8));
    }

    @Test
    void influencerRulesGoByFollowersOrScore() {
        put(rule(
                1,
                new Condition.Influencer(10_000, OptionalDouble.of(90)),
                Fatigue.DEFAULT,
                RuleScope.ofTopics(List.of(7L)),
                T0));
        Mention big = mention(7, "hello", T0, SentimentLabel.NEUTRAL, OptionalLong.of(50_000));
        Mention small = mention(7, "hello", T0, SentimentLabel.NEUTRAL, OptionalLong.of(12));
        Mention unknown = mention(7, "hello", T0);
        engine.process(List.of(big, small, unknown));
        clock.advance(Duration.ofSeconds(2));
        engine.tick();
        assertThat(sink.alerts).singleElement().satisfies(alert -> {
            assertThat(alert.kind()).isEqualTo(AlertKind.INFLUENCER);
            assertThat(alert.mentions()).containsExactly(big);
        });
    }

    @Test
    void theHourlyLimitHoldsNotificationsAndSendsThemAsOneGroup() {
        Fatigue twoAnHour = new Fatigue(2, Optional.empty(), Duration.ZERO);
        put(rule(1, new Condition.EveryMatch(), twoAnHour, RuleScope.ofTopics(List.of(7L)), T0));
        for (int i = 0; i < 5; i++) {
            engine.process(List.of(mention(7, "post " + i, clock.instant())));
            engine.tick();
            clock.advance(Duration.ofMinutes(1));
        }
        assertThat(sink.alerts).hasSize(2);
        clock.advance(Duration.ofHours(1));
        engine.tick();
        assertThat(sink.alerts).hasSize(3);
        FiredAlert grouped = sink.alerts.get(2);
        assertThat(grouped.summary())
                .containsEntry("grouped", 3L)
                .containsEntry("held_because", "hourly_limit")
                .containsEntry("mentions_total", 3L);
        assertThat(grouped.mentions()).hasSize(3);
        assertThat(grouped.reason()).startsWith("3 notifications held by the hourly limit");
    }

    @Test
    void quietHoursHoldUntilMorningAcrossMidnightInTheRulesZone() {
        ZoneId paris = ZoneId.of("Europe/Paris");
        Fatigue quiet = new Fatigue(
                0,
                Optional.of(new Fatigue.QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0), paris, true)),
                Duration.ZERO);
        clock.set(Instant.parse("2026-11-26T22:30:00Z")); // 23:30 in Paris
        put(rule(1, new Condition.EveryMatch(), quiet, RuleScope.ofTopics(List.of(7L)), clock.instant()));
        engine.process(List.of(mention(7, "late", clock.instant())));
        engine.tick();
        clock.set(Instant.parse("2026-11-27T05:59:00Z")); // 06:59 in Paris
        engine.process(List.of(mention(7, "early", clock.instant())));
        engine.tick();
        assertThat(sink.alerts).isEmpty();
        clock.set(Instant.parse("2026-11-27T06:00:00Z")); // 07:00 in Paris
        engine.tick();
        assertThat(sink.alerts).singleElement().satisfies(alert -> {
            assertThat(alert.summary()).containsEntry("held_because", "quiet_hours");
            assertThat(alert.mentions()).hasSize(2);
        });
    }

    @Test
    void aDailyDigestSendsTheMostEngagingMentionsOfItsPeriodAndNothingForAnEmptyDay() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        Condition.Digest digest =
                new Condition.Digest(Condition.Frequency.DAILY, LocalTime.of(9, 0), berlin, DayOfWeek.MONDAY, 2);
        Instant created = Instant.parse("2026-11-25T12:00:00Z");
        clock.set(created);
        put(rule(1, digest, Fatigue.DEFAULT, RuleScope.ofTopics(List.of(7L)), created));
        Mention quiet = mention(7, "meh", Instant.parse("2026-11-25T13:00:00Z"));
        Mention loud = mention(7, "wow", Instant.parse("2026-11-25T14:00:00Z"));
        loud = loud.withEngagement(new io.earshot.domain.Engagement(10, 40, 3, 2));
        Mention middling = mention(7, "ok", Instant.parse("2026-11-25T15:00:00Z"));
        middling = middling.withEngagement(new io.earshot.domain.Engagement(2, 1, 0, 0));
        Mention before = mention(7, "too early", Instant.parse("2026-11-25T11:00:00Z"));
        archive.addAll(List.of(quiet, loud, middling, before));
        clock.set(Instant.parse("2026-11-26T07:59:00Z"));
        engine.tick();
        assertThat(sink.alerts).isEmpty();
        clock.set(Instant.parse("2026-11-26T08:00:00Z")); // 09:00 in Berlin, winter time
        engine.tick();
        assertThat(sink.alerts).singleElement().satisfies(alert -> {
            assertThat(alert.kind()).isEqualTo(AlertKind.DIGEST);
            assertThat(alert.mentions()).extracting(m -> m.post().text()).containsExactly("wow", "ok");
            assertThat(alert.summary()).containsEntry("mentions_total", 3L).containsEntry("from", created.toString());
        });
        clock.set(Instant.parse("2026-11-27T08:00:00Z"));
        engine.tick();
        assertThat(sink.alerts).as("a day without mentions sends nothing").hasSize(1);
    }

    @Test
    void aSpikeFiresOnceThenSaysItIsStillGoingAfterTheCooldownAndEnds() {
        Condition.VolumeSpike spike =
                new Condition.VolumeSpike(Duration.ofMinutes(10), Sensitivity.MEDIUM, 20, Duration.ofMinutes(30));
        Instant start = Instant.parse("2026-11-01T00:00:00Z");
        clock.set(start);
        put(rule(1, spike, Fatigue.DEFAULT, RuleScope.ofTopics(List.of(7L)), start));
        // three quiet weeks: one mention every 5 minutes
        while (clock.instant().isBefore(T0)) {
            engine.process(List.of(mention(7, "hum", clock.instant())));
            clock.advance(Duration.ofMinutes(5));
            engine.tick();
        }
        assertThat(sink.alerts).isEmpty();
        // then 10 a minute for 50 minutes
        for (int minute = 0; minute < 50; minute++) {
            for (int i = 0; i < 10; i++) {
                engine.process(List.of(mention(7, "outage", clock.instant())));
            }
            clock.advance(Duration.ofMinutes(1));
            engine.tick();
        }
        assertThat(sink.alerts)
                .extracting(alert -> alert.summary().get("phase"))
                .containsExactly("started", "still_going");
        FiredAlert started = sink.alerts.getFirst();
        assertThat(started.kind()).isEqualTo(AlertKind.VOLUME_SPIKE);
        assertThat(started.severity()).isPresent();
        assertThat(started.reason()).contains("mentions in the last 10 min").contains("started");
        assertThat(started.summary().get("baseline").toString()).contains("weeks before");
        // back to normal: the episode ends, and a new spike after the cooldown starts again
        for (int minute = 0; minute < 60; minute++) {
            clock.advance(Duration.ofMinutes(1));
            engine.tick();
        }
        assertThat(state.value(1, "episode")).contains("");
        assertThat(sink.alerts).hasSize(2);
    }

    @Test
    void aSentimentShiftComparesTheWindowsShareWithTheWeekBefore() {
        Condition.SentimentShift shift = new Condition.SentimentShift(
                SentimentLabel.NEGATIVE, Duration.ofMinutes(60), Sensitivity.MEDIUM, 20, 0.10, Duration.ofHours(2));
        Instant start = T0.minus(Duration.ofDays(7));
        clock.set(start);
        put(rule(1, shift, Fatigue.DEFAULT, RuleScope.ofTopics(List.of(7L)), start));
        int i = 0;
        while (clock.instant().isBefore(T0)) {
            SentimentLabel label = i++ % 10 == 0 ? SentimentLabel.NEGATIVE : SentimentLabel.POSITIVE;
            engine.process(List.of(mention(7, "x", clock.instant(), label, OptionalLong.empty())));
            clock.advance(Duration.ofMinutes(10));
            engine.tick();
        }
        assertThat(sink.alerts).isEmpty();
        for (int minute = 0; minute < 60; minute++) {
            SentimentLabel label = minute % 2 == 0 ? SentimentLabel.NEGATIVE : SentimentLabel.NEUTRAL;
            engine.process(List.of(mention(7, "x", clock.instant(), label, OptionalLong.empty())));
            clock.advance(Duration.ofMinutes(1));
            engine.tick();
        }
        assertThat(sink.alerts).singleElement().satisfies(alert -> {
            assertThat(alert.kind()).isEqualTo(AlertKind.SENTIMENT_SHIFT);
            assertThat((double) alert.summary().get("expected"))
                    .isCloseTo(0.1, org.assertj.core.data.Offset.offset(0.01));
            assertThat((double) alert.summary().get("p_value")).isLessThan(0.001);
            assertThat(alert.reason()).startsWith("negative share");
        });
    }

    @Test
    void aNewSpikeRuleCountsTheArchiveSoItsBaselineIsReadyAtOnce() {
        for (int day = 1; day <= 14; day++) {
            for (int m = 0; m < 24 * 60; m += 10) {
                archive.add(mention(7, "hum", T0.minus(Duration.ofDays(day)).plus(Duration.ofMinutes(m))));
            }
        }
        Condition.VolumeSpike spike =
                new Condition.VolumeSpike(Duration.ofMinutes(30), Sensitivity.HIGH, 10, Duration.ofHours(1));
        put(rule(1, spike, Fatigue.DEFAULT, RuleScope.ofTopics(List.of(7L)), T0));
        for (int i = 0; i < 40; i++) {
            engine.process(List.of(mention(7, "outage", clock.instant())));
        }
        clock.advance(Duration.ofMinutes(1));
        engine.tick();
        assertThat(sink.alerts)
                .singleElement()
                .satisfies(alert -> assertThat(alert.reason()).contains("42 mentions in the last 30 min"));
    }

    @Test
    void pausedAndRemovedRulesWatchNothing() {
        AlertRule rule = rule(1, new Condition.EveryMatch(), Fatigue.DEFAULT, RuleScope.ofTopics(List.of(7L)), T0);
        put(rule.withPaused(true, T0));
        engine.process(List.of(mention(7, "x", T0)));
        put(rule);
        engine.remove(1);
        engine.drain();
        engine.process(List.of(mention(7, "y", T0)));
        clock.advance(Duration.ofSeconds(5));
        engine.tick();
        assertThat(sink.alerts).isEmpty();
        assertThat(engine.activeRules()).isZero();
    }

    @Test
    void aFullQueueCountsWhatItCouldNotTakeAndNeverBlocks() {
        AlertEngine tiny = new AlertEngine(state, sink, RecentMentions.NONE, InfluenceLookup.NONE, clock, 1);
        tiny.mentionsStored(List.of(mention(7, "a", T0)));
        tiny.mentionsStored(List.of(mention(7, "b", T0), mention(7, "c", T0)));
        assertThat(tiny.dropped()).isEqualTo(2);
        tiny.close();
    }
}
