package io.earshot.embedded.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import io.earshot.analytics.AnalyticsScope;
import io.earshot.analytics.Dimension;
import io.earshot.analytics.Facet;
import io.earshot.analytics.Interval;
import io.earshot.analytics.MentionAnalytics;
import io.earshot.analytics.MentionAnalytics.RankedValue;
import io.earshot.analytics.MentionAnalytics.TopicTotals;
import io.earshot.analytics.MentionAnalytics.VolumeSeries;
import io.earshot.analytics.Rank;
import io.earshot.domain.Author;
import io.earshot.domain.Engagement;
import io.earshot.domain.Mention;
import io.earshot.domain.Network;
import io.earshot.domain.Post;
import io.earshot.domain.PostKey;
import io.earshot.domain.Span;
import io.earshot.domain.TopicMatch;
import io.earshot.enrich.Enrichment;
import io.earshot.enrich.emotion.Emotion;
import io.earshot.enrich.emotion.EmotionLabel;
import io.earshot.enrich.entity.Entities;
import io.earshot.enrich.sentiment.Sentiment;
import io.earshot.enrich.sentiment.SentimentLabel;
import io.earshot.query.QueryParser;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Analytics over a small archive on disk, written in several segments, with exact expected counts. */
class AnalyticsArchiveTest {

    static final Instant T0 = Instant.parse("2025-03-01T12:00:00Z");
    static final Instant END = T0.plus(Duration.ofHours(3));

    @TempDir
    Path dir;

    LuceneMentionArchive archive;
    MentionAnalytics analytics;

    @BeforeEach
    void write() {
        archive = LuceneMentionArchive.open(dir);
        analytics = archive.analytics();
        for (Mention mention : mentions()) {
            archive.upsert(List.of(mention));
            archive.refresh(); // one segment each: counts must add up across segments
        }
        // written again: the first copy is deleted in its segment and must not count twice
        archive.upsert(List.of(mentions().get(1)));
        archive.refresh();
    }

    @AfterEach
    void close() {
        archive.close();
    }

    /** The archive each test reads. */
    static List<Mention> mentions() {
        List<Mention> mentions = new ArrayList<>();
        mentions.add(mention(
                "m1",
                author(Network.BLUESKY, "a", 100),
                T0,
                "Acme rocket launch #space https://www.example.com/a",
                "en",
                SentimentLabel.POSITIVE,
                EmotionLabel.JOY,
                new Engagement(5, 0, 0, 0),
                1));
        mentions.add(mention(
                "m2",
                author(Network.BLUESKY, "b", -1),
                T0.plus(Duration.ofMinutes(10)),
                "acme rocket delay",
                "en",
                SentimentLabel.NEGATIVE,
                EmotionLabel.ANGER,
                new Engagement(1, 2, 0, 0),
                1));
        mentions.add(mention(
                "m3",
                author(Network.BLUESKY, "a", 100),
                T0.plus(Duration.ofMinutes(70)),
                "rocket vs globex #Space",
                "fr",
                SentimentLabel.POSITIVE,
                null,
                Engagement.NONE,
                1,
                2));
        mentions.add(mention(
                "m4",
                author(Network.MASTODON, "c", 50),
                T0.plus(Duration.ofHours(2)),
                "globex anvil sale example.com/b",
                "en",
                SentimentLabel.NEUTRAL,
                null,
                new Engagement(0, 0, 0, 10),
                2));
        // before the window: the baseline of trending
        mentions.add(mention(
                "m5",
                author(Network.BLUESKY, "a", 100),
                T0.minus(Duration.ofHours(1)),
                "old acme news",
                "en",
                SentimentLabel.POSITIVE,
                null,
                Engagement.NONE,
                1));
        // in the window but of no topic: never counted
        mentions.add(mention(
                "m6",
                author(Network.BLUESKY, "d", 7),
                T0.plus(Duration.ofMinutes(5)),
                "rocket rocket",
                "en",
                SentimentLabel.POSITIVE,
                null,
                Engagement.NONE));
        return mentions;
    }

