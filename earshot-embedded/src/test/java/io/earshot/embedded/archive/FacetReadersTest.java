package io.earshot.embedded.archive;

import static io.earshot.embedded.archive.AnalyticsArchiveTest.END;
import static io.earshot.embedded.archive.AnalyticsArchiveTest.T0;
import static io.earshot.embedded.archive.AnalyticsArchiveTest.author;
import static io.earshot.embedded.archive.AnalyticsArchiveTest.mention;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.earshot.analytics.AnalyticsScope;
import io.earshot.analytics.Facet;
import io.earshot.analytics.MentionAnalytics;
import io.earshot.analytics.MentionAnalytics.RankedValue;
import io.earshot.analytics.Rank;
import io.earshot.domain.Engagement;
import io.earshot.domain.Mention;
import io.earshot.domain.Network;
import io.earshot.enrich.sentiment.SentimentLabel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Analytics kept warm: answers from a reader at most the lag behind, numbered in the background, then catches up. */
class FacetReadersTest {

    private static final AnalyticsScope TOPIC_1 = AnalyticsScope.of(List.of(1L), T0, END);

    @TempDir
    Path dir;

    LuceneMentionArchive archive;
    MentionAnalytics analytics;

    @BeforeEach
    void open() {
        archive = LuceneMentionArchive.open(dir);
        analytics = archive.analytics();
        AnalyticsArchiveTest.mentions().forEach(mention -> {
            archive.upsert(List.of(mention));
            archive.refresh();
        });
    }

    @AfterEach
    void close() {
        archive.close();
    }

    @Test
    void withoutWarmingEveryQuerySeesEveryRefreshedWrite() {
        assertThat(spaceCount()).isEqualTo(2);
        write("n1");
        assertThat(spaceCount()).isEqualTo(3);
    }

    @Test
    void keptWarmAQueryWithinTheLagAnswersFromTheWarmReaderUntilTheNextTick() throws Exception {
        // a lag so long that the background tick never comes during the test: the test ticks by hand
        archive.keepAnalyticsWarm(Duration.ofMinutes(10));
        assertThat(spaceCount()).isEqualTo(2); // asks for the hashtags column: it is kept warm from now on
        archive.facetReaders().warm();
        write("n1");
        assertThat(spaceCount()).as("within the lag, the warm reader answers").isEqualTo(2);
        archive.facetReaders().warm();
        assertThat(spaceCount()).as("the next tick numbers the new reader").isEqualTo(3);
        // a column asked for the first time is counted on the live reader at once, then kept warm too
        assertThat(analytics.top(TOPIC_1, Facet.TERMS, Rank.COUNT, 1))
                .extracting(RankedValue::value)
                .containsExactly("rocket");
        archive.facetReaders().warm();
        write("n2");
        assertThat(spaceCount()).isEqualTo(3);
        archive.facetReaders().warm();
        assertThat(spaceCount()).isEqualTo(4);
    }

    @Test
    void theBackgroundThreadCatchesUpWithinTheLag() throws Exception {
        archive.keepAnalyticsWarm(Duration.ofMillis(300));
        assertThat(spaceCount()).isEqualTo(2);
        write("n1");
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (spaceCount() != 3 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(spaceCount()).isEqualTo(3);
    }

    @Test
    void aLagMustBePositiveAndIsSetOnce() {
        assertThatThrownBy(() -> archive.keepAnalyticsWarm(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        archive.keepAnalyticsWarm(Duration.ofSeconds(1));
        assertThatThrownBy(() -> archive.keepAnalyticsWarm(Duration.ofSeconds(1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already");
    }

    private long spaceCount() {
        return analytics.top(TOPIC_1, Facet.HASHTAGS, Rank.COUNT, 10).stream()
                .filter(value -> value.value().equals("space"))
                .mapToLong(RankedValue::mentions)
                .sum();
    }

    private void write(String id) {
        Mention mention = mention(
                id,
                author(Network.BLUESKY, "z", 3),
                T0.plus(Duration.ofMinutes(30)),
                "more #space news",
                "en",
                SentimentLabel.NEUTRAL,
                null,
                Engagement.NONE,
                1);
        archive.upsert(List.of(mention));
        archive.refresh();
    }
}
