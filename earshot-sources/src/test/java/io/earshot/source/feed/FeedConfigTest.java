package io.earshot.source.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Config validation with messages that say what to fix; the cursor's format. */
class FeedConfigTest {

    private static final FeedSubscription NEWS = FeedSubscription.of("https://news.example.com/feed.xml", "News");

    @Test
    void defaults_are_polite() {
        FeedConfig config = FeedConfig.of(List.of(NEWS));
        assertThat(config.interval()).isEqualTo(Duration.ofMinutes(15));
        assertThat(config.jitter()).isEqualTo(0.1);
        assertThat(config.maxBodyBytes()).isEqualTo(10L << 20);
        assertThat(config.sourceId()).isEqualTo("feeds");
        assertThat(config.requireProductionLimits()).isSameAs(config);
        assertThat(config.intervalOf(NEWS.withInterval(Duration.ofHours(1)))).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void production_limits_refuse_polling_faster_than_a_minute() {
        FeedConfig fast = FeedConfig.of(List.of(NEWS)).withInterval(Duration.ofSeconds(10), 0.1);
        assertThatThrownBy(fast::requireProductionLimits)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("feed: the interval must be at least 1 min, got 10 s");
        FeedConfig oneFast = FeedConfig.of(List.of(NEWS.withInterval(Duration.ofMillis(500))));
        assertThatThrownBy(oneFast::requireProductionLimits)
                .hasMessage(
                        "feed: the interval of https://news.example.com/feed.xml must be at least 1 min, got 500 ms");
    }

    @Test
    void invalid_configs_say_what_is_wrong() {
        assertThatThrownBy(() -> FeedConfig.of(List.of())).hasMessageContaining("list at least one feed");
        assertThatThrownBy(
                        () -> FeedConfig.of(List.of(NEWS, FeedSubscription.of("http://www.news.example.com/feed.xml"))))
                .hasMessageContaining("is listed twice");
        assertThatThrownBy(() -> FeedConfig.of(List.of(NEWS)).withInterval(Duration.ofMinutes(5), 0.9))
                .hasMessageContaining("jitter is a fraction from 0 to 0.5");
        assertThatThrownBy(() -> FeedConfig.of(List.of(NEWS)).withBackoff(Duration.ofMinutes(5), Duration.ofMinutes(1)))
                .hasMessageContaining("0 < initialBackoff <= maxBackoff");
        assertThatThrownBy(() -> FeedConfig.of(List.of(NEWS)).withMaxBodyBytes(0))
                .hasMessageContaining("maxBodyBytes");
        assertThatThrownBy(() -> FeedConfig.of(List.of(NEWS)).withSourceId(" ")).hasMessageContaining("sourceId");
        assertThatThrownBy(() -> FeedSubscription.of("ftp://example.com/feed"))
                .hasMessage(
                        "feed: a feed address is an http:// or https:// URL with a host, got 'ftp://example.com/feed'");
        assertThatThrownBy(() -> FeedSubscription.of("https://exa mple.com/feed"))
                .hasMessageStartingWith("feed: 'https://exa mple.com/feed' is not a valid URL");
        assertThatThrownBy(() -> NEWS.withInterval(Duration.ZERO)).hasMessageContaining("must be positive");
    }

    @Test
    void subscriptions_drop_blank_titles() {
        FeedSubscription feed =
                new FeedSubscription(URI.create("https://a.example/feed"), Optional.of("  "), Optional.empty());
        assertThat(feed.title()).isEmpty();
    }

    @Test
    void the_cursor_round_trips_and_ignores_what_is_not_ours() {
        Map<String, Validators> validators = Map.of(
                "https://a.example/feed",
                new Validators(Optional.of("\"abc\""), Optional.of("Tue, 07 Jul 2026 10:00:00 GMT")),
                "https://b.example/feed",
                Validators.NONE);
        String cursor = FeedCursor.format(validators);
        assertThat(cursor).doesNotContain("b.example");
        assertThat(FeedCursor.parse(cursor))
                .hasValue(Map.of("https://a.example/feed", validators.get("https://a.example/feed")));
        assertThat(FeedCursor.parse("1725000000000000")).isEmpty();
        assertThat(FeedCursor.parse("{not json")).isEmpty();
        assertThat(FeedCursor.parse("{\"feeds\":[]}")).isEmpty();
    }

    @Test
    void validators_too_long_or_unprintable_are_not_sent_back() {
        assertThat(new Validators(Optional.of("\"" + "x".repeat(600) + "\""), Optional.of("a\nb")).isEmpty())
                .isTrue();
    }
}