    @Test
    void volumePerHourCountsAMentionOfTwoTopicsOnce() {
        VolumeSeries brand = analytics.volume(scope(1), Interval.HOUR, ZoneOffset.UTC, Optional.empty());
        assertThat(brand.bucketStarts())
                .containsExactly(T0, T0.plus(Duration.ofHours(1)), T0.plus(Duration.ofHours(2)));
        assertThat(brand.counts().get("all")).containsExactly(2, 1, 0);
        assertThat(brand.total()).isEqualTo(3);

        VolumeSeries both = analytics.volume(scope(1, 2), Interval.HOUR, ZoneOffset.UTC, Optional.empty());
        assertThat(both.counts().get("all")).containsExactly(2, 1, 1);
        assertThat(both.total()).isEqualTo(4);
    }

    @Test
    void volumeSplitsBySentimentLanguageNetworkAndEmotion() {
        VolumeSeries sentiment =
                analytics.volume(scope(1, 2), Interval.HOUR, ZoneOffset.UTC, Optional.of(Dimension.SENTIMENT));
        assertThat(sentiment.counts().keySet()).containsExactly("positive", "negative", "neutral");
        assertThat(sentiment.counts().get("positive")).containsExactly(1, 1, 0);
        assertThat(sentiment.counts().get("negative")).containsExactly(1, 0, 0);
        assertThat(sentiment.counts().get("neutral")).containsExactly(0, 0, 1);

        VolumeSeries lang = analytics.volume(scope(1, 2), Interval.HOUR, ZoneOffset.UTC, Optional.of(Dimension.LANG));
        assertThat(lang.counts().get("en")).containsExactly(2, 0, 1);
        assertThat(lang.counts().get("fr")).containsExactly(0, 1, 0);

        VolumeSeries network =
                analytics.volume(scope(1, 2), Interval.HOUR, ZoneOffset.UTC, Optional.of(Dimension.NETWORK));
        assertThat(network.counts().get("bluesky")).containsExactly(2, 1, 0);
        assertThat(network.counts().get("mastodon")).containsExactly(0, 0, 1);

        VolumeSeries emotion =
                analytics.volume(scope(1, 2), Interval.HOUR, ZoneOffset.UTC, Optional.of(Dimension.EMOTION));
        assertThat(emotion.counts().keySet()).containsExactly("anger", "joy", "none");
        assertThat(emotion.counts().get("none")).containsExactly(0, 1, 1);
    }

    @Test
    void daysStartAtLocalMidnightOfTheTimeZone() {
        // 12:00Z is 07:00 in New York (EST, UTC-5): the day bucket starts at 05:00Z
        VolumeSeries days =
                analytics.volume(scope(1, 2), Interval.DAY, ZoneId.of("America/New_York"), Optional.empty());
        assertThat(days.bucketStarts()).containsExactly(Instant.parse("2025-03-01T05:00:00Z"));
        assertThat(days.counts().get("all")).containsExactly(4);
        assertThatThrownBy(() -> analytics.volume(
                        AnalyticsScope.of(List.of(1L), T0, T0.plus(Duration.ofDays(30))),
                        Interval.MINUTE,
                        ZoneOffset.UTC,
                        Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("more than 10000 minute buckets");
    }

    @Test
    void filtersNarrowTheScope() {
        AnalyticsScope all = scope(1, 2);
        assertThat(total(new AnalyticsScope(
                        all.topics(),
                        T0,
                        END,
                        Optional.of("positive"),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty())))
                .isEqualTo(2);
        assertThat(total(new AnalyticsScope(
                        all.topics(),
                        T0,
                        END,
                        Optional.empty(),
                        Optional.of("anger"),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty())))
                .isEqualTo(1);
        assertThat(total(new AnalyticsScope(
                        all.topics(),
                        T0,
                        END,
                        Optional.empty(),
                        Optional.empty(),
                        Optional.of("mastodon"),
                        Optional.of("en"),
                        Optional.empty())))
                .isEqualTo(1);
        assertThat(total(new AnalyticsScope(
                        all.topics(),
                        T0,
                        END,
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.of(QueryParser.parse("launch OR sale").root()))))
                .isEqualTo(2);
    }

    @Test
    void totalsByTopicGiveVolumePositiveVolumeAndReach() {
        List<TopicTotals> totals = analytics.totalsByTopic(scope(1, 2));
        assertThat(totals).containsExactly(new TopicTotals(1, 3, 2, 1, 200, 2), new TopicTotals(2, 2, 1, 0, 150, 2));
    }

    @Test
    void topRanksByCountThenValueAndByEngagement() {
        assertThat(analytics.top(scope(1, 2), Facet.AUTHORS, Rank.COUNT, 10))
                .extracting(RankedValue::value, RankedValue::mentions)
                .containsExactly(tuple("bluesky:a", 2L), tuple("bluesky:b", 1L), tuple("mastodon:c", 1L));
        assertThat(analytics.top(scope(1, 2), Facet.AUTHORS, Rank.ENGAGEMENT, 2))
                .containsExactly(new RankedValue("mastodon:c", 1, 10), new RankedValue("bluesky:a", 2, 5));
        assertThat(analytics.top(scope(1, 2), Facet.HASHTAGS, Rank.COUNT, 10))
                .containsExactly(new RankedValue("space", 2, 5));
        assertThat(analytics.top(scope(1, 2), Facet.DOMAINS, Rank.COUNT, 10))
                .containsExactly(new RankedValue("example.com", 2, 15));
        assertThat(analytics.top(scope(1, 2), Facet.LINKS, Rank.COUNT, 10)).hasSize(2);
        assertThat(analytics.top(scope(1), Facet.TERMS, Rank.COUNT, 3))
                .containsExactly(
                        new RankedValue("rocket", 3, 8), new RankedValue("acme", 2, 8), new RankedValue("delay", 1, 3));
    }

    @Test
    void trendingScoresAgainstTheVolumeScaledBaseline() {
        List<MentionAnalytics.TrendingValue> trending =
                analytics.trending(scope(1), T0.minus(Duration.ofHours(3)), Facet.TERMS, 1, 10);
        // window: 3 mentions, baseline: 1 ("old acme news"); ratio 3; rocket expected 0.5 x 3 = 1.5
        assertThat(trending).hasSize(1);
        assertThat(trending.getFirst().value()).isEqualTo("rocket");
        assertThat(trending.getFirst().count()).isEqualTo(3);
        assertThat(trending.getFirst().baselineCount()).isZero();
        assertThat(trending.getFirst().expected()).isEqualTo(1.5);
        assertThat(trending.getFirst().score()).isCloseTo(1.5 / Math.sqrt(1.5), within(1e-12));
    }

    @Test
    void summaryCountsBySentiment() {
        assertThat(analytics.summary(scope(1))).isEqualTo(new MentionAnalytics.Summary(3, 2, 0, 1));
        assertThat(analytics.summary(AnalyticsScope.of(List.of(1L), T0.minus(Duration.ofHours(3)), T0)))
                .isEqualTo(new MentionAnalytics.Summary(1, 1, 0, 0));
    }

    private long total(AnalyticsScope scope) {
        return analytics
                .volume(scope, Interval.HOUR, ZoneOffset.UTC, Optional.empty())
                .total();
    }

    private static AnalyticsScope scope(long... topics) {
        List<Long> ids = new ArrayList<>();
        for (long topic : topics) {
            ids.add(topic);
        }
        return AnalyticsScope.of(ids, T0, END);
    }

    static Author author(Network network, String id, long followers) {
        return new Author(
                network,
                id,
                Optional.empty(),
                Optional.empty(),
                followers < 0 ? OptionalLong.empty() : OptionalLong.of(followers));
    }

    static Mention mention(
            String id,
            Author author,
            Instant at,
            String text,
            String lang,
            SentimentLabel sentiment,
            EmotionLabel emotion,
            Engagement engagement,
            long... topics) {
        Post.Builder builder = Post.builder(new PostKey(author.network(), id), author, at)
                .text(text)
                .lang(lang);
        for (String word : text.split(" ")) {
            if (word.contains(".") && word.contains("/")) {
                builder.link(word); // what a source's mapper finds in the text
            }
        }
        Post post = builder.build();
        List<TopicMatch> matches = new ArrayList<>();
        for (long topic : topics) {
            matches.add(new TopicMatch(topic, List.of(new Span(0, 3))));
        }
        Enrichment heard = new Enrichment(
                new Sentiment(sentiment, 0.9),
                Optional.ofNullable(emotion).map(label -> new Emotion(label, 0.8)),
                lang,
                Entities.NONE);
        return new Mention(post, matches, engagement, Optional.of(heard), Optional.empty());
    }
}
